package sqlite

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"time"

	"github.com/schooldiary/diary/internal/diary"
)

// Apply writes the batch in one transaction. It resolves every reference
// against the batch and the stored rows of the school, collects every problem
// and, when there is any, returns a *diary.ValidationError and writes nothing.
// Rows equal to the stored ones are counted Unchanged and not rewritten. With
// opt.DryRun the result is computed exactly and everything is rolled back.
// An unknown school (Batch.School.Name empty) is diary.ErrNotFound.
func (db *DB) Apply(ctx context.Context, b *diary.Batch, opt diary.ApplyOptions) (diary.ApplyResult, error) {
	defer db.wcache.flush(context.WithoutCancel(ctx)) // after the connection is back
	return db.applyConn(ctx, b, opt)
}

// bulkRecords is the batch size from which Apply turns foreign-key checks off.
const bulkRecords = 1000

// applyConn runs Apply on the writer connection. Apply resolves every
// reference itself inside its transaction, so for a big batch it turns the
// connection's foreign-key checks off meanwhile: they would repeat that work
// and cost a third of the write speed. Small batches keep them, as toggling
// the pragma expires every prepared statement of the connection.
func (db *DB) applyConn(ctx context.Context, b *diary.Batch, opt diary.ApplyOptions) (diary.ApplyResult, error) {
	conn, err := db.write.Conn(ctx)
	if err != nil {
		return diary.ApplyResult{}, fmt.Errorf("apply: connect: %w", err)
	}
	defer conn.Close()
	if b.Len() >= bulkRecords {
		if _, err := conn.ExecContext(ctx, `PRAGMA foreign_keys = OFF`); err != nil {
			return diary.ApplyResult{}, fmt.Errorf("apply: %w", err)
		}
		defer restoreForeignKeys(context.WithoutCancel(ctx), conn)
	}
	return db.applyOn(ctx, conn, b, opt)
}

// restoreForeignKeys turns the checks back on, or discards the connection.
func restoreForeignKeys(ctx context.Context, conn *sql.Conn) {
	if _, err := conn.ExecContext(ctx, `PRAGMA foreign_keys = ON`); err != nil {
		conn.Raw(func(any) error { return driver.ErrBadConn })
	}
}

// applyOn runs Apply's transaction on conn.
func (db *DB) applyOn(ctx context.Context, conn *sql.Conn, b *diary.Batch, opt diary.ApplyOptions) (diary.ApplyResult, error) {
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return diary.ApplyResult{}, fmt.Errorf("apply: begin: %w", err)
	}
	defer tx.Rollback()
	a := newApplier(ctx, tx, db.wcache, b, db.clock())
	defer a.closeStmts()
	if err := a.run(); err != nil {
		return diary.ApplyResult{}, fmt.Errorf("apply: %w", err)
	}
	if len(a.errs) > 0 {
		return diary.ApplyResult{}, &diary.ValidationError{Items: a.errs}
	}
	res := a.result()
	if opt.DryRun {
		return res, nil
	}
	if err := tx.Commit(); err != nil {
		return diary.ApplyResult{}, fmt.Errorf("apply: commit: %w", err)
	}
	return res, nil
}

// applier holds the state of one Apply: the transaction, what is known about
// the school's records by their journal ids, and what was done.
type applier struct {
	ctx    context.Context
	tx     *sql.Tx
	q      querier    // cached statements in tx
	cache  *stmtCache // the writer's statements
	b      *diary.Batch
	now    time.Time
	school diary.School
	errs   []diary.ItemError
	skip   map[diary.Source]bool // items the domain validation rejected
	known  map[fieldKey]bool     // their fields already reported
	stmts  map[string]*sql.Stmt
	counts map[string]*diary.Counts
	left   []diary.Student

	years    map[string]yearRef
	periods  []diary.Period // every period of the school, kept current
	periodBy map[string]periodRef
	subjects map[string]idRef
	classes  map[string]classRef
	staff    map[string]idRef
	students map[string]studentRef
	groups   map[string]groupRef
	lessons  map[string]lessonRef
	listed   map[int64]bool // students the batch lists (for Roster)
	agg      map[aggKey]aggDelta

	reperiods []diary.Period // periods added or given other levels or dates
	moved     []int64        // stored students given another class
}

// newApplier returns an applier for b in tx at instant now.
func newApplier(ctx context.Context, tx *sql.Tx, cache *stmtCache, b *diary.Batch, now time.Time) *applier {
	a := &applier{
		ctx: ctx, tx: tx, q: cached{c: cache, tx: tx}, cache: cache, b: b, now: now,
		skip:     map[diary.Source]bool{},
		known:    map[fieldKey]bool{},
		stmts:    map[string]*sql.Stmt{},
		counts:   map[string]*diary.Counts{},
		years:    map[string]yearRef{},
		periodBy: map[string]periodRef{},
		subjects: map[string]idRef{},
		classes:  map[string]classRef{},
		staff:    map[string]idRef{},
		students: map[string]studentRef{},
		groups:   map[string]groupRef{},
		lessons:  map[string]lessonRef{},
		listed:   map[int64]bool{},
		agg:      map[aggKey]aggDelta{},
	}
	for _, e := range validate(b) {
		a.errs = append(a.errs, e)
		a.skip[e.Src] = true
		a.known[fieldKey{e.Src, e.Field}] = true
	}
	return a
}

// run applies every kind of the batch in dependency order.
func (a *applier) run() error {
	if err := a.applySchool(); err != nil {
		return err
	}
	steps := []func() error{
		a.loadCalendar, a.applyYears, a.applyPeriods, a.checkOverlaps, a.applyDaysOff,
		a.applySubjects, a.applyClasses, a.applyStaff, a.applyStudents, a.markLeft, a.endLeftLinks,
		a.applyGroups, a.applyGuardians, a.applyLessons, a.reperiod, a.applyGrades,
		a.applyAttendance, a.applyHomework, a.applyFinals,
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

// result returns what the batch did: counts for exactly the kinds the batch
// has records of; students a roster marks left are in MarkedLeft only.
func (a *applier) result() diary.ApplyResult {
	res := diary.ApplyResult{SchoolID: a.school.ID, Counts: map[string]diary.Counts{}, MarkedLeft: a.left}
	for k, c := range a.counts {
		res.Counts[k] = *c
	}
	return res
}

// fieldKey names one field of one input item.
type fieldKey struct {
	src   diary.Source
	field string
}

// fail records a problem of the item at src, unless the domain validation
// already reported that field of that item.
func (a *applier) fail(src diary.Source, field, format string, args ...any) {
	if a.known[fieldKey{src, field}] {
		return
	}
	a.errs = append(a.errs, diary.ItemError{Src: src, Field: field, Msg: fmt.Sprintf(format, args...)})
}

// count returns the counts of kind, creating them.
func (a *applier) count(kind string) *diary.Counts {
	c := a.counts[kind]
	if c == nil {
		c = &diary.Counts{}
		a.counts[kind] = c
	}
	return c
}

// put writes one record of kind: ins when there is no stored one (found is
// false), upd when it differs (same is false), nothing when they are equal. It
// counts the outcome and reports whether anything was written.
func (a *applier) put(kind string, found, same bool, ins, upd func() error) (bool, error) {
	c := a.count(kind)
	switch {
	case !found:
		c.Added++
		return true, ins()
	case !same:
		c.Changed++
		return true, upd()
	}
	c.Unchanged++
	return false, nil
}

// stmt returns the writer's cached statement for query bound to the
// transaction, once per Apply.
func (a *applier) stmt(query string) (*sql.Stmt, error) {
	if s, ok := a.stmts[query]; ok {
		return s, nil
	}
	s, err := cached{c: a.cache, tx: a.tx}.stmt(a.ctx, query)
	if err != nil {
		return nil, fmt.Errorf("prepare: %w", err)
	}
	a.stmts[query] = s
	return s, nil
}

// exec runs a prepared write.
func (a *applier) exec(what, query string, args ...any) error {
	s, err := a.stmt(query)
	if err == nil {
		_, err = s.ExecContext(a.ctx, args...)
	}
	return wrap(err, "%s", what)
}

// insert runs a prepared INSERT and returns the new row's id.
func (a *applier) insert(what, query string, args ...any) (int64, error) {
	s, err := a.stmt(query)
	if err != nil {
		return 0, wrap(err, "%s", what)
	}
	res, err := s.ExecContext(a.ctx, args...)
	if err != nil {
		return 0, wrap(err, "%s", what)
	}
	id, err := res.LastInsertId()
	return id, wrap(err, "%s", what)
}

// closeStmts closes the prepared statements.
func (a *applier) closeStmts() {
	for _, s := range a.stmts {
		s.Close()
	}
}
