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

// step is one send of a limits test: advance the clock, send to chat, and
// the outcome wanted.
type step struct {
	name    string
	advance time.Duration
	chat    int64
	want    string
}

// runSteps runs steps on s in order.
func runSteps(t *testing.T, s *Server, clock *fakeClock, steps []step) {
	t.Helper()
	for _, st := range steps {
		clock.Add(st.advance)
		if got := sendOutcome(t, s, st.chat); got != st.want {
			t.Errorf("%s: got %s, want %s", st.name, got, st.want)
		}
	}
}

func TestPrivateChatLimit(t *testing.T) {
	s, clock := newTestServer(t, Options{})
	u := startedUser(t, s, User{})
	other := startedUser(t, s, User{})
	runSteps(t, s, clock, []step{
		{"first", 0, u.ID, "ok"},
		{"no burst: a second at once", 0, u.ID, "429 after 1"},
		{"refused sends count nothing", 0, u.ID, "429 after 1"},
		{"another chat is not limited", 0, other.ID, "ok"},
		{"still in the window", 999 * time.Millisecond, u.ID, "429 after 1"},
		{"a second after the first", time.Millisecond, u.ID, "ok"},
		{"one a second", 500 * time.Millisecond, u.ID, "429 after 1"},
		{"a quiet while brings no burst", 10 * time.Second, u.ID, "ok"},
		{"still one", 0, u.ID, "429 after 1"},
	})
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
	// 20 in the 2 s since the first: the next fits when the first leaves the
	// minute, 58 s from now; then one more each 100 ms as the others leave.
	runSteps(t, s, clock, []step{
		{"21st", 0, g.ID, "429 after 58"},
		{"just before the first leaves", 58*time.Second - time.Millisecond, g.ID, "429 after 1"},
		{"the first left", time.Millisecond, g.ID, "ok"},
		{"the second has not", 0, g.ID, "429 after 1"},
		{"the second left", 100 * time.Millisecond, g.ID, "ok"},
	})
}

// TestBotLimitIsASlidingWindow: 30 messages in the second half of one
// second fill the window; under per-second buckets the first half of the
// next second would take 30 more, Telegram (and the emulator) refuses them
// until the first 30 are a second old.
func TestBotLimitIsASlidingWindow(t *testing.T) {
	s, clock := newTestServer(t, Options{})
	var chats []int64
	for range 90 {
		chats = append(chats, startedUser(t, s, User{}).ID)
	}
	clock.Add(500 * time.Millisecond)
	for i := range 30 { // at 0.500 s, 0.510 s, …, 0.790 s
		if got := sendOutcome(t, s, chats[i]); got != "ok" {
			t.Fatalf("message %d of 30: got %s", i+1, got)
		}
		clock.Add(10 * time.Millisecond)
	}
	clock.Add(200 * time.Millisecond) // 1.000 s: a new bucket, the same window
	for i := 30; i < 40; i++ {        // 1.000 s to 1.450 s
		if got := sendOutcome(t, s, chats[i]); got != "429 after 1" {
			t.Errorf("at +%v into the next second: got %s, want 429", time.Duration(i-30)*50*time.Millisecond, got)
		}
		clock.Add(50 * time.Millisecond)
	}
	// 1.500 s: the first is a second old
	runSteps(t, s, clock, []step{
		{"the first left the window", 0, chats[40], "ok"},
		{"only one left", 0, chats[41], "429 after 1"},
		{"the second left", 10 * time.Millisecond, chats[42], "ok"},
	})
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
	for i, want := range []string{"ok", "ok", "429 after 60"} {
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
