package telegramtest

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
)

func TestThousandChatsAtOnce(t *testing.T) {
	const chats = 1000
	s, _ := newTestServer(t, Options{NoLimits: true})
	ctx := testCtx(t)
	reply := func(ctx context.Context, b *bot.Bot, u *models.Update) {
		if u.Message == nil {
			return
		}
		_, err := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: u.Message.Chat.ID, Text: "Ответ на " + u.Message.Text,
			ReplyMarkup: &models.InlineKeyboardMarkup{InlineKeyboard: [][]models.InlineKeyboardButton{{{Text: "Ещё", CallbackData: "more"}}}}})
		if err != nil && ctx.Err() == nil {
			t.Errorf("reply: %v", err)
		}
	}
	runBot(t, newClient(t, s, bot.WithWorkers(8), bot.WithDefaultHandler(reply)))
	users := make([]User, chats)
	for i := range users {
		var err error
		if users[i], err = s.AddUser(User{}); err != nil {
			t.Fatal(err)
		}
	}

	began := time.Now()
	var wg sync.WaitGroup
	errs := make(chan error, chats)
	for _, u := range users {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs <- converse(ctx, s, u.ID)
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("%d chats: /start and reply each in %v", chats, time.Since(began))
	for _, u := range users {
		if got := len(s.Messages(u.ID)); got != 2 {
			t.Fatalf("chat %d: got %d messages, want /start and one reply", u.ID, got)
		}
	}
}

// converse sends /start with a payload unique to the chat and checks the reply.
func converse(ctx context.Context, s *Server, userID int64) error {
	payload := fmt.Sprintf("u%d", userID)
	if _, err := s.Start(userID, payload); err != nil {
		return err
	}
	m, err := s.NextBotMessage(ctx, userID)
	if err != nil {
		return err
	}
	if want := "Ответ на /start " + payload; m.Text != want {
		return fmt.Errorf("chat %d: got %q, want %q", userID, m.Text, want)
	}
	_, err = s.Press(userID, userID, m.ID, "more")
	return err
}
