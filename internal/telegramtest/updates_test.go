package telegramtest

import (
	"encoding/json"
	"net/http"
	"reflect"
	"testing"
	"time"
)

// updateIDs reads the update_ids of a getUpdates result.
func updateIDs(t *testing.T, r apiResult) []int64 {
	t.Helper()
	var ups []struct {
		ID int64 `json:"update_id"`
	}
	mustOK(t, r, &ups)
	ids := []int64{}
	for _, u := range ups {
		ids = append(ids, u.ID)
	}
	return ids
}

func TestLongPollReturnsAsSoonAsAnUpdateArrives(t *testing.T) {
	s, _ := newTestServer(t, Options{})
	u, err := s.AddUser(User{})
	if err != nil {
		t.Fatal(err)
	}
	got := make(chan apiResult, 1)
	began := time.Now()
	go func() { got <- callJSON(t, s, "getUpdates", map[string]any{"timeout": 30}) }()
	waitPolling(t, s)
	if _, err := s.SendText(u.ID, "Привет"); err != nil {
		t.Fatal(err)
	}
	select {
	case r := <-got:
		if ids := updateIDs(t, r); !reflect.DeepEqual(ids, []int64{1}) {
			t.Fatalf("got updates %v, want [1]", ids)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the 30 s long poll did not return on the update")
	}
	if waited := time.Since(began); waited > 5*time.Second {
		t.Errorf("long poll took %v, want it to return at the update", waited)
	}
}

// waitPolling blocks until a getUpdates is waiting in the emulator.
func waitPolling(t *testing.T, s *Server) {
	t.Helper()
	ctx := testCtx(t)
	for {
		s.mu.Lock()
		gen, changed := s.pollGen, s.queueChanged
		s.mu.Unlock()
		if gen > 0 {
			return
		}
		select { // pollGen changes together with queueChanged
		case <-changed:
		case <-ctx.Done():
			t.Fatal("no getUpdates arrived")
		}
	}
}

func TestGetUpdatesOffsets(t *testing.T) {
	s, _ := newTestServer(t, Options{})
	u, err := s.AddUser(User{})
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"1", "2", "3", "4"} {
		if _, err := s.SendText(u.ID, text); err != nil {
			t.Fatal(err)
		}
	}
	steps := []struct {
		name string
		body map[string]any
		want []int64
	}{
		{"no offset returns all", map[string]any{}, []int64{1, 2, 3, 4}},
		{"limit", map[string]any{"limit": 2}, []int64{1, 2}},
		{"offset confirms earlier", map[string]any{"offset": 3}, []int64{3, 4}},
		{"confirmed stay gone", map[string]any{}, []int64{3, 4}},
		{"negative offset keeps the last", map[string]any{"offset": -1}, []int64{4}},
		{"offset past the end confirms all", map[string]any{"offset": 5}, []int64{}},
		{"timeout with nothing returns empty", map[string]any{"timeout": 0}, []int64{}},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			if got := updateIDs(t, callJSON(t, s, "getUpdates", st.body)); !reflect.DeepEqual(got, st.want) {
				t.Errorf("got %v, want %v", got, st.want)
			}
		})
	}
	if got := s.PendingUpdates(); got != 0 {
		t.Errorf("pending: got %d, want 0", got)
	}
}

func TestNewerPollTerminatesOlder(t *testing.T) {
	s, _ := newTestServer(t, Options{})
	older := make(chan apiResult, 1)
	go func() { older <- callJSON(t, s, "getUpdates", map[string]any{"timeout": 30}) }()
	waitPolling(t, s)
	newer := callJSON(t, s, "getUpdates", map[string]any{"timeout": 0})
	mustOK(t, newer, nil)
	select {
	case r := <-older:
		mustFail(t, r, http.StatusConflict, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running")
	case <-time.After(10 * time.Second):
		t.Fatal("the older poll was not terminated")
	}
}

func TestAllowedUpdatesFilter(t *testing.T) {
	s, _ := newTestServer(t, Options{NoLimits: true})
	u := startedUser(t, s, User{})
	mustOK(t, callJSON(t, s, "getUpdates", map[string]any{"allowed_updates": []string{"callback_query"}}), nil)
	mustOK(t, callJSON(t, s, "sendMessage", map[string]any{"chat_id": u.ID, "text": "x", "reply_markup": inline("a", "d")}), nil)
	if _, err := s.SendText(u.ID, "ignored"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Press(u.ID, u.ID, 2, "d"); err != nil {
		t.Fatal(err)
	}
	var ups []map[string]json.RawMessage
	mustOK(t, callJSON(t, s, "getUpdates", map[string]any{}), &ups)
	if len(ups) != 1 || ups[0]["callback_query"] == nil {
		t.Fatalf("got %d updates (%v), want only the callback_query", len(ups), ups)
	}
}

func TestEncodingsAreEquivalent(t *testing.T) {
	s, _ := newTestServer(t, Options{NoLimits: true})
	u := startedUser(t, s, User{})
	mustOK(t, callForm(t, s, "sendMessage", map[string][]string{"chat_id": {"1000001"}, "text": {"<b>форма</b>"}, "parse_mode": {"HTML"}}), nil)
	mustOK(t, callMultipart(t, s, "sendMessage", map[string]string{"chat_id": "1000001", "text": "<b>multipart</b>", "parse_mode": "HTML",
		"reply_markup": `{"inline_keyboard":[[{"text":"a","callback_data":"d","copy_text":{"text":""}}]]}`}, "", "", nil), nil)
	do(t, s.URL()+"/bot"+s.Token()+"/sendMessage?chat_id=1000001&text=query", "", nil)
	msgs := s.BotMessages(u.ID)
	if len(msgs) != 3 {
		t.Fatalf("got %d messages, want 3", len(msgs))
	}
	for i, want := range []string{"форма", "multipart", "query"} {
		if msgs[i].Text != want {
			t.Errorf("message %d: got %q, want %q", i, msgs[i].Text, want)
		}
	}
	if msgs[1].InlineKeyboard[0][0].CallbackData != "d" {
		t.Errorf("multipart keyboard: got %+v", msgs[1].InlineKeyboard)
	}
	mustFail(t, callForm(t, s, "sendMessage", map[string][]string{"chat_id": {"1000001"}, "text": {"a & b"}, "parse_mode": {"HTML"}}),
		400, "Bad Request: can't parse entities: Unsupported HTML entity at byte offset 2; escape '&' as &amp;")
}
