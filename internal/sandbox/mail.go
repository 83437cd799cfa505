package sandbox

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/notify/email/catcher"
)

// Inboxes is the sandbox's SMTP catcher as the page reads it.
type Inboxes interface {
	// Inbox returns the messages to rcpt, oldest first.
	Inbox(rcpt string) []catcher.Mail
}

// mailReply is the body of GET /sandbox/mail/{id}: the persona's addresses
// and the mail to them, newest first.
type mailReply struct {
	Enabled   bool       `json:"enabled"`
	Addresses []string   `json:"addresses"`
	Mails     []mailItem `json:"mails"`
}

// mailItem is one mail as the panel shows it: plain text only, the page
// puts it in as text (never as HTML).
type mailItem struct {
	To       string    `json:"to"`
	From     string    `json:"from"`
	Subject  string    `json:"subject"`
	Received time.Time `json:"received"`
	Text     string    `json:"text"`
	Files    []string  `json:"files"`
}

// mail answers the persona's inbox.
func (s *server) mail(w http.ResponseWriter, r *http.Request) {
	if s.cfg.Mail == nil {
		writeJSON(w, http.StatusOK, mailReply{Addresses: []string{}, Mails: []mailItem{}})
		return
	}
	addrs, err := s.addresses(r.Context(), r.PathValue("id"))
	if err != nil {
		s.fail(w, "mail", err)
		return
	}
	writeJSON(w, http.StatusOK, mailReply{Enabled: true, Addresses: addrs, Mails: s.inbox(addrs)})
}

// addresses are the persona's roster address and the one its chat chose
// for notices, without repeats.
func (s *server) addresses(ctx context.Context, id string) ([]string, error) {
	school, err := s.cfg.Store.SchoolByCode(ctx, s.cfg.SchoolCode)
	if err != nil {
		return nil, fmt.Errorf("school %s: %w", s.cfg.SchoolCode, err)
	}
	p, rec, err := s.persona(ctx, id, school)
	if err != nil {
		return nil, err
	}
	addrs := []string{}
	if rec.email != "" {
		addrs = append(addrs, strings.ToLower(rec.email))
	}
	c, err := s.cfg.Store.NotifyChoices(ctx, p.UserID)
	if err != nil && !errors.Is(err, diary.ErrNotFound) {
		return nil, fmt.Errorf("persona mail: %w", err)
	}
	if e := strings.ToLower(c.Email); e != "" && !slices.Contains(addrs, e) {
		addrs = append(addrs, e)
	}
	return addrs, nil
}

// inbox is the mail to addrs, newest first.
func (s *server) inbox(addrs []string) []mailItem {
	items := []mailItem{}
	for _, a := range addrs {
		for _, m := range s.cfg.Mail.Inbox(a) {
			items = append(items, itemOf(a, m))
		}
	}
	slices.SortStableFunc(items, func(a, b mailItem) int { return b.Received.Compare(a.Received) })
	return items
}

// itemOf is m, received at address to, as the panel shows it.
func itemOf(to string, m catcher.Mail) mailItem {
	it := mailItem{To: to, From: m.From.Address, Subject: m.Subject, Received: m.Received, Text: m.Text, Files: []string{}}
	if m.From.Name != "" {
		it.From = m.From.Name + " <" + m.From.Address + ">"
	}
	for _, f := range m.Attachments {
		it.Files = append(it.Files, f.Name)
	}
	return it
}
