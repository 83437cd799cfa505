package main

import (
	"github.com/schooldiary/diary/internal/testenv"

	"bytes"
	"context"
	"errors"
	"flag"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/config"
	"github.com/schooldiary/diary/internal/demo"
	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/httpapi"
	"github.com/schooldiary/diary/internal/store"
	"github.com/schooldiary/diary/internal/telegramtest"
)

// listenWait bounds the wait for the service to listen: the sandbox first
// loads a year's demo school, which takes a minute or more under -race on a
// busy 2-core machine.
const listenWait = 5 * time.Minute

// lockedBuffer is a stdout safe to read while run writes.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// started is a run in the background.
type started struct {
	base   string // http://host:port
	stdout *lockedBuffer
	log    *testenv.LogWatch
	cancel context.CancelFunc
	errc   chan error
}

// start runs the bot with env on a random port and waits until it listens.
func start(t *testing.T, args []string, env map[string]string) *started {
	t.Helper()
	opt, err := parseFlags(args, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	return startWith(t, opt, env)
}

// startWith is start with the options set, the test's backoff among them.
func startWith(t *testing.T, opt options, env map[string]string) *started {
	t.Helper()
	env["HTTP_ADDR"] = "127.0.0.1:0"
	env["LOG_FORMAT"] = "json"
	ctx, cancel := context.WithCancel(context.Background())
	s := &started{stdout: &lockedBuffer{}, log: testenv.NewLogWatch(), cancel: cancel, errc: make(chan error, 1)}
	go func() { s.errc <- runWith(ctx, opt, func(k string) string { return env[k] }, s.stdout, s.log) }()
	select {
	case addr := <-s.log.Addr:
		s.base = "http://" + addr
	case err := <-s.errc:
		cancel()
		t.Fatalf("run ended before listening: %v\n%s", err, s.log)
	case <-time.After(listenWait):
		cancel()
		t.Fatalf("run did not listen in time\n%s", s.log)
	}
	t.Cleanup(func() { s.stop(t) })
	return s
}

// stop cancels the run and checks it ends cleanly.
func (s *started) stop(t *testing.T) {
	t.Helper()
	if s.cancel == nil {
		return
	}
	s.cancel()
	s.cancel = nil
	if err := <-s.errc; err != nil {
		t.Errorf("run after cancel = %v, want nil\n%s", err, s.log)
	}
}

// pollingStarted is the log line of the bot taking updates by long polling.
const pollingStarted = "telegram long polling: taking updates"

// waitLog waits for the n-th log line with msg.
func (s *started) waitLog(t *testing.T, msg string, n int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := s.log.WaitFor(ctx, msg, n); err != nil {
		t.Fatalf("%v\n%s", err, s.log)
	}
}

func httpGet(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// withEmulator adds to env a Bot API emulator with the token and returns env.
func withEmulator(t *testing.T, token string, env map[string]string) map[string]string {
	t.Helper()
	emu := telegramtest.New(telegramtest.Options{Token: token})
	t.Cleanup(emu.Close)
	env["TELEGRAM_API_URL"], env["TELEGRAM_BOT_TOKEN"] = emu.URL(), emu.Token()
	return env
}

func TestRunServesAndStops(t *testing.T) {
	dsn := "sqlite:" + filepath.Join(t.TempDir(), "diary.db")
	s := start(t, nil, withEmulator(t, "", map[string]string{"DATABASE_URL": dsn}))
	s.waitLog(t, pollingStarted, 1)
	for _, path := range []string{"/healthz", "/readyz", "/metrics"} {
		if code, body := httpGet(t, s.base+path); code != http.StatusOK {
			t.Errorf("GET %s = %d, want 200: %s", path, code, body)
		}
	}
	_, metrics := httpGet(t, s.base+"/metrics")
	if !strings.Contains(metrics, "go_goroutines") || !strings.Contains(metrics, "diary_notice_jobs") {
		t.Errorf("metrics lack the Go collector or the delivery's figures")
	}
	s.stop(t)
	if _, err := http.Get(s.base + "/healthz"); err == nil {
		t.Errorf("still serving after stop")
	}
	if !strings.Contains(s.log.String(), `"msg":"shutting down"`) {
		t.Errorf("no shutdown line in the log:\n%s", s.log)
	}
}

func TestRunLogsNoSecrets(t *testing.T) {
	dsn := "sqlite:" + filepath.Join(t.TempDir(), "diary.db")
	env := withEmulator(t, "123:verysecrettoken", map[string]string{"DATABASE_URL": dsn,
		"WEBHOOK_URL": "https://bot.example.org/hook", "WEBHOOK_SECRET": "hooksecretvalue"})
	s := start(t, nil, env)
	s.stop(t)
	for _, secret := range []string{"verysecrettoken", "hooksecretvalue"} {
		if strings.Contains(s.log.String(), secret) {
			t.Errorf("log shows %q:\n%s", secret, s.log)
		}
	}
}

func TestRunSandbox(t *testing.T) {
	t.Parallel() // generating the demo school takes a while under -race
	dir := t.TempDir()
	prod := filepath.Join(dir, "diary.db")
	prodDB := openStore(t, "sqlite:"+prod)
	applySchool(t, prodDB, "school-7")
	sandboxDB := filepath.Join(dir, "sandbox.db")
	args := []string{"-sandbox", "-sandbox-db", sandboxDB}
	env := map[string]string{"DATABASE_URL": "sqlite:" + prod}

	s := start(t, args, env)
	secret := trySandbox(t, s)
	if !strings.Contains(s.log.String(), "DATABASE_URL ignored") {
		t.Errorf("the log does not say DATABASE_URL is ignored:\n%s", s.log)
	}
	s.stop(t)

	again := start(t, args, env)
	if got := trySandbox(t, again); got != secret {
		t.Errorf("second start printed another token; want the kept one reused")
	}
	again.stop(t)

	if _, err := prodDB.TokenByHash(context.Background(), httpapi.HashToken(secret)); !errors.Is(err, diary.ErrNotFound) {
		t.Errorf("production store TokenByHash(sandbox token) = %v, want ErrNotFound", err)
	}
	if got := schoolCodes(t, prodDB); strings.Join(got, ",") != "school-7" {
		t.Errorf("production schools = %v, want [school-7] only", got)
	}
	if got := schoolCodes(t, openStore(t, "sqlite:"+sandboxDB)); strings.Join(got, ",") != demo.DemoSchoolCode {
		t.Errorf("sandbox schools = %v, want [%s]", got, demo.DemoSchoolCode)
	}
}

// trySandbox checks the sandbox's printed URL and API example and returns its
// token.
func trySandbox(t *testing.T, s *started) string {
	t.Helper()
	out := s.stdout.String()
	if !strings.Contains(out, s.base) {
		t.Errorf("sandbox did not print its URL %s:\n%s", s.base, out)
	}
	cmd := regexp.MustCompile(`curl -s -H '(Authorization: Bearer [^']+)' \\\n\s+-d '([^']+)' \\\n\s+(\S+)`).FindStringSubmatch(out)
	if cmd == nil {
		t.Fatalf("sandbox printed no API example:\n%s", out)
	}
	code, body := postJSON(t, cmd[3], cmd[1], cmd[2])
	if code != http.StatusOK {
		t.Errorf("example post = %d %s, want 200", code, body)
	}
	code, body = postJSON(t, cmd[3], cmd[1], cmd[2])
	if code != http.StatusOK || !strings.Contains(body, `"unchanged":1`) {
		t.Errorf("example post again = %d %s, want 200 with \"unchanged\":1", code, body)
	}
	secret := strings.TrimPrefix(cmd[1], "Authorization: Bearer ")
	if strings.Contains(s.log.String(), secret) {
		t.Errorf("the sandbox token is in the log")
	}
	return secret
}

func TestRunSandboxRefusesOtherSchools(t *testing.T) {
	path := filepath.Join(t.TempDir(), "diary.db")
	applySchool(t, openStore(t, "sqlite:"+path), "school-7")
	err := run(context.Background(), []string{"-sandbox", "-sandbox-db", path}, func(string) string { return "" }, io.Discard, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "school-7") {
		t.Errorf("run -sandbox on a store with school-7 = %v, want a refusal naming it", err)
	}
	if _, err := os.Stat(path + ".token"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("token file after the refusal: %v, want none", err)
	}
	// DATABASE_URL is not even read: an invalid one changes nothing.
	env := map[string]string{"DATABASE_URL": "mysql://x"}
	err = run(context.Background(), []string{"-sandbox", "-sandbox-db", path}, func(k string) string { return env[k] }, io.Discard, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "school-7") {
		t.Errorf("run -sandbox with a bad DATABASE_URL = %v, want the same refusal naming school-7", err)
	}
}

// openStore opens and migrates the store dsn names, closed at the test's end.
func openStore(t *testing.T, dsn string) store.DB {
	t.Helper()
	db, _, err := store.OpenMigrated(context.Background(), dsn, store.Options{})
	if err != nil {
		t.Fatalf("open %s: %v", dsn, err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// applySchool writes a school with code into db.
func applySchool(t *testing.T, db store.DB, code string) {
	t.Helper()
	b := &diary.Batch{School: diary.School{Code: code, Name: "Школа " + code}}
	if _, err := db.Apply(context.Background(), b, diary.ApplyOptions{}); err != nil {
		t.Fatalf("apply school %s: %v", code, err)
	}
}

func schoolCodes(t *testing.T, db store.DB) []string {
	t.Helper()
	schools, err := db.Schools(context.Background())
	if err != nil {
		t.Fatalf("schools: %v", err)
	}
	var codes []string
	for _, s := range schools {
		codes = append(codes, s.Code)
	}
	return codes
}

func postJSON(t *testing.T, url, header, body string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, url, strings.NewReader(body))
	k, v, _ := strings.Cut(header, ": ")
	req.Header.Set(k, v)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("POST %s: %v", url, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestRunRefuses(t *testing.T) {
	tests := []struct {
		name string
		args []string
		env  map[string]string
		want string
		code int
	}{
		{"bad setting", nil, map[string]string{"LOG_FORMAT": "xml"}, "LOG_FORMAT", config.ExitConfig},
		{"no token", nil, map[string]string{"DATABASE_URL": "sqlite:" + filepath.Join(t.TempDir(), "d.db")}, "TELEGRAM_BOT_TOKEN", config.ExitConfig},
		{"bad store", nil, map[string]string{"DATABASE_URL": "mysql://x"}, "DATABASE_URL", config.ExitConfig},
		{"no consent file", nil, map[string]string{"DATABASE_URL": "sqlite:" + filepath.Join(t.TempDir(), "c.db"),
			"TELEGRAM_BOT_TOKEN": "1:x", "TELEGRAM_API_URL": "http://127.0.0.1:1", "CONSENT_FILE": filepath.Join(t.TempDir(), "none.txt")},
			"CONSENT_FILE", config.ExitConfig},
		{"stray argument", []string{"serve"}, nil, "unexpected arguments", 1},
		{"unknown flag", []string{"-fast"}, nil, "flag provided but not defined", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := run(context.Background(), tt.args, func(k string) string { return tt.env[k] }, io.Discard, io.Discard)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("run = %v, want an error with %q", err, tt.want)
			}
			if got := config.ExitCode(err); got != tt.code {
				t.Errorf("exit code %d, want %d", got, tt.code)
			}
		})
	}
}

func TestHelp(t *testing.T) {
	var stderr bytes.Buffer
	err := run(context.Background(), []string{"-h"}, func(string) string { return "" }, io.Discard, &stderr)
	if !errors.Is(err, flag.ErrHelp) {
		t.Errorf("run -h = %v, want flag.ErrHelp", err)
	}
	if !strings.HasPrefix(stderr.String(), "Использование") || !strings.Contains(stderr.String(), "Usage") {
		t.Errorf("help is not Russian first, then English:\n%s", stderr.String())
	}
}
