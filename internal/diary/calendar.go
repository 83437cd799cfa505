package diary

import (
	"slices"
	"time"
)

// Calendar is a school's calendar: its attestation periods, its vacations and
// holidays, and how many days a week it teaches (5 or 6).
type Calendar struct {
	Periods    []Period
	DaysOff    []DayOff
	SchoolDays int // 5 or 6; 0 means 5
}

// NewCalendar returns the calendar of school s with the given periods and days off.
func NewCalendar(s School, periods []Period, daysOff []DayOff) Calendar {
	return Calendar{Periods: periods, DaysOff: daysOff, SchoolDays: s.WithDefaults().SchoolDays}
}

// maxScan bounds every day-by-day walk of the calendar (ten years), so broken
// data (a day off without end) cannot loop for ever.
const maxScan = 3660

// IsSchoolDay reports whether class level lvl is taught on d: never on Sunday,
// on Saturday only in a six-day week, and not on a day off that applies to lvl.
// Level 0 stands for the school as a whole: only days off of every level count.
// Days outside every period (the summer) are school days unless a day off says
// otherwise.
func (c Calendar) IsSchoolDay(d Date, lvl int) bool {
	switch d.Weekday() {
	case time.Sunday:
		return false
	case time.Saturday:
		if c.SchoolDays != 6 {
			return false
		}
	}
	for _, h := range c.DaysOff {
		if h.Applies(lvl, d) {
			return false
		}
	}
	return true
}

// AddSchoolDays returns the n-th school day of level lvl after d (before d for
// a negative n); d itself for n = 0. Should no school day turn up within ten
// years, it falls back to n calendar days.
func (c Calendar) AddSchoolDays(d Date, n int, lvl int) Date {
	step := 1
	if n < 0 {
		step, n = -1, -n
	}
	cur := d
	for i := 0; n > 0; i++ {
		if i > maxScan {
			return d.AddDays(step * n)
		}
		cur = cur.AddDays(step)
		if c.IsSchoolDay(cur, lvl) {
			n--
		}
	}
	return cur
}

// PeriodAt returns the period of class level lvl that contains d.
func (c Calendar) PeriodAt(lvl int, d Date) (Period, bool) {
	for _, p := range c.Periods {
		if p.Covers(lvl, d) {
			return p, true
		}
	}
	return Period{}, false
}

// LessonsLeft returns the dated lessons among lessons (those of one class, or
// one student, and one subject) that fall on or after from and within period
// p, by date and lesson number.
func LessonsLeft(lessons []Lesson, from Date, p Period) []Lesson {
	var out []Lesson
	for _, l := range lessons {
		if !l.Date.Before(from) && l.Date.Within(p.Start, p.End) {
			out = append(out, l)
		}
	}
	slices.SortStableFunc(out, compareLessons)
	return out
}

// NthLessonBeforeEnd returns the date of the n-th lesson counted back from the
// end of period p: n = 1 is the last lesson, n = 3 the third-to-last, the
// deadline of clause 3.6.4. Lessons at the same date and number (parallel
// groups of one class) count once. It reports false when p holds fewer than n
// lessons or n < 1.
func NthLessonBeforeEnd(lessons []Lesson, p Period, n int) (Date, bool) {
	if n < 1 {
		return Date{}, false
	}
	in := LessonsLeft(lessons, p.Start, p)
	in = slices.CompactFunc(in, func(a, b Lesson) bool { return compareLessons(a, b) == 0 })
	if len(in) < n {
		return Date{}, false
	}
	return in[len(in)-n].Date, true
}

// compareLessons orders lessons by date, then by number in the day.
func compareLessons(a, b Lesson) int {
	if c := a.Date.Compare(b.Date); c != 0 {
		return c
	}
	return a.Number - b.Number
}
