package demo

import (
	"fmt"
	"time"

	"github.com/schooldiary/diary/internal/diary"
)

// calendar is the school calendar of one academic year, the same in every
// demo school: quarters for classes 1–9, halves for 10–11, the usual Russian
// vacations and public holidays, and an extra February week for first-graders.
type calendar struct {
	year    diary.AcademicYear
	periods []diary.Period
	daysOff []diary.DayOff
}

// newCalendar returns the calendar of the academic year starting 1 September y.
// Dates are fixed (they do not follow weekdays): quarters 1 Sep–25 Oct,
// 5 Nov–28 Dec, 12 Jan–20 Mar, 1 Apr–26 May; halves 1 Sep–28 Dec and
// 12 Jan–26 May.
func newCalendar(y int) calendar {
	d := func(yy int, m time.Month, day int) diary.Date { return diary.NewDate(yy, m, day) }
	n := y + 1
	c := calendar{year: diary.AcademicYear{
		Name: fmt.Sprintf("%d/%d", y, n), Start: d(y, time.September, 1), End: d(n, time.August, 31),
	}}
	quarter := func(i int, from, to diary.Date) diary.Period {
		return diary.Period{ExtID: fmt.Sprintf("%d-q%d", y, i), Name: fmt.Sprintf("%d четверть", i),
			Kind: diary.Quarter, MinLevel: 1, MaxLevel: 9, Start: from, End: to}
	}
	half := func(i int, from, to diary.Date) diary.Period {
		return diary.Period{ExtID: fmt.Sprintf("%d-h%d", y, i), Name: fmt.Sprintf("%d полугодие", i),
			Kind: diary.Half, MinLevel: 10, MaxLevel: 11, Start: from, End: to}
	}
	c.periods = []diary.Period{
		quarter(1, d(y, time.September, 1), d(y, time.October, 25)),
		quarter(2, d(y, time.November, 5), d(y, time.December, 28)),
		quarter(3, d(n, time.January, 12), d(n, time.March, 20)),
		quarter(4, d(n, time.April, 1), d(n, time.May, 26)),
		half(1, d(y, time.September, 1), d(y, time.December, 28)),
		half(2, d(n, time.January, 12), d(n, time.May, 26)),
	}
	c.daysOff = daysOff(y)
	return c
}

// daysOff lists the vacations and holidays of the year starting in y.
func daysOff(y int) []diary.DayOff {
	n := y + 1
	vac := func(name string, from, to diary.Date) diary.DayOff {
		return diary.DayOff{Name: name, Kind: diary.Vacation, Start: from, End: to}
	}
	hol := func(name string, on diary.Date) diary.DayOff {
		return diary.DayOff{Name: name, Kind: diary.Holiday, Start: on, End: on}
	}
	feb := firstWeekday(diary.NewDate(n, time.February, 16), time.Monday)
	first := vac("Дополнительные каникулы для первоклассников", feb, feb.AddDays(6))
	first.MinLevel, first.MaxLevel = 1, 1
	return []diary.DayOff{
		vac("Осенние каникулы", diary.NewDate(y, time.October, 26), diary.NewDate(y, time.November, 4)),
		hol("День народного единства", diary.NewDate(y, time.November, 4)),
		vac("Зимние каникулы", diary.NewDate(y, time.December, 29), diary.NewDate(n, time.January, 11)),
		first,
		hol("День защитника Отечества", diary.NewDate(n, time.February, 23)),
		hol("Международный женский день", diary.NewDate(n, time.March, 8)),
		vac("Весенние каникулы", diary.NewDate(n, time.March, 21), diary.NewDate(n, time.March, 31)),
		hol("Праздник Весны и Труда", diary.NewDate(n, time.May, 1)),
		hol("День Победы", diary.NewDate(n, time.May, 9)),
		vac("Летние каникулы", diary.NewDate(n, time.May, 27), diary.NewDate(n, time.August, 31)),
	}
}

// firstWeekday returns the first day on or after d that falls on wd.
func firstWeekday(d diary.Date, wd time.Weekday) diary.Date {
	return d.AddDays((int(wd) - int(d.Weekday()) + 7) % 7)
}

// weekDays returns how many days a week class level lvl studies: five for
// classes 1–9, six (Monday to Saturday) for 10–11.
func weekDays(lvl int) int {
	if lvl >= 10 {
		return 6
	}
	return 5
}

// period returns the index of the period of level lvl containing d, or -1.
func (c *calendar) period(lvl int, d diary.Date) int {
	for i, p := range c.periods {
		if p.Covers(lvl, d) {
			return i
		}
	}
	return -1
}

// schoolDay reports whether level lvl has lessons on d, and which day of its
// week d is (0 for Monday).
func (c *calendar) schoolDay(lvl int, d diary.Date) (int, bool) {
	day := (int(d.Weekday()) + 6) % 7
	if day >= weekDays(lvl) || c.period(lvl, d) < 0 {
		return day, false
	}
	for _, h := range c.daysOff {
		if h.Applies(lvl, d) {
			return day, false
		}
	}
	return day, true
}

// lastDay is the last day of lessons of the year.
func (c *calendar) lastDay() diary.Date { return c.periods[3].End }

// dayInfo is what the generator needs to know about one date for one level.
type dayInfo struct {
	date    diary.Date
	weekday int8 // 0 for Monday
	period  int8 // index into calendar.periods, -1 when there are no lessons
}

// table lists every date from the year's start to its last day of lessons,
// for every level 1–11 (index 0 unused), with no lessons marked period -1.
func (c *calendar) table() [12][]dayInfo {
	var t [12][]dayInfo
	end := c.lastDay()
	for lvl := 1; lvl <= 11; lvl++ {
		for d := c.year.Start; !d.After(end); d = d.AddDays(1) {
			wd, ok := c.schoolDay(lvl, d)
			p := int8(-1)
			if ok {
				p = int8(c.period(lvl, d))
			}
			t[lvl] = append(t[lvl], dayInfo{date: d, weekday: int8(wd), period: p})
		}
	}
	return t
}
