package mailpit

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/mail"
	"net/url"
	"testing"
)

// Summary is a message in the list.
type Summary struct {
	ID      string
	From    *mail.Address
	To      []*mail.Address
	Subject string
}

// Message is one message as mailpit parsed it.
type Message struct {
	ID          string
	From        *mail.Address
	To          []*mail.Address
	Subject     string
	Username    string // the login the message was sent with
	Text        string
	HTML        string
	Attachments []Attachment
}

// Attachment is one attached file of a Message.
type Attachment struct {
	PartID      string
	FileName    string
	ContentType string
	Size        uint64
}

// Messages lists the messages, newest first.
func (s *Server) Messages(t testing.TB) []Summary {
	t.Helper()
	var list struct{ Messages []Summary }
	s.getJSON(t, "/api/v1/messages", &list)
	return list.Messages
}

// Message returns one message, parsed.
func (s *Server) Message(t testing.TB, id string) Message {
	t.Helper()
	var m Message
	s.getJSON(t, "/api/v1/message/"+url.PathEscape(id), &m)
	return m
}

// Raw returns the message's source as it came.
func (s *Server) Raw(t testing.TB, id string) []byte {
	t.Helper()
	return s.get(t, "/api/v1/message/"+url.PathEscape(id)+"/raw")
}

// Part returns the bytes of an attachment.
func (s *Server) Part(t testing.TB, id, partID string) []byte {
	t.Helper()
	return s.get(t, "/api/v1/message/"+url.PathEscape(id)+"/part/"+url.PathEscape(partID))
}

// getJSON decodes the API's answer to path into v.
func (s *Server) getJSON(t testing.TB, path string, v any) {
	t.Helper()
	if err := json.Unmarshal(s.get(t, path), v); err != nil {
		t.Fatalf("mailpit GET %s: %v", path, err)
	}
}

// get returns the body of the API's 200 answer to path.
func (s *Server) get(t testing.TB, path string) []byte {
	t.Helper()
	resp, err := http.Get(s.APIURL + path)
	if err != nil {
		t.Fatalf("mailpit GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err == nil && resp.StatusCode != http.StatusOK {
		err = fmt.Errorf("status %d: %s", resp.StatusCode, body)
	}
	if err != nil {
		t.Fatalf("mailpit GET %s: %v", path, err)
	}
	return body
}
