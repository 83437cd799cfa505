package notify_test

import (
	"context"
	"database/sql"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/riverdriver/riversqlite"

	"github.com/schooldiary/diary/internal/notify"
	"github.com/schooldiary/diary/internal/store/storetest"
)

// insertJob inserts another delivery job for the notice id through an
// insert-only River client of the store, as a retry or a rescue would run it.
func insertJob(t *testing.T, db any, id int64) {
	t.Helper()
	ctx, args := t.Context(), notify.DeliverArgs{NoticeID: id}
	var err error
	switch s := db.(type) {
	case interface{ Pool() *pgxpool.Pool }:
		err = insertWith(ctx, riverpgxv5.New(s.Pool()), args)
	case interface{ WritePool() *sql.DB }:
		err = insertWith(ctx, riversqlite.New(s.WritePool()), args)
	default:
		t.Fatalf("no River driver for %T", db)
	}
	if err != nil {
		t.Fatal(err)
	}
}

// insertWith inserts args through an insert-only client on driver.
func insertWith[TTx any](ctx context.Context, driver riverdriver.Driver[TTx], args notify.DeliverArgs) error {
	c, err := river.NewClient(driver, &river.Config{})
	if err != nil {
		return err
	}
	_, err = c.Insert(ctx, args, nil)
	return err
}

// A job that runs again for a notice already sent (a retry, a rescue after
// the send was recorded) completes without sending it twice.
func TestDeliverNeverTwice(t *testing.T) {
	eachStore(t, func(t *testing.T, e *env) {
		e.link(t, storetest.PhoneBelova, userBelova)
		res := e.enqueue(t, e.notice(t, "k-1", storetest.GuardianBelova))
		id := res.New[0].ID
		e.final(t, id)
		insertJob(t, e.db, id)
		if ev := e.final(t, id); ev.Job.State != "completed" {
			t.Errorf("second job ended %s, want completed", ev.Job.State)
		}
		if _, calls := e.tg.delivered(); calls != 1 {
			t.Errorf("telegram called %d times, want 1", calls)
		}
		wantHistory(t, e, id, "queued", "sent")
	})
}

// stickJob leaves every delivery job as a process killed a minute ago
// leaves the one it was running: running, attempted, never finished. (River's
// rescuer reads the real clock, not the test's.)
func stickJob(t *testing.T, db any) {
	t.Helper()
	const stuck = `UPDATE river_job SET state = 'running', attempt = 1, attempted_at = `
	var err error
	switch s := db.(type) {
	case interface{ Pool() *pgxpool.Pool }:
		_, err = s.Pool().Exec(t.Context(), stuck+`now() - interval '1 minute'`)
	case interface{ WritePool() *sql.DB }:
		_, err = s.WritePool().ExecContext(t.Context(), stuck+`datetime('now', 'subsec', '-60 seconds')`)
	}
	if err != nil {
		t.Fatal(err)
	}
}

// A job a killed process left running for a minute (longer than
// notify.RescueAfter) is rescued by the next process, and the notice goes.
func TestDeliverRescued(t *testing.T) {
	for _, kind := range kinds {
		t.Run(kind, func(t *testing.T) {
			t.Parallel()
			e := openEnv(t, kind)
			e.link(t, storetest.PhoneBelova, userBelova)
			res := e.enqueue(t, e.notice(t, "k-1", storetest.GuardianBelova))
			stickJob(t, e.db)
			started := time.Now()
			e.start(t)
			if ev := e.final(t, res.New[0].ID); ev.Job.State != "completed" || ev.Job.Attempt != 2 {
				t.Errorf("job ended %s after attempt %d, want completed at the second", ev.Job.State, ev.Job.Attempt)
			}
			t.Logf("rescued and delivered %v after start", time.Since(started).Round(time.Millisecond))
			wantHistory(t, e, res.New[0].ID, "queued", "sent")
		})
	}
}
