package telegramtest

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
)

// hookRequest is what a webhook received.
type hookRequest struct {
	secret string
	update struct {
		ID      int64 `json:"update_id"`
		Message struct {
			Text string `json:"text"`
		} `json:"message"`
	}
}

// hookReceiver is a webhook endpoint that fails the first fails requests with 500.
func hookReceiver(t *testing.T, fails int) (*httptest.Server, <-chan hookRequest) {
	t.Helper()
	got := make(chan hookRequest, 16)
	var mu sync.Mutex
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		var h hookRequest
		h.secret = r.Header.Get(SecretHeader)
		body, _ := io.ReadAll(r.Body)
		if err := json.Unmarshal(body, &h.update); err != nil {
			t.Errorf("webhook body %s: %v", body, err)
		}
		if fails > 0 {
			fails--
			w.WriteHeader(http.StatusInternalServerError)
		}
		got <- h
	}))
	t.Cleanup(srv.Close)
	return srv, got
}

func nextHook(t *testing.T, ch <-chan hookRequest) hookRequest {
	t.Helper()
	select {
	case h := <-ch:
		return h
	case <-time.After(10 * time.Second):
		t.Fatal("the webhook got nothing")
		return hookRequest{}
	}
}

func TestWebhookDeliversWithSecretAndRetries(t *testing.T) {
	s, clock := newTestServer(t, Options{WebhookRetryDelay: time.Millisecond})
	hook, got := hookReceiver(t, 1)
	u, err := s.AddUser(User{})
	if err != nil {
		t.Fatal(err)
	}
	mustOK(t, callJSON(t, s, "setWebhook", map[string]any{"url": hook.URL, "secret_token": "s3cr-et_"}), nil)
	mustFail(t, callJSON(t, s, "getUpdates", map[string]any{}), http.StatusConflict,
		"Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first")

	for _, text := range []string{"первое", "второе"} {
		if _, err := s.SendText(u.ID, text); err != nil {
			t.Fatal(err)
		}
	}
	failed, retried, second := nextHook(t, got), nextHook(t, got), nextHook(t, got)
	if failed.update.ID != 1 || retried.update.ID != 1 || second.update.ID != 2 {
		t.Fatalf("deliveries: got ids %d, %d, %d, want 1 (failed), 1 (retried), 2", failed.update.ID, retried.update.ID, second.update.ID)
	}
	if retried.secret != "s3cr-et_" || retried.update.Message.Text != "первое" {
		t.Errorf("delivery: got secret %q text %q", retried.secret, retried.update.Message.Text)
	}

	var info models.WebhookInfo
	mustOK(t, callJSON(t, s, "getWebhookInfo", nil), &info)
	if info.URL != hook.URL || info.LastErrorMessage != "Wrong response from the webhook: 500 Internal Server Error" || int64(info.LastErrorDate) != clock.Now().Unix() {
		t.Errorf("webhook info: got %+v", info)
	}

	mustOK(t, callJSON(t, s, "deleteWebhook", map[string]any{}), nil)
	if _, err := s.SendText(u.ID, "третье"); err != nil {
		t.Fatal(err)
	}
	if ids := updateIDs(t, callJSON(t, s, "getUpdates", map[string]any{})); len(ids) != 1 || ids[0] != 3 {
		t.Errorf("after deleteWebhook: got %v, want [3]", ids)
	}
}

func TestSetWebhookEndsAWaitingPollWith409(t *testing.T) {
	s, _ := newTestServer(t, Options{})
	hook, _ := hookReceiver(t, 0)
	poll := make(chan apiResult, 1)
	go func() { poll <- callJSON(t, s, "getUpdates", map[string]any{"timeout": 30}) }()
	waitPolling(t, s)
	mustOK(t, callJSON(t, s, "setWebhook", map[string]any{"url": hook.URL}), nil)
	select {
	case r := <-poll:
		mustFail(t, r, http.StatusConflict, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first")
	case <-time.After(10 * time.Second):
		t.Fatal("the waiting poll did not end")
	}
}

func TestDropPendingUpdates(t *testing.T) {
	s, _ := newTestServer(t, Options{})
	u, err := s.AddUser(User{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SendText(u.ID, "old"); err != nil {
		t.Fatal(err)
	}
	mustOK(t, callJSON(t, s, "deleteWebhook", map[string]any{"drop_pending_updates": true}), nil)
	if got := s.PendingUpdates(); got != 0 {
		t.Errorf("pending: got %d, want 0", got)
	}
}

func TestGoTelegramWebhookMode(t *testing.T) {
	s, _ := newTestServer(t, Options{})
	ctx := testCtx(t)
	const secret = "webhook-secret"
	b := newClient(t, s, bot.WithWebhookSecretToken(secret), bot.WithDefaultHandler(echoBot(t)))
	hook := httptest.NewServer(b.WebhookHandler())
	t.Cleanup(hook.Close)
	botCtx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		b.StartWebhook(botCtx)
	}()
	t.Cleanup(func() {
		cancel()
		<-done
	})
	ok, err := b.SetWebhook(ctx, &bot.SetWebhookParams{URL: hook.URL, SecretToken: secret})
	if err != nil || !ok {
		t.Fatalf("SetWebhook: %v", err)
	}
	u, err := s.AddUser(User{FirstName: "Ольга"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Start(u.ID, "code"); err != nil {
		t.Fatal(err)
	}
	m, err := s.NextBotMessage(ctx, u.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := m.Text, "Здравствуйте, Ольга! Код: code"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	info, err := b.GetWebhookInfo(ctx)
	if err != nil || info.URL != hook.URL {
		t.Errorf("GetWebhookInfo: got %+v, %v", info, err)
	}
}
