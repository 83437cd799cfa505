package bot

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"
	"unicode/utf8"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"github.com/schooldiary/diary/internal/announce"
	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/i18n"
)

// fileTimeout bounds the fetch of an announcement's file from Telegram
// (getFile and the download), within the update's own time.
const fileTimeout = 20 * time.Second

// Why a file could not be fetched.
var (
	errFileLarge = errors.New("announce: the file is too large")
	errFileFetch = errors.New("announce: the file could not be fetched")
)

// pendingFile is the file of a pending announcement: its Telegram file_id
// (its bytes are fetched again at «Отправить», so that the session stays
// small), name, type and size.
type pendingFile struct {
	ID   string `json:"id"`
	Name string `json:"n"`
	MIME string `json:"m"`
	Size int    `json:"s"`
}

// onDocument handles a document: the file of the chat's pending
// announcement, or, with nothing pending, a polite hint.
func (b *B) onDocument(ctx context.Context, r *req, m *models.Message) error {
	if done, err := b.announceFile(ctx, r, m.Document, m.Caption); done {
		return err
	}
	return b.send(ctx, r.chatID, i18n.T(r.lang, i18n.AnnounceFileIgnored), nil)
}

// announceFile attaches a document to the chat's pending announcement once
// it passes announce's checks (its caption, if any, is the text) and shows
// the preview, or asks for the text; a refused file keeps the draft. It
// reports false when nothing was pending.
func (b *B) announceFile(ctx context.Context, r *req, doc *models.Document, caption string) (bool, error) {
	p, ok, err := b.pendingOf(ctx, r)
	if err != nil || !ok {
		return err != nil, err
	}
	f, data, refusal := b.checkedFile(ctx, r, doc)
	if refusal != "" {
		return true, b.send(ctx, r.chatID, refusal, nil)
	}
	b.log.Debug("announcement file attached", "staff_id", p.Staff, "bytes", len(data))
	p.File = &f
	if caption == "" && p.Text == "" {
		return true, b.askAnnounceText(ctx, r, p)
	}
	if caption != "" {
		return true, b.announceText(ctx, r, p, caption)
	}
	return true, b.previewPending(ctx, r, p)
}

// askAnnounceText keeps the draft with its file and asks for its text.
func (b *B) askAnnounceText(ctx context.Context, r *req, p pendingAnnounce) error {
	if err := b.keepAnnounce(ctx, r, p); err != nil {
		return err
	}
	return b.send(ctx, r.chatID, i18n.T(r.lang, i18n.AnnounceFileAttached,
		"name", p.File.Name, "size", sizeText(r.lang, p.File.Size)), nil)
}

// checkedFile fetches doc and checks it by announce's rules: the size
// Telegram declares before anything is downloaded, then the type by the
// name's extension and by the content, then the size read. A refusal is
// the Russian (or English) sentence to send; "" when the file is fine.
func (b *B) checkedFile(ctx context.Context, r *req, doc *models.Document) (pendingFile, []byte, string) {
	name := doc.FileName
	if name == "" || !utf8.ValidString(name) {
		name = "file"
	}
	if doc.FileSize > announce.MaxFile {
		return pendingFile{}, nil, b.fileLarge(r, int(doc.FileSize))
	}
	if _, ok := announce.FileMIME(name); !ok {
		return pendingFile{}, nil, i18n.T(r.lang, i18n.AnnounceFileType, "name", name)
	}
	data, err := b.fetchFile(ctx, doc.FileID)
	switch {
	case errors.Is(err, errFileLarge):
		return pendingFile{}, nil, b.fileLarge(r, announce.MaxFile+1)
	case err != nil:
		b.log.Warn("announcement file not fetched", "err", b.redact(err))
		return pendingFile{}, nil, i18n.T(r.lang, i18n.AnnounceFileFailed)
	}
	mime, ok := announce.FileKind(name, data)
	if !ok {
		return pendingFile{}, nil, i18n.T(r.lang, i18n.AnnounceFileType, "name", name)
	}
	return pendingFile{ID: doc.FileID, Name: name, MIME: mime, Size: len(data)}, data, ""
}

// fileLarge is the refusal of a file of size bytes.
func (b *B) fileLarge(r *req, size int) string {
	return i18n.T(r.lang, i18n.AnnounceFileLarge, "size", sizeText(r.lang, size), "max", announce.MaxFile>>20)
}

// fetchFile downloads a Telegram file of at most announce.MaxFile bytes:
// getFile (refused over the limit by its declared size), then its bytes,
// within fileTimeout. Errors never carry the download link (it holds the
// token).
func (b *B) fetchFile(ctx context.Context, fileID string) ([]byte, error) {
	c := b.client.Load()
	if c == nil {
		return nil, errNoClient
	}
	ctx, cancel := context.WithTimeout(ctx, fileTimeout)
	defer cancel()
	f, err := c.GetFile(ctx, &tgbot.GetFileParams{FileID: fileID})
	switch {
	case err != nil && errors.Is(err, tgbot.ErrorBadRequest):
		return nil, fmt.Errorf("%w: %w", errFileFetch, err)
	case err != nil:
		return nil, fmt.Errorf("get file: %w", err)
	case f.FileSize > announce.MaxFile:
		return nil, errFileLarge
	}
	return download(ctx, c.FileDownloadLink(f))
}

// download reads at most announce.MaxFile bytes from link.
func download(ctx context.Context, link string) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, link, nil)
	if err != nil {
		return nil, errFileFetch
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", errFileFetch, errors.Unwrap(err)) // *url.Error names the link
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%w: status %d", errFileFetch, resp.StatusCode)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, announce.MaxFile+1))
	switch {
	case err != nil:
		return nil, fmt.Errorf("%w: %w", errFileFetch, err)
	case len(data) > announce.MaxFile:
		return nil, errFileLarge
	}
	return data, nil
}

// attachment fetches the pending announcement's file again for sending and
// checks it as when it was attached; none when it has no file.
func (b *B) attachment(ctx context.Context, p pendingAnnounce) (diary.NoticeFile, error) {
	if p.File == nil {
		return diary.NoticeFile{}, nil
	}
	data, err := b.fetchFile(ctx, p.File.ID)
	if err != nil {
		return diary.NoticeFile{}, err
	}
	mime, ok := announce.FileKind(p.File.Name, data)
	if !ok || mime != p.File.MIME {
		return diary.NoticeFile{}, errFileFetch
	}
	return diary.NoticeFile{Name: p.File.Name, MIME: mime, Data: data}, nil
}

// fileLine is the preview's line naming the pending file; "" without one.
func fileLine(lang i18n.Lang, f *pendingFile) string {
	if f == nil {
		return ""
	}
	return "\n\n" + i18n.T(lang, i18n.AnnounceFileAdded, "name", f.Name, "size", sizeText(lang, f.Size))
}

// sizeText writes a file's size: «340 КБ» below a megabyte, «1,5 МБ» above.
func sizeText(lang i18n.Lang, n int) string {
	if n < 1<<20 {
		return i18n.T(lang, i18n.AnnounceSizeKB, "n", strconv.Itoa((n+1023)>>10))
	}
	tenths := (int64(n)*10 + 1<<19) >> 20
	return i18n.T(lang, i18n.AnnounceSizeMB, "n", i18n.Decimal(lang, i18n.Hundredths(tenths*10)))
}
