package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/i18n"
	"github.com/schooldiary/diary/internal/telegramtest"
)

// webhookHarness runs the bot in webhook mode: the emulator posts updates
// to the bot's Webhook handler with the secret.
func webhookHarness(t *testing.T, secret string) (*harness, *httptest.Server) {
	t.Helper()
	h := newHarness(t, options{noStart: true})
	if err := h.b.Attach(h.ctx, h.client); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h.b.Webhook(secret))
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := h.b.Shutdown(ctx); err != nil {
			t.Errorf("Shutdown: %v", err)
		}
		srv.Close()
	})
	if _, err := h.client.SetWebhook(h.ctx, &tgbot.SetWebhookParams{URL: srv.URL, SecretToken: secret}); err != nil {
		t.Fatal(err)
	}
	return h, srv
}

// textUpdate is an update of a text from user in their private chat.
func textUpdate(id, user int64, text string) []byte {
	u := map[string]any{"update_id": id, "message": map[string]any{
		"message_id": id, "date": startTime.Unix(), "text": text,
		"chat": map[string]any{"id": user, "type": "private"},
		"from": map[string]any{"id": user, "is_bot": false, "first_name": "X"},
	}}
	b, _ := json.Marshal(u)
	return b
}

// post posts body to the webhook with the secret header (none when empty).
func post(t *testing.T, url, secret string, body []byte) int {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, url, strings.NewReader(string(body)))
	if err != nil {
		t.Fatal(err)
	}
	if secret != "" {
		req.Header.Set("X-Telegram-Bot-Api-Secret-Token", secret)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

// TestWebhookSecretAndDedup: a wrong or missing secret gets 401 and nothing
// is processed; an update delivered twice is handled once.
func TestWebhookSecretAndDedup(t *testing.T) {
	h, srv := webhookHarness(t, "s3cret-token")
	u := h.user(telegramtest.User{})
	h.send(u.ID, "/help")
	h.expectKey(u.ID, i18n.Help)

	refused := textUpdate(10_000_001, u.ID, "/start")
	tests := []struct {
		name, secret string
		want         int
	}{
		{"missing secret", "", http.StatusUnauthorized},
		{"wrong secret", "s3cret-tokeN", http.StatusUnauthorized},
		{"secret prefix", "s3cret", http.StatusUnauthorized},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := post(t, srv.URL, tt.secret, refused); got != tt.want {
				t.Errorf("status %d, want %d", got, tt.want)
			}
		})
	}
	dup := textUpdate(10_000_002, u.ID, "/help")
	for range 3 {
		if got := post(t, srv.URL, "s3cret-token", dup); got != http.StatusOK {
			t.Fatalf("status %d", got)
		}
	}
	h.expectKey(u.ID, i18n.Help)
	if got := post(t, srv.URL, "s3cret-token", refused); got != http.StatusOK {
		t.Fatalf("status %d", got)
	}
	h.expectKey(u.ID, i18n.StartNew) // the refused update was not taken as seen
	h.expectKey(u.ID, i18n.LinkAskCode)
	h.send(u.ID, "/help")
	h.expectKey(u.ID, i18n.Help)
	if got, want := len(h.tg.BotMessages(u.ID)), 5; got != want {
		t.Errorf("bot messages: %d, want %d", got, want)
	}
}

// TestWebhookRefusesBadRequests covers the other answers of the handler.
func TestWebhookRefusesBadRequests(t *testing.T) {
	forEachStore(t, options{noStart: true}, func(t *testing.T, h *harness) {
		notReady := httptest.NewServer(h.b.Webhook("s"))
		defer notReady.Close()
		if got := post(t, notReady.URL, "s", textUpdate(1, 1, "/start")); got != http.StatusServiceUnavailable {
			t.Errorf("before Attach: %d", got)
		}
		empty := httptest.NewServer(h.b.Webhook(""))
		defer empty.Close()
		if got := post(t, empty.URL, "", textUpdate(1, 1, "/start")); got != http.StatusUnauthorized {
			t.Errorf("empty secret: %d", got)
		}
		if err := h.b.Attach(h.ctx, h.client); err != nil {
			t.Fatal(err)
		}
		if got := post(t, notReady.URL, "s", []byte("{not json")); got != http.StatusBadRequest {
			t.Errorf("bad body: %d", got)
		}
		if err := h.b.Shutdown(h.ctx); err != nil {
			t.Fatal(err)
		}
		if got := post(t, notReady.URL, "s", textUpdate(2, 1, "/start")); got != http.StatusServiceUnavailable {
			t.Errorf("after Shutdown: %d", got)
		}
	})
}

// TestPerChatOrder sends many commands at once; the answers come in order.
func TestPerChatOrder(t *testing.T) {
	forEachStore(t, options{}, func(t *testing.T, h *harness) {
		f := h.parent()
		u := h.user(telegramtest.User{})
		h.linkParent(u.ID, f, f.student)
		actions := []string{ActionGrades, ActionHomework, ActionTimetable, ActionAttendance, ActionPeriods, ActionFinal}
		const n = 36
		for i := range n {
			h.send(u.ID, "/"+actions[i%len(actions)])
		}
		for i := range n {
			h.expect(u.ID, f.student.Name.Full()+" · "+actions[i%len(actions)])
		}
	})
}

// callbackUpdate is a press of data on message 1 of user's chat.
func callbackUpdate(id, user int64, data string) *models.Update {
	msg := &models.Message{ID: 1, Chat: models.Chat{ID: user, Type: models.ChatTypePrivate}}
	return &models.Update{ID: id, CallbackQuery: &models.CallbackQuery{
		ID: fmt.Sprint("forged-", id), From: models.User{ID: user, FirstName: "X"}, Data: data,
		Message: models.MaybeInaccessibleMessage{Type: models.MaybeInaccessibleMessageTypeMessage, Message: msg},
	}}
}

// TestStaleAndForgedButtons refuses button data that does not resolve for
// the chat and user pressing it, and buttons past their day.
func TestStaleAndForgedButtons(t *testing.T) {
	forEachStore(t, options{}, func(t *testing.T, h *harness) {
		f := h.parent()
		owner := h.user(telegramtest.User{})
		menu := h.linkParent(owner.ID, f, f.student)
		other := h.user(telegramtest.User{})
		h.send(other.ID, "/help")
		h.expectKey(other.ID, i18n.Help)
		ownersButton := menu.InlineKeyboard[0][0].CallbackData
		tests := []struct {
			name string
			user int64
			data string
		}{
			{"random id", other.ID, "AAAAAAAAAAAA"},
			{"short", other.ID, "x"},
			{"64 bytes", other.ID, strings.Repeat("z", 64)},
			{"a grades button of another user", other.ID, ownersButton},
			{"old-style data", owner.ID, fmt.Sprintf("view:%d:grades", f.sibling.ID)},
		}
		for i, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				if err := h.b.Receive(h.ctx, callbackUpdate(int64(20_000_000+i), tt.user, tt.data)); err != nil {
					t.Fatal(err)
				}
				h.expectQuiet(tt.user) // answered as stale, nothing sent
			})
		}
		if got := len(h.views.Calls()); got != 0 {
			t.Fatalf("forged buttons rendered %d views", got)
		}
		h.clock.Advance(buttonTTL + time.Minute)
		h.expectStale(h.press(owner.ID, menu, label(i18n.MenuGrades)))
		h.send(owner.ID, "/start")
		h.expect(owner.ID, "Здравствуйте")
		fresh := h.expect(owner.ID, "Выбран ученик")
		h.press(owner.ID, fresh, label(i18n.MenuGrades))
		h.expect(owner.ID, "· grades")
		for _, m := range h.tg.BotMessages(owner.ID) {
			for _, row := range m.InlineKeyboard {
				for _, b := range row {
					if !buttonIDRE.MatchString(b.CallbackData) {
						t.Errorf("callback data %q", b.CallbackData)
					}
				}
			}
		}
	})
}

// buttonIDRE is the form of every callback data the bot sends: a short
// random id, nothing about the student or the action.
var buttonIDRE = regexp.MustCompile(`^[A-Za-z0-9_-]{12}$`)

// TestThousandChatsAtOnce starts 1,000 chats at the same time.
func TestThousandChatsAtOnce(t *testing.T) {
	forEachStore(t, options{}, func(t *testing.T, h *harness) {
		const n = 1000
		users := make([]telegramtest.User, n)
		for i := range users {
			users[i] = h.user(telegramtest.User{})
		}
		begin := time.Now()
		for _, u := range users {
			h.startWith(u.ID, "")
		}
		for _, u := range users {
			h.expectKey(u.ID, i18n.StartNew)
			h.expectKey(u.ID, i18n.LinkAskCode)
		}
		t.Logf("%d chats answered in %v", n, time.Since(begin))
		if strings.Contains(h.logs.String(), "level=ERROR") || strings.Contains(h.logs.String(), "level=WARN") {
			t.Errorf("errors in the log:\n%s", h.logs.String())
		}
	})
}

// TestBlockedChatRevives: a 403 marks the chat blocked; a later /start revives it.
func TestBlockedChatRevives(t *testing.T) {
	forEachStore(t, options{noStart: true}, func(t *testing.T, h *harness) {
		if err := h.b.Attach(h.ctx, h.client); err != nil {
			t.Fatal(err)
		}
		u := h.user(telegramtest.User{})
		if err := h.db.UpsertChat(h.ctx, diary.Chat{ChatID: u.ID, TelegramUserID: u.ID, Language: "ru"}); err != nil {
			t.Fatal(err)
		}
		if err := h.tg.Block(u.ID); err != nil {
			t.Fatal(err)
		}
		err := h.b.send(h.ctx, u.ID, "проверка", nil)
		if !errors.Is(err, tgbot.ErrorForbidden) {
			t.Fatalf("send to a blocked user: %v", err)
		}
		if c, err := h.db.ChatByID(h.ctx, u.ID); err != nil || !c.Blocked() {
			t.Fatalf("chat after 403: %+v, %v", c, err)
		}
		h.start()
		h.startWith(u.ID, "")
		h.expectKey(u.ID, i18n.StartNew)
		if c, err := h.db.ChatByID(h.ctx, u.ID); err != nil || c.Blocked() {
			t.Fatalf("chat after /start: %+v, %v", c, err)
		}
	})
}
