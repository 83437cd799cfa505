package catcher

import (
	"context"
	"errors"
	"net/smtp"
	"net/textproto"
	"strings"
	"testing"
	"time"
)

// start runs a catcher for the test.
func start(t *testing.T, opts Options) *Catcher {
	t.Helper()
	c, err := Start("127.0.0.1:0", opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := c.Close(); err != nil {
			t.Errorf("Close = %v", err)
		}
	})
	return c
}

// outlookStyle is a message as another client writes it: RFC 2047 file
// name only, quoted-printable text, base64 HTML, a nested related part.
const outlookStyle = "From: =?utf-8?B?0KjQutC+0LvQsA==?= <school@example.ru>\r\n" +
	"To: =?utf-8?Q?=D0=9C=D0=B0=D0=BC=D0=B0?= <mama@family.example>, papa@family.example\r\n" +
	"Subject: =?utf-8?B?0J7RhtC10L3QutC4?=\r\n" +
	"MIME-Version: 1.0\r\n" +
	"Content-Type: multipart/mixed; boundary=\"OUT\"\r\n\r\n" +
	"--OUT\r\nContent-Type: multipart/related; boundary=\"REL\"\r\n\r\n" +
	"--REL\r\nContent-Type: multipart/alternative; boundary=\"ALT\"\r\n\r\n" +
	"--ALT\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n" +
	"=D0=9F=D1=80=D0=B8=D0=B2=D0=B5=D1=82 =3D =\r\n=D0=BC=D0=B8=D1=80\r\n" +
	"--ALT\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
	"PGI+0J/RgNC40LLQtdGCPC9iPg==\r\n" +
	"--ALT--\r\n--REL--\r\n" +
	"--OUT\r\nContent-Type: application/pdf; name=\"=?utf-8?B?0KLQsNCx0LXQu9GMLnBkZg==?=\"\r\n" +
	"Content-Disposition: attachment; filename=\"=?utf-8?B?0KLQsNCx0LXQu9GMLnBkZg==?=\"\r\n" +
	"Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n--OUT--\r\n"

func TestCatcherKeepsEachRecipientsMail(t *testing.T) {
	at := time.Date(2026, 9, 1, 8, 30, 0, 0, time.UTC)
	c := start(t, Options{Now: func() time.Time { return at }})
	if err := smtp.SendMail(c.Addr(), nil, "bounce@example.ru", []string{"Mama@Family.example", "papa@family.example"}, []byte(outlookStyle)); err != nil {
		t.Fatalf("SendMail = %v", err)
	}
	for _, rcpt := range []string{"mama@family.example", "PAPA@family.example"} {
		box := c.Inbox(rcpt)
		if len(box) != 1 {
			t.Fatalf("Inbox(%q) has %d messages, want 1", rcpt, len(box))
		}
		checkOutlookStyle(t, box[0])
		if !box[0].Received.Equal(at) || box[0].Envelope.From != "bounce@example.ru" || len(box[0].Envelope.To) != 2 {
			t.Errorf("Received %v, Envelope %+v", box[0].Received, box[0].Envelope)
		}
	}
	if got := c.Inbox("nobody@family.example"); len(got) != 0 {
		t.Errorf("an inbox nobody was sent to has %d messages", len(got))
	}
}

// checkOutlookStyle checks the parse of outlookStyle.
func checkOutlookStyle(t *testing.T, m Mail) {
	t.Helper()
	if m.Subject != "Оценки" || m.From.Name != "Школа" || len(m.To) != 2 || m.To[0].Name != "Мама" {
		t.Errorf("Subject %q, From %v, To %v", m.Subject, m.From, m.To)
	}
	if m.Text != "Привет = мир" || m.HTML != "<b>Привет</b>" {
		t.Errorf("Text %q, HTML %q", m.Text, m.HTML)
	}
	want := Attachment{Name: "Табель.pdf", MIME: "application/pdf", Size: 9, Data: []byte("%PDF-1.4\n")}
	if len(m.Attachments) != 1 || m.Attachments[0].Name != want.Name || m.Attachments[0].MIME != want.MIME ||
		m.Attachments[0].Size != want.Size || string(m.Attachments[0].Data) != string(want.Data) {
		t.Errorf("Attachments = %+v, want [%+v]", m.Attachments, want)
	}
}

func TestCatcherRejects(t *testing.T) {
	c := start(t, Options{Reject: func(rcpt string) error {
		if strings.HasSuffix(rcpt, "@nowhere.example") {
			return errors.New("no such mailbox")
		}
		return nil
	}})
	err := smtp.SendMail(c.Addr(), nil, "school@example.ru", []string{"ghost@nowhere.example"}, []byte(outlookStyle))
	var tp *textproto.Error
	if !errors.As(err, &tp) || tp.Code != 550 {
		t.Errorf("SendMail to a rejected recipient = %v, want a 550", err)
	}
	if got := c.Recipients(); len(got) != 0 {
		t.Errorf("Recipients = %v after a rejection", got)
	}
}

func TestCatcherKeepsTheNewest(t *testing.T) {
	c := start(t, Options{})
	cl, err := smtp.Dial(c.Addr())
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close()
	for i := range MaxPerRecipient + 3 {
		sendOne(t, cl, "Subject: n"+strings.Repeat("I", i%5)+"\r\nX-N: "+string(rune('a'+i%26))+"\r\n\r\nbody\r\n")
	}
	box := c.Inbox("kid@family.example")
	if len(box) != MaxPerRecipient {
		t.Fatalf("inbox keeps %d messages, want %d", len(box), MaxPerRecipient)
	}
	if want := "n" + strings.Repeat("I", (MaxPerRecipient+2)%5); box[len(box)-1].Subject != want || box[0].Subject != "n"+strings.Repeat("I", 3%5) {
		t.Errorf("kept %q … %q: not the newest %d", box[0].Subject, box[len(box)-1].Subject, MaxPerRecipient)
	}
}

// sendOne sends one message on an open client.
func sendOne(t *testing.T, cl *smtp.Client, msg string) {
	t.Helper()
	if err := cl.Mail("school@example.ru"); err != nil {
		t.Fatal(err)
	}
	if err := cl.Rcpt("kid@family.example"); err != nil {
		t.Fatal(err)
	}
	w, err := cl.Data()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write([]byte(msg)); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
}

// Wait returns once a message to the recipient arrives, and ends with the
// context when none does.
func TestCatcherWait(t *testing.T) {
	c := start(t, Options{})
	none, cancel := context.WithTimeout(t.Context(), 50*time.Millisecond)
	defer cancel()
	if _, err := c.Wait(none, "kid@family.example", func(b []Mail) bool { return len(b) > 0 }); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Wait on an empty inbox = %v, want the deadline", err)
	}
	got := make(chan []Mail, 1)
	go func() {
		box, _ := c.Wait(t.Context(), "Kid@Family.example", func(b []Mail) bool { return len(b) > 0 })
		got <- box
	}()
	cl, err := smtp.Dial(c.Addr())
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close()
	sendOne(t, cl, "Subject: hi\r\n\r\nhello\r\n")
	if box := <-got; len(box) != 1 || box[0].Subject != "hi" {
		t.Errorf("Wait returned %+v, want the one message", box)
	}
}
