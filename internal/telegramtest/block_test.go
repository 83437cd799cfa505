package telegramtest

import (
	"context"
	"errors"
	"net/http"
	"testing"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
)

func TestBlockAndUnblock(t *testing.T) {
	s, _ := newTestServer(t, Options{NoLimits: true})
	ctx := testCtx(t)
	updates := make(chan *models.Update, 8)
	b := newClient(t, s, bot.WithNotAsyncHandlers(),
		bot.WithDefaultHandler(func(_ context.Context, _ *bot.Bot, u *models.Update) { updates <- u }))
	u := startedUser(t, s, User{FirstName: "Мария"}) // before the bot polls: its /start is dropped
	runBot(t, b)
	send := func() error {
		_, err := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: u.ID, Text: "Домашнее задание"})
		return err
	}

	if err := s.Block(u.ID); err != nil {
		t.Fatal(err)
	}
	kicked := receive(ctx, t, updates).MyChatMember
	if kicked == nil || kicked.NewChatMember.Type != models.ChatMemberTypeBanned || kicked.OldChatMember.Type != models.ChatMemberTypeMember || kicked.From.ID != u.ID {
		t.Fatalf("block: got my_chat_member %+v, want member → kicked from the user", kicked)
	}
	if err := send(); !errors.Is(err, bot.ErrorForbidden) {
		t.Fatalf("blocked: got %v, want bot.ErrorForbidden", err)
	}
	mustFail(t, sendText(t, s, u.ID, "x"), http.StatusForbidden, "Forbidden: bot was blocked by the user")
	if _, err := s.SendText(u.ID, "привет"); !errors.Is(err, ErrBlocked) {
		t.Errorf("a blocked user typing: got %v, want ErrBlocked", err)
	}
	if _, err := s.Press(u.ID, u.ID, 1, "x"); !errors.Is(err, ErrBlocked) {
		t.Errorf("a blocked user pressing: got %v, want ErrBlocked", err)
	}

	if err := s.Unblock(u.ID); err != nil {
		t.Fatal(err)
	}
	member := receive(ctx, t, updates).MyChatMember
	if member == nil || member.NewChatMember.Type != models.ChatMemberTypeMember {
		t.Fatalf("unblock: got my_chat_member %+v, want kicked → member", member)
	}
	if err := send(); err != nil {
		t.Fatalf("unblocked: %v", err)
	}

	if err := s.Block(u.ID); err != nil {
		t.Fatal(err)
	}
	receive(ctx, t, updates)
	if _, err := s.Start(u.ID, ""); err != nil {
		t.Fatalf("Start after blocking (the app's Restart): %v", err)
	}
	if up := receive(ctx, t, updates); up.MyChatMember == nil || up.MyChatMember.NewChatMember.Type != models.ChatMemberTypeMember {
		t.Fatalf("restart: got %+v first, want my_chat_member member", up)
	}
	if up := receive(ctx, t, updates); up.Message == nil || up.Message.Text != "/start" {
		t.Fatalf("restart: got %+v second, want /start", up)
	}
	if err := send(); err != nil || s.Blocked(u.ID) {
		t.Fatalf("after restart: %v, blocked=%v", err, s.Blocked(u.ID))
	}
}

func TestUserSideRefusals(t *testing.T) {
	s, _ := newTestServer(t, Options{NoLimits: true})
	u := startedUser(t, s, User{})
	stranger := startedUser(t, s, User{})
	g, err := s.AddGroup("7В", u.ID)
	if err != nil {
		t.Fatal(err)
	}
	mustOK(t, callJSON(t, s, "sendMessage", map[string]any{"chat_id": u.ID, "text": "меню", "reply_markup": inline("Оценки", "g")}), nil)
	mustOK(t, callJSON(t, s, "deleteMessage", map[string]any{"chat_id": u.ID, "message_id": 2}), nil)
	mustOK(t, callJSON(t, s, "sendMessage", map[string]any{"chat_id": u.ID, "text": "меню", "reply_markup": inline("Оценки", "g")}), nil)
	tests := []struct {
		name string
		act  func() error
		want error
	}{
		{"unknown user", func() error { _, err := s.SendText(1, "x"); return err }, ErrNoUser},
		{"empty text", func() error { _, err := s.SendText(u.ID, ""); return err }, ErrBadText},
		{"not a group member", func() error { _, err := s.SendGroupText(g.ID, stranger.ID, "x"); return err }, ErrNoChat},
		{"someone else's private chat", func() error { _, err := s.SendGroupText(u.ID, stranger.ID, "x"); return err }, ErrNoChat},
		{"payload too long", func() error { _, err := s.Start(u.ID, string(make([]byte, 65))); return err }, ErrBadPayload},
		{"payload with a space", func() error { _, err := s.Start(u.ID, "a b"); return err }, ErrBadPayload},
		{"press a user's message", func() error { _, err := s.Press(u.ID, u.ID, 1, "g"); return err }, ErrNoMessage},
		{"press a deleted message", func() error { _, err := s.Press(u.ID, u.ID, 2, "g"); return err }, ErrNoMessage},
		{"press a missing button", func() error { _, err := s.Press(u.ID, u.ID, 3, "forged"); return err }, ErrNoButton},
		{"press in another chat", func() error { _, err := s.Press(stranger.ID, u.ID, 3, "g"); return err }, ErrNoChat},
		{"reply keyboard not shown", func() error { _, err := s.PressKeyboard(u.ID, "Поделиться"); return err }, ErrNoButton},
		{"duplicate user", func() error { _, err := s.AddUser(User{ID: u.ID}); return err }, ErrUserExists},
		{"group with unknown member", func() error { _, err := s.AddGroup("x", 1); return err }, ErrNoUser},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.act(); !errors.Is(err, tt.want) {
				t.Errorf("got %v, want %v", err, tt.want)
			}
		})
	}
}
