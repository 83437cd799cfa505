package telegramtest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"net/http"
	"path"
	"strconv"
	"strings"
)

// MaxGetFileBytes is the largest file getFile hands to a bot, as in
// Telegram's Bot API (20 MB); a larger one is "file is too big".
const MaxGetFileBytes = 20 << 20

// SendDocument sends a file from userID to the bot in their private chat,
// as the attachment menu's «File» does: message.document carries its
// file_id, name, MIME type and size, message.caption the caption. An empty
// mimeType is guessed from the name, then from the bytes.
func (s *Server) SendDocument(userID int64, name, mimeType string, data []byte, caption string) (Message, error) {
	if len(data) == 0 {
		return Message{}, fmt.Errorf("send document: %w", ErrBadFile)
	}
	if mimeType == "" {
		mimeType = mimeOf(upload{name: name, data: data})
	}
	f := &File{Name: name, MimeType: mimeType, Size: len(data), Data: data}
	return s.userFile(userID, &Message{Caption: caption, Document: f})
}

// SendPhoto sends a picture (PNG, JPEG or GIF bytes) from userID to the bot
// in their private chat, as a compressed photo: message.photo lists its size.
func (s *Server) SendPhoto(userID int64, data []byte, caption string) (Message, error) {
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return Message{}, fmt.Errorf("send photo: %w", ErrBadFile)
	}
	f := &File{MimeType: "image/jpeg", Size: len(data), Width: cfg.Width, Height: cfg.Height, Data: data}
	return s.userFile(userID, &Message{Caption: caption, Photo: f})
}

// ErrBadFile: an empty document, or a photo whose bytes are no picture.
var ErrBadFile = errors.New("the file is empty or not a picture")

// userFile registers m's file and posts m as the user's.
func (s *Server) userFile(userID int64, m *Message) (Message, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	u, c, err := s.actorLocked(userID, userID)
	if err != nil {
		return Message{}, fmt.Errorf("send file: %w", err)
	}
	f := m.Document
	if f == nil {
		f = m.Photo
	}
	s.registerFileLocked(f)
	return s.userPostLocked(u, c, m), nil
}

// registerFileLocked gives a new file its file_id and file_unique_id.
func (s *Server) registerFileLocked(f *File) {
	if f.ID != "" {
		return
	}
	s.lastFile++
	f.ID = "file-" + strconv.FormatInt(s.lastFile, 10)
	f.UniqueID = "u" + strconv.FormatInt(s.lastFile, 10)
	s.files[f.ID] = f
}

// apiFile is a File of the Bot API: what getFile returns.
type apiFile struct {
	FileID       string `json:"file_id"`
	FileUniqueID string `json:"file_unique_id"`
	FileSize     int    `json:"file_size,omitempty"`
	FilePath     string `json:"file_path,omitempty"`
}

var (
	errInvalidFileID = badRequest("invalid file_id")
	errFileTooBig    = badRequest("file is too big")
)

// getFile returns a known file with the path its bytes are downloaded from
// (/file/bot<token>/<file_path>); files over MaxGetFileBytes are refused.
func (s *Server) getFile(_ context.Context, p params) (any, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f, ok := s.files[p.str("file_id")]
	switch {
	case !ok:
		return nil, errInvalidFileID
	case f.Size > MaxGetFileBytes:
		return nil, errFileTooBig
	}
	if f.path == "" {
		f.path = filePath(f)
		s.paths[f.path] = f
	}
	return apiFile{FileID: f.ID, FileUniqueID: f.UniqueID, FileSize: f.Size, FilePath: f.path}, nil
}

// filePath is where a file is downloaded from: documents/file_7.pdf,
// photos/file_8.jpg, as Telegram names them.
func filePath(f *File) string {
	n := strings.TrimPrefix(f.ID, "file-")
	if f.Width > 0 {
		return "photos/file_" + n + ".jpg"
	}
	return "documents/file_" + n + strings.ToLower(path.Ext(f.Name))
}

// serveFile serves /file/bot<token>/<file_path>: the bytes of a file whose
// path getFile gave; 401 for a wrong token, 404 for an unknown path.
func (s *Server) serveFile(w http.ResponseWriter, r *http.Request) {
	token, p, _ := strings.Cut(strings.TrimPrefix(r.URL.Path, "/file/bot"), "/")
	if token != s.opt.Token {
		writeResult(w, nil, errUnauthorized)
		return
	}
	s.mu.Lock()
	f, ok := s.paths[p]
	s.mu.Unlock()
	if !ok {
		writeResult(w, nil, errMethodNotFound)
		return
	}
	w.Header().Set("Content-Type", "application/octet-stream")
	w.Header().Set("Content-Length", strconv.Itoa(len(f.Data)))
	_, _ = w.Write(f.Data) // the client may be gone
}
