package telegramtest

import (
	"bytes"
	"context"
	"image"
	_ "image/gif"  // photo formats Telegram accepts
	_ "image/jpeg" // photo formats Telegram accepts
	_ "image/png"  // photo formats Telegram accepts
	"mime"
	"net/http"
	"path"
	"strings"
)

// sendDocument posts a document: an upload, attach://name, or a known file_id.
func (s *Server) sendDocument(_ context.Context, p params) (any, error) {
	return s.sendFile(p, "document", func(m *Message, f *File) error {
		m.Document = f
		return nil
	})
}

// sendPhoto posts a photo; the bytes must decode as PNG, JPEG or GIF.
func (s *Server) sendPhoto(_ context.Context, p params) (any, error) {
	return s.sendFile(p, "photo", func(m *Message, f *File) error {
		cfg, _, err := image.DecodeConfig(bytes.NewReader(f.Data))
		if err != nil {
			return badRequest("IMAGE_PROCESS_FAILED")
		}
		f.Width, f.Height = cfg.Width, cfg.Height
		m.Photo = f
		return nil
	})
}

// sendFile reads the file field, the caption and the markup, and posts.
func (s *Server) sendFile(p params, field string, attach func(*Message, *File) error) (any, error) {
	chatID, err := p.chatID()
	if err != nil {
		return nil, err
	}
	b, err := parseBody(p, captionText)
	if err != nil {
		return nil, err
	}
	mk, err := parseMarkup(p)
	if err != nil {
		return nil, err
	}
	f, err := s.inputFile(p, field)
	if err != nil {
		return nil, err
	}
	m := &Message{Caption: b.text, Source: b.source, ParseMode: b.parseMode, Entities: b.entities}
	applyMarkup(m, mk)
	if err := attach(m, f); err != nil {
		return nil, err
	}
	return s.botPostFile(chatID, m, f)
}

// inputFile is the file of field: uploaded under that name or attach://name,
// or an earlier file's id (URLs cannot be fetched: the emulator is offline).
func (s *Server) inputFile(p params, field string) (*File, error) {
	up, ok := p.files[field]
	if !ok {
		v := p.str(field)
		if v == "" {
			return nil, badRequest("there is no " + field + " in the request")
		}
		if up, ok = p.files[strings.TrimPrefix(v, "attach://")]; !ok {
			return s.knownFile(v)
		}
	}
	if len(up.data) == 0 {
		return nil, badRequest("file must be non-empty")
	}
	return &File{Name: up.name, MimeType: mimeOf(up), Size: len(up.data), Data: up.data}, nil
}

func (s *Server) knownFile(id string) (*File, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f, ok := s.files[id]
	if !ok {
		return nil, badRequest("wrong file identifier/HTTP URL specified")
	}
	c := *f
	return &c, nil
}

func mimeOf(up upload) string {
	if t := mime.TypeByExtension(path.Ext(up.name)); t != "" {
		t, _, _ = strings.Cut(t, ";")
		return t
	}
	t, _, _ := strings.Cut(http.DetectContentType(up.data), ";")
	return t
}

// botPostFile registers a new file under a new id, then posts m.
func (s *Server) botPostFile(chatID int64, m *Message, f *File) (any, error) {
	s.mu.Lock()
	s.registerFileLocked(f)
	s.mu.Unlock()
	return s.botPost(chatID, m)
}

// File is an uploaded file by its file_id.
func (s *Server) File(fileID string) (File, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f, ok := s.files[fileID]
	if !ok {
		return File{}, false
	}
	return *f, true
}
