package telegramtest

import (
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/go-telegram/bot"
)

func TestFaultAnswers(t *testing.T) {
	tests := []struct {
		name     string
		fault    Fault
		code     int
		desc     string
		retryAft int
	}{
		{"default is 500", Fault{}, 500, "Internal Server Error (telegramtest fault)", 0},
		{"502", Fault{Status: 502}, 502, "Bad Gateway (telegramtest fault)", 0},
		{"429 with retry_after", Fault{Status: 429, RetryAfter: 7}, 429, "Too Many Requests: retry after 7", 7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _ := newTestServer(t, Options{})
			s.Fail("SetMyCommands", tt.fault)
			r := callJSON(t, s, "setMyCommands", map[string]any{"commands": []any{}})
			mustFail(t, r, tt.code, tt.desc)
			if r.Parameters.RetryAfter != tt.retryAft {
				t.Errorf("retry_after = %d, want %d", r.Parameters.RetryAfter, tt.retryAft)
			}
			mustFail(t, callJSON(t, s, "setmycommands", map[string]any{}), tt.code, tt.desc)
			mustOK(t, callJSON(t, s, "getMe", nil), nil) // other methods work
			s.Heal("setMyCommands")
			mustOK(t, callJSON(t, s, "setMyCommands", map[string]any{"commands": []any{}}), nil)
			if got := s.Failed("setMyCommands"); got != 2 {
				t.Errorf("Failed = %d, want 2", got)
			}
		})
	}
}

func TestFaultTimesThenWorks(t *testing.T) {
	s, _ := newTestServer(t, Options{})
	s.Fail("getMe", Fault{Times: 2})
	for i := range 2 {
		if r := callJSON(t, s, "getMe", nil); r.OK {
			t.Fatalf("call %d ok, want the fault", i+1)
		}
	}
	mustOK(t, callJSON(t, s, "getMe", nil), nil)
	if got := s.Failed("getme"); got != 2 {
		t.Errorf("Failed = %d, want 2", got)
	}
}

func TestFaultDropClosesTheConnection(t *testing.T) {
	s, _ := newTestServer(t, Options{})
	s.Fail("getUpdates", Fault{Drop: true, Times: 1})
	resp, err := http.Post(s.URL()+"/bot"+s.Token()+"/getUpdates", "application/json", strings.NewReader("{}"))
	if err == nil {
		resp.Body.Close()
		t.Fatalf("got HTTP %d, want the connection closed", resp.StatusCode)
	}
	mustOK(t, callJSON(t, s, "getUpdates", map[string]any{}), nil)
}

// TestFaultEndsAWaitingPoll: switching getUpdates to fail ends a long poll
// already waiting, as a dropped connection to Telegram would.
func TestFaultEndsAWaitingPoll(t *testing.T) {
	s, _ := newTestServer(t, Options{})
	got := make(chan apiResult, 1)
	go func() { got <- callJSON(t, s, "getUpdates", map[string]any{"timeout": 30}) }()
	waitPolling(t, s)
	s.Fail("getUpdates", Fault{Status: http.StatusBadGateway, Times: 1})
	select {
	case r := <-got:
		mustFail(t, r, http.StatusBadGateway, "Bad Gateway (telegramtest fault)")
	case <-time.After(10 * time.Second):
		t.Fatal("the waiting poll did not fail")
	}
	mustOK(t, callJSON(t, s, "getUpdates", map[string]any{}), nil)
}

// TestFaultAsGoTelegramSeesIt: a 429 fault is go-telegram's
// *TooManyRequestsError with its retry_after.
func TestFaultAsGoTelegramSeesIt(t *testing.T) {
	s, _ := newTestServer(t, Options{})
	b := newClient(t, s)
	s.Fail("setMyCommands", Fault{Status: http.StatusTooManyRequests, RetryAfter: 3, Times: 1})
	_, err := b.SetMyCommands(testCtx(t), &bot.SetMyCommandsParams{})
	var tooMany *bot.TooManyRequestsError
	if !errors.As(err, &tooMany) || tooMany.RetryAfter != 3 {
		t.Errorf("SetMyCommands = %v, want *TooManyRequestsError with retry_after 3", err)
	}
}
