package email

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-smtp"

	"github.com/schooldiary/diary/internal/notify"
	"github.com/schooldiary/diary/internal/notify/email/catcher"
)

// startCatcher runs an in-process catcher for the test.
func startCatcher(t *testing.T, opts catcher.Options) *catcher.Catcher {
	t.Helper()
	c, err := catcher.Start("127.0.0.1:0", opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Close() })
	return c
}

func TestSendIntoCatcher(t *testing.T) {
	c := startCatcher(t, catcher.Options{})
	ch := New(mustConfig(t, c.URL()))
	if err := ch.Send(context.Background(), sampleTo, sampleMessage()); err != nil {
		t.Fatalf("Send = %v", err)
	}
	box := c.Inbox("MAMA@family.example")
	if len(box) != 1 {
		t.Fatalf("inbox has %d messages, want 1", len(box))
	}
	checkSample(t, box[0])
}

// checkSample checks a caught sample message, part by part.
func checkSample(t *testing.T, m catcher.Mail) {
	t.Helper()
	if m.Subject != sampleSubject {
		t.Errorf("Subject = %q, want %q", m.Subject, sampleSubject)
	}
	if len(m.To) != 1 || m.To[0].Name != sampleTo.Name || m.To[0].Address != sampleTo.To {
		t.Errorf("To = %v, want %q <%s>", m.To, sampleTo.Name, sampleTo.To)
	}
	if m.From.Name != "Школа № 5 г. Тверь" || m.From.Address != "noreply@school.example" {
		t.Errorf("From = %v", m.From)
	}
	checkBodies(t, m.Text, m.HTML)
	checkFiles(t, m.Attachments)
}

// checkBodies checks both alternatives: the text, the links, no callback.
func checkBodies(t *testing.T, text, html string) {
	t.Helper()
	for _, want := range []string{"Средний балл: 4,67 <отлично>", "Открыть дневник: https://diary.example/d?child=7&week=12"} {
		if !strings.Contains(text, want) {
			t.Errorf("text part lacks %q:\n%s", want, text)
		}
	}
	for _, want := range []string{
		"<b>Иванов Пётр</b> получил 5 по математике.<br>", "&lt;отлично&gt;<br>",
		"<pre>строка 1\nстрока 2</pre>\nКонец.", `<a href="https://diary.example/d?child=7&amp;week=12">Открыть дневник</a>`,
		`<html lang="ru">`, `<meta charset="utf-8">`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("HTML part lacks %q:\n%s", want, html)
		}
	}
	if strings.Contains(text+html, "Понятно") || strings.Contains(html, "строка 1<br>") {
		t.Errorf("a callback button or a <br> inside <pre> made it into the mail:\n%s\n%s", text, html)
	}
}

// checkFiles checks the attachments' names, types and bytes.
func checkFiles(t *testing.T, got []catcher.Attachment) {
	t.Helper()
	want := sampleMessage().Files
	if len(got) != len(want) {
		t.Fatalf("%d attachments, want %d", len(got), len(want))
	}
	for i, w := range want {
		if got[i].Name != w.Name || got[i].MIME != w.MIME || !bytes.Equal(got[i].Data, w.Data) || got[i].Size != len(w.Data) {
			t.Errorf("attachment %d = %q %s %d bytes, want %q %s %d bytes (same bytes)",
				i, got[i].Name, got[i].MIME, got[i].Size, w.Name, w.MIME, len(w.Data))
		}
	}
}

func TestSendRefusedRecipient(t *testing.T) {
	tests := []struct {
		name          string
		reply         error
		undeliverable bool
		says          string
	}{
		{"550 no such mailbox", errors.New("no"), true, "550"},
		{"552 over quota", &smtp.SMTPError{Code: 552, Message: "Mailbox full"}, true, "Mailbox full"},
		{"450 try later", &smtp.SMTPError{Code: 450, Message: "Greylisted, try later"}, false, "Greylisted"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := startCatcher(t, catcher.Options{Reject: func(string) error { return tt.reply }})
			err := New(mustConfig(t, c.URL())).Send(context.Background(), sampleTo, sampleMessage())
			if err == nil {
				t.Fatal("Send = nil, want a refusal")
			}
			if got := errors.Is(err, notify.ErrUndeliverable); got != tt.undeliverable {
				t.Errorf("errors.Is(%v, ErrUndeliverable) = %v, want %v", err, got, tt.undeliverable)
			}
			for _, s := range []string{tt.says, "refused the recipient mama@family.example", c.Addr()} {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("error %q does not say %q", err, s)
				}
			}
		})
	}
}

func TestSendNotAnAddress(t *testing.T) {
	c := startCatcher(t, catcher.Options{})
	ch := New(mustConfig(t, c.URL()))
	for _, to := range []string{"", "  ", "мама", "mama@", "@family.example", "mama@family.example, papa@family.example",
		"Мама <mama@family.example>", "mama@family.example\r\nBcc: x@evil.example", "mama family@example"} {
		err := ch.Send(context.Background(), notify.Address{To: to}, sampleMessage())
		if !errors.Is(err, notify.ErrUndeliverable) {
			t.Errorf("Send to %q = %v, want ErrUndeliverable", to, err)
		}
	}
	if got := c.Recipients(); len(got) != 0 {
		t.Errorf("the catcher got mail for %v", got)
	}
}

func TestSendUnreachable(t *testing.T) {
	c := startCatcher(t, catcher.Options{})
	addr := c.Addr()
	_ = c.Close() // the port is closed now: connection refused
	err := New(mustConfig(t, "smtp://"+addr)).Send(context.Background(), sampleTo, sampleMessage())
	if err == nil || errors.Is(err, notify.ErrUndeliverable) {
		t.Fatalf("Send to a closed port = %v, want a transient error", err)
	}
	for _, s := range []string{"cannot connect to the SMTP server " + addr, "connection refused"} {
		if !strings.Contains(err.Error(), s) {
			t.Errorf("error %q does not say %q", err, s)
		}
	}
}

func TestSendSilentServer(t *testing.T) {
	addr, accepted := silentServer(t)
	cfg := mustConfig(t, "smtp://"+addr)
	t.Run("context deadline", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
		defer cancel()
		checkTimedOut(t, New(cfg).Send(ctx, sampleTo, sampleMessage()), accepted, context.DeadlineExceeded, "did not finish in time")
	})
	t.Run("config timeout", func(t *testing.T) {
		cfg.Timeout = 300 * time.Millisecond
		checkTimedOut(t, New(cfg).Send(context.Background(), sampleTo, sampleMessage()), accepted, context.DeadlineExceeded, "did not finish in time")
	})
	t.Run("cancelled", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		errc := make(chan error, 1)
		go func() { errc <- New(cfg).Send(ctx, sampleTo, sampleMessage()) }()
		<-accepted // the send waits for a greeting that never comes
		cancel()
		cancelled := time.Now()
		checkTimedOut(t, <-errc, nil, context.Canceled, "was cancelled")
		if d := time.Since(cancelled); d > 5*time.Second {
			t.Errorf("Send returned %v after its context was cancelled", d)
		}
	})
}

// checkTimedOut checks the error of a send to the silent server.
func checkTimedOut(t *testing.T, err error, accepted <-chan struct{}, cause error, says string) {
	t.Helper()
	if accepted != nil {
		<-accepted
	}
	if !errors.Is(err, cause) || errors.Is(err, notify.ErrUndeliverable) {
		t.Errorf("Send = %v, want a transient error wrapping %v", err, cause)
	}
	if err != nil && !strings.Contains(err.Error(), says) {
		t.Errorf("error %q does not say %q", err, says)
	}
}

func TestSendNoPasswordInClear(t *testing.T) {
	c := startCatcher(t, catcher.Options{}) // offers neither STARTTLS nor AUTH
	err := New(mustConfig(t, "smtp://user:p%40ss@"+c.Addr())).Send(context.Background(), sampleTo, sampleMessage())
	if err == nil || errors.Is(err, notify.ErrUndeliverable) || !strings.Contains(err.Error(), "never sent in clear") {
		t.Errorf("Send with a password to a server without STARTTLS = %v, want a transient refusal to go on", err)
	}
	if got := c.Recipients(); len(got) != 0 {
		t.Errorf("the catcher got mail for %v", got)
	}
}
