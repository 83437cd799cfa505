package loadtest_test

import (
	"bufio"
	"context"
	"maps"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/cluster/clustertest"
)

// senderOpts is the environment of one sender process.
type senderOpts struct {
	dsn, api, token string
	redis, prefix   string
	smtp            string
	rate            int
	jobTimeout      time.Duration
	rescueAfter     time.Duration
}

// environ returns the process's environment.
func (o senderOpts) environ() []string {
	env := append(os.Environ(), envSender+"=1", envDatabase+"="+o.dsn, envAPI+"="+o.api, envToken+"="+o.token,
		envRate+"="+strconv.Itoa(o.rate), envRedis+"="+o.redis, envRedisPrefix+"="+o.prefix, envSMTP+"="+o.smtp)
	if o.jobTimeout > 0 {
		env = append(env, envJobTimeout+"="+o.jobTimeout.String(), envRescue+"="+o.rescueAfter.String())
	}
	return env
}

// watch is what the senders say: the instants their messages left, and
// the notices whose delivery jobs ended.
type watch struct {
	left    clustertest.Instants
	changed chan struct{}
	mu      sync.Mutex
	done    map[int64]bool
	warns   int // warnings the senders logged (a limiter or database down)
}

// newWatch returns an empty watch.
func newWatch() *watch { return &watch{changed: make(chan struct{}, 1), done: map[int64]bool{}} }

// finished records that the job of notice id ended.
func (w *watch) finished(id int64) {
	w.mu.Lock()
	w.done[id] = true
	w.mu.Unlock()
	select {
	case w.changed <- struct{}{}:
	default:
	}
}

// warned records that a sender logged a warning.
func (w *watch) warned() {
	w.mu.Lock()
	w.warns++
	w.mu.Unlock()
	select {
	case w.changed <- struct{}{}:
	default:
	}
}

// warnings returns how many warnings the senders logged so far.
func (w *watch) warnings() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.warns
}

// waitWarned waits until the senders logged more than since warnings: a
// service they depend on is down and they noticed.
func (w *watch) waitWarned(t testing.TB, ctx context.Context, since int) {
	t.Helper()
	for w.warnings() <= since {
		select {
		case <-w.changed:
		case <-ctx.Done():
			t.Fatalf("no sender noticed the outage: %v", ctx.Err())
		}
	}
}

// doneSet returns the notices whose jobs have ended so far.
func (w *watch) doneSet() map[int64]bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return maps.Clone(w.done)
}

// waitDone waits until the jobs of all ids have ended.
func (w *watch) waitDone(t testing.TB, ctx context.Context, ids []int64) {
	t.Helper()
	for {
		w.mu.Lock()
		missing := 0
		for _, id := range ids {
			if !w.done[id] {
				missing++
			}
		}
		w.mu.Unlock()
		if missing == 0 {
			return
		}
		select {
		case <-w.changed:
		case <-ctx.Done():
			t.Fatalf("%d of %d delivery jobs did not end: %v", missing, len(ids), ctx.Err())
		}
	}
}

// sender is a running sender process.
type sender struct {
	cmd  *exec.Cmd
	done chan struct{} // closed when its output ends
}

// startSender starts the test binary as a sender and returns once it says
// it is ready; its messages' instants go to left. It is killed with the
// test unless stopped before.
func startSender(t testing.TB, o senderOpts, w *watch) *sender {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env, cmd.Stderr = o.environ(), testWriter{t}
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	s := &sender{cmd: cmd, done: make(chan struct{})}
	t.Cleanup(func() { s.kill() })
	ready := make(chan struct{})
	go s.read(out, w, ready)
	select {
	case <-ready:
	case <-s.done:
		t.Fatal("the sender ended before it was ready")
	case <-time.After(time.Minute):
		t.Fatal("the sender was not ready within a minute")
	}
	return s
}

// read reads the sender's lines until its output ends.
func (s *sender) read(out interface{ Read([]byte) (int, error) }, w *watch, ready chan struct{}) {
	defer close(s.done)
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		line := sc.Text()
		if line == "ready" {
			close(ready)
		}
		if ns, ok := strings.CutPrefix(line, "left "); ok {
			n, _ := strconv.ParseInt(ns, 10, 64)
			w.left.Add(time.Unix(0, n))
		}
		if line == "warn" {
			w.warned()
		}
		if id, ok := strings.CutPrefix(line, "done "); ok {
			n, _ := strconv.ParseInt(id, 10, 64)
			w.finished(n)
		}
	}
}

// kill kills the process with SIGKILL (kill -9) and reaps it.
func (s *sender) kill() {
	if s.cmd.ProcessState != nil {
		return
	}
	_ = s.cmd.Process.Signal(syscall.SIGKILL)
	<-s.done
	_ = s.cmd.Wait()
}

// stop stops the process with SIGTERM, letting deliveries under way end.
func (s *sender) stop(t testing.TB) {
	t.Helper()
	_ = s.cmd.Process.Signal(syscall.SIGTERM)
	<-s.done
	if err := s.cmd.Wait(); err != nil {
		t.Errorf("sender: %v", err)
	}
}

// testWriter sends a sender's log to the test's log.
type testWriter struct{ t testing.TB }

// Write logs p.
func (w testWriter) Write(p []byte) (int, error) {
	w.t.Logf("sender: %s", strings.TrimRight(string(p), "\n"))
	return len(p), nil
}
