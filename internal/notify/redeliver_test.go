package notify_test

import (
	"context"
	"database/sql"
	"testing"

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
