package testenv

import (
	"bufio"
	"bytes"
	"encoding/json"
	"sync"
)

// LogWatch is the JSON log of a binary run in a test: it keeps every line and
// sends the address of its first "listening" line on Addr, so a test learns
// the port the run bound (HTTP_ADDR=127.0.0.1:0) without sleeping.
type LogWatch struct {
	// Addr receives the bound address once.
	Addr chan string

	mu   sync.Mutex
	buf  bytes.Buffer
	sent bool
}

// NewLogWatch returns an empty LogWatch.
func NewLogWatch() *LogWatch { return &LogWatch{Addr: make(chan string, 1)} }

// Write keeps p and reports a "listening" line's address.
func (w *LogWatch) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf.Write(p)
	sc := bufio.NewScanner(bytes.NewReader(p))
	for sc.Scan() {
		var line struct{ Msg, Addr string }
		if !w.sent && json.Unmarshal(sc.Bytes(), &line) == nil && line.Msg == "listening" {
			w.Addr <- line.Addr
			w.sent = true
		}
	}
	return len(p), nil
}

// String returns the log so far.
func (w *LogWatch) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.String()
}
