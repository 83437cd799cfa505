package telegramtest

import (
	"fmt"
	"net/http"
	"testing"
	"time"
)

// sendOutcome sends one message and tells "ok" or "429 after N".
func sendOutcome(t *testing.T, s *Server, chatID int64) string {
	t.Helper()
	r := sendText(t, s, chatID, "Новая оценка")
	switch {
	case r.OK:
		return "ok"
	case r.ErrorCode == http.StatusTooManyRequests && r.Description == fmt.Sprintf("Too Many Requests: retry after %d", r.Parameters.RetryAfter):
		return fmt.Sprintf("429 after %d", r.Parameters.RetryAfter)
	}
	t.Fatalf("got %d %q", r.ErrorCode, r.Description)
	return ""
}

func TestPrivateChatLimit(t *testing.T) {
	s, clock := newTestServer(t, Options{})
	u := startedUser(t, s, User{})
	other := startedUser(t, s, User{})
	steps := []struct {
		name    string
		advance time.Duration
		chat    int64
		want    string
	}{
		{"burst 1", 0, u.ID, "ok"},
		{"burst 2", 0, u.ID, "ok"},
		{"burst 3", 0, u.ID, "ok"},
		{"over the burst", 0, u.ID, "429 after 1"},
		{"refused sends count nothing", 0, u.ID, "429 after 1"},
		{"another chat is not limited", 0, other.ID, "ok"},
		{"still too early", 999 * time.Millisecond, u.ID, "429 after 1"},
		{"after retry_after", time.Millisecond, u.ID, "ok"},
		{"one a second", 0, u.ID, "429 after 1"},
		{"after a quiet while the burst is back", 10 * time.Second, u.ID, "ok"},
		{"burst 2 again", 0, u.ID, "ok"},
		{"burst 3 again", 0, u.ID, "ok"},
		{"over again", 0, u.ID, "429 after 1"},
	}
	for _, st := range steps {
		clock.Add(st.advance)
		if got := sendOutcome(t, s, st.chat); got != st.want {
			t.Errorf("%s: got %s, want %s", st.name, got, st.want)
		}
	}
}

func TestGroupChatLimit(t *testing.T) {
	s, clock := newTestServer(t, Options{})
	u := startedUser(t, s, User{})
	g, err := s.AddGroup("5А", u.ID)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 20 {
		if got := sendOutcome(t, s, g.ID); got != "ok" {
			t.Fatalf("message %d of 20: got %s", i+1, got)
		}
		clock.Add(100 * time.Millisecond) // keep well under the bot-wide limit
	}
	if got, want := sendOutcome(t, s, g.ID), "429 after 1"; got != want {
		// 20 in 2 s: the next slot opens 3 s after the first, 1 s from now
		t.Errorf("21st: got %s, want %s", got, want)
	}
	// The same 20 at one instant leave 3 s to wait.
	s2, clock2 := newTestServer(t, Options{})
	u2 := startedUser(t, s2, User{})
	g2, err := s2.AddGroup("6Б", u2.ID)
	if err != nil {
		t.Fatal(err)
	}
	s2.limiter.bot = gcra{} // isolate the group limit
	for range 20 {
		if got := sendOutcome(t, s2, g2.ID); got != "ok" {
			t.Fatalf("burst: got %s", got)
		}
	}
	if got, want := sendOutcome(t, s2, g2.ID), "429 after 3"; got != want {
		t.Errorf("21st at once: got %s, want %s", got, want)
	}
	clock2.Add(3 * time.Second)
	if got, want := sendOutcome(t, s2, g2.ID), "ok"; got != want {
		t.Errorf("after 3 s: got %s, want %s", got, want)
	}
}

func TestBotWideLimitAcrossManyChats(t *testing.T) {
	s, clock := newTestServer(t, Options{})
	var chats []int64
	for range 1000 {
		chats = append(chats, startedUser(t, s, User{}).ID)
	}
	sent, refused := 0, 0
	for _, id := range chats {
		switch sendOutcome(t, s, id) {
		case "ok":
			sent++
		case "429 after 1":
			refused++
		default:
			t.Fatal("unexpected outcome")
		}
	}
	if sent != 30 || refused != 970 {
		t.Errorf("at one instant: got %d sent, %d refused, want 30 and 970", sent, refused)
	}
	clock.Add(time.Second)
	for i, id := range chats[30:61] {
		want := "ok"
		if i == 30 {
			want = "429 after 1"
		}
		if got := sendOutcome(t, s, id); got != want {
			t.Errorf("second %d: got %s, want %s", i, got, want)
		}
	}
}

func TestCustomAndDisabledLimits(t *testing.T) {
	s, _ := newTestServer(t, Options{Limits: Limits{Private: Rate{N: 2, Per: time.Minute}}})
	u := startedUser(t, s, User{})
	for i, want := range []string{"ok", "ok", "429 after 30"} {
		if got := sendOutcome(t, s, u.ID); got != want {
			t.Errorf("send %d: got %s, want %s", i, got, want)
		}
	}
	off, _ := newTestServer(t, Options{NoLimits: true})
	v := startedUser(t, off, User{})
	for i := range 100 {
		if got := sendOutcome(t, off, v.ID); got != "ok" {
			t.Fatalf("send %d without limits: got %s", i, got)
		}
	}
}
