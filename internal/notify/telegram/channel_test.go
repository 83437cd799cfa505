package telegram_test

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	tgbot "github.com/go-telegram/bot"

	"github.com/schooldiary/diary/internal/cluster"
	"github.com/schooldiary/diary/internal/notify"
	"github.com/schooldiary/diary/internal/notify/telegram"
	"github.com/schooldiary/diary/internal/telegramtest"
)

// The channel is a notify.Channel.
var _ notify.Channel = (*telegram.Channel)(nil)

func TestSendTextButtonsAndFiles(t *testing.T) {
	s := newEmulator(t, telegramtest.Options{NoLimits: true})
	chat := startedUsers(t, s, 1)[0]
	ch := telegram.NewChannel(newClient(t, s), telegram.NewPacer(cluster.NewMemory(nil).Limiter, fast))
	m := notify.Message{
		HTML: "Новая оценка: <b>5</b> по алгебре",
		Buttons: [][]notify.Button{
			{{Text: "Подробнее", Data: "n:42"}, {Text: "Дневник", URL: "https://school.example/diary"}},
		},
		Files: []notify.File{
			{Name: "отчёт.pdf", MIME: "application/pdf", Data: []byte("%PDF-1.4 report")},
			{Name: "оценки.xlsx", MIME: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Data: []byte("PK xlsx")},
		},
	}
	if err := ch.Send(ctxFor(t, 10*time.Second), notify.Address{To: itoa(chat)}, m); err != nil {
		t.Fatalf("Send: %v", err)
	}
	got := s.BotMessages(chat)
	if len(got) != 3 {
		t.Fatalf("%d bot messages, want the text and two documents", len(got))
	}
	if got[0].Text != "Новая оценка: 5 по алгебре" || len(got[0].InlineKeyboard) != 1 || len(got[0].InlineKeyboard[0]) != 2 {
		t.Errorf("text message = %q with keyboard %+v", got[0].Text, got[0].InlineKeyboard)
	}
	if b := got[0].InlineKeyboard[0]; b[0].CallbackData != "n:42" || b[1].URL != "https://school.example/diary" {
		t.Errorf("buttons = %+v", b)
	}
	for i, f := range m.Files {
		d := got[i+1].Document
		if d == nil || d.Name != f.Name || string(d.Data) != string(f.Data) {
			t.Errorf("document %d = %+v, want %s", i, d, f.Name)
		}
	}
}

func TestSendSplitsLongText(t *testing.T) {
	s := newEmulator(t, telegramtest.Options{NoLimits: true})
	chat := startedUsers(t, s, 1)[0]
	ch := telegram.NewChannel(newClient(t, s), telegram.NewPacer(cluster.NewMemory(nil).Limiter, fast))
	line := strings.Repeat("ж", 1999)
	m := notify.Message{HTML: line + "\n<b>" + line + "</b>\n" + line, Buttons: [][]notify.Button{{{Text: "Ок", Data: "ok"}}}}
	if err := ch.Send(ctxFor(t, 10*time.Second), notify.Address{To: itoa(chat)}, m); err != nil {
		t.Fatalf("Send: %v", err)
	}
	got := s.BotMessages(chat)
	if len(got) != 2 {
		t.Fatalf("%d messages, want 2", len(got))
	}
	if got[0].Text != line+"\n"+line || got[1].Text != line {
		t.Errorf("parts of %d and %d characters", len([]rune(got[0].Text)), len([]rune(got[1].Text)))
	}
	if got[0].InlineKeyboard != nil || got[1].InlineKeyboard == nil {
		t.Errorf("the buttons go under the last part only")
	}
}

func TestSendErrors(t *testing.T) {
	text := notify.Message{HTML: "Новая оценка"}
	tests := []struct {
		name  string
		fault *telegramtest.Fault
		to    string // "" is a started user
		m     notify.Message
		block bool
		check func(t *testing.T, err error)
	}{
		{name: "blocked", block: true, m: text, check: is(notify.ErrBlocked, tgbot.ErrorForbidden)},
		{name: "chat not found", to: "777000123", m: text, check: is(notify.ErrUndeliverable, tgbot.ErrorBadRequest)},
		{name: "not a chat id", to: "parent@example.org", m: text, check: is(notify.ErrUndeliverable)},
		{name: "bad HTML", m: notify.Message{HTML: "<b>5"}, check: is(notify.ErrUndeliverable, tgbot.ErrorBadRequest)},
		{name: "callback data over 64 bytes", m: notify.Message{HTML: "x", Buttons: [][]notify.Button{{{Text: "Да", Data: strings.Repeat("я", 33)}}}},
			check: is(notify.ErrUndeliverable)},
		{name: "empty", m: notify.Message{}, check: is(notify.ErrUndeliverable)},
		{name: "5xx", fault: &telegramtest.Fault{Status: http.StatusBadGateway}, m: text, check: transient},
		{name: "connection dropped", fault: &telegramtest.Fault{Drop: true}, m: text, check: transient},
		{name: "429", fault: &telegramtest.Fault{Status: http.StatusTooManyRequests, RetryAfter: 7}, m: text, check: retryAfter(7 * time.Second)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := newEmulator(t, telegramtest.Options{NoLimits: true})
			chat := startedUsers(t, s, 1)[0]
			if tc.block {
				must(t, s.Block(chat))
			}
			if tc.fault != nil {
				s.Fail("sendMessage", *tc.fault)
			}
			to := tc.to
			if to == "" {
				to = itoa(chat)
			}
			ch := telegram.NewChannel(newClient(t, s), telegram.NewPacer(cluster.NewMemory(nil).Limiter, fast))
			tc.check(t, ch.Send(ctxFor(t, 10*time.Second), notify.Address{To: to}, tc.m))
		})
	}
}

// is checks that err is each of targets.
func is(targets ...error) func(t *testing.T, err error) {
	return func(t *testing.T, err error) {
		t.Helper()
		for _, target := range targets {
			if !errors.Is(err, target) {
				t.Errorf("error %v is not %v", err, target)
			}
		}
	}
}

// transient checks that err is none of the definite refusals.
func transient(t *testing.T, err error) {
	t.Helper()
	var retry *notify.RetryAfterError
	if err == nil || errors.Is(err, notify.ErrBlocked) || errors.Is(err, notify.ErrUndeliverable) || errors.As(err, &retry) {
		t.Errorf("error %v, want a transient one", err)
	}
}

// retryAfter checks that err asks to wait want.
func retryAfter(want time.Duration) func(t *testing.T, err error) {
	return func(t *testing.T, err error) {
		t.Helper()
		var retry *notify.RetryAfterError
		if !errors.As(err, &retry) || retry.After != want {
			t.Errorf("error %v, want a *notify.RetryAfterError of %v", err, want)
		}
	}
}

// TestSendTimeOutIsTransient: a Bot API that does not answer in time is a
// transient error, to be retried.
func TestSendTimeOutIsTransient(t *testing.T) {
	release := make(chan struct{})
	hang := httptest.NewServer(http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer hang.Close()
	defer close(release) // before Close, which waits for the handlers
	client, err := tgbot.New("1:token", tgbot.WithServerURL(hang.URL), tgbot.WithSkipGetMe(),
		tgbot.WithHTTPClient(time.Minute, &http.Client{Timeout: 100 * time.Millisecond}))
	must(t, err)
	ch := telegram.NewChannel(client, telegram.NewPacer(cluster.NewMemory(nil).Limiter, fast))
	transient(t, ch.Send(ctxFor(t, 10*time.Second), notify.Address{To: "42"}, notify.Message{HTML: "x"}))
}
