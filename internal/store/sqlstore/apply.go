package sqlstore

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/schooldiary/diary/internal/diary"
)

// Apply writes the batch in one transaction; see diary.Writer. It checks
// each record on its own (Batch.Validate), locks the school against
// concurrent batches, loads only the stored rows the batch names (by journal
// id; the calendar in full only when the batch changes periods), resolves
// every reference in memory and collects every problem, each on its item and
// field. Only a batch without problems is written, kind by kind in dependency
// order, in bulk statements. A dry run computes the same result and rolls
// everything back.
func (s *Store) Apply(ctx context.Context, b *diary.Batch, opt diary.ApplyOptions) (diary.ApplyResult, error) {
	checked := b.Validate()
	var res diary.ApplyResult
	err := s.p.Write(ctx, opt.DryRun, func(tx Tx) error {
		a := newApplier(s, tx, b, checked)
		if err := a.run(ctx); err != nil {
			return err
		}
		res = a.res
		return nil
	})
	if err != nil {
		return diary.ApplyResult{}, fmt.Errorf("apply: %w", err)
	}
	return res, nil
}

// applier is the state of one Apply.
type applier struct {
	s      *Store
	tx     Tx
	b      *diary.Batch
	now    time.Time
	errs   []diary.ItemError
	res    diary.ApplyResult
	school int64
	stored diary.School // zero ID when the school is new

	years, periods, subjects, classes, groups, staff, students, guardians, lessons ents

	periodList []*ent // the periods a grade of the batch may fall in, stored and new
	allPeriods bool   // periodList holds every period of the school
	reperiods  []*ent // periods added or given other levels or dates
	moved      []int64

	st storedRows
	rs resolved
}

// newApplier starts an Apply of b; checked are Validate's problems.
func newApplier(s *Store, tx Tx, b *diary.Batch, checked []diary.ItemError) *applier {
	return &applier{
		s: s, tx: tx, b: b, now: s.clock(), errs: slices.Clone(checked),
		res:   diary.ApplyResult{Counts: map[string]diary.Counts{}},
		years: newEnts(), periods: newEnts(), subjects: newEnts(), classes: newEnts(), groups: newEnts(),
		staff: newEnts(), students: newEnts(), guardians: newEnts(), lessons: newEnts(),
	}
}

// run checks and writes the batch.
func (a *applier) run(ctx context.Context) error {
	if err := a.loadSchool(ctx); err != nil {
		return err
	}
	if a.stored.ID == 0 && a.b.School.Name == "" {
		return fmt.Errorf("school %q: %w", a.b.School.Code, diary.ErrNotFound)
	}
	if err := a.load(ctx); err != nil {
		return err
	}
	a.resolve()
	if len(a.errs) > 0 {
		return a.invalid(a.errs)
	}
	if err := a.writeSchool(ctx); err != nil {
		return err
	}
	return a.write(ctx)
}

// resolve resolves every reference of the batch, kind by kind.
func (a *applier) resolve() {
	for _, fn := range []func(){
		a.resolveYears, a.resolvePeriods, a.checkOverlaps, a.resolveSubjects, a.resolveClasses,
		a.resolveStaff, a.resolveStudents, a.resolveGroups, a.resolveDaysOff, a.resolveGuardians, a.resolveLessons,
		a.resolveGrades, a.resolveAttendance, a.resolveHomework, a.resolveFinals, a.resolveTimetable,
	} {
		fn()
	}
}

// write writes every kind in dependency order.
func (a *applier) write(ctx context.Context) error {
	for _, fn := range []func(context.Context) error{
		a.writeYears, a.writePeriods, a.writeSubjects, a.writeClasses, a.writeDaysOff, a.writeStaff,
		a.writeStudents, a.markLeft, a.endLeftLinks, a.writeGroups, a.writeGuardians, a.writeLessons,
		a.reperiod, a.writeGrades, a.writeAttendance, a.writeHomework, a.writeFinals, a.writeTimetable,
	} {
		if err := fn(ctx); err != nil {
			return err
		}
	}
	return nil
}

// problem records a problem of the batch.
func (a *applier) problem(src diary.Source, field, format string, args ...any) {
	a.errs = append(a.errs, diary.ItemError{Src: src, Field: field, Msg: fmt.Sprintf(format, args...)})
}

// invalid returns the problems as a *diary.ValidationError, in batch order:
// by kind as Validate walks them, then by item; an item's own problems
// (Validate's) come before those of its references.
func (a *applier) invalid(items []diary.ItemError) error {
	order := sourceOrder(a.b)
	slices.SortStableFunc(items, func(x, y diary.ItemError) int { return order(x.Src) - order(y.Src) })
	return &diary.ValidationError{Items: items}
}

// count adds to the counts of kind. Nothing to add leaves an absent kind
// absent: the result counts exactly the kinds the batch has records of;
// students a roster marks left are in MarkedLeft only.
func (a *applier) count(kind string, added, changed, unchanged, removed int) {
	if added == 0 && changed == 0 && unchanged == 0 && removed == 0 {
		return
	}
	c := a.res.Counts[kind]
	c.Added += added
	c.Changed += changed
	c.Unchanged += unchanged
	c.Removed += removed
	a.res.Counts[kind] = c
}

// schoolLockKey namespaces the locks Apply takes per school code.
const schoolLockKey = "diary.apply:"

// loadSchool locks the school's code for the transaction and reads the school.
func (a *applier) loadSchool(ctx context.Context) error {
	if err := a.tx.LockKey(ctx, schoolLockKey+a.b.School.Code); err != nil {
		return a.s.wrap(err, "lock school %q", a.b.School.Code)
	}
	sc, err := scanSchool(a.tx.QueryRow(ctx, `SELECT `+schoolCols+` FROM schools WHERE code = $1`, a.b.School.Code))
	if err != nil && !a.s.noRows(err) {
		return a.s.wrap(err, "school %q", a.b.School.Code)
	}
	a.stored, a.school = sc, sc.ID
	a.res.SchoolID = sc.ID
	return nil
}

// writeSchool creates or updates the school when the batch names it.
func (a *applier) writeSchool(ctx context.Context) error {
	if a.b.School.Name == "" {
		return nil
	}
	sc := a.b.School.WithDefaults()
	sc.ID, sc.CreatedAt = a.stored.ID, a.stored.CreatedAt
	if sc.ID != 0 && sc == a.stored {
		return nil
	}
	if sc.ID == 0 {
		sc.CreatedAt = a.now
	}
	err := a.tx.QueryRow(ctx, `INSERT INTO schools
		(code, name, time_zone, round_up_from, reply_rule, reply_days, school_days, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
		ON CONFLICT (code) DO UPDATE SET name = excluded.name, time_zone = excluded.time_zone,
		  round_up_from = excluded.round_up_from, reply_rule = excluded.reply_rule,
		  reply_days = excluded.reply_days, school_days = excluded.school_days
		RETURNING id`, sc.Code, sc.Name, sc.TimeZone, sc.RoundUpFrom, string(sc.ReplyRule), sc.ReplyDays,
		sc.SchoolDays, a.s.instant(sc.CreatedAt)).Scan(&a.school)
	a.res.SchoolID = a.school
	return a.s.wrap(err, "write school %q", sc.Code)
}

// sourceOrder returns the position of an item's source in the batch, kind by
// kind as Validate walks them (the school's own fields first); a source
// named twice keeps its first position.
func sourceOrder(b *diary.Batch) func(diary.Source) int {
	pos := map[diary.Source]int{}
	add := func(src diary.Source) {
		if _, ok := pos[src]; !ok {
			pos[src] = len(pos) + 1
		}
	}
	for _, x := range b.Years {
		add(x.Src)
	}
	for _, x := range b.Periods {
		add(x.Src)
	}
	for _, x := range b.DaysOff {
		add(x.Src)
	}
	for _, x := range b.Subjects {
		add(x.Src)
	}
	for _, x := range b.Classes {
		add(x.Src)
	}
	for _, x := range b.Staff {
		add(x.Src)
	}
	sourcesOfPeople(b, add)
	return func(src diary.Source) int {
		if src == (diary.Source{}) {
			return 0
		}
		return pos[src]
	}
}

// sourcesOfPeople continues sourceOrder with the students and what follows them.
func sourcesOfPeople(b *diary.Batch, add func(diary.Source)) {
	for _, x := range b.Students {
		add(x.Src)
	}
	for _, x := range b.Groups {
		add(x.Src)
	}
	for _, x := range b.Guardians {
		add(x.Src)
	}
	for _, x := range b.Lessons {
		add(x.Src)
	}
	for _, x := range b.Grades {
		add(x.Src)
	}
	for _, x := range b.Attendance {
		add(x.Src)
	}
	for _, x := range b.Homework {
		add(x.Src)
	}
	for _, x := range b.Finals {
		add(x.Src)
	}
	for _, x := range b.Timetable {
		add(x.Src)
	}
}
