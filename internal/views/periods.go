package views

import (
	"fmt"
	"slices"
	"strings"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/i18n"
)

// year returns the academic year to show as of today: the one containing
// today, else the last one begun, else the first; false when the school has
// none.
func (v *view) year() (diary.AcademicYear, bool, error) {
	years, err := v.st.Years(v.ctx, v.school.ID)
	if err != nil || len(years) == 0 {
		return diary.AcademicYear{}, false, err
	}
	best := years[0]
	for _, y := range years {
		if y.Start.After(v.today) {
			break
		}
		best = y
	}
	return best, true, nil
}

// periods writes the year's periods of the student's level and the
// vacations and holidays that apply to it, marking the current ones.
func (v *view) periods() (string, [][]Button, error) {
	y, ok, err := v.year()
	if err != nil || !ok {
		return v.noPeriods(), nil, err
	}
	all, err := v.st.Periods(v.ctx, v.school.ID, y.ID)
	if err != nil {
		return "", nil, fmt.Errorf("periods: %w", err)
	}
	off, err := v.daysOff(span{from: y.Start, to: y.End})
	if err != nil {
		return "", nil, err
	}
	var ps []string
	for _, p := range all {
		if v.level() >= p.MinLevel && v.level() <= p.MaxLevel {
			ps = append(ps, v.periodLine(p))
		}
	}
	if len(ps) == 0 && len(off) == 0 {
		return lines(v.t(i18n.ViewPeriodsTitle, "year", y.Name), v.who(), "", v.t(i18n.EmptyPeriods)), nil, nil
	}
	text := lines(v.t(i18n.ViewPeriodsTitle, "year", y.Name), v.who())
	if len(ps) > 0 {
		text += "\n\n" + lines(append([]string{v.t(i18n.ViewPeriodsHeader)}, ps...)...)
	}
	if len(off) > 0 {
		text += "\n\n" + v.holidays(off)
	}
	return text, nil, nil
}

// periodLine writes a period with its dates, in bold with «← сейчас» when
// today lies in it.
func (v *view) periodLine(p diary.Period) string {
	key := i18n.ViewPeriodLine
	if v.today.Within(p.Start, p.End) {
		key = i18n.ViewPeriodNow
	}
	return v.t(key, "name", p.Name, "range", i18n.DateRange(v.lang, p.Start, p.End))
}

// holidays writes the vacations and holidays by start, with their length.
func (v *view) holidays(off []diary.DayOff) string {
	off = slices.Clone(off)
	slices.SortStableFunc(off, func(a, b diary.DayOff) int { return a.Start.Compare(b.Start) })
	out := []string{v.t(i18n.ViewHolidays)}
	for _, h := range off {
		key := i18n.ViewHolidayLine
		if v.today.Within(h.Start, h.End) {
			key = i18n.ViewHolidayNow
		}
		out = append(out, v.t(key, "name", h.Name, "range", i18n.DateRange(v.lang, h.Start, h.End),
			"n", h.Start.DaysUntil(h.End)+1))
	}
	return strings.Join(out, "\n")
}
