package demo

import (
	"testing"

	"github.com/schooldiary/diary/internal/diary"
)

func TestSchoolDays(t *testing.T) {
	cal := newCalendar(2025)
	tests := []struct {
		name  string
		date  string
		level int
		want  bool
	}{
		{"first day, Monday", "2025-09-01", 5, true},
		{"Saturday, fifth class", "2025-09-06", 5, false},
		{"Saturday, tenth class", "2025-09-06", 10, true},
		{"Sunday, eleventh class", "2025-09-07", 11, false},
		{"last day of the first quarter", "2025-10-24", 3, true},
		{"autumn vacation", "2025-10-28", 7, false},
		{"autumn vacation, halves", "2025-10-28", 10, false},
		{"national unity day", "2025-11-04", 9, false},
		{"second quarter", "2025-11-05", 9, true},
		{"winter vacation", "2026-01-05", 4, false},
		{"third quarter starts", "2026-01-12", 4, true},
		{"first-graders' February week", "2026-02-17", 1, false},
		{"second class in that week", "2026-02-17", 2, true},
		{"defender of the fatherland day", "2026-02-23", 6, false},
		{"spring vacation", "2026-03-24", 6, false},
		{"fourth quarter", "2026-04-01", 6, true},
		{"victory day", "2026-05-09", 10, false},
		{"last day", "2026-05-26", 8, true},
		{"summer", "2026-05-27", 8, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, got := cal.schoolDay(tt.level, diary.MustDate(tt.date)); got != tt.want {
				t.Errorf("schoolDay(%d, %s) = %v, want %v", tt.level, tt.date, got, tt.want)
			}
		})
	}
}

func TestPeriods(t *testing.T) {
	cal := newCalendar(2025)
	tests := []struct {
		name  string
		date  string
		level int
		want  string
	}{
		{"first quarter", "2025-09-01", 1, "2025-q1"},
		{"first half", "2025-09-01", 11, "2025-h1"},
		{"second quarter", "2025-12-28", 9, "2025-q2"},
		{"second half", "2026-05-26", 10, "2025-h2"},
		{"vacation", "2025-12-30", 5, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ""
			if i := cal.period(tt.level, diary.MustDate(tt.date)); i >= 0 {
				got = cal.periods[i].ExtID
			}
			if got != tt.want {
				t.Errorf("period(%d, %s) = %q, want %q", tt.level, tt.date, got, tt.want)
			}
		})
	}
}
