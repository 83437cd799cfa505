package telegramtest

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
)

// download fetches url; it returns the status and the body.
func download(ctx context.Context, t *testing.T, url string) (int, []byte) {
	t.Helper()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, body
}

// TestGoTelegramUserDocument: a user's document reaches the bot with its
// file_id, name, type, size and caption; getFile gives a path whose bytes
// FileDownloadLink downloads; a wrong token is 401, an unknown path 404.
func TestGoTelegramUserDocument(t *testing.T) {
	s, _ := newTestServer(t, Options{})
	ctx := testCtx(t)
	got := make(chan *models.Update, 2)
	b := newClient(t, s, bot.WithDefaultHandler(func(_ context.Context, _ *bot.Bot, u *models.Update) { got <- u }))
	runBot(t, b)
	u := startedUser(t, s, User{})
	if _, err := s.SendDocument(u.ID, "План собрания.pdf", "", pdfBytes, "Собрание в 18:00"); err != nil {
		t.Fatal(err)
	}
	m := receive(ctx, t, got).Message
	d := m.Document
	if d == nil || d.FileName != "План собрания.pdf" || d.MimeType != "application/pdf" || d.FileSize != int64(len(pdfBytes)) ||
		d.FileID == "" || d.FileUniqueID == "" || m.Caption != "Собрание в 18:00" || m.From.ID != u.ID {
		t.Fatalf("message: %+v, document %+v; want the PDF with its caption", m, d)
	}
	f, err := b.GetFile(ctx, &bot.GetFileParams{FileID: d.FileID})
	if err != nil || f.FileID != d.FileID || f.FileSize != d.FileSize || !strings.HasSuffix(f.FilePath, ".pdf") {
		t.Fatalf("getFile: %+v, %v", f, err)
	}
	if status, body := download(ctx, t, b.FileDownloadLink(f)); status != http.StatusOK || !bytes.Equal(body, pdfBytes) {
		t.Fatalf("download: %d %q, want the PDF", status, body)
	}
	wrong := s.URL() + "/file/bot1:wrong/" + f.FilePath
	if status, _ := download(ctx, t, wrong); status != http.StatusUnauthorized {
		t.Errorf("wrong token: %d, want 401", status)
	}
	unknown := s.URL() + "/file/bot" + s.Token() + "/documents/file_999.pdf"
	if status, _ := download(ctx, t, unknown); status != http.StatusNotFound {
		t.Errorf("unknown path: %d, want 404", status)
	}
}

// TestGoTelegramGetFileRefusals: an unknown file_id and a file over 20 MB
// are refused as Telegram refuses them; a file the bot sent has a file_id
// getFile knows.
func TestGoTelegramGetFileRefusals(t *testing.T) {
	s, _ := newTestServer(t, Options{})
	ctx := testCtx(t)
	b := newClient(t, s)
	u := startedUser(t, s, User{})
	_, err := b.GetFile(ctx, &bot.GetFileParams{FileID: "nope"})
	if !errors.Is(err, bot.ErrorBadRequest) || !strings.Contains(err.Error(), "invalid file_id") {
		t.Errorf("unknown file_id: %v, want Bad Request: invalid file_id", err)
	}
	big, err := s.SendDocument(u.ID, "video.pdf", "application/pdf", make([]byte, MaxGetFileBytes+1), "")
	if err != nil {
		t.Fatal(err)
	}
	_, err = b.GetFile(ctx, &bot.GetFileParams{FileID: big.Document.ID})
	if !errors.Is(err, bot.ErrorBadRequest) || !strings.Contains(err.Error(), "file is too big") {
		t.Errorf("21 MB: %v, want Bad Request: file is too big", err)
	}
	sent, err := b.SendDocument(ctx, &bot.SendDocumentParams{ChatID: u.ID,
		Document: &models.InputFileUpload{Filename: "отчёт.pdf", Data: bytes.NewReader(pdfBytes)}})
	if err != nil {
		t.Fatal(err)
	}
	f, err := b.GetFile(ctx, &bot.GetFileParams{FileID: sent.Document.FileID})
	if err != nil {
		t.Fatalf("getFile of the bot's own document: %v", err)
	}
	if status, body := download(ctx, t, b.FileDownloadLink(f)); status != http.StatusOK || !bytes.Equal(body, pdfBytes) {
		t.Errorf("download of the bot's document: %d %q", status, body)
	}
}

// TestGoTelegramUserPhoto: a user's photo reaches the bot as message.photo
// with its size and caption; a photo that is no picture is refused.
func TestGoTelegramUserPhoto(t *testing.T) {
	s, _ := newTestServer(t, Options{})
	ctx := testCtx(t)
	got := make(chan *models.Update, 2)
	b := newClient(t, s, bot.WithDefaultHandler(func(_ context.Context, _ *bot.Bot, u *models.Update) { got <- u }))
	runBot(t, b)
	u := startedUser(t, s, User{})
	pic := pngBytes(t, 4, 3)
	if _, err := s.SendPhoto(u.ID, pic, "Доска"); err != nil {
		t.Fatal(err)
	}
	m := receive(ctx, t, got).Message
	if len(m.Photo) != 1 || m.Photo[0].Width != 4 || m.Photo[0].Height != 3 || m.Photo[0].FileSize != len(pic) || m.Caption != "Доска" {
		t.Fatalf("photo: %+v, caption %q", m.Photo, m.Caption)
	}
	f, err := b.GetFile(ctx, &bot.GetFileParams{FileID: m.Photo[0].FileID})
	if err != nil {
		t.Fatal(err)
	}
	if status, body := download(ctx, t, b.FileDownloadLink(f)); status != http.StatusOK || !bytes.Equal(body, pic) {
		t.Errorf("download: %d, %d bytes", status, len(body))
	}
	if _, err := s.SendPhoto(u.ID, pdfBytes, ""); !errors.Is(err, ErrBadFile) {
		t.Errorf("a PDF as a photo: %v, want ErrBadFile", err)
	}
}
