package postgres

import (
	"context"
	"fmt"

	"github.com/schooldiary/diary/internal/diary"
)

// pending collects the rows of one kind to insert and to update.
type pending struct {
	ins, up                   [][]any
	ids                       []int64
	added, changed, unchanged int
}

// put files row: new when storedID is 0, unchanged when same, else changed.
func (p *pending) put(storedID int64, same bool, row []any) {
	switch {
	case storedID == 0:
		p.ins, p.added = append(p.ins, row), p.added+1
	case same:
		p.unchanged++
	default:
		p.ids, p.up, p.changed = append(p.ids, storedID), append(p.up, row), p.changed+1
	}
}

// flush counts p under kind and writes it to t; inserted ids go to m.
func (a *applier) flush(ctx context.Context, kind string, t table, p *pending, m ents) error {
	a.count(kind, p.added, p.changed, p.unchanged, 0)
	err := t.insert(ctx, a.tx, a.school, p.ins, func(id int64, key string) { m[key].id = id })
	if err != nil {
		return err
	}
	return t.update(ctx, a.tx, p.ids, p.up)
}

var (
	yearsTable   = newTable("years", "name", "name text, start_date date, end_date date")
	periodsTable = newTable("periods", "ext_id", `year_id bigint, ext_id text, name text, kind text,
		min_level int, max_level int, start_date date, end_date date`)
	daysOffTable = newTable("days_off", "", `name text, kind text, min_level int, max_level int,
		start_date date, end_date date`)
)

func (a *applier) resolveYears() {
	for _, y := range a.b.Years {
		a.years.add(y.Year.Name)
	}
}

func (a *applier) resolvePeriods() {
	a.rs.periodYear = make([]*ent, len(a.b.Periods))
	for i, p := range a.b.Periods {
		a.rs.periodYear[i] = a.ref(a.years, p.YearRef, p.Src, "year", true)
		_, had := a.periods[p.Period.ExtID]
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
// the only one of its level containing its date.
func (a *applier) checkOverlaps() {
	for _, x := range a.b.Periods {
		for _, e := range a.periodList {
			if q := e.period; q.ExtID != x.Period.ExtID && overlaps(x.Period, q) {
				a.problem(x.Src, "start", fmt.Sprintf("период пересекается с периодом «%s» (%s) по классам и датам", q.Name, q.ExtID))
			}
		}
	}
}

// overlaps reports whether two periods share a class level and a day.
func overlaps(p, q diary.Period) bool {
	return p.MinLevel <= q.MaxLevel && q.MinLevel <= p.MaxLevel &&
		!p.End.Before(q.Start) && !q.End.Before(p.Start)
}

func (a *applier) writeYears(ctx context.Context) error {
	var p pending
	for _, x := range a.b.Years {
		y := x.Year
		old, ok := a.st.years[y.Name]
		y.ID, y.SchoolID = old.ID, a.school
		p.put(old.ID, ok && y == old, []any{y.Name, dateArg(y.Start), dateArg(y.End)})
	}
	return a.flush(ctx, diary.KindYears, yearsTable, &p, a.years)
}

func (a *applier) writePeriods(ctx context.Context) error {
	var p pending
	for i, x := range a.b.Periods {
		n := x.Period
		old, ok := a.st.periods[n.ExtID]
		n.ID, n.SchoolID, n.YearID = old.ID, a.school, a.rs.periodYear[i].id
		p.put(old.ID, ok && n == old, []any{n.YearID, n.ExtID, n.Name, string(n.Kind),
			n.MinLevel, n.MaxLevel, dateArg(n.Start), dateArg(n.End)})
		if !ok || !sameSpan(n, old) {
			a.reperiods = append(a.reperiods, a.periods[n.ExtID])
		}
	}
	return a.flush(ctx, diary.KindPeriods, periodsTable, &p, a.periods)
}

// sameSpan reports whether two periods cover the same levels and dates.
func sameSpan(p, q diary.Period) bool {
	return p.MinLevel == q.MinLevel && p.MaxLevel == q.MaxLevel && p.Start == q.Start && p.End == q.End
}

func (a *applier) writeDaysOff(ctx context.Context) error {
	var p pending
	for _, x := range a.b.DaysOff {
		n := x.DayOff
		old, ok := a.st.daysOff[dayOffKey{n.Start, n.Name}]
		n.ID, n.SchoolID = old.ID, a.school
		p.put(old.ID, ok && n == old, []any{n.Name, string(n.Kind), n.MinLevel, n.MaxLevel,
			dateArg(n.Start), dateArg(n.End)})
	}
	return a.flush(ctx, diary.KindDaysOff, daysOffTable, &p, nil)
}
