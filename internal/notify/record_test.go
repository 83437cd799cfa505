package notify_test

import (
	"context"
	"database/sql"
	"errors"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/notify"
	"github.com/schooldiary/diary/internal/store/storetest"
)

// flakyRecord is a store whose first records of a sent notice fail, as
// while the database restarts.
type flakyRecord struct {
	noticeDB
	mu    sync.Mutex
	fails int
}

// RecordNotice fails while fails lasts for a sent notice.
func (f *flakyRecord) RecordNotice(ctx context.Context, id int64, u diary.NoticeUpdate) error {
	f.mu.Lock()
	fail := u.Status == diary.NoticeSent && f.fails > 0
	if fail {
		f.fails--
	}
	f.mu.Unlock()
	if fail {
		return errors.New("connection refused")
	}
	return f.noticeDB.RecordNotice(ctx, id, u)
}

// flakyPG and flakySQLite give River the database under a flakyRecord.
type (
	flakyPG     struct{ *flakyRecord }
	flakySQLite struct{ *flakyRecord }
)

// Pool is the PostgreSQL store's pool.
func (f flakyPG) Pool() *pgxpool.Pool {
	return f.noticeDB.(interface{ Pool() *pgxpool.Pool }).Pool()
}

// WritePool is the SQLite store's writer.
func (f flakySQLite) WritePool() *sql.DB {
	return f.noticeDB.(interface{ WritePool() *sql.DB }).WritePool()
}

// flaky wraps db so that its first fails records of a sent notice fail.
func flaky(db noticeDB, fails int) notify.Store {
	f := &flakyRecord{noticeDB: db, fails: fails}
	if _, ok := db.(interface{ Pool() *pgxpool.Pool }); ok {
		return flakyPG{f}
	}
	return flakySQLite{f}
}

// A notice whose send went but whose record failed at first (the database
// restarting) is recorded when the store answers again, in the same job:
// sent once, never again by a retry.
func TestDeliverRecordsAfterStoreFails(t *testing.T) {
	for _, kind := range kinds {
		t.Run(kind, func(t *testing.T) {
			t.Parallel()
			e := openEnv(t, kind)
			e.svc = newService(t, flaky(e.db, 3), e.clock.Now, map[string]notify.Channel{"telegram": e.tg, "email": e.mail}, nil)
			events, cancel := e.svc.Subscribe(finalKinds...)
			t.Cleanup(cancel)
			e.events = events
			e.start(t)
			e.link(t, storetest.PhoneBelova, userBelova)
			res := e.enqueue(t, e.notice(t, "k-1", storetest.GuardianBelova))
			if ev := e.final(t, res.New[0].ID); ev.Job.State != "completed" || ev.Job.Attempt != 1 {
				t.Errorf("job ended %s after attempt %d, want completed at the first", ev.Job.State, ev.Job.Attempt)
			}
			if _, calls := e.tg.delivered(); calls != 1 {
				t.Errorf("telegram called %d times, want 1", calls)
			}
			wantHistory(t, e, res.New[0].ID, "queued", "sent")
		})
	}
}
