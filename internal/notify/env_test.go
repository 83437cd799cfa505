package notify_test

import (
	"context"
	"encoding/json"
	"log/slog"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/notify"
	"github.com/schooldiary/diary/internal/store"
	"github.com/schooldiary/diary/internal/store/postgres"
	"github.com/schooldiary/diary/internal/store/sqlite"
	"github.com/schooldiary/diary/internal/store/storetest"
	"github.com/schooldiary/diary/internal/testenv"
)

// moscow is the test school's zone.
var moscow = mustZone("Europe/Moscow")

// mustZone loads a zone or panics.
func mustZone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// tickClock is the real clock moved forward by an offset a test sets: it
// ticks (River's timers and leases keep working) and can jump ahead, never
// back, so that what the database stamps with its own now stays due.
type tickClock struct {
	mu     sync.Mutex
	offset time.Duration
}

// Now returns the moved time.
func (c *tickClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return time.Now().Add(c.offset)
}

// Jump moves the clock to t, which must be ahead of it.
func (c *tickClock) Jump(t *testing.T, to time.Time) {
	t.Helper()
	c.mu.Lock()
	defer c.mu.Unlock()
	d := time.Until(to)
	if d < c.offset {
		t.Fatalf("clock would go back to %s", to)
	}
	c.offset = d
}

// nextDay returns hh:mm in Moscow on the first day after today that is not
// a Sunday and whose next day is not one either.
func nextDay(hh, mm int) time.Time {
	d := time.Now().In(moscow)
	for {
		d = d.AddDate(0, 0, 1)
		if wd := d.Weekday(); wd != time.Sunday && wd != time.Saturday {
			return time.Date(d.Year(), d.Month(), d.Day(), hh, mm, 0, 0, moscow)
		}
	}
}

// sent is one message a channel got.
type sent struct {
	To notify.Address
	M  notify.Message
}

// recorder is a channel that records what it delivers and fails its
// first sends with the errors it is given.
type recorder struct {
	name  string
	mu    sync.Mutex
	errs  []error
	calls int
	got   []sent
}

// Name returns the channel's name.
func (r *recorder) Name() string { return r.name }

// Send records m, or returns the next scripted error.
func (r *recorder) Send(_ context.Context, to notify.Address, m notify.Message) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.calls++
	if len(r.errs) > 0 {
		err := r.errs[0]
		r.errs = r.errs[1:]
		return err
	}
	r.got = append(r.got, sent{To: to, M: m})
	return nil
}

// failWith scripts the errors of the next sends.
func (r *recorder) failWith(errs ...error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errs = errs
}

// delivered returns what the channel delivered and how often it was called.
func (r *recorder) delivered() ([]sent, int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]sent(nil), r.got...), r.calls
}

// noticeDB is a store that keeps notices.
type noticeDB interface {
	notify.Store
	store.DB
	NoticeEvents(ctx context.Context, id int64) ([]diary.NoticeEvent, error)
}

// env is one test's store with the small school, its clock, channels and
// a started delivery service.
type env struct {
	db       noticeDB
	clock    *tickClock
	svc      *notify.Service
	tg, mail *recorder
	refs     *storetest.Refs
	events   <-chan *river.Event
}

// Both SQL stores are what notify needs.
var (
	_ notify.Store = (*postgres.DB)(nil)
	_ notify.Store = (*sqlite.DB)(nil)
)

// kinds are the stores every test runs on.
var kinds = []string{"sqlite", "postgres"}

// migratePG migrates the PostgreSQL template database.
func migratePG(ctx context.Context, url string) error {
	db, err := store.Open(ctx, url, store.Options{})
	if err != nil {
		return err
	}
	defer db.Close()
	return db.Migrate(ctx)
}

// openStore opens a fresh migrated store of kind on clock.
func openStore(t testing.TB, kind string, clock func() time.Time) noticeDB {
	t.Helper()
	dsn := "sqlite:" + filepath.Join(t.TempDir(), "diary.db")
	if kind == "postgres" {
		dsn = testenv.PostgresMigratedURL(t, migratePG)
	}
	db, _, err := store.OpenMigrated(context.Background(), dsn, store.Options{Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db.(noticeDB)
}

// newEnv opens a store of kind with the small school, the clock at noon
// of a weekday, and starts delivery.
func newEnv(t *testing.T, kind string) *env {
	t.Helper()
	e := openEnv(t, kind)
	e.start(t)
	return e
}

// openEnv is newEnv without starting delivery.
func openEnv(t *testing.T, kind string) *env {
	t.Helper()
	return openObservedEnv(t, kind, nil)
}

// openObservedEnv is openEnv with the service's observer made by observe
// over the store (none when observe is nil).
func openObservedEnv(t *testing.T, kind string, observe func(noticeDB) notify.Observer) *env {
	t.Helper()
	e := &env{clock: &tickClock{}, tg: &recorder{name: "telegram"}, mail: &recorder{name: "email"}}
	e.clock.Jump(t, nextDay(12, 0))
	e.db = openStore(t, kind, e.clock.Now)
	b := storetest.SmallSchool()
	if _, err := e.db.Apply(t.Context(), b, diary.ApplyOptions{}); err != nil {
		t.Fatal(err)
	}
	e.refs = storetest.Resolve(t, e.db, b)
	var obs notify.Observer
	if observe != nil {
		obs = observe(e.db)
	}
	e.svc = newService(t, e.db, e.clock.Now, map[string]notify.Channel{"telegram": e.tg, "email": e.mail}, obs)
	events, cancel := e.svc.Subscribe(finalKinds...)
	e.events = events
	t.Cleanup(cancel)
	return e
}

// finalKinds are the River events a test waits on.
var finalKinds = []river.EventKind{river.EventKindJobCompleted, river.EventKindJobCancelled,
	river.EventKindJobFailed, river.EventKindJobSnoozed}

// start starts delivery, stopped when the test ends.
func (e *env) start(t *testing.T) {
	t.Helper()
	if err := e.svc.Start(t.Context()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { stop(t, e.svc) })
}

// newService returns a delivery service retrying at once and polling often,
// telling obs (when not nil) what it does.
func newService(t testing.TB, db notify.Store, now func() time.Time, chans map[string]notify.Channel, obs notify.Observer) *notify.Service {
	t.Helper()
	svc, err := notify.New(db, notify.Config{Channels: chans, Now: now, PollInterval: 50 * time.Millisecond, Observer: obs,
		Backoff: func(int) time.Duration { return 10 * time.Millisecond },
		Logger:  slog.New(slog.NewTextHandler(t.Output(), &slog.HandlerOptions{Level: slog.LevelWarn}))})
	if err != nil {
		t.Fatal(err)
	}
	return svc
}

// stop stops the service, waiting for deliveries under way.
func stop(t *testing.T, svc *notify.Service) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := svc.Stop(ctx); err != nil {
		t.Errorf("stop: %v", err)
	}
}

// link links the guardian with phone to a chat of user and returns the chat.
func (e *env) link(t *testing.T, phone string, user int64) int64 {
	t.Helper()
	chat := user + 5_000_000
	ctx := t.Context()
	if err := e.db.UpsertChat(ctx, diary.Chat{ChatID: chat, TelegramUserID: user, Language: "ru"}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.db.LinkByPhone(ctx, e.refs.School.ID, phone, user, chat); err != nil {
		t.Fatal(err)
	}
	return chat
}

// notice is a notice to the guardian ext of the small school.
func (e *env) notice(t *testing.T, key, guardian string) diary.Notice {
	t.Helper()
	return diary.Notice{Key: key, Kind: "announcement", SchoolID: e.refs.School.ID,
		Recipient: diary.Recipient{Kind: diary.LinkGuardian, ID: e.refs.Guardians[guardian]},
		Language:  "ru", Subject: "Родительское собрание", HTML: "<b>Собрание</b> в 18:00",
		Text: "Собрание в 18:00"}
}

// enqueue enqueues ns and returns the result.
func (e *env) enqueue(t *testing.T, ns ...diary.Notice) diary.EnqueueResult {
	t.Helper()
	res, err := e.svc.Enqueue(t.Context(), ns)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// final waits for the notice's job to end (completed, cancelled or
// discarded) and returns its last event, failing after a minute.
func (e *env) final(t *testing.T, noticeID int64) *river.Event {
	t.Helper()
	timeout := time.NewTimer(time.Minute)
	defer timeout.Stop()
	for {
		select {
		case ev := <-e.events:
			if ev.Job != nil && jobNotice(t, ev.Job) == noticeID && finalState(ev.Job.State) {
				return ev
			}
		case <-timeout.C:
			t.Fatalf("notice %d: its job did not end within a minute", noticeID)
		}
	}
}

// finalState reports whether a job in state s is done with.
func finalState(s rivertype.JobState) bool {
	return s == rivertype.JobStateCompleted || s == rivertype.JobStateCancelled || s == rivertype.JobStateDiscarded
}

// jobNotice returns the notice a job delivers.
func jobNotice(t *testing.T, j *rivertype.JobRow) int64 {
	var a notify.DeliverArgs
	if err := json.Unmarshal(j.EncodedArgs, &a); err != nil {
		t.Fatalf("job args: %v", err)
	}
	return a.NoticeID
}

// history returns the statuses of the notice's history.
func (e *env) history(t *testing.T, id int64) []string {
	t.Helper()
	evs, err := e.db.NoticeEvents(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]string, len(evs))
	for i, ev := range evs {
		out[i] = ev.Status
	}
	return out
}

// stored returns the notice as stored.
func (e *env) stored(t *testing.T, id int64) diary.Notice {
	t.Helper()
	n, err := e.db.Notice(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	return n
}
