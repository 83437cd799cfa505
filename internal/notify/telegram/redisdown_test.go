package telegram_test

import (
	"bufio"
	"context"
	"errors"
	"net"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/cluster"
	"github.com/schooldiary/diary/internal/notify"
	"github.com/schooldiary/diary/internal/notify/telegram"
	"github.com/schooldiary/diary/internal/telegramtest"
)

// freePort returns a TCP port nothing listens on now.
func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	must(t, err)
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// startRedis starts a throwaway redis-server (no persistence) on port and
// returns when it says it is ready; stop kills it. It is killed with the
// test in any case.
func startRedis(t *testing.T, port int) (stop func()) {
	t.Helper()
	bin, err := exec.LookPath("redis-server")
	if err != nil {
		t.Skip("redis-server is not installed")
	}
	cmd := exec.Command(bin, "--port", strconv.Itoa(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no")
	out, err := cmd.StdoutPipe()
	must(t, err)
	must(t, cmd.Start())
	stop = func() { _ = cmd.Process.Kill(); _ = cmd.Wait() }
	t.Cleanup(stop)
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		if strings.Contains(sc.Text(), "Ready to accept connections") {
			go func() { // keep reading so that the server never blocks on its log
				for sc.Scan() {
				}
			}()
			return stop
		}
	}
	t.Fatalf("redis-server on port %d ended before it was ready", port)
	return nil
}

// TestRedisDownHoldsSends: with the shared limiter's Redis down, a send is
// not made unpaced: the pacer keeps trying the limiter, and the message
// leaves only when Redis is back.
func TestRedisDownHoldsSends(t *testing.T) {
	port := freePort(t)
	stop := startRedis(t, port)
	set, err := cluster.OpenRedis(t.Context(), "redis://127.0.0.1:"+strconv.Itoa(port)+"/0", "test:")
	must(t, err)
	defer set.Close()
	s := newEmulator(t, telegramtest.Options{NoLimits: true})
	chat := startedUsers(t, s, 1)[0]
	tries := make(chan struct{}, 1000)
	pacer := telegram.NewPacer(set.Limiter, telegram.DefaultLimits(25), telegram.WithSleep(func(ctx context.Context, d time.Duration) error {
		tries <- struct{}{}
		return pause(ctx, min(d, 20*time.Millisecond))
	}))
	ch := telegram.NewChannel(newClient(t, s), pacer)
	stop()
	done := make(chan error, 1)
	go func() {
		done <- ch.Send(ctxFor(t, time.Minute), notify.Address{To: itoa(chat)}, notify.Message{HTML: "Собрание"})
	}()
	for range 3 { // the limiter fails and the pacer waits to try again
		select {
		case <-tries:
		case err := <-done:
			t.Fatalf("Send returned %v while the limiter was down, having sent %d", err, len(s.BotMessages(chat)))
		}
	}
	if n := len(s.BotMessages(chat)); n != 0 {
		t.Fatalf("%d messages sent while the limiter was down, want 0", n)
	}
	startRedis(t, port)
	if err := <-done; err != nil {
		t.Fatalf("Send after Redis came back = %v", err)
	}
	if n := len(s.BotMessages(chat)); n != 1 {
		t.Errorf("%d messages after Redis came back, want 1", n)
	}
}

// TestSendEndsWithContextWhileRedisDown: a sender held by a dead limiter
// gives up when its context ends (a River job's time-out) and sends nothing.
func TestSendEndsWithContextWhileRedisDown(t *testing.T) {
	port := freePort(t)
	stop := startRedis(t, port)
	set, err := cluster.OpenRedis(t.Context(), "redis://127.0.0.1:"+strconv.Itoa(port)+"/0", "test:")
	must(t, err)
	defer set.Close()
	stop()
	s := newEmulator(t, telegramtest.Options{NoLimits: true})
	chat := startedUsers(t, s, 1)[0]
	ctx, cancel := context.WithCancel(t.Context())
	pacer := telegram.NewPacer(set.Limiter, telegram.DefaultLimits(25), telegram.WithSleep(func(ctx context.Context, _ time.Duration) error {
		cancel() // the first failure: the job's time is up
		return ctx.Err()
	}))
	err = telegram.NewChannel(newClient(t, s), pacer).Send(ctx, notify.Address{To: itoa(chat)}, notify.Message{HTML: "x"})
	if !errors.Is(err, context.Canceled) || len(s.BotMessages(chat)) != 0 {
		t.Errorf("Send = %v with %d messages sent, want context.Canceled and none", err, len(s.BotMessages(chat)))
	}
}

// pause lets d pass unless ctx ends first.
func pause(ctx context.Context, d time.Duration) error {
	tm := time.NewTimer(d)
	defer tm.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-tm.C:
		return nil
	}
}
