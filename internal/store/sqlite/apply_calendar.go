package sqlite

import (
	"database/sql"
	"errors"
	"slices"

	"github.com/schooldiary/diary/internal/diary"
)

// applySchool finds the batch's school by code, creating or updating it when
// the batch names it.
func (a *applier) applySchool() error {
	in := a.b.School
	if in.Code == "" {
		return diary.Errorf(diary.EInvalid, "не указан код школы")
	}
	old, err := schoolByCode(a.ctx, a.q, in.Code)
	found := err == nil
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return wrap(err, "school %q", in.Code)
	}
	if in.Name == "" {
		a.school = old
		return wrap(err, "school %q", in.Code)
	}
	want := in.WithDefaults()
	want.ID, want.CreatedAt = old.ID, old.CreatedAt
	switch {
	case !found:
		return a.insertSchool(want)
	case want != old:
		a.school = want
		return a.exec("update school", `UPDATE schools SET name = ?, time_zone = ?,
			round_up_from = ?, reply_rule = ?, reply_days = ?, school_days = ? WHERE id = ?`,
			want.Name, want.TimeZone, want.RoundUpFrom, want.ReplyRule, want.ReplyDays,
			want.SchoolDays, want.ID)
	}
	a.school = old
	return nil
}

// insertSchool creates the school s.
func (a *applier) insertSchool(s diary.School) error {
	s.CreatedAt = a.now
	id, err := a.insert("insert school", `INSERT INTO schools (code, name, time_zone,
		round_up_from, reply_rule, reply_days, school_days, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, s.Code, s.Name, s.TimeZone, s.RoundUpFrom,
		s.ReplyRule, s.ReplyDays, s.SchoolDays, instantText(s.CreatedAt))
	s.ID = id
	a.school = s
	return err
}

// loadCalendar loads every year and period of the school: they are few, and
// every grade needs the periods.
func (a *applier) loadCalendar() error {
	rows, err := a.q.QueryContext(a.ctx, `SELECT id, school_id, name, start_date, end_date
		FROM years WHERE school_id = ?`, a.school.ID)
	years, err := collect(rows, err, "load years", scanYear)
	if err != nil {
		return err
	}
	for _, y := range years {
		a.years[y.Name] = yearRef{y.ID, y.Start, y.End}
	}
	rows, err = a.q.QueryContext(a.ctx, `SELECT `+periodCols+` FROM periods
		WHERE school_id = ? ORDER BY start_date, id`, a.school.ID)
	if a.periods, err = collect(rows, err, "load periods", scanPeriod); err != nil {
		return err
	}
	for _, p := range a.periods {
		a.periodBy[p.ExtID] = periodRef{p.ID, p.YearID}
	}
	return nil
}

// applyYears writes the batch's academic years, matched by name.
func (a *applier) applyYears() error {
	for _, in := range a.b.Years {
		if err := a.applyYear(in); err != nil {
			return err
		}
	}
	return nil
}

// applyYear writes one academic year.
func (a *applier) applyYear(in diary.YearIn) error {
	want := in.Year
	want.SchoolID = a.school.ID
	if want.Name == "" {
		a.fail(in.Src, "name", "не указано название учебного года")
		return nil
	}
	if a.skip[in.Src] {
		a.years[want.Name] = yearRef{id: badID}
		return nil
	}
	prev, found := a.years[want.Name]
	old := diary.AcademicYear{ID: prev.id, SchoolID: a.school.ID, Name: want.Name, Start: prev.start, End: prev.end}
	want.ID = old.ID
	_, err := a.put(diary.KindYears, found, want == old, func() (err error) {
		want.ID, err = a.insert("insert year", `INSERT INTO years (school_id, name, start_date, end_date)
			VALUES (?, ?, ?, ?)`, want.SchoolID, want.Name, dateText(want.Start), dateText(want.End))
		return err
	}, func() error {
		return a.exec("update year", `UPDATE years SET start_date = ?, end_date = ? WHERE id = ?`,
			dateText(want.Start), dateText(want.End), want.ID)
	})
	a.years[want.Name] = yearRef{want.ID, want.Start, want.End}
	return err
}

// yearOf returns the year containing d, for a period given without its year.
func (a *applier) yearOf(d diary.Date) (yearRef, bool) {
	for _, y := range a.years {
		if y.id != badID && !d.IsZero() && d.Within(y.start, y.end) {
			return y, true
		}
	}
	return yearRef{}, false
}

// applyPeriods writes the batch's periods, matched by ext id.
func (a *applier) applyPeriods() error {
	for _, in := range a.b.Periods {
		if err := a.applyPeriod(in); err != nil {
			return err
		}
	}
	return nil
}

// applyPeriod writes one period and keeps a.periods current.
func (a *applier) applyPeriod(in diary.PeriodIn) error {
	want := in.Period
	want.SchoolID = a.school.ID
	y, ok := a.periodYear(in)
	if !a.requireExt(in.Src, want.ExtID) || !ok || a.skip[in.Src] {
		a.periodBy[want.ExtID] = periodRef{id: badID}
		return nil
	}
	want.YearID = y.id
	i := slices.IndexFunc(a.periods, func(p diary.Period) bool { return p.ExtID == want.ExtID })
	var old diary.Period
	if i >= 0 {
		old = a.periods[i]
	}
	want.ID = old.ID
	_, err := a.put(diary.KindPeriods, i >= 0, want == old, func() (err error) {
		want.ID, err = a.insert("insert period", `INSERT INTO periods (school_id, year_id, ext_id,
			name, kind, min_level, max_level, start_date, end_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			want.SchoolID, want.YearID, want.ExtID, want.Name, want.Kind, want.MinLevel,
			want.MaxLevel, dateText(want.Start), dateText(want.End))
		a.periods = append(a.periods, want)
		return err
	}, func() error {
		a.periods[i] = want
		return a.exec("update period", `UPDATE periods SET year_id = ?, name = ?, kind = ?,
			min_level = ?, max_level = ?, start_date = ?, end_date = ? WHERE id = ?`,
			want.YearID, want.Name, want.Kind, want.MinLevel, want.MaxLevel,
			dateText(want.Start), dateText(want.End), want.ID)
	})
	a.periodBy[want.ExtID] = periodRef{want.ID, want.YearID}
	if i < 0 || !sameSpan(old, want) {
		a.reperiods = append(a.reperiods, want)
	}
	return err
}

// sameSpan reports whether two periods cover the same levels and dates.
func sameSpan(p, q diary.Period) bool {
	return p.MinLevel == q.MinLevel && p.MaxLevel == q.MaxLevel && p.Start == q.Start && p.End == q.End
}

// periodYear resolves a period's year: by name, or the year containing its start.
func (a *applier) periodYear(in diary.PeriodIn) (yearRef, bool) {
	if in.YearRef != "" {
		return resolve(a, a.years, in.Src, nounYear, in.YearRef)
	}
	if y, ok := a.yearOf(in.Period.Start); ok {
		return y, true
	}
	a.fail(in.Src, nounYear.field, "не указан учебный год, и ни один год не содержит дату %s", in.Period.Start)
	return yearRef{}, false
}

// requireExt reports whether the journal id of an item is set, reporting it when not.
func (a *applier) requireExt(src diary.Source, ext string) bool {
	if ext == "" {
		a.fail(src, "id", "не указан код записи")
	}
	return ext != ""
}

// periodFor returns the period of class level lvl containing d: the earliest
// starting, then the lowest id, should stored periods overlap (a batch cannot
// make them overlap: see checkOverlaps).
func (a *applier) periodFor(lvl int, d diary.Date) (diary.Period, bool) {
	k := dayKey(d)
	var best diary.Period
	found := false
	for _, p := range a.periods {
		if lvl >= p.MinLevel && lvl <= p.MaxLevel && k >= dayKey(p.Start) && k <= dayKey(p.End) &&
			(!found || earlier(p, best)) {
			best, found = p, true
		}
	}
	return best, found
}

// earlier reports whether p comes before q: by start, then by id.
func earlier(p, q diary.Period) bool {
	if c := dayKey(p.Start) - dayKey(q.Start); c != 0 {
		return c < 0
	}
	return p.ID < q.ID
}

// dayKey returns d as one comparable number, yyyymmdd.
func dayKey(d diary.Date) int { return d.Year*10000 + int(d.Month)*100 + d.Day }

// applyDaysOff writes the batch's vacations and holidays, matched by (start, name).
func (a *applier) applyDaysOff() error {
	if len(a.b.DaysOff) == 0 {
		return nil
	}
	rows, err := a.q.QueryContext(a.ctx, `SELECT id, school_id, name, kind, min_level, max_level,
		start_date, end_date FROM days_off WHERE school_id = ?`, a.school.ID)
	list, err := collect(rows, err, "load days off", scanDayOff)
	if err != nil {
		return err
	}
	old := map[dayOffKey]diary.DayOff{}
	for _, h := range list {
		old[dayOffKey{h.Start, h.Name}] = h
	}
	for _, in := range a.b.DaysOff {
		if err := a.applyDayOff(in, old); err != nil {
			return err
		}
	}
	return nil
}

// dayOffKey is how a day off is matched.
type dayOffKey struct {
	start diary.Date
	name  string
}

// applyDayOff writes one vacation or holiday.
func (a *applier) applyDayOff(in diary.DayOffIn, old map[dayOffKey]diary.DayOff) error {
	want := in.DayOff
	want.SchoolID = a.school.ID
	if a.skip[in.Src] {
		return nil
	}
	k := dayOffKey{want.Start, want.Name}
	prev, found := old[k]
	want.ID = prev.ID
	_, err := a.put(diary.KindDaysOff, found, want == prev, func() (err error) {
		want.ID, err = a.insert("insert day off", `INSERT INTO days_off (school_id, name, kind,
			min_level, max_level, start_date, end_date) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			want.SchoolID, want.Name, want.Kind, want.MinLevel, want.MaxLevel,
			dateText(want.Start), dateText(want.End))
		return err
	}, func() error {
		return a.exec("update day off", `UPDATE days_off SET kind = ?, min_level = ?,
			max_level = ?, end_date = ? WHERE id = ?`,
			want.Kind, want.MinLevel, want.MaxLevel, dateText(want.End), want.ID)
	})
	old[k] = want
	return err
}

// checkOverlaps reports every period of the batch that shares a class level
// and a day with another period of the school: the period of a grade must be
// the only one of its level containing its date.
func (a *applier) checkOverlaps() error {
	for _, in := range a.b.Periods {
		if a.skip[in.Src] || a.periodBy[in.Period.ExtID].id == badID {
			continue
		}
		for _, q := range a.periods {
			if q.ExtID != in.Period.ExtID && overlaps(in.Period, q) {
				a.fail(in.Src, "start", "период пересекается с периодом «%s» (%s) по классам и датам", q.Name, q.ExtID)
			}
		}
	}
	return nil
}

// overlaps reports whether two periods share a class level and a day.
func overlaps(p, q diary.Period) bool {
	return p.MinLevel <= q.MaxLevel && q.MinLevel <= p.MaxLevel &&
		!p.End.Before(q.Start) && !q.End.Before(p.Start)
}
