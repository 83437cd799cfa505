package sqlstore

import (
	"context"

	"github.com/schooldiary/diary/internal/diary"
)

// resolveYears makes the records of the batch's years.
func (a *applier) resolveYears() {
	for _, y := range a.b.Years {
		a.years.add(y.Year.Name)
	}
}

// resolvePeriods resolves the periods' years and adds the batch's periods
// to those a grade may fall in.
func (a *applier) resolvePeriods() {
	a.rs.periodYear = make([]*ent, len(a.b.Periods))
	for i, p := range a.b.Periods {
		a.rs.periodYear[i] = a.ref(a.years, p.YearRef, p.Src, "year")
		_, had := a.periods.ext[p.Period.ExtID]
		e := a.periods.add(p.Period.ExtID)
		e.period = p.Period
		if !had {
			a.periodList = append(a.periodList, e)
		}
	}
}

// periodFor returns the period of class level lvl containing d: the
// earliest starting, then the lowest id, should stored periods overlap (a
// batch cannot make them overlap: see checkOverlaps); nil when none does.
func (a *applier) periodFor(lvl int, d diary.Date) *ent {
	var best *ent
	for _, e := range a.periodList {
		if e.period.Covers(lvl, d) && (best == nil || earlier(e, best)) {
			best = e
		}
	}
	return best
}

// earlier reports whether period e comes before f: by start, then by id.
func earlier(e, f *ent) bool {
	if c := e.period.Start.Compare(f.period.Start); c != 0 {
		return c < 0
	}
	return e.id < f.id
}

// checkOverlaps reports every period of the batch that shares a class level
// and a day with another period of the school: the period of a grade must be
// the only one of its level containing its date. A period with broken dates
// or levels (Validate's problems) is not compared.
func (a *applier) checkOverlaps() {
	for _, x := range a.b.Periods {
		if !sane(x.Period) {
			continue
		}
		for _, e := range a.periodList {
			if q := e.period; q.ExtID != x.Period.ExtID && sane(q) && overlaps(x.Period, q) {
				a.problem(x.Src, "start", msgOverlap, q.Name, q.ExtID)
			}
		}
	}
}

// sane reports whether a period has both dates in order and levels in order.
func sane(p diary.Period) bool {
	return !p.Start.IsZero() && !p.End.IsZero() && !p.End.Before(p.Start) && p.MinLevel <= p.MaxLevel
}

// overlaps reports whether two periods share a class level and a day.
func overlaps(p, q diary.Period) bool {
	return p.MinLevel <= q.MaxLevel && q.MinLevel <= p.MaxLevel &&
		!p.End.Before(q.Start) && !q.End.Before(p.Start)
}

// writeYears writes the batch's years.
func (a *applier) writeYears(ctx context.Context) error {
	var p pending
	for _, x := range a.b.Years {
		y := x.Year
		old, ok := a.st.years[y.Name]
		y.ID, y.SchoolID = old.ID, a.school
		p.put(old.ID, ok && y == old, []any{a.school, y.Name, y.Start, y.End})
	}
	return a.flush(ctx, diary.KindYears, yearsTable, &p, &a.years)
}

// writePeriods writes the batch's periods and notes those whose levels or
// dates change, for reperiod.
func (a *applier) writePeriods(ctx context.Context) error {
	var p pending
	for i, x := range a.b.Periods {
		n := x.Period
		old, ok := a.st.periods[n.ExtID]
		n.ID, n.SchoolID, n.YearID = old.ID, a.school, a.rs.periodYear[i].id
		p.put(old.ID, ok && n == old, []any{a.school, n.YearID, n.ExtID, n.Name, kindText(n.Kind),
			n.MinLevel, n.MaxLevel, n.Start, n.End})
		if !ok || !sameSpan(n, old) {
			a.reperiods = append(a.reperiods, a.periods.ext[n.ExtID])
		}
	}
	return a.flush(ctx, diary.KindPeriods, periodsTable, &p, &a.periods)
}

// sameSpan reports whether two periods cover the same levels and dates.
func sameSpan(p, q diary.Period) bool {
	return p.MinLevel == q.MinLevel && p.MaxLevel == q.MaxLevel && p.Start == q.Start && p.End == q.End
}

// resolveDaysOff resolves the classes of the days off of one class.
func (a *applier) resolveDaysOff() {
	a.rs.dayOffClass = make([]*ent, len(a.b.DaysOff))
	for i, x := range a.b.DaysOff {
		a.rs.dayOffClass[i] = a.ref(a.classes, x.ClassRef, x.Src, "class")
	}
}

// writeDaysOff writes the batch's vacations, holidays and quarantines; it
// follows the classes, which a quarantine may name.
func (a *applier) writeDaysOff(ctx context.Context) error {
	var p pending
	for i, x := range a.b.DaysOff {
		n := x.DayOff
		old, ok := a.st.daysOff[dayOffKey{n.Start, n.Name}]
		n.ID, n.SchoolID, n.ClassID = old.ID, a.school, idOf(a.rs.dayOffClass[i])
		p.put(old.ID, ok && n == old, []any{a.school, n.Name, kindText(n.Kind), n.MinLevel, n.MaxLevel, n.ClassID,
			n.Start, n.End})
	}
	return a.flush(ctx, diary.KindDaysOff, daysOffTable, &p, nil)
}
