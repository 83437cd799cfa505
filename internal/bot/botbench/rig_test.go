package botbench

import (
	"context"
	"crypto/rand"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	tgbot "github.com/go-telegram/bot"

	"github.com/schooldiary/diary/internal/bot"
	"github.com/schooldiary/diary/internal/cluster"
	"github.com/schooldiary/diary/internal/demo"
	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/i18n"
	"github.com/schooldiary/diary/internal/store"
	"github.com/schooldiary/diary/internal/telegramtest"
)

// The demo journal runs to until; the bot's clock stands on its morning.
var (
	until = diary.MustDate("2026-10-15")
	now   = time.Date(2026, 10, 15, 7, 0, 0, 0, time.UTC)
)

const (
	viewLimit = 20 * time.Millisecond // one diary view, p99 of the handler time
	secret    = "bench-secret"
	waitLimit = 2 * time.Minute // one reply, however loaded the machine
)

var testConsent = bot.ConsentText{Version: "bench", RU: "Я согласен на обработку данных.", EN: "I agree."}

func envInt(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return def
}

func clock() time.Time { return now }

// load writes one demo school of n students and runs Optimize, as diaryctl does.
func load(b *testing.B, db store.DB, n int) demo.Summary {
	b.Helper()
	sum, err := demo.Generate(context.Background(), db, demo.Options{Seed: 1, Students: n, Until: until, Ahead: 7})
	if err != nil {
		b.Fatal(err)
	}
	if err := db.Optimize(context.Background()); err != nil {
		b.Fatal(err)
	}
	return sum
}

// countingViews is the real views, remembering how many pages the last
// render of each student had, so that a waiter knows when a reply is whole.
type countingViews struct {
	inner bot.Views
	pages sync.Map // student id → int
}

// Render implements bot.Views.
func (v *countingViews) Render(ctx context.Context, lang i18n.Lang, viewer diary.Viewer, studentID int64, today diary.Date, action string) ([]bot.Page, error) {
	pages, err := v.inner.Render(ctx, lang, viewer, studentID, today, action)
	v.pages.Store(studentID, len(pages))
	return pages, err
}

// warnCounter counts the bot's log records at warning and above.
type warnCounter struct {
	n    atomic.Int64
	mu   sync.Mutex
	last []string
}

func (w *warnCounter) Enabled(_ context.Context, l slog.Level) bool { return l >= slog.LevelWarn }
func (w *warnCounter) WithAttrs([]slog.Attr) slog.Handler           { return w }
func (w *warnCounter) WithGroup(string) slog.Handler                { return w }

// Handle counts r and keeps the first few messages for the report.
func (w *warnCounter) Handle(_ context.Context, r slog.Record) error {
	w.n.Add(1)
	w.mu.Lock()
	defer w.mu.Unlock()
	if len(w.last) < 5 {
		w.last = append(w.last, r.Message)
	}
	return nil
}

// rig is the bot on a demo school, taking updates from the emulator by webhook.
type rig struct {
	db      store.DB
	school  diary.School
	tg      *telegramtest.Server
	views   *countingViews
	warns   *warnCounter
	entered atomic.Int64 // unix nanos when the last update entered the bot
}

// newRig loads the school into db and starts the bot in webhook mode; the
// emulator's rate limits are off (NoLimits), and so are the bot's.
func newRig(b *testing.B, db store.DB) *rig {
	b.Helper()
	ctx := context.Background()
	r := &rig{db: db, views: &countingViews{inner: bot.DiaryViews(db)}, warns: &warnCounter{}}
	school, err := db.SchoolByCode(ctx, demo.DemoSchoolCode)
	if err != nil {
		b.Fatal(err)
	}
	r.school = school
	r.tg = telegramtest.New(telegramtest.Options{Now: clock, NoLimits: true})
	b.Cleanup(r.tg.Close)
	set := cluster.NewMemory(clock)
	set.Limiter = cluster.NewMemory(nil).Limiter // pacing on real time, so waits end
	bt, err := bot.New(bot.Deps{
		Store: db, Cluster: set, Now: clock, Consent: testConsent, Views: r.views,
		Log: slog.New(r.warns), BotLimit: cluster.PerSecond(1000000), ChatLimit: cluster.PerSecond(1000000),
	})
	if err != nil {
		b.Fatal(err)
	}
	r.serve(b, bt)
	return r
}

// serve attaches a client of the emulator and points its webhook at the
// bot, through a wrapper noting when each update enters the bot.
func (r *rig) serve(b *testing.B, bt *bot.B) {
	b.Helper()
	ctx := context.Background()
	client, err := tgbot.New(r.tg.Token(), append([]tgbot.Option{tgbot.WithServerURL(r.tg.URL())}, bt.Options()...)...)
	if err != nil {
		b.Fatal(err)
	}
	hook := bt.Webhook(secret)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		r.entered.Store(time.Now().UnixNano())
		hook.ServeHTTP(w, req)
	}))
	b.Cleanup(func() {
		sctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		_ = bt.Shutdown(sctx)
		srv.Close()
	})
	if err := bt.Attach(ctx, client); err != nil {
		b.Fatal(err)
	}
	if _, err := client.SetWebhook(ctx, &tgbot.SetWebhookParams{URL: srv.URL, SecretToken: secret}); err != nil {
		b.Fatal(err)
	}
}

// parent is a linked emulator user and the messages whose buttons the
// benchmarks press.
type parent struct {
	user    telegramtest.User
	student diary.Student
	menu    telegramtest.Message
}

// families returns up to n guardian–student pairs, one per guardian and
// per student, spread over the school's classes from the second form up.
func (r *rig) families(b *testing.B, n int) []diary.LinkCode {
	b.Helper()
	ctx := context.Background()
	classes, err := r.db.Classes(ctx, r.school.ID)
	if err != nil {
		b.Fatal(err)
	}
	var out []diary.LinkCode
	seen := map[int64]bool{}
	for round := 0; len(out) < n && round < 40; round++ {
		for _, c := range classes {
			if c.Level < 2 { // first-formers get no marks: no subject to open
				continue
			}
			out = r.pick(b, c, round, seen, out)
			if len(out) == n {
				return out
			}
		}
	}
	if len(out) < n {
		b.Fatalf("only %d families for %d parents", len(out), n)
	}
	return out
}

// pick adds the round-th student of class c with a guardian not seen yet.
func (r *rig) pick(b *testing.B, c diary.Class, round int, seen map[int64]bool, out []diary.LinkCode) []diary.LinkCode {
	b.Helper()
	ctx := context.Background()
	students, err := r.db.StudentsOfClass(ctx, c.ID)
	if err != nil || round >= len(students) {
		return out
	}
	st := students[round]
	gs, err := r.db.GuardiansOfStudent(ctx, st.ID)
	if err != nil {
		b.Fatal(err)
	}
	for _, g := range gs {
		if !seen[g.ID] {
			seen[g.ID] = true
			return append(out, diary.LinkCode{Kind: diary.LinkGuardian, SchoolID: r.school.ID, StudentID: st.ID, GuardianID: g.ID})
		}
	}
	return out
}

// linkParents issues a real code for each family, stores them in one call,
// and links a new emulator user with each (code, consent, menu), with
// workers at a time.
func (r *rig) linkParents(b *testing.B, n, workers int) []*parent {
	b.Helper()
	ctx := context.Background()
	fams := r.families(b, n)
	codes := make([]string, len(fams))
	for i := range fams {
		code, err := diary.NewLinkCode(rand.Reader)
		if err != nil {
			b.Fatal(err)
		}
		codes[i] = code
		fams[i].Hash, fams[i].CreatedAt, fams[i].ExpiresAt = diary.HashCode(code), now, now.Add(diary.DefaultCodeTTL)
	}
	if err := r.db.CreateLinkCodes(ctx, fams); err != nil {
		b.Fatal(err)
	}
	out := make([]*parent, len(fams))
	errs := parallel(len(fams), workers, func(i int) error {
		p, err := r.link(ctx, fams[i].StudentID, codes[i])
		out[i] = p
		return err
	})
	if len(errs) > 0 {
		b.Fatalf("linking %d parents: %d failed, first: %v", len(fams), len(errs), errs[0])
	}
	return out
}

// link walks one parent through /start with the code and the consent.
func (r *rig) link(ctx context.Context, studentID int64, code string) (*parent, error) {
	st, err := r.db.Student(ctx, studentID)
	if err != nil {
		return nil, err
	}
	u, err := r.tg.AddUser(telegramtest.User{FirstName: "Родитель"})
	if err != nil {
		return nil, err
	}
	if _, err := r.tg.Start(u.ID, code); err != nil {
		return nil, err
	}
	consent, err := r.expect(ctx, u.ID, "согласи")
	if err != nil {
		return nil, err
	}
	if _, err := r.tg.PressButton(u.ID, u.ID, consent.ID, i18n.Plain(i18n.RU, i18n.BtnConsentAccept)); err != nil {
		return nil, err
	}
	if _, err := r.expect(ctx, u.ID, "Согласие записано"); err != nil {
		return nil, err
	}
	menu, err := r.expect(ctx, u.ID, st.Name.Full())
	return &parent{user: u, student: st, menu: menu}, err
}

// expect waits for the bot's next message to chat and checks it holds want.
func (r *rig) expect(ctx context.Context, chatID int64, want string) (telegramtest.Message, error) {
	ctx, cancel := context.WithTimeout(ctx, waitLimit)
	defer cancel()
	m, err := r.tg.NextBotMessage(ctx, chatID)
	if err == nil && !strings.Contains(m.Text, want) {
		err = fmt.Errorf("bot said %.80q, want %q", m.Text, want)
	}
	return m, err
}

// parallel runs fn(0…n-1) on workers goroutines and returns the errors.
func parallel(n, workers int, fn func(i int) error) []error {
	var mu sync.Mutex
	var errs []error
	next := atomic.Int64{}
	var wg sync.WaitGroup
	for range min(workers, n) {
		wg.Go(func() {
			for i := int(next.Add(1)) - 1; i < n; i = int(next.Add(1)) - 1 {
				if err := fn(i); err != nil {
					mu.Lock()
					errs = append(errs, err)
					mu.Unlock()
				}
			}
		})
	}
	wg.Wait()
	return errs
}
