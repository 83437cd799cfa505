package diary_test

import (
	"testing"

	"github.com/schooldiary/diary/internal/diary"
)

var d = diary.MustDate

// testCalendar is a 2026/27 calendar: quarter 1 for classes 1–9, half 1 for
// 10–11, the autumn vacation, the 4 November holiday and the first-graders'
// extra February week.
func testCalendar(schoolDays int) diary.Calendar {
	return diary.Calendar{
		SchoolDays: schoolDays,
		Periods: []diary.Period{
			{ExtID: "q1", MinLevel: 1, MaxLevel: 9, Start: d("2026-09-01"), End: d("2026-10-25")},
			{ExtID: "h1", MinLevel: 10, MaxLevel: 11, Start: d("2026-09-01"), End: d("2026-12-28")},
		},
		DaysOff: []diary.DayOff{
			{Name: "осенние каникулы", Kind: diary.Vacation, Start: d("2026-10-26"), End: d("2026-11-03")},
			{Name: "День народного единства", Kind: diary.Holiday, Start: d("2026-11-04"), End: d("2026-11-04")},
			{Name: "доп. каникулы", Kind: diary.Vacation, MinLevel: 1, MaxLevel: 1, Start: d("2027-02-15"), End: d("2027-02-21")},
		},
	}
}

func TestIsSchoolDay(t *testing.T) {
	tests := []struct {
		name       string
		schoolDays int
		date       string
		lvl        int
		want       bool
	}{
		{"friday", 5, "2026-10-23", 5, true},
		{"saturday in five-day week", 5, "2026-10-24", 10, false},
		{"saturday in six-day week", 6, "2026-10-24", 10, true},
		{"zero means five days", 0, "2026-10-24", 10, false},
		{"sunday never", 6, "2026-10-25", 10, false},
		{"vacation for all", 5, "2026-10-28", 7, false},
		{"holiday", 6, "2026-11-04", 11, false},
		{"after holiday", 5, "2026-11-05", 11, true},
		{"extra week for first grade", 5, "2027-02-16", 1, false},
		{"extra week not for second grade", 5, "2027-02-16", 2, true},
		{"level 0 ignores level-limited day off", 5, "2027-02-16", 0, true},
		{"level 0 keeps common vacation", 5, "2026-10-28", 0, false},
		{"summer weekday without day off", 5, "2026-07-15", 5, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := testCalendar(tt.schoolDays).IsSchoolDay(d(tt.date), tt.lvl); got != tt.want {
				t.Errorf("IsSchoolDay(%s, %d) = %v, want %v", tt.date, tt.lvl, got, tt.want)
			}
		})
	}
}

func TestAddSchoolDays(t *testing.T) {
	tests := []struct {
		name       string
		schoolDays int
		from       string
		n, lvl     int
		want       string
	}{
		{"zero", 5, "2026-10-21", 0, 5, "2026-10-21"},
		{"next day", 5, "2026-10-21", 1, 5, "2026-10-22"},
		{"friday over weekend and vacation", 5, "2026-10-23", 1, 5, "2026-11-05"},
		{"friday in six-day week", 6, "2026-10-23", 1, 10, "2026-10-24"},
		{"saturday two days", 6, "2026-10-24", 2, 10, "2026-11-06"},
		{"from a sunday", 5, "2026-09-06", 1, 5, "2026-09-07"},
		{"backwards over weekend", 5, "2026-09-07", -1, 5, "2026-09-04"},
		{"backwards over vacation", 5, "2026-11-05", -2, 5, "2026-10-22"},
		{"first grade extra week", 5, "2027-02-12", 1, 1, "2027-02-22"},
		{"second grade no extra week", 5, "2027-02-12", 1, 2, "2027-02-15"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := testCalendar(tt.schoolDays).AddSchoolDays(d(tt.from), tt.n, tt.lvl)
			if got != d(tt.want) {
				t.Errorf("AddSchoolDays(%s, %d) = %s, want %s", tt.from, tt.n, got, tt.want)
			}
		})
	}
}

func TestAddSchoolDaysEndlessDayOff(t *testing.T) {
	cal := diary.Calendar{DaysOff: []diary.DayOff{{Start: d("2026-01-01"), End: d("2099-12-31")}}}
	if got, want := cal.AddSchoolDays(d("2026-03-02"), 2, 5), d("2026-03-04"); got != want {
		t.Errorf("AddSchoolDays() = %s, want fallback %s", got, want)
	}
}

func TestPeriodAt(t *testing.T) {
	tests := []struct {
		name   string
		lvl    int
		date   string
		want   string
		wantOK bool
	}{
		{"quarter", 5, "2026-10-01", "q1", true},
		{"half", 10, "2026-11-20", "h1", true},
		{"quarter over", 5, "2026-11-20", "", false},
		{"first day", 9, "2026-09-01", "q1", true},
		{"last day", 9, "2026-10-25", "q1", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, ok := testCalendar(5).PeriodAt(tt.lvl, d(tt.date))
			if p.ExtID != tt.want || ok != tt.wantOK {
				t.Errorf("PeriodAt() = %q, %v; want %q, %v", p.ExtID, ok, tt.want, tt.wantOK)
			}
		})
	}
}

// lesson returns a lesson with ext id id on date at number n.
func lesson(id, date string, n int) diary.Lesson {
	return diary.Lesson{ExtID: id, Date: d(date), Number: n}
}

// q1 is the first quarter of testCalendar.
var q1 = diary.Period{ExtID: "q1", MinLevel: 1, MaxLevel: 9, Start: d("2026-09-01"), End: d("2026-10-25")}

// quarterLessons are lessons of one subject, out of order, with one before
// and one after the quarter and two parallel group lessons.
var quarterLessons = []diary.Lesson{
	lesson("a", "2026-10-22", 2),
	lesson("before", "2026-08-31", 1),
	lesson("b", "2026-10-19", 3),
	lesson("c", "2026-10-23", 1),
	lesson("c2", "2026-10-23", 1), // the other group, same slot
	lesson("d", "2026-10-20", 4),
	lesson("e", "2026-10-22", 1),
	lesson("after", "2026-11-05", 1),
	lesson("first", "2026-09-01", 1),
}

func lessonIDs(ls []diary.Lesson) []string {
	var ids []string
	for _, l := range ls {
		ids = append(ids, l.ExtID)
	}
	return ids
}

func TestLessonsLeft(t *testing.T) {
	tests := []struct {
		name string
		from string
		want []string
	}{
		{"from period start", "2026-09-01", []string{"first", "b", "d", "e", "a", "c", "c2"}},
		{"from a lesson day includes it", "2026-10-22", []string{"e", "a", "c", "c2"}},
		{"from a free day", "2026-10-21", []string{"e", "a", "c", "c2"}},
		{"last day", "2026-10-23", []string{"c", "c2"}},
		{"after the period", "2026-10-24", nil},
		{"before the period clips to it", "2026-08-01", []string{"first", "b", "d", "e", "a", "c", "c2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := lessonIDs(diary.LessonsLeft(quarterLessons, d(tt.from), q1))
			if !equalStrings(got, tt.want) {
				t.Errorf("LessonsLeft() = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestNthLessonBeforeEnd(t *testing.T) {
	tests := []struct {
		name    string
		lessons []diary.Lesson
		n       int
		want    string
		wantOK  bool
	}{
		{"last", quarterLessons, 1, "2026-10-23", true},
		{"second to last, groups count once", quarterLessons, 2, "2026-10-22", true},
		{"third to last, same day as second", quarterLessons, 3, "2026-10-22", true},
		{"fourth to last", quarterLessons, 4, "2026-10-20", true},
		{"first of six", quarterLessons, 6, "2026-09-01", true},
		{"more than there are", quarterLessons, 7, "", false},
		{"zero", quarterLessons, 0, "", false},
		{"no lessons", nil, 3, "", false},
		{"only outside the period", []diary.Lesson{lesson("x", "2026-11-10", 1)}, 1, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := diary.NthLessonBeforeEnd(tt.lessons, q1, tt.n)
			if got.String() != tt.want || ok != tt.wantOK {
				t.Errorf("NthLessonBeforeEnd(%d) = %s, %v; want %s, %v", tt.n, got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
