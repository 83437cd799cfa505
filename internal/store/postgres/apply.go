package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/schooldiary/diary/internal/diary"
)

// Apply writes the batch in one transaction; see diary.Writer. It checks the
// batch (Validate), locks the school against concurrent batches, loads the
// stored rows the batch names (once, by journal id), resolves every reference
// and collects every problem; only a batch without problems is written, kind
// by kind in dependency order, in bulk statements. A dry run rolls back.
func (db *DB) Apply(ctx context.Context, b *diary.Batch, opt diary.ApplyOptions) (diary.ApplyResult, error) {
	var res diary.ApplyResult
	checked := b.Validate()
	err := db.withConn(ctx, func(c *pgx.Conn) error {
		tx, err := c.Begin(ctx)
		if err != nil {
			return err
		}
		defer func() { _ = tx.Rollback(context.WithoutCancel(ctx)) }()
		a := newApplier(tx, b, db.clock(), checked)
		if err := a.run(ctx); err != nil {
			return err
		}
		res = a.res
		if opt.DryRun {
			return nil
		}
		return tx.Commit(ctx)
	})
	if err != nil {
		return diary.ApplyResult{}, wrap("apply", err)
	}
	return res, nil
}

// applier is the state of one Apply.
type applier struct {
	tx      pgx.Tx
	b       *diary.Batch
	now     time.Time
	checked int // problems Validate found
	errs    []diary.ItemError
	res     diary.ApplyResult
	school  int64
	stored  diary.School // zero ID when the school is new

	years, periods, subjects, classes, groups, staff, students, guardians, lessons ents
	periodList                                                                     []*ent // every period of the school, stored and new

	reperiods []*ent  // periods added or given other levels or dates
	moved     []int64 // stored students given another class

	st storedRows
	rs resolved
}

// newApplier starts an Apply of b; checked are Validate's problems.
func newApplier(tx pgx.Tx, b *diary.Batch, now time.Time, checked []diary.ItemError) *applier {
	return &applier{
		tx: tx, b: b, now: now, checked: len(checked), errs: checked,
		res:   diary.ApplyResult{Counts: map[string]diary.Counts{}},
		years: ents{}, periods: ents{}, subjects: ents{}, classes: ents{}, groups: ents{},
		staff: ents{}, students: ents{}, guardians: ents{}, lessons: ents{},
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
		return &diary.ValidationError{Items: a.errs}
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
		a.resolveStaff, a.resolveStudents, a.resolveGroups, a.resolveGuardians, a.resolveLessons,
		a.resolveGrades, a.resolveAttendance, a.resolveHomework, a.resolveFinals,
	} {
		fn()
	}
}

// write writes every kind in dependency order.
func (a *applier) write(ctx context.Context) error {
	for _, fn := range []func(context.Context) error{
		a.writeYears, a.writePeriods, a.writeDaysOff, a.writeSubjects, a.writeClasses, a.writeStaff,
		a.writeStudents, a.markLeft, a.endLeftLinks, a.writeGroups, a.writeGuardians, a.writeLessons,
		a.reperiod, a.writeGrades, a.writeAttendance, a.writeHomework, a.writeFinals,
	} {
		if err := fn(ctx); err != nil {
			return err
		}
	}
	return nil
}

// problem records a problem of the batch.
func (a *applier) problem(src diary.Source, field, msg string) {
	a.errs = append(a.errs, diary.ItemError{Src: src, Field: field, Msg: msg})
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

// schoolLockKey namespaces the advisory locks Apply takes per school code.
const schoolLockKey = "diary.apply:"

// loadSchool locks the school's code for the transaction and reads the school.
func (a *applier) loadSchool(ctx context.Context) error {
	if _, err := a.tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, schoolLockKey+a.b.School.Code); err != nil {
		return err
	}
	s, err := scanSchool(a.tx.QueryRow(ctx, `SELECT `+schoolCols+` FROM schools WHERE code = $1`, a.b.School.Code))
	if err != nil && err != pgx.ErrNoRows {
		return err
	}
	a.stored, a.school = s, s.ID
	a.res.SchoolID = s.ID
	return nil
}

// writeSchool creates or updates the school when the batch names it.
func (a *applier) writeSchool(ctx context.Context) error {
	if a.b.School.Name == "" {
		return nil
	}
	s := a.b.School.WithDefaults()
	s.ID, s.CreatedAt = a.stored.ID, a.stored.CreatedAt
	if s.ID != 0 && s == a.stored {
		return nil
	}
	if s.ID == 0 {
		s.CreatedAt = a.now
	}
	err := a.tx.QueryRow(ctx, `INSERT INTO schools
		(code, name, time_zone, round_up_from, reply_rule, reply_days, school_days, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
		ON CONFLICT (code) DO UPDATE SET name = excluded.name, time_zone = excluded.time_zone,
		  round_up_from = excluded.round_up_from, reply_rule = excluded.reply_rule,
		  reply_days = excluded.reply_days, school_days = excluded.school_days
		RETURNING id`, s.Code, s.Name, s.TimeZone, s.RoundUpFrom, s.ReplyRule, s.ReplyDays, s.SchoolDays, s.CreatedAt).Scan(&a.school)
	a.res.SchoolID = a.school
	return err
}
