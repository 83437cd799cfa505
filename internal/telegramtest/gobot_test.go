package telegramtest

import (
	"bytes"
	"context"
	"errors"
	"html"
	"image"
	"image/png"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
)

// newClient is a go-telegram/bot client of s; getMe runs in bot.New.
func newClient(t *testing.T, s *Server, opts ...bot.Option) *bot.Bot {
	t.Helper()
	opts = append([]bot.Option{
		bot.WithServerURL(s.URL()),
		bot.WithErrorsHandler(func(error) {}),
	}, opts...)
	b, err := bot.New(s.Token(), opts...)
	if err != nil {
		t.Fatalf("bot.New: %v", err)
	}
	return b
}

// runBot runs b's long polling until the test ends.
func runBot(t *testing.T, b *bot.Bot) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		b.Start(ctx)
	}()
	t.Cleanup(func() {
		cancel()
		wg.Wait()
	})
}

// echoBot is the bot of the round trip: /start gets a menu with an inline
// keyboard; a press is answered and edits the menu; "отчёт" gets a PDF.
func echoBot(t *testing.T) bot.HandlerFunc {
	return func(ctx context.Context, b *bot.Bot, u *models.Update) {
		var err error
		switch {
		case u.Message != nil && strings.HasPrefix(u.Message.Text, "/start"):
			payload := strings.TrimSpace(strings.TrimPrefix(u.Message.Text, "/start"))
			_, err = b.SendMessage(ctx, &bot.SendMessageParams{
				ChatID: u.Message.Chat.ID, ParseMode: models.ParseModeHTML,
				Text: "Здравствуйте, <b>" + html.EscapeString(u.Message.From.FirstName) + "</b>! Код: <code>" + payload + "</code>",
				ReplyMarkup: &models.InlineKeyboardMarkup{InlineKeyboard: [][]models.InlineKeyboardButton{
					{{Text: "Оценки", CallbackData: "grades"}, {Text: "Сайт", URL: "https://school.example"}},
				}},
			})
		case u.CallbackQuery != nil:
			_, err = b.AnswerCallbackQuery(ctx, &bot.AnswerCallbackQueryParams{CallbackQueryID: u.CallbackQuery.ID, Text: "Загружаю…"})
			if err == nil {
				msg := u.CallbackQuery.Message.Message
				_, err = b.EditMessageText(ctx, &bot.EditMessageTextParams{ChatID: msg.Chat.ID, MessageID: msg.ID, Text: "Алгебра: 5, 4"})
			}
		case u.Message != nil && u.Message.Text == "отчёт":
			_, err = b.SendDocument(ctx, &bot.SendDocumentParams{
				ChatID:   u.Message.Chat.ID,
				Document: &models.InputFileUpload{Filename: "отчёт.pdf", Data: bytes.NewReader(pdfBytes)},
				Caption:  "Отчёт за <i>неделю</i>", ParseMode: models.ParseModeHTML,
			})
		}
		if err != nil && ctx.Err() == nil { // at the test's end the bot's requests are cancelled
			t.Errorf("handler: %v", err)
		}
	}
}

var pdfBytes = []byte("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")

func TestGoTelegramRoundTrip(t *testing.T) {
	s, clock := newTestServer(t, Options{})
	ctx := testCtx(t)
	runBot(t, newClient(t, s, bot.WithDefaultHandler(echoBot(t))))
	u, err := s.AddUser(User{FirstName: "Анна", LanguageCode: "ru"})
	if err != nil {
		t.Fatal(err)
	}

	if _, err := s.Start(u.ID, "Ab3-x_9"); err != nil {
		t.Fatal(err)
	}
	menu, err := s.NextBotMessage(ctx, u.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := menu.Text, "Здравствуйте, Анна! Код: Ab3-x_9"; got != want {
		t.Errorf("text: got %q, want %q", got, want)
	}
	if got, want := menu.Source, "Здравствуйте, <b>Анна</b>! Код: <code>Ab3-x_9</code>"; got != want {
		t.Errorf("source: got %q, want %q", got, want)
	}
	if got, want := menu.ParseMode, "HTML"; got != want {
		t.Errorf("parse mode: got %q, want %q", got, want)
	}
	if got, want := len(menu.Entities), 2; got != want {
		t.Errorf("entities: got %d, want %d", got, want)
	}
	if got, want := menu.InlineKeyboard[0][1].URL, "https://school.example"; got != want {
		t.Errorf("url button: got %q, want %q", got, want)
	}

	q, err := s.PressButton(u.ID, u.ID, menu.ID, "Оценки")
	if err != nil {
		t.Fatal(err)
	}
	answer, err := s.WaitCallbackAnswer(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := answer.Text, "Загружаю…"; got != want || answer.Data != "grades" {
		t.Errorf("answer: got %q (data %q), want %q (data grades)", got, answer.Data, want)
	}
	msgs, err := s.WaitChat(ctx, u.ID, func(m []Message) bool { return m[menu.ID-1].Edits > 0 })
	if err != nil {
		t.Fatal(err)
	}
	edited := msgs[menu.ID-1]
	if edited.Text != "Алгебра: 5, 4" || edited.InlineKeyboard != nil {
		t.Errorf("edited: got %q with keyboard %v, want the new text without keyboard", edited.Text, edited.InlineKeyboard)
	}

	clock.Add(time.Second) // one message a second per chat
	if _, err := s.SendText(u.ID, "отчёт"); err != nil {
		t.Fatal(err)
	}
	doc, err := s.NextBotMessage(ctx, u.ID)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Document == nil || doc.Document.Name != "отчёт.pdf" || !bytes.Equal(doc.Document.Data, pdfBytes) {
		t.Fatalf("document: got %+v, want отчёт.pdf with the PDF bytes", doc.Document)
	}
	if got, want := doc.Document.MimeType, "application/pdf"; got != want {
		t.Errorf("mime: got %q, want %q", got, want)
	}
	if got, want := doc.Caption, "Отчёт за неделю"; got != want {
		t.Errorf("caption: got %q, want %q", got, want)
	}
	if f, ok := s.File(doc.Document.ID); !ok || !bytes.Equal(f.Data, pdfBytes) {
		t.Errorf("File(%s): got ok=%v, want the PDF", doc.Document.ID, ok)
	}
}

func TestGoTelegramSeesMessagesAsTelegramSendsThem(t *testing.T) {
	s, clock := newTestServer(t, Options{})
	ctx := testCtx(t)
	got := make(chan *models.Update, 4)
	runBot(t, newClient(t, s, bot.WithNotAsyncHandlers(), // keep the order to compare ids
		bot.WithDefaultHandler(func(_ context.Context, _ *bot.Bot, u *models.Update) { got <- u })))
	u, err := s.AddUser(User{FirstName: "Пётр", LastName: "Иванов", Username: "petr", LanguageCode: "ru", Phone: "79120001122"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Start(u.ID, "code1"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ShareContact(u.ID); err != nil {
		t.Fatal(err)
	}
	start, contact := receive(ctx, t, got).Message, receive(ctx, t, got).Message
	if start.Text != "/start code1" || start.From.ID != u.ID || start.From.LanguageCode != "ru" || start.Chat.Type != "private" {
		t.Errorf("start: got %+v", start)
	}
	if len(start.Entities) != 1 || start.Entities[0].Type != models.MessageEntityTypeBotCommand || start.Entities[0].Length != 6 {
		t.Errorf("start entities: got %+v, want one bot_command of length 6", start.Entities)
	}
	if got, want := int64(start.Date), clock.Now().Unix(); got != want {
		t.Errorf("date: got %d, want %d", got, want)
	}
	c := contact.Contact
	if c == nil || c.UserID != u.ID || c.PhoneNumber != "79120001122" || c.FirstName != "Пётр" {
		t.Errorf("contact: got %+v, want the user's own", c)
	}
	if contact.ID != start.ID+1 {
		t.Errorf("message ids: got %d then %d, want consecutive", start.ID, contact.ID)
	}
}

func receive(ctx context.Context, t *testing.T, ch <-chan *models.Update) *models.Update {
	t.Helper()
	select {
	case u := <-ch:
		return u
	case <-ctx.Done():
		t.Fatal("no update reached the bot")
		return nil
	}
}

func TestGoTelegramErrorsMatch(t *testing.T) {
	s, clock := newTestServer(t, Options{})
	ctx := testCtx(t)
	b := newClient(t, s)
	u := startedUser(t, s, User{})
	send := func() error {
		_, err := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: u.ID, Text: "Новая оценка"})
		return err
	}
	if err := send(); err != nil {
		t.Fatalf("first send: %v", err)
	}
	var tooMany *bot.TooManyRequestsError
	if err := send(); !errors.As(err, &tooMany) || tooMany.RetryAfter != 1 {
		t.Fatalf("second send in the same second: got %v, want *bot.TooManyRequestsError with RetryAfter 1", err)
	}
	clock.Add(time.Second)
	if err := send(); err != nil {
		t.Fatalf("after retry_after: %v", err)
	}

	if err := s.Block(u.ID); err != nil {
		t.Fatal(err)
	}
	if err := send(); !errors.Is(err, bot.ErrorForbidden) {
		t.Fatalf("blocked: got %v, want bot.ErrorForbidden", err)
	}
	_, err := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: 42, Text: "x"})
	if !errors.Is(err, bot.ErrorBadRequest) || !strings.Contains(err.Error(), "chat not found") {
		t.Fatalf("unknown chat: got %v, want bot.ErrorBadRequest chat not found", err)
	}
	bad, err := bot.New("1:bad", bot.WithServerURL(s.URL()))
	if bad != nil || !errors.Is(err, bot.ErrorUnauthorized) {
		t.Fatalf("bad token: got %v, want bot.ErrorUnauthorized", err)
	}
}

func TestGoTelegramPhoto(t *testing.T) {
	s, clock := newTestServer(t, Options{})
	ctx := testCtx(t)
	b := newClient(t, s)
	u := startedUser(t, s, User{})
	msg, err := b.SendPhoto(ctx, &bot.SendPhotoParams{ChatID: u.ID, Photo: &models.InputFileUpload{Filename: "chart.png", Data: bytes.NewReader(pngBytes(t, 3, 2))}})
	if err != nil {
		t.Fatal(err)
	}
	if len(msg.Photo) != 1 || msg.Photo[0].Width != 3 || msg.Photo[0].Height != 2 {
		t.Fatalf("photo: got %+v, want one 3×2 size", msg.Photo)
	}
	clock.Add(time.Second) // one message a second per chat
	again, err := b.SendPhoto(ctx, &bot.SendPhotoParams{ChatID: u.ID, Photo: &models.InputFileString{Data: msg.Photo[0].FileID}})
	if err != nil || again.Photo[0].FileID != msg.Photo[0].FileID {
		t.Fatalf("resend by file_id: got %v, %v", again, err)
	}
	clock.Add(time.Second)
	_, err = b.SendPhoto(ctx, &bot.SendPhotoParams{ChatID: u.ID, Photo: &models.InputFileUpload{Filename: "x.png", Data: bytes.NewReader(pdfBytes)}})
	if !errors.Is(err, bot.ErrorBadRequest) || !strings.Contains(err.Error(), "IMAGE_PROCESS_FAILED") {
		t.Fatalf("not an image: got %v, want IMAGE_PROCESS_FAILED", err)
	}
}

func pngBytes(t *testing.T, w, h int) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewGray(image.Rect(0, 0, w, h))); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
