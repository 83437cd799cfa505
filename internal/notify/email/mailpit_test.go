package email

import (
	"bytes"
	"context"
	"errors"
	"net/url"
	"strings"
	"testing"

	"github.com/schooldiary/diary/internal/notify"
	"github.com/schooldiary/diary/internal/testenv/mailpit"
)

// A login with characters that must be percent-encoded in SMTP_URL.
const (
	mailUser     = "school5@tver.example"
	mailPassword = "пароль_p@ss/w%rd?1&x=y" // no : # or space: mailpit's password file splits there
)

// smtpURL is the SMTP_URL of a server with the login, properly escaped.
func smtpURL(scheme, addr, user, password, query string) string {
	u := url.URL{Scheme: scheme, Host: addr, RawQuery: query}
	if user != "" {
		u.User = url.UserPassword(user, password)
	}
	return u.String()
}

func TestMailpitDelivers(t *testing.T) {
	tests := []struct {
		name   string
		tls    mailpit.TLS
		scheme string
		query  string
		verify bool // trust the server's certificate through RootCAs
	}{
		{"STARTTLS, certificate verified", mailpit.StartTLS, "smtp", "", true},
		{"smtps, certificate verified", mailpit.ImplicitTLS, "smtps", "", true},
		{"smtps, insecure=1", mailpit.ImplicitTLS, "smtps", "insecure=1", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := mailpit.Start(t, mailpit.Options{TLS: tt.tls, Users: map[string]string{mailUser: mailPassword}})
			cfg := mustConfig(t, smtpURL(tt.scheme, srv.SMTPAddr, mailUser, mailPassword, tt.query))
			if tt.verify {
				cfg.RootCAs = srv.RootCAs
			}
			if err := New(cfg).Send(context.Background(), sampleTo, sampleMessage()); err != nil {
				t.Fatalf("Send = %v\nmailpit log:\n%s", err, srv.Log())
			}
			checkMailpit(t, srv, mailUser)
		})
	}
}

func TestMailpitWithoutLogin(t *testing.T) {
	srv := mailpit.Start(t, mailpit.Options{})
	if err := New(mustConfig(t, "smtp://"+srv.SMTPAddr)).Send(context.Background(), sampleTo, sampleMessage()); err != nil {
		t.Fatalf("Send = %v", err)
	}
	checkMailpit(t, srv, "")
}

// checkMailpit reads the one message back through mailpit's API and checks
// it as mailpit decoded it: subject, names, both alternatives, the files'
// names and bytes, and the login used.
func checkMailpit(t *testing.T, srv *mailpit.Server, user string) {
	t.Helper()
	list := srv.Messages(t)
	if len(list) != 1 {
		t.Fatalf("mailpit has %d messages, want 1", len(list))
	}
	m := srv.Message(t, list[0].ID)
	if m.Subject != sampleSubject {
		t.Errorf("Subject = %q, want %q", m.Subject, sampleSubject)
	}
	if len(m.To) != 1 || m.To[0].Name != sampleTo.Name || m.To[0].Address != sampleTo.To {
		t.Errorf("To = %+v, want %q <%s>", m.To, sampleTo.Name, sampleTo.To)
	}
	if m.From == nil || m.From.Name != "Школа № 5 г. Тверь" {
		t.Errorf("From = %+v", m.From)
	}
	if m.Username != user {
		t.Errorf("logged in as %q, want %q", m.Username, user)
	}
	crlf := strings.NewReplacer("\r\n", "\n")
	checkBodies(t, crlf.Replace(m.Text), crlf.Replace(m.HTML))
	checkMailpitFiles(t, srv, m)
	raw := srv.Raw(t, m.ID)
	if !bytes.Contains(raw, []byte("multipart/alternative")) || !bytes.Contains(raw, []byte("filename*0*=UTF-8''")) {
		t.Errorf("the source lacks the alternative or the RFC 2231 name:\n%.2000s", raw)
	}
}

// checkMailpitFiles checks the attachments' names and bytes as mailpit sees them.
func checkMailpitFiles(t *testing.T, srv *mailpit.Server, m mailpit.Message) {
	t.Helper()
	want := sampleMessage().Files
	if len(m.Attachments) != len(want) {
		t.Fatalf("%d attachments, want %d", len(m.Attachments), len(want))
	}
	for i, w := range want {
		a := m.Attachments[i]
		if a.FileName != w.Name || a.ContentType != w.MIME {
			t.Errorf("attachment %d = %q %s, want %q %s", i, a.FileName, a.ContentType, w.Name, w.MIME)
		}
		if got := srv.Part(t, m.ID, a.PartID); !bytes.Equal(got, w.Data) {
			t.Errorf("attachment %q: %d bytes differ from the %d sent", w.Name, len(got), len(w.Data))
		}
	}
}

func TestMailpitRefuses(t *testing.T) {
	srv := mailpit.Start(t, mailpit.Options{TLS: mailpit.StartTLS, Users: map[string]string{mailUser: mailPassword},
		AllowedRecipients: `@family\.example$`})
	good := mustConfig(t, smtpURL("smtp", srv.SMTPAddr, mailUser, mailPassword, ""))
	good.RootCAs = srv.RootCAs
	wrongPassword := good
	wrongPassword.Password = "wrong"
	tests := []struct {
		name          string
		cfg           Config
		to            string
		undeliverable bool
		says          []string
	}{
		{"unknown recipient", good, "stranger@elsewhere.example", true, []string{"refused the recipient stranger@elsewhere.example", "550"}},
		{"wrong password", wrongPassword, sampleTo.To, false, []string{"refused the login of " + mailUser, "check the user and password"}},
		{"untrusted certificate", mustConfig(t, smtpURL("smtp", srv.SMTPAddr, mailUser, mailPassword, "")), sampleTo.To, false,
			[]string{"STARTTLS failed", "certificate"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := New(tt.cfg).Send(context.Background(), notify.Address{To: tt.to}, sampleMessage())
			if err == nil || errors.Is(err, notify.ErrUndeliverable) != tt.undeliverable {
				t.Fatalf("Send = %v, want an error with undeliverable %v", err, tt.undeliverable)
			}
			for _, s := range tt.says {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("error %q does not say %q", err, s)
				}
			}
			if strings.Contains(err.Error(), "p@ss") {
				t.Errorf("error shows the password: %q", err)
			}
		})
	}
	if n := len(srv.Messages(t)); n != 0 {
		t.Errorf("mailpit has %d messages, want none", n)
	}
}
