package diary_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/diary"
)

// Class 5А (id 1) and 5Б (id 2) share level 5; 5А has groups 10 and 11.
var (
	class5A = diary.Class{ID: 1, Name: "5А", Level: 5}
	class5B = diary.Class{ID: 2, Name: "5Б", Level: 5}
)

// slot returns a slot of subject 7 of class 5А (group g) on wd at number n.
func slot(g int64, wd time.Weekday, n int) diary.Slot {
	return diary.Slot{ClassID: 1, GroupID: g, SubjectID: 7, Weekday: wd, Number: n}
}

// dated returns a journal lesson of subject 7 of class 5А.
func dated(id, g int64, date string, n int) diary.Lesson {
	return diary.Lesson{ID: id, ClassID: 1, GroupID: g, SubjectID: 7, Date: d(date), Number: n}
}

// planStrings renders lessons as «date/number/gGROUP/P» (planned) or «…/D» (dated).
func planStrings(ls []diary.PlannedLesson) []string {
	out := []string{}
	for _, l := range ls {
		kind := "D"
		if l.Planned {
			kind = "P"
		}
		out = append(out, fmt.Sprintf("%s/%d/g%d/%s", l.Date, l.Number, l.GroupID, kind))
	}
	return out
}

func TestPlanLessons(t *testing.T) {
	quarantine := diary.DayOff{Name: "карантин 5А", Kind: diary.Quarantine, ClassID: 1, Start: d("2026-11-09"), End: d("2026-11-11")}
	fromMid := slot(0, time.Thursday, 3)
	fromMid.ValidFrom = d("2026-11-12")
	tests := []struct {
		name     string
		days     int
		extraOff []diary.DayOff
		aud      diary.Audience
		slots    []diary.Slot
		dated    []diary.Lesson
		from, to string
		want     []string
	}{
		{name: "holiday on wednesday skipped", aud: diary.Audience{Class: class5A},
			slots: []diary.Slot{slot(0, time.Wednesday, 2)}, from: "2026-11-02", to: "2026-11-13",
			want: []string{"2026-11-11/2/g0/P"}},
		{name: "vacation skipped", aud: diary.Audience{Class: class5A},
			slots: []diary.Slot{slot(0, time.Monday, 1)}, from: "2026-10-19", to: "2026-11-09",
			want: []string{"2026-10-19/1/g0/P", "2026-11-09/1/g0/P"}},
		{name: "quarantine of 5А closes 5А", extraOff: []diary.DayOff{quarantine}, aud: diary.Audience{Class: class5A},
			slots: []diary.Slot{slot(0, time.Tuesday, 1), slot(0, time.Thursday, 1)}, from: "2026-11-09", to: "2026-11-13",
			want: []string{"2026-11-12/1/g0/P"}},
		{name: "quarantine of 5А leaves 5Б", extraOff: []diary.DayOff{quarantine}, aud: diary.Audience{Class: class5B},
			slots: []diary.Slot{{ClassID: 2, SubjectID: 7, Weekday: time.Tuesday, Number: 1}}, from: "2026-11-09", to: "2026-11-13",
			want: []string{"2026-11-10/1/g0/P"}},
		{name: "saturday in a six-day week", days: 6, aud: diary.Audience{Class: class5A},
			slots: []diary.Slot{slot(0, time.Saturday, 4)}, from: "2026-11-09", to: "2026-11-21",
			want: []string{"2026-11-14/4/g0/P", "2026-11-21/4/g0/P"}},
		{name: "a class's saturday slots make its six-day week in a five-day school", days: 5, aud: diary.Audience{Class: class5A},
			slots: []diary.Slot{slot(0, time.Saturday, 4)}, from: "2026-11-09", to: "2026-11-21",
			want: []string{"2026-11-14/4/g0/P", "2026-11-21/4/g0/P"}},
		{name: "a five-day class has no saturday lessons in a six-day school", days: 6, aud: diary.Audience{Class: class5A},
			slots: []diary.Slot{slot(0, time.Monday, 1), slot(0, time.Friday, 1)}, from: "2026-11-13", to: "2026-11-16",
			want: []string{"2026-11-13/1/g0/P", "2026-11-16/1/g0/P"}},
		{name: "no lessons on sunday", aud: diary.Audience{Class: class5A},
			slots: []diary.Slot{slot(0, time.Sunday, 1)}, from: "2026-11-09", to: "2026-11-22", want: []string{}},
		{name: "a level's day off", extraOff: []diary.DayOff{{Name: "доп. день", MinLevel: 5, MaxLevel: 5, Start: d("2026-11-09"), End: d("2026-11-09")}},
			aud: diary.Audience{Class: class5A}, slots: []diary.Slot{slot(0, time.Monday, 1)}, from: "2026-11-09", to: "2026-11-16",
			want: []string{"2026-11-16/1/g0/P"}},
		{name: "slot valid from mid-period", aud: diary.Audience{Class: class5A},
			slots: []diary.Slot{fromMid}, from: "2026-11-02", to: "2026-11-20",
			want: []string{"2026-11-12/3/g0/P", "2026-11-19/3/g0/P"}},
		{name: "a group's student sees the group and the class", aud: diary.Audience{Class: class5A, Groups: []int64{10}},
			slots: []diary.Slot{slot(0, time.Monday, 1), slot(10, time.Monday, 2), slot(11, time.Monday, 2)},
			from:  "2026-11-09", to: "2026-11-09", want: []string{"2026-11-09/1/g0/P", "2026-11-09/2/g10/P"}},
		{name: "the class alone sees its own lessons", aud: diary.Audience{Class: class5A},
			slots: []diary.Slot{slot(0, time.Monday, 1), slot(10, time.Monday, 2), slot(11, time.Monday, 2)},
			from:  "2026-11-09", to: "2026-11-09", want: []string{"2026-11-09/1/g0/P"}},
		{name: "a dated lesson replaces the planned one of its slot", aud: diary.Audience{Class: class5A, Groups: []int64{10}},
			slots: []diary.Slot{slot(0, time.Monday, 1), slot(10, time.Monday, 2)},
			dated: []diary.Lesson{dated(5, 0, "2026-11-09", 1), dated(6, 10, "2026-11-09", 3), dated(7, 11, "2026-11-09", 2)},
			from:  "2026-11-09", to: "2026-11-09",
			want: []string{"2026-11-09/1/g0/D", "2026-11-09/2/g10/P", "2026-11-09/3/g10/D"}},
		{name: "a dated lesson on a holiday stays", aud: diary.Audience{Class: class5A},
			slots: []diary.Slot{slot(0, time.Wednesday, 2)}, dated: []diary.Lesson{dated(5, 0, "2026-11-04", 2)},
			from: "2026-11-02", to: "2026-11-06", want: []string{"2026-11-04/2/g0/D"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cal := testCalendar(tt.days)
			cal.DaysOff = append(cal.DaysOff, tt.extraOff...)
			got := planStrings(diary.PlanLessons(cal, tt.aud, tt.slots, tt.dated, d(tt.from), d(tt.to)))
			if !slices.Equal(got, tt.want) {
				t.Errorf("PlanLessons = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestRemainingLessons(t *testing.T) {
	q2 := diary.Period{ExtID: "q2", MinLevel: 1, MaxLevel: 9, Start: d("2026-11-05"), End: d("2026-12-28")}
	cal := testCalendar(5)
	cal.DaysOff = append(cal.DaysOff, diary.DayOff{Name: "день здоровья", Kind: diary.Holiday, Start: d("2026-12-23"), End: d("2026-12-23")})
	slots := []diary.Slot{slot(0, time.Monday, 2), slot(0, time.Wednesday, 2), slot(0, time.Friday, 2),
		{ClassID: 1, SubjectID: 8, Weekday: time.Tuesday, Number: 1}}
	journal := []diary.Lesson{dated(1, 0, "2026-12-07", 2), dated(2, 0, "2026-12-09", 2), dated(3, 0, "2026-12-14", 2),
		{ID: 4, ClassID: 1, SubjectID: 8, Date: d("2026-12-08"), Number: 1}}
	tests := []struct {
		name         string
		after        string
		left         []string
		third, fifth string
		swap         bool // 11 December's lesson 2 is Russian in the journal
	}{
		{name: "holiday inside the last three lessons", after: "2026-12-10",
			left: []string{"2026-12-11/2/g0/P", "2026-12-14/2/g0/D", "2026-12-16/2/g0/P", "2026-12-18/2/g0/P",
				"2026-12-21/2/g0/P", "2026-12-25/2/g0/P", "2026-12-28/2/g0/P"},
			third: "2026-12-21", fifth: "2026-12-16"},
		{name: "the past is the journal's", after: "2026-12-22",
			left: []string{"2026-12-25/2/g0/P", "2026-12-28/2/g0/P"}, third: "2026-12-14", fifth: "2026-12-07"},
		{name: "a swapped lesson of another subject takes the slot", after: "2026-12-10",
			swap: true,
			left: []string{"2026-12-14/2/g0/D", "2026-12-16/2/g0/P", "2026-12-18/2/g0/P",
				"2026-12-21/2/g0/P", "2026-12-25/2/g0/P", "2026-12-28/2/g0/P"},
			third: "2026-12-21", fifth: "2026-12-16"},
		{name: "before the period starts", after: "2026-10-30",
			left: nil, third: "2026-12-21", fifth: "2026-12-16"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dated := journal
			if tt.swap {
				dated = append(slices.Clone(journal), diary.Lesson{ID: 9, ClassID: 1, SubjectID: 8, Date: d("2026-12-11"), Number: 2})
			}
			r := diary.RemainingLessons(cal, diary.Audience{Class: class5A}, 7, slots, dated, q2, d(tt.after))
			if tt.left != nil && !slices.Equal(planStrings(r.Left), tt.left) {
				t.Errorf("Left = %q, want %q", planStrings(r.Left), tt.left)
			}
			if r.ThirdToLast != d(tt.third) || r.FifthToLast != d(tt.fifth) {
				t.Errorf("third, fifth to last = %s, %s; want %s, %s", r.ThirdToLast, r.FifthToLast, tt.third, tt.fifth)
			}
		})
	}
}

func TestRemainingLessonsTooFew(t *testing.T) {
	p := diary.Period{MinLevel: 1, MaxLevel: 9, Start: d("2026-12-01"), End: d("2026-12-11")}
	r := diary.RemainingLessons(testCalendar(5), diary.Audience{Class: class5A}, 7,
		[]diary.Slot{slot(0, time.Monday, 1)}, nil, p, d("2026-11-30"))
	if len(r.Left) != 1 || !r.ThirdToLast.IsZero() || !r.FifthToLast.IsZero() {
		t.Errorf("one lesson left: got %q, third %s, fifth %s; want one and zero dates",
			planStrings(r.Left), r.ThirdToLast, r.FifthToLast)
	}
}

func TestValidateTimetable(t *testing.T) {
	in := func(line int, group string, wd time.Weekday, n int, from, to string) diary.SlotIn {
		s := diary.SlotIn{Src: src("timetable.csv", line), ClassRef: "5a", GroupRef: group, SubjectRef: "math",
			Slot: diary.Slot{Weekday: wd, Number: n}}
		if from != "" {
			s.Slot.ValidFrom = d(from)
		}
		if to != "" {
			s.Slot.ValidTo = d(to)
		}
		return s
	}
	tests := []struct {
		name  string
		slots []diary.SlotIn
		want  []string
	}{
		{"a timetable changed on 1 November", []diary.SlotIn{in(2, "", time.Monday, 1, "", "2026-10-31"),
			in(3, "", time.Monday, 1, "2026-11-01", "")}, nil},
		{"two groups at one place", []diary.SlotIn{in(2, "en1", time.Monday, 1, "", ""), in(3, "en2", time.Monday, 1, "", "")}, nil},
		{"overlapping dates", []diary.SlotIn{in(2, "", time.Monday, 1, "", "2026-11-15"),
			in(3, "", time.Monday, 1, "2026-11-01", "")}, []string{"timetable.csv:3 number"}},
		{"twice without dates", []diary.SlotIn{in(2, "", time.Friday, 6, "", ""), in(3, "", time.Friday, 6, "", "")},
			[]string{"timetable.csv:3 number"}},
		{"sunday, number 13, dates reversed", []diary.SlotIn{in(2, "", time.Sunday, 13, "2026-12-01", "2026-11-01")},
			[]string{"timetable.csv:2 number", "timetable.csv:2 valid_to", "timetable.csv:2 weekday"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := &diary.Batch{School: diary.School{Code: "voivozh"}, Timetable: tt.slots}
			got := problems(b.Validate())
			slices.Sort(got)
			if !slices.Equal(got, tt.want) {
				t.Errorf("problems = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestPlanLessonsOneLessonAPlace(t *testing.T) {
	a, b := slot(0, time.Monday, 1), slot(0, time.Monday, 1)
	b.SubjectID = 8
	got := diary.PlanLessons(testCalendar(5), diary.Audience{Class: class5A}, []diary.Slot{a, b}, nil, d("2026-11-09"), d("2026-11-09"))
	if len(got) != 1 || got[0].SubjectID != 7 {
		t.Errorf("two slots at one place planned %+v; want the first one's lesson", got)
	}
}
