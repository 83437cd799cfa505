package bot

import (
	"bytes"
	"context"
	"crypto/rand"
	"fmt"
	"html"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	tgbot "github.com/go-telegram/bot"

	"github.com/schooldiary/diary/internal/cluster"
	"github.com/schooldiary/diary/internal/demo"
	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/i18n"
	"github.com/schooldiary/diary/internal/notify"
	"github.com/schooldiary/diary/internal/store/postgres"
	"github.com/schooldiary/diary/internal/store/sqlite"
	"github.com/schooldiary/diary/internal/telegramtest"
	"github.com/schooldiary/diary/internal/testenv"
)

// The demo school of the tests: its journal runs to demoUntil and the
// bot's clock starts on the Monday after.
var (
	demoOptions = demo.Options{Seed: 7, Students: 60, Until: diary.MustDate("2025-10-17"), Ahead: 5}
	startTime   = time.Date(2025, 10, 20, 9, 0, 0, 0, time.UTC)
)

// testConsent is the consent text of the tests; its «<» must arrive escaped.
var testConsent = ConsentText{Version: "2025-09", RU: "Я согласен на обработку данных <ПДн> & хранение.", EN: "I agree."}

// clock is a fake clock tests move by hand.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

// Now returns the fake time.
func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

// Advance moves the clock on.
func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// syncBuffer is a log destination safe for concurrent writes.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.String()
}

// harness is a bot on a demo school, talking to an emulator.
type harness struct {
	t      *testing.T
	ctx    context.Context
	clock  *clock
	db     diary.Store
	tg     *telegramtest.Server
	set    *cluster.Set
	b      *B
	views  *fakeViews
	logs   *syncBuffer
	school diary.School
	client *tgbot.Bot
}

// options tune newHarness.
type options struct {
	postgres   bool
	redis      bool
	realViews  bool // internal/views on the store instead of fakeViews
	phone      []string
	views      Views
	noStart    bool
	timeout    time.Duration
	emulator   telegramtest.Options
	schoolRand io.Reader
	backoff    Backoff
	mail       notify.Channel            // Deps.Mail
	deps       func(h *harness, d *Deps) // changes the bot's Deps before New
}

// templateDB is the demo school in SQLite, generated once per test binary.
var templateDB struct {
	once sync.Once
	path string
	err  error
}

// demoFile returns a copy of the generated demo SQLite file for one test.
func demoFile(t *testing.T) string {
	t.Helper()
	templateDB.once.Do(func() {
		dir, err := os.MkdirTemp("", "bot-demo-")
		if err != nil {
			templateDB.err = err
			return
		}
		templateDB.path = filepath.Join(dir, "demo.db")
		templateDB.err = generate(templateDB.path)
	})
	if templateDB.err != nil {
		t.Fatalf("demo template: %v", templateDB.err)
	}
	data, err := os.ReadFile(templateDB.path)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "diary.db")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// generate writes the demo school into a new SQLite file and closes it.
func generate(path string) error {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, path, func() time.Time { return startTime })
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.Migrate(ctx); err != nil {
		return err
	}
	_, err = demo.Generate(ctx, db, demoOptions)
	return err
}

// openStore opens the store of a test: a copy of the SQLite demo, or a
// fresh PostgreSQL database with the demo written into it.
func openStore(t *testing.T, ctx context.Context, pg bool, now func() time.Time) diary.Store {
	t.Helper()
	if !pg {
		db, err := sqlite.Open(ctx, demoFile(t), now)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return db
	}
	db, err := postgres.Open(ctx, testenv.PostgresURL(t), now)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := demo.Generate(ctx, db, demoOptions); err != nil {
		t.Fatal(err)
	}
	return db
}

// newHarness starts a bot on the demo school with a memory cluster on the
// fake clock (its limiter on real time, so that waits end).
func newHarness(t *testing.T, opt options) *harness {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	h := &harness{t: t, ctx: ctx, clock: &clock{t: startTime}, logs: &syncBuffer{}}
	h.db = openStore(t, ctx, opt.postgres, h.clock.Now)
	school, err := h.db.SchoolByCode(ctx, demo.DemoSchoolCode)
	if err != nil {
		t.Fatal(err)
	}
	h.school = school
	h.set = openCluster(t, ctx, opt.redis, h.clock.Now)
	h.views = &fakeViews{db: h.db}
	views := Views(h.views)
	if opt.views != nil {
		views = opt.views
	}
	if opt.realViews {
		views = DiaryViews(h.db)
	}
	eo := opt.emulator
	eo.Now = h.clock.Now
	if eo.Limits == (telegramtest.Limits{}) {
		eo.NoLimits = true
	}
	h.tg = telegramtest.New(eo)
	t.Cleanup(h.tg.Close)
	h.b = h.newBot(opt, views)
	h.client = h.newClient()
	if !opt.noStart {
		h.start()
	}
	return h
}

// newBot makes the harness's bot with views; opt.deps may change its Deps.
func (h *harness) newBot(opt options, views Views) *B {
	h.t.Helper()
	deps := Deps{
		Store: h.db, Cluster: h.set, Now: h.clock.Now, Consent: testConsent, Views: views,
		Log:              slog.New(slog.NewTextHandler(h.logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
		PhoneLinkSchools: opt.phone, HandlerTimeout: opt.timeout,
		BotLimit: cluster.PerSecond(100000), ChatLimit: cluster.PerSecond(100000), Random: opt.schoolRand,
		Backoff: opt.backoff, Mail: opt.mail,
	}
	if opt.deps != nil {
		opt.deps(h, &deps)
	}
	b, err := New(deps)
	if err != nil {
		h.t.Fatal(err)
	}
	return b
}

// openCluster returns a memory cluster on the fake clock (its limiter on
// real time, so that waits end) or the real Redis under a unique prefix.
func openCluster(t *testing.T, ctx context.Context, redis bool, now func() time.Time) *cluster.Set {
	t.Helper()
	if !redis {
		set := cluster.NewMemory(now)
		set.Limiter = cluster.NewMemory(nil).Limiter
		return set
	}
	var suffix [6]byte
	_, _ = rand.Read(suffix[:])
	set, err := cluster.Open(ctx, testenv.RedisURL(t), nil, fmt.Sprintf("bottest:%s:%x:", t.Name(), suffix))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { set.Close() })
	return set
}

// newClient is a go-telegram/bot client of the emulator built with the bot's options.
func (h *harness) newClient() *tgbot.Bot {
	h.t.Helper()
	opts := append([]tgbot.Option{tgbot.WithServerURL(h.tg.URL())}, h.b.Options()...)
	c, err := tgbot.New(h.tg.Token(), opts...)
	if err != nil {
		h.t.Fatal(err)
	}
	return c
}

// start runs long polling until the test ends, then shuts the bot down.
func (h *harness) start() {
	h.t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		h.b.Start(ctx, h.client, h.tg.URL())
	}()
	h.t.Cleanup(func() {
		cancel()
		<-done
		sctx, scancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer scancel()
		if err := h.b.Shutdown(sctx); err != nil {
			h.t.Errorf("Shutdown: %v", err)
		}
	})
}

// user adds a Telegram user.
func (h *harness) user(u telegramtest.User) telegramtest.User {
	h.t.Helper()
	u, err := h.tg.AddUser(u)
	if err != nil {
		h.t.Fatal(err)
	}
	return u
}

// next waits for the bot's next message to the user's chat, or its next
// edit of one (a view replaced in place keeps its message's ID).
func (h *harness) next(userID int64) telegramtest.Message {
	h.t.Helper()
	ctx, cancel := context.WithTimeout(h.ctx, 15*time.Second)
	defer cancel()
	m, err := h.tg.NextBotChange(ctx, userID)
	if err != nil {
		h.t.Fatalf("waiting for the bot's message to %d: %v\nlog:\n%s", userID, err, h.logs.String())
	}
	return m
}

// expect waits for the next message and checks it contains want.
func (h *harness) expect(userID int64, want string) telegramtest.Message {
	h.t.Helper()
	m := h.next(userID)
	if !strings.Contains(m.Text+m.Caption, want) {
		h.t.Fatalf("bot said %q, want it to contain %q", m.Text+m.Caption, want)
	}
	return m
}

// expectKey waits for the next message and checks it is key's text.
func (h *harness) expectKey(userID int64, key i18n.Key, args ...any) telegramtest.Message {
	h.t.Helper()
	want := i18n.PlainText(i18n.Safe(i18n.T(i18n.RU, key, args...)))
	m := h.next(userID)
	if !strings.Contains(m.Text, want) {
		h.t.Fatalf("bot said %q, want %s: %q", m.Text, key, want)
	}
	return m
}

// send sends text as the user.
func (h *harness) send(userID int64, text string) {
	h.t.Helper()
	if _, err := h.tg.SendText(userID, text); err != nil {
		h.t.Fatal(err)
	}
}

// startWith sends /start with a payload.
func (h *harness) startWith(userID int64, payload string) {
	h.t.Helper()
	if _, err := h.tg.Start(userID, payload); err != nil {
		h.t.Fatal(err)
	}
}

// press presses the button labelled text on message m (as the message
// shows it now) and returns the callback query's id.
func (h *harness) press(userID int64, m telegramtest.Message, text string) string {
	h.t.Helper()
	id, err := h.tg.PressButton(userID, userID, m.ID, text)
	if err != nil {
		h.t.Fatalf("press %q on %q: %v", text, m.Text, err)
	}
	return id
}

// expectAnswer waits for the bot's answer to the press queryID and checks
// its notice: want, or none when want is "".
func (h *harness) expectAnswer(queryID, want string) {
	h.t.Helper()
	ctx, cancel := context.WithTimeout(h.ctx, 15*time.Second)
	defer cancel()
	a, err := h.tg.WaitCallbackAnswer(ctx, queryID)
	if err != nil {
		h.t.Fatalf("waiting for the answer to %s: %v\nlog:\n%s", queryID, err, h.logs.String())
	}
	if a.Text != want {
		h.t.Fatalf("press answered %q, want %q", a.Text, want)
	}
}

// expectStale waits for the press queryID to be answered as a stale button.
func (h *harness) expectStale(queryID string) {
	h.t.Helper()
	h.expectAnswer(queryID, label(i18n.ErrStaleButton))
}

// expectQuiet checks that the bot sent or edited nothing in the user's chat
// since the last message read: it asks for /help and the help comes next.
func (h *harness) expectQuiet(userID int64) {
	h.t.Helper()
	h.send(userID, "/help")
	m := h.next(userID)
	if !strings.Contains(strings.ToLower(m.Text), "бот") || m.Edits > 0 {
		h.t.Fatalf("bot said %q (%d edits), want the help next", m.Text, m.Edits)
	}
}

// label is key's button label in Russian.
func label(key i18n.Key, args ...any) string { return i18n.Plain(i18n.RU, key, args...) }

// code issues a code in the store and returns its canonical form.
func (h *harness) code(c diary.LinkCode) string {
	h.t.Helper()
	code, err := diary.NewLinkCode(rand.Reader)
	if err != nil {
		h.t.Fatal(err)
	}
	h.storeCode(c, code)
	return code
}

// storeCode stores code as c.
func (h *harness) storeCode(c diary.LinkCode, code string) {
	h.t.Helper()
	c.SchoolID, c.Hash = h.school.ID, diary.HashCode(code)
	if c.Kind == "" {
		c.Kind = diary.LinkGuardian
	}
	if err := h.db.CreateLinkCodes(h.ctx, []diary.LinkCode{c}); err != nil {
		h.t.Fatalf("CreateLinkCodes: %v", err)
	}
}

// family is the demo mother with her two children.
type family struct {
	guardian diary.Guardian
	student  diary.Student // 7А
	sibling  diary.Student // 3А
}

// parent returns the demo mother and her children.
func (h *harness) parent() family {
	h.t.Helper()
	gs, err := h.db.GuardiansByPhone(h.ctx, demo.ParentPhone)
	if err != nil || len(gs) != 1 {
		h.t.Fatalf("GuardiansByPhone: %v, %v", gs, err)
	}
	kids, err := h.db.StudentsOfGuardian(h.ctx, gs[0].ID)
	if err != nil || len(kids) != 2 {
		h.t.Fatalf("StudentsOfGuardian: %v, %v", kids, err)
	}
	f := family{guardian: gs[0]}
	for _, k := range kids {
		if k.ExtID == demo.StudentExtID {
			f.student = k
		} else {
			f.sibling = k
		}
	}
	return f
}

// staffByExt returns the school's staff member with role r and ext id.
func (h *harness) staffByExt(r diary.Role, ext string) diary.Staff {
	h.t.Helper()
	all, err := h.db.StaffWithRole(h.ctx, h.school.ID, r)
	if err != nil {
		h.t.Fatal(err)
	}
	for _, s := range all {
		if s.ExtID == ext {
			return s
		}
	}
	h.t.Fatalf("no staff %s with role %s", ext, r)
	return diary.Staff{}
}

// linkParent links the user to the demo student by a guardian code and
// accepts the consent; it returns the menu message.
func (h *harness) linkParent(userID int64, f family, st diary.Student) telegramtest.Message {
	h.t.Helper()
	h.startWith(userID, h.code(diary.LinkCode{GuardianID: f.guardian.ID, StudentID: st.ID}))
	consent := h.expect(userID, "согласия")
	h.press(userID, consent, label(i18n.BtnConsentAccept))
	h.expectConsentClosed(userID, consent)
	h.expect(userID, "Согласие записано")
	return h.expect(userID, st.Name.Full())
}

// fakeViews renders each view as the student's name, the action and the
// viewer, with a detail button, and counts the calls.
type fakeViews struct {
	db    diary.Store
	mu    sync.Mutex
	calls []viewCall
}

// viewCall is one Render call.
type viewCall struct {
	viewer    diary.Viewer
	studentID int64
	action    string
}

// Render implements Views.
func (v *fakeViews) Render(ctx context.Context, lang i18n.Lang, viewer diary.Viewer, studentID int64, _ diary.Date, action string) ([]Page, error) {
	v.mu.Lock()
	v.calls = append(v.calls, viewCall{viewer, studentID, action})
	v.mu.Unlock()
	st, err := v.db.Student(ctx, studentID)
	if err != nil {
		return nil, err
	}
	text := fmt.Sprintf("<b>%s</b> · %s", html.EscapeString(st.Name.Full()), html.EscapeString(action))
	return []Page{{Text: text, Buttons: [][]Button{{{Text: "Подробнее", Action: action + ":detail"}}}}}, nil
}

// Calls returns the Render calls so far.
func (v *fakeViews) Calls() []viewCall {
	v.mu.Lock()
	defer v.mu.Unlock()
	return append([]viewCall(nil), v.calls...)
}

// expectConsentClosed waits for the answered consent request to be edited
// in place: the same message, its buttons gone, a line saying when consent
// was given.
func (h *harness) expectConsentClosed(userID int64, request telegramtest.Message) telegramtest.Message {
	h.t.Helper()
	m := h.next(userID)
	loc := h.school.Location()
	want := i18n.PlainText(i18n.Safe(i18n.T(i18n.RU, i18n.ConsentGiven, "date", diary.DateIn(h.clock.Now(), loc),
		"time", h.clock.Now().In(loc).Format("15:04"))))
	if m.ID != request.ID || m.Edits == 0 || len(m.InlineKeyboard) != 0 || !strings.Contains(m.Text, want) {
		h.t.Fatalf("consent request %d after acceptance: message %d, %d edits, keyboard %v, text %q; want %q",
			request.ID, m.ID, m.Edits, m.InlineKeyboard, m.Text, want)
	}
	return m
}
