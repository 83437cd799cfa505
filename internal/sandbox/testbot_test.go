package sandbox_test

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"strings"
	"sync"
	"testing"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"github.com/schooldiary/diary/internal/diary"
)

// A stand-in for the diary bot until internal/bot is wired into the sandbox:
// on /start <code> it redeems the code in the store, greets by a name that
// carries a <script>, sends a document and asks for the phone with a
// request_contact keyboard; a shared contact deletes that question and gets
// an answer; its command menu has /help; the inline button «Оценки» edits the
// greeting to «Математика: 5».

// evilName is a name a journal might hold; the page must show it as text.
const evilName = `Вася <script>window.__pwned = 1</script>`

// reportCSV is the document the test bot sends.
const reportCSV = "предмет;оценка\nМатематика;5\n"

type testBot struct {
	db       diary.Store
	payloads chan string // every /start payload, in order

	mu     sync.Mutex
	prompt map[int64]int // chat → the message asking for the phone
	errs   []error
}

// startTestBot runs the test bot against the sandbox's own address (the
// emulator's Bot API is mounted there) until the test ends.
func startTestBot(t *testing.T, e *env) *testBot {
	t.Helper()
	tb := &testBot{db: e.db, payloads: make(chan string, 8), prompt: map[int64]int{}}
	b, err := bot.New(e.tg.Token(), bot.WithServerURL(e.srv.URL), bot.WithDefaultHandler(tb.handle),
		bot.WithNotAsyncHandlers(), bot.WithErrorsHandler(tb.fail))
	if err != nil {
		t.Fatalf("test bot: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	_, err = b.SetMyCommands(ctx, &bot.SetMyCommandsParams{Commands: []models.BotCommand{{Command: "help", Description: "Помощь"}}})
	if err != nil {
		t.Fatalf("test bot commands: %v", err)
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		b.Start(ctx)
	}()
	t.Cleanup(func() {
		cancel()
		<-done
		for _, err := range tb.errors() {
			t.Errorf("test bot: %v", err)
		}
	})
	return tb
}

func (tb *testBot) fail(err error) {
	if err == nil || strings.Contains(err.Error(), "context canceled") {
		return
	}
	tb.mu.Lock()
	defer tb.mu.Unlock()
	tb.errs = append(tb.errs, err)
}

func (tb *testBot) errors() []error {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	return append([]error(nil), tb.errs...)
}

func (tb *testBot) handle(ctx context.Context, b *bot.Bot, u *models.Update) {
	switch {
	case u.Message != nil && strings.HasPrefix(u.Message.Text, "/start"):
		tb.start(ctx, b, u.Message)
	case u.Message != nil && u.Message.Contact != nil:
		tb.contact(ctx, b, u.Message)
	case u.CallbackQuery != nil && u.CallbackQuery.Data == "grades":
		tb.grades(ctx, b, u.CallbackQuery)
	case u.CallbackQuery != nil && u.CallbackQuery.Data == "more":
		tb.more(ctx, b, u.CallbackQuery)
	}
}

// start redeems the deep-link code and greets.
func (tb *testBot) start(ctx context.Context, b *bot.Bot, m *models.Message) {
	payload := strings.TrimSpace(strings.TrimPrefix(m.Text, "/start"))
	select {
	case tb.payloads <- payload:
	default:
	}
	kind := "нет"
	if _, link, err := tb.db.RedeemLinkCode(ctx, diary.HashCode(payload), m.From.ID, m.Chat.ID); err == nil {
		kind = string(link.Kind)
	}
	text := fmt.Sprintf("Привет, <b>%s</b>!\nКод принят: <i>%s</i>", html.EscapeString(evilName), kind)
	_, err := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: m.Chat.ID, Text: text, ParseMode: models.ParseModeHTML,
		ReplyMarkup: &models.InlineKeyboardMarkup{InlineKeyboard: [][]models.InlineKeyboardButton{
			{{Text: "Оценки", CallbackData: "grades"}, {Text: "Подробнее", CallbackData: "more"}}}}})
	tb.fail(err)
	_, err = b.SendDocument(ctx, &bot.SendDocumentParams{ChatID: m.Chat.ID, Caption: "Выписка оценок",
		Document: &models.InputFileUpload{Filename: "grades.csv", Data: bytes.NewReader([]byte(reportCSV))}})
	tb.fail(err)
	ask, err := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: m.Chat.ID, Text: "Поделитесь номером телефона",
		ReplyMarkup: &models.ReplyKeyboardMarkup{ResizeKeyboard: true, OneTimeKeyboard: true,
			Keyboard: [][]models.KeyboardButton{{{Text: "Поделиться номером", RequestContact: true}}}}})
	tb.fail(err)
	if err == nil {
		tb.mu.Lock()
		tb.prompt[m.Chat.ID] = ask.ID
		tb.mu.Unlock()
	}
}

// contact deletes the question and confirms the phone.
func (tb *testBot) contact(ctx context.Context, b *bot.Bot, m *models.Message) {
	tb.mu.Lock()
	ask := tb.prompt[m.Chat.ID]
	tb.mu.Unlock()
	_, err := b.DeleteMessage(ctx, &bot.DeleteMessageParams{ChatID: m.Chat.ID, MessageID: ask})
	tb.fail(err)
	_, err = b.SendMessage(ctx, &bot.SendMessageParams{ChatID: m.Chat.ID, ParseMode: models.ParseModeHTML,
		Text:        "Номер <code>" + html.EscapeString(m.Contact.PhoneNumber) + "</code> получен",
		ReplyMarkup: &models.ReplyKeyboardRemove{RemoveKeyboard: true}})
	tb.fail(err)
}

// grades edits the greeting into a grade and answers the press.
func (tb *testBot) grades(ctx context.Context, b *bot.Bot, q *models.CallbackQuery) {
	msg := q.Message.Message
	_, err := b.EditMessageText(ctx, &bot.EditMessageTextParams{ChatID: msg.Chat.ID, MessageID: msg.ID,
		Text: "Математика: <b>5</b>", ParseMode: models.ParseModeHTML})
	tb.fail(err)
	_, err = b.AnswerCallbackQuery(ctx, &bot.AnswerCallbackQueryParams{CallbackQueryID: q.ID, Text: "Оценки открыты"})
	tb.fail(err)
}

// moreText is the new message «Подробнее» sends: tall, as a real view is.
const moreText = "Подробности по математике:\n7 сен · 5\n8 сен · 3 (×2)\n9 сен · 4\n10 сен · 5\n11 сен · 4"

// more answers the press with a new message at the end of the chat.
func (tb *testBot) more(ctx context.Context, b *bot.Bot, q *models.CallbackQuery) {
	_, err := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: q.Message.Message.Chat.ID, Text: moreText})
	tb.fail(err)
	_, err = b.AnswerCallbackQuery(ctx, &bot.AnswerCallbackQueryParams{CallbackQueryID: q.ID})
	tb.fail(err)
}
