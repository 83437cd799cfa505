package testenv

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"sync"
)

// LogWatch is the JSON log of a binary run in a test: it keeps every line and
// sends the address of its first "listening" line on Addr, so a test learns
// the port the run bound (HTTP_ADDR=127.0.0.1:0) without sleeping; WaitFor
// waits for a line with a given message.
type LogWatch struct {
	// Addr receives the bound address once.
	Addr chan string

	mu      sync.Mutex
	buf     bytes.Buffer
	sent    bool
	msgs    map[string]int // lines by message
	changed chan struct{}  // closed at the next line
}

// NewLogWatch returns an empty LogWatch.
func NewLogWatch() *LogWatch {
	return &LogWatch{Addr: make(chan string, 1), msgs: map[string]int{}, changed: make(chan struct{})}
}

// WaitFor blocks until the log has n lines whose "msg" is msg, or ctx ends
// (its error then).
func (w *LogWatch) WaitFor(ctx context.Context, msg string, n int) error {
	for {
		w.mu.Lock()
		got, changed := w.msgs[msg], w.changed
		w.mu.Unlock()
		if got >= n {
			return nil
		}
		select {
		case <-changed:
		case <-ctx.Done():
			return fmt.Errorf("log line %q seen %d times, want %d: %w", msg, got, n, ctx.Err())
		}
	}
}

// Write keeps p and reports a "listening" line's address.
func (w *LogWatch) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf.Write(p)
	sc := bufio.NewScanner(bytes.NewReader(p))
	for sc.Scan() {
		var line struct{ Msg, Addr string }
		if json.Unmarshal(sc.Bytes(), &line) != nil {
			continue
		}
		w.msgs[line.Msg]++
		if !w.sent && line.Msg == "listening" {
			w.Addr <- line.Addr
			w.sent = true
		}
	}
	close(w.changed)
	w.changed = make(chan struct{})
	return len(p), nil
}

// String returns the log so far.
func (w *LogWatch) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.String()
}
