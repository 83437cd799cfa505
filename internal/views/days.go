package views

import (
	"fmt"
	"time"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/i18n"
)

// span is the days a Homework or Timetable view covers.
type span struct {
	from, to diary.Date
	week     bool
}

// span returns the days of the action: one day for today and tomorrow
// (a.Day when set), Monday to Sunday for a week (the week of a.Day, else of
// today, else the next one when today's school week is over).
func (v *view) span() (span, error) {
	switch v.a.Span {
	case "", SpanToday, SpanTomorrow:
		d := v.a.Day
		if d.IsZero() {
			d = v.today
			if v.a.Span == SpanTomorrow {
				d = d.AddDays(1)
			}
		}
		return span{from: d, to: d}, nil
	case SpanWeek:
		d := v.a.Day
		if d.IsZero() {
			d = v.today
			if !v.teachesOn(d.Weekday()) {
				d = d.AddDays(2) // Saturday or Sunday off: the coming week
			}
		}
		mon := d.AddDays(-((int(d.Weekday()) + 6) % 7))
		return span{from: mon, to: mon.AddDays(6), week: true}, nil
	}
	return span{}, diary.Errorf(diary.EInvalid, "views: unknown span %q", v.a.Span)
}

// teachesOn reports whether the school teaches on weekday wd at all.
func (v *view) teachesOn(wd time.Weekday) bool {
	switch wd {
	case time.Sunday:
		return false
	case time.Saturday:
		return v.school.SchoolDays == 6
	}
	return true
}

// days lists the days of s a view shows: the one day, or in a week Monday
// to Friday and the weekend days that have something to show.
func (s span) days(has map[diary.Date]bool) []diary.Date {
	var out []diary.Date
	for d := s.from; !d.After(s.to); d = d.AddDays(1) {
		wd := d.Weekday()
		if !s.week || (wd != time.Saturday && wd != time.Sunday) || has[d] {
			out = append(out, d)
		}
	}
	return out
}

// daysOff returns the vacations and holidays of the student's level that
// overlap s.
func (v *view) daysOff(s span) ([]diary.DayOff, error) {
	all, err := v.st.DaysOff(v.ctx, v.school.ID, s.from, s.to)
	if err != nil {
		return nil, fmt.Errorf("days off: %w", err)
	}
	var out []diary.DayOff
	for _, h := range all {
		if h.MinLevel == 0 || (v.level() >= h.MinLevel && v.level() <= h.MaxLevel) {
			out = append(out, h)
		}
	}
	return out, nil
}

// offReason returns what makes d a day without lessons, escaped: a vacation
// or holiday's name, «выходной» for a weekend, or "" on a school day.
func (v *view) offReason(d diary.Date, off []diary.DayOff) string {
	for _, h := range off {
		if h.Applies(v.level(), d) {
			return string(i18n.Escape(h.Name))
		}
	}
	if !v.teachesOn(d.Weekday()) {
		return v.t(i18n.ViewWeekend)
	}
	return ""
}

// dayHeader writes the heading of a day: «<b>Пн, 7 сентября</b>», or with
// why there are no lessons: «<b>Сб, 12 сентября</b> — выходной».
func (v *view) dayHeader(d diary.Date, off string) string {
	day := i18n.Capitalize(i18n.WeekdayDayMonth(v.lang, d))
	if off != "" {
		return v.t(i18n.ViewDayOff, "day", day, "what", i18n.Safe(off))
	}
	return v.t(i18n.ViewDay, "day", day)
}

// spanButtons returns the rows switching between today, tomorrow and the
// week of view kind, and between weeks when s is one.
func (v *view) spanButtons(kind ViewKind, s span) [][]Button {
	act := func(span string, day diary.Date) Action {
		return Action{View: kind, StudentID: v.student.ID, Span: span, Day: day}
	}
	out := [][]Button{{
		{Label: v.plain(i18n.BtnToday), Action: act(SpanToday, diary.Date{})},
		{Label: v.plain(i18n.BtnTomorrow), Action: act(SpanTomorrow, diary.Date{})},
		{Label: v.plain(i18n.BtnWeek), Action: act(SpanWeek, diary.Date{})},
	}}
	if s.week {
		out = append(out, []Button{
			{Label: v.plain(i18n.BtnViewPrevWeek), Action: act(SpanWeek, s.from.AddDays(-7))},
			{Label: v.plain(i18n.BtnViewNextWeek), Action: act(SpanWeek, s.from.AddDays(7))},
		})
	}
	return out
}
