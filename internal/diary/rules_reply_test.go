package diary_test

import (
	"testing"
	"time"
	_ "time/tzdata" // zones for the DST cases, whatever the machine has

	"github.com/schooldiary/diary/internal/diary"
)

func utc(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestReplyDue(t *testing.T) {
	school := diary.School{Code: "s1"}
	bySchoolDays := diary.School{Code: "s1", ReplyRule: diary.ReplySchoolDays}
	berlin := diary.School{Code: "b", TimeZone: "Europe/Berlin", ReplyRule: diary.ReplySchoolDays}
	tests := []struct {
		name   string
		sent   string
		school diary.School
		cal    diary.Calendar
		want   string
	}{
		{"default 48 hours", "2026-10-23T15:45:00Z", school, testCalendar(5), "2026-10-25T15:45:00Z"},
		{"calendar days ignore vacation", "2026-10-27T09:00:00Z", school, testCalendar(5), "2026-10-29T09:00:00Z"},
		{"three calendar days", "2026-10-23T15:45:00Z", diary.School{ReplyDays: 3}, diary.Calendar{}, "2026-10-26T15:45:00Z"},
		{"calendar rule across DST is elapsed time", "2026-03-28T12:00:00+01:00", diary.School{TimeZone: "Europe/Berlin"}, diary.Calendar{}, "2026-03-30T13:00:00+02:00"},
		{"school days over weekend and vacation", "2026-10-23T18:45:00+03:00", bySchoolDays, testCalendar(5), "2026-11-06T18:45:00+03:00"},
		{"sent on saturday", "2026-10-24T10:00:00+03:00", bySchoolDays, testCalendar(5), "2026-11-06T10:00:00+03:00"},
		{"plain week", "2026-09-14T08:00:00+03:00", bySchoolDays, testCalendar(5), "2026-09-16T08:00:00+03:00"},
		{"day by the school's zone, not UTC", "2026-12-24T22:30:00Z", bySchoolDays, testCalendar(5), "2026-12-29T01:30:00+03:00"},
		{"six-day week from the school", "2026-12-24T22:30:00Z", diary.School{ReplyRule: diary.ReplySchoolDays, SchoolDays: 6}, diary.Calendar{}, "2026-12-28T01:30:00+03:00"},
		{"same wall clock across DST", "2026-03-27T02:30:00+01:00", berlin, diary.Calendar{}, "2026-03-31T02:30:00+02:00"},
		{"same wall clock across DST end", "2026-10-23T09:00:00+02:00", berlin, diary.Calendar{}, "2026-10-27T09:00:00+01:00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := diary.ReplyDue(utc(tt.sent), tt.school, tt.cal)
			if want := utc(tt.want); !got.Equal(want) || got.Location() != time.UTC {
				t.Errorf("ReplyDue() = %s, want %s UTC", got, want.UTC())
			}
		})
	}
}
