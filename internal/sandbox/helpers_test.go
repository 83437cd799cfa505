package sandbox_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/demo"
	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/notify/email/catcher"
	"github.com/schooldiary/diary/internal/sandbox"
	"github.com/schooldiary/diary/internal/store/sqlite"
	"github.com/schooldiary/diary/internal/telegramtest"
)

// testNow is the sandbox's clock in tests: a Monday of the demo year.
var testNow = time.Date(2025, 10, 20, 9, 0, 0, 0, time.UTC)

func clock() time.Time { return testNow }

// env is a sandbox on one listener: the page, the emulator's user side and
// its Bot API, over a small demo school in a fresh SQLite store.
type env struct {
	srv  *httptest.Server
	tg   *telegramtest.Server
	db   *sqlite.DB
	log  *syncBuffer
	mail *catcher.Catcher // the sandbox's SMTP catcher
}

// syncBuffer is a log sink safe for the handler's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// newEnv starts a sandbox whose emulator is mounted on the page's listener
// (BaseURL), so the bot and the page share one address.
func newEnv(t *testing.T) *env {
	t.Helper()
	e := &env{db: openDemo(t), log: &syncBuffer{}}
	mail, err := catcher.Start("127.0.0.1:0", catcher.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { mail.Close() })
	e.mail = mail
	e.srv = httptest.NewUnstartedServer(nil)
	e.tg = telegramtest.New(telegramtest.Options{BaseURL: "http://" + e.srv.Listener.Addr().String(), Now: clock, NoLimits: true})
	e.srv.Config.Handler = sandbox.Handler(sandbox.Config{
		Emulator: e.tg, Store: e.db, BotUsername: telegramtest.DefaultBotUsername, Now: clock, Mail: e.mail,
		Log: slog.New(slog.NewTextHandler(e.log, &slog.HandlerOptions{Level: slog.LevelDebug})),
	})
	e.srv.Start()
	t.Cleanup(func() {
		e.tg.Close() // ends the page's long polls first
		e.srv.Close()
	})
	return e
}

// template is a demo store made once by TestMain; each test opens a copy.
var template string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "sandbox-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	template = filepath.Join(dir, "template.db")
	err = makeTemplate(template)
	code := 1
	if err == nil {
		code = m.Run()
	} else {
		fmt.Fprintln(os.Stderr, "demo template:", err)
	}
	os.RemoveAll(dir)
	os.Exit(code)
}

// makeTemplate writes a small demo school into a store and backs it up to path.
func makeTemplate(path string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	db, err := sqlite.Open(ctx, filepath.Join(filepath.Dir(path), "gen.db"), clock)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.Migrate(ctx); err != nil {
		return err
	}
	opt := demo.Options{Seed: 1, Students: 120, Until: diary.MustDate("2025-10-17"), Ahead: 3}
	if _, err := demo.Generate(ctx, db, opt); err != nil {
		return err
	}
	return db.Backup(ctx, path)
}

// openDemo returns a fresh embedded store holding the small demo school.
func openDemo(t *testing.T) *sqlite.DB {
	t.Helper()
	b, err := os.ReadFile(template)
	if err != nil {
		t.Fatalf("read template: %v", err)
	}
	path := filepath.Join(t.TempDir(), "sandbox.db")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatalf("copy template: %v", err)
	}
	db, err := sqlite.Open(context.Background(), path, clock)
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// do sends a request to the sandbox and decodes a JSON answer into out
// (when not nil); it returns the status.
func (e *env) do(t *testing.T, method, path string, out any) int {
	t.Helper()
	req, err := http.NewRequest(method, e.srv.URL+path, strings.NewReader(""))
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	res, err := e.srv.Client().Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer res.Body.Close()
	if out != nil {
		if err := json.NewDecoder(res.Body).Decode(out); err != nil {
			t.Fatalf("%s %s: decode: %v", method, path, err)
		}
	}
	return res.StatusCode
}

// choose picks a persona over HTTP and checks the answer is 200.
func (e *env) choose(t *testing.T, id string) sandbox.Choice {
	t.Helper()
	var c sandbox.Choice
	if status := e.do(t, http.MethodPost, "/sandbox/persona/"+id, &c); status != http.StatusOK {
		t.Fatalf("POST persona %s: status %d", id, status)
	}
	return c
}
