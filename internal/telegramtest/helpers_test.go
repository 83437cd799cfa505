package telegramtest

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"sync"
	"testing"
	"time"
)

// fakeClock is a clock tests move by hand.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func newFakeClock() *fakeClock {
	return &fakeClock{t: time.Date(2025, 9, 1, 6, 0, 0, 0, time.UTC)}
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// newTestServer starts an emulator on a fake clock, closed with the test.
func newTestServer(t *testing.T, opt Options) (*Server, *fakeClock) {
	t.Helper()
	clock := newFakeClock()
	if opt.Now == nil {
		opt.Now = clock.Now
	}
	s := New(opt)
	t.Cleanup(s.Close)
	return s, clock
}

// testCtx is a context that ends with the test or after 10 s.
func testCtx(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// startedUser adds a user who has sent /start, and drops that update.
func startedUser(t *testing.T, s *Server, u User) User {
	t.Helper()
	u, err := s.AddUser(u)
	if err != nil {
		t.Fatalf("AddUser: %v", err)
	}
	if _, err := s.Start(u.ID, ""); err != nil {
		t.Fatalf("Start: %v", err)
	}
	s.mu.Lock()
	s.queue = nil
	s.mu.Unlock()
	return u
}

// apiResult is a decoded Bot API answer.
type apiResult struct {
	Status      int
	OK          bool            `json:"ok"`
	Result      json.RawMessage `json:"result"`
	ErrorCode   int             `json:"error_code"`
	Description string          `json:"description"`
	Parameters  struct {
		RetryAfter int `json:"retry_after"`
	} `json:"parameters"`
}

// callJSON calls a Bot API method with a JSON body.
func callJSON(t *testing.T, s *Server, method string, body any) apiResult {
	t.Helper()
	b, err := json.Marshal(body)
	if err != nil {
		t.Fatal(err)
	}
	return do(t, s.URL()+"/bot"+s.Token()+"/"+method, "application/json", b)
}

// callForm calls a Bot API method with an urlencoded body.
func callForm(t *testing.T, s *Server, method string, v url.Values) apiResult {
	t.Helper()
	return do(t, s.URL()+"/bot"+s.Token()+"/"+method, "application/x-www-form-urlencoded", []byte(v.Encode()))
}

// callMultipart calls a Bot API method with fields and one file.
func callMultipart(t *testing.T, s *Server, method string, fields map[string]string, fileField, fileName string, data []byte) apiResult {
	t.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	for k, v := range fields {
		if err := w.WriteField(k, v); err != nil {
			t.Fatal(err)
		}
	}
	if fileField != "" {
		fw, err := w.CreateFormFile(fileField, fileName)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = fw.Write(data)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return do(t, s.URL()+"/bot"+s.Token()+"/"+method, w.FormDataContentType(), buf.Bytes())
}

func do(t *testing.T, u, contentType string, body []byte) apiResult {
	t.Helper()
	resp, err := http.Post(u, contentType, bytes.NewReader(body))
	if err != nil {
		t.Fatalf("post %s: %v", u, err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	r := apiResult{Status: resp.StatusCode}
	if err := json.Unmarshal(raw, &r); err != nil {
		t.Fatalf("decode %s: %v", raw, err)
	}
	return r
}

// mustOK fails the test unless r is a success, and decodes its result into dst.
func mustOK(t *testing.T, r apiResult, dst any) {
	t.Helper()
	if !r.OK || r.Status != http.StatusOK {
		t.Fatalf("got %d %s, want ok", r.ErrorCode, r.Description)
	}
	if dst != nil {
		if err := json.Unmarshal(r.Result, dst); err != nil {
			t.Fatalf("decode result %s: %v", r.Result, err)
		}
	}
}

// mustFail fails the test unless r is the refusal code/description.
func mustFail(t *testing.T, r apiResult, code int, desc string) {
	t.Helper()
	if r.OK || r.ErrorCode != code || r.Status != code || r.Description != desc {
		t.Fatalf("got ok=%v %d (HTTP %d) %q, want %d %q", r.OK, r.ErrorCode, r.Status, r.Description, code, desc)
	}
}

// text sends a message by JSON and returns the result.
func sendText(t *testing.T, s *Server, chatID int64, text string) apiResult {
	t.Helper()
	return callJSON(t, s, "sendMessage", map[string]any{"chat_id": chatID, "text": text})
}
