package loadtest_test

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/telegramtest"
)

// front serves the emulator and watches its answers to sendMessage: the
// instant and chat of each message it took, and each 429.
type front struct {
	emu     *telegramtest.Server
	url     string
	changed chan struct{}

	mu       sync.Mutex
	arrived  []time.Time
	chats    map[int64]int
	refused  []time.Time
	statuses map[int]int
}

// newFront starts an emulator with Telegram's limits behind a front,
// both closed with the test.
func newFront(t testing.TB) *front {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	f := &front{url: "http://" + ln.Addr().String(), changed: make(chan struct{}, 1),
		chats: map[int64]int{}, statuses: map[int]int{}}
	f.emu = telegramtest.New(telegramtest.Options{BaseURL: f.url})
	srv := &http.Server{Handler: f}
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { _ = srv.Close(); f.emu.Close() })
	return f
}

// ServeHTTP passes r to the emulator and records what it did with a message.
func (f *front) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !strings.HasSuffix(r.URL.Path, "/sendMessage") {
		f.emu.ServeHTTP(w, r)
		return
	}
	at := time.Now()
	chat := chatOf(r)
	sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
	f.emu.ServeHTTP(sw, r)
	f.record(at, chat, sw.status)
}

// chatOf reads the chat_id of a request, leaving its body for the emulator.
func chatOf(r *http.Request) int64 {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return 0
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	c := r.Clone(r.Context())
	c.Body = io.NopCloser(bytes.NewReader(body))
	id, _ := strconv.ParseInt(c.FormValue("chat_id"), 10, 64)
	return id
}

// record counts one answer and wakes the waiter.
func (f *front) record(at time.Time, chat int64, status int) {
	f.mu.Lock()
	f.statuses[status]++
	switch status {
	case http.StatusOK:
		f.arrived = append(f.arrived, at)
		f.chats[chat]++
	case http.StatusTooManyRequests:
		f.refused = append(f.refused, at)
	}
	f.mu.Unlock()
	select {
	case f.changed <- struct{}{}:
	default:
	}
}

// wait returns when cond, called under the front's lock, holds, or fails
// the test when ctx ends first.
func (f *front) wait(t testing.TB, ctx context.Context, what string, cond func() bool) {
	t.Helper()
	for {
		f.mu.Lock()
		ok := cond()
		f.mu.Unlock()
		if ok {
			return
		}
		select {
		case <-f.changed:
		case <-ctx.Done():
			t.Fatalf("waiting for %s: %v (%s)", what, ctx.Err(), f.summary())
		}
	}
}

// waitChats waits until n distinct chats have a message.
func (f *front) waitChats(t testing.TB, ctx context.Context, n int) {
	t.Helper()
	f.wait(t, ctx, strconv.Itoa(n)+" chats", func() bool { return len(f.chats) >= n })
}

// waitArrived waits until n messages have arrived.
func (f *front) waitArrived(t testing.TB, ctx context.Context, n int) {
	t.Helper()
	f.wait(t, ctx, strconv.Itoa(n)+" messages", func() bool { return len(f.arrived) >= n })
}

// twice returns the indexes in chats of those with more than one message.
func (f *front) twice(chats []int64) []int {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []int
	for i, c := range chats {
		if f.chats[c] > 1 {
			out = append(out, i)
		}
	}
	return out
}

// tally is what arrived at the emulator for the chats of a broadcast.
type tally struct {
	lost, duplicates, refused int
	arrived                   []time.Time
	statuses                  map[int]int
}

// tally counts the chats with no message and the messages beyond the first.
func (f *front) tally(chats []int64) tally {
	f.mu.Lock()
	defer f.mu.Unlock()
	r := tally{refused: len(f.refused), arrived: append([]time.Time(nil), f.arrived...), statuses: map[int]int{}}
	for k, v := range f.statuses {
		r.statuses[k] = v
	}
	for _, c := range chats {
		switch n := f.chats[c]; {
		case n == 0:
			r.lost++
		default:
			r.duplicates += n - 1
		}
	}
	return r
}

// summary describes the answers so far, for a failure message.
func (f *front) summary() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return strconv.Itoa(len(f.arrived)) + " arrived to " + strconv.Itoa(len(f.chats)) + " chats, " +
		strconv.Itoa(len(f.refused)) + " refused with 429"
}

// statusWriter remembers the status of an answer.
type statusWriter struct {
	http.ResponseWriter
	status int
}

// WriteHeader remembers the status.
func (w *statusWriter) WriteHeader(code int) {
	w.status = code
	w.ResponseWriter.WriteHeader(code)
}

// Unwrap gives http.ResponseController the connection (Hijack for a dropped one).
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// Hijack hands the connection over (a dropped answer): no status.
func (w *statusWriter) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	w.status = 0
	return http.NewResponseController(w.ResponseWriter).Hijack()
}

// waitRefused waits for a 429 and returns the instant of the first.
func (f *front) waitRefused(t testing.TB, ctx context.Context) time.Time {
	t.Helper()
	f.wait(t, ctx, "a 429", func() bool { return len(f.refused) > 0 })
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.refused[0]
}

// arrivedBetween counts the messages that arrived in (from, to).
func (f *front) arrivedBetween(from, to time.Time) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for _, at := range f.arrived {
		if at.After(from) && at.Before(to) {
			n++
		}
	}
	return n
}
