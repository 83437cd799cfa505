package sandbox_test

import (
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/schooldiary/diary/internal/demo"
	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/notify"
	"github.com/schooldiary/diary/internal/notify/email"
	"github.com/schooldiary/diary/internal/sandbox/browsertest"
)

// mailReply is GET /sandbox/mail/{id} as the page reads it.
type mailReply struct {
	Enabled   bool     `json:"enabled"`
	Addresses []string `json:"addresses"`
	Mails     []struct {
		To       string    `json:"to"`
		Subject  string    `json:"subject"`
		Received time.Time `json:"received"`
		Text     string    `json:"text"`
		Files    []string  `json:"files"`
	} `json:"mails"`
}

// parentEmail is the demo parent's address in the roster.
func parentEmail(t *testing.T, e *env) string {
	t.Helper()
	gs, err := e.db.GuardiansByPhone(t.Context(), demo.ParentPhone)
	if err != nil || len(gs) == 0 || gs[0].Email == "" {
		t.Fatalf("demo parent: %+v, %v; want one with an email", gs, err)
	}
	return gs[0].Email
}

// sendMail emails m to addr through the catcher, as the sandbox's bot does.
func sendMail(t *testing.T, e *env, addr string, m notify.Message) {
	t.Helper()
	cfg, err := email.ParseConfig(e.mail.URL(), "Школа <noreply@school.example>")
	if err != nil {
		t.Fatal(err)
	}
	if err := email.New(cfg).Send(t.Context(), notify.Address{To: addr, Language: "ru"}, m); err != nil {
		t.Fatal(err)
	}
}

// mailOf reads the persona's inbox over HTTP.
func mailOf(t *testing.T, e *env, id string) mailReply {
	t.Helper()
	var r mailReply
	if status := e.do(t, http.MethodGet, "/sandbox/mail/"+id, &r); status != http.StatusOK {
		t.Fatalf("GET mail %s: status %d", id, status)
	}
	return r
}

// The persona's inbox holds the mail to its roster address and to the
// address its chat chose, newest first; another persona's mail is not there.
func TestMailInbox(t *testing.T) {
	e := newEnv(t)
	c := e.choose(t, "parent")
	roster := parentEmail(t, e)
	sendMail(t, e, roster, notify.Message{Subject: "Первое", Text: "раз", HTML: "раз"})
	must(t, e.db.UpsertChat(t.Context(), diary.Chat{ChatID: c.UserID, TelegramUserID: c.UserID, Language: "ru"}))
	must(t, e.db.SetNotifyChannel(t.Context(), c.UserID, diary.ChannelTelegram, "mama@family.example"))
	sendMail(t, e, "mama@family.example", notify.Message{Subject: "Второе", Text: "два", HTML: "два",
		Files: []notify.File{{Name: "Табель.pdf", MIME: "application/pdf", Data: []byte("%PDF-1.4")}}})
	sendMail(t, e, "someone@else.example", notify.Message{Subject: "Чужое", Text: "три", HTML: "три"})

	r := mailOf(t, e, "parent")
	if !r.Enabled || !slices.Equal(r.Addresses, []string{strings.ToLower(roster), "mama@family.example"}) {
		t.Errorf("enabled %v, addresses %q; want the roster's and the chosen one", r.Enabled, r.Addresses)
	}
	var subjects []string
	for _, m := range r.Mails {
		subjects = append(subjects, m.Subject)
	}
	if !slices.Equal(subjects, []string{"Второе", "Первое"}) {
		t.Errorf("subjects %q; want the parent's two, newest first", subjects)
	}
	if len(r.Mails) == 2 && !slices.Equal(r.Mails[0].Files, []string{"Табель.pdf"}) {
		t.Errorf("files %q; want Табель.pdf", r.Mails[0].Files)
	}
	if got := mailOf(t, e, "teacher"); len(got.Mails) != 0 {
		t.Errorf("the teacher's inbox has %d mails; want none", len(got.Mails))
	}
}

// must fails the test on an error.
func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestMailPanelInBrowser: at a phone's size, a mail to the parent shows in
// her «Почта» panel with its subject, text and file name; markup in the
// mail is text on the page.
func TestMailPanelInBrowser(t *testing.T) {
	ctx := browsertest.New(t)
	e := newEnv(t)
	browsertest.Run(t, ctx, "open the page at a phone's size", chromedp.EmulateViewport(390, 760, chromedp.EmulateMobile),
		chromedp.Navigate(e.srv.URL), chromedp.WaitVisible(chromedp.CSS(`button[data-persona="parent"]`)))
	browsertest.Run(t, ctx, "choose the parent", chromedp.Click(chromedp.CSS(`button[data-persona="parent"]`)),
		chromedp.WaitVisible(chromedp.ID("mail-btn")))
	sendMail(t, e, parentEmail(t, e), notify.Message{Subject: "Код подтверждения почты",
		Text: "Ваш код: 123456 <b>не жирный</b>", HTML: "Ваш код: 123456",
		Files: []notify.File{{Name: "Памятка.pdf", MIME: "application/pdf", Data: []byte("%PDF-1.4")}}})
	browsertest.Run(t, ctx, "open «Почта»", chromedp.Click(chromedp.ID("mail-btn")),
		browsertest.WaitText(".mail .mail-subject", "Код подтверждения почты"),
		browsertest.WaitText(".mail .mail-file", "Памятка.pdf"))
	got := browsertest.Eval[string](t, ctx, `document.querySelector('.mail .mail-text').textContent`)
	if !strings.Contains(got, "<b>не жирный</b>") || browsertest.Eval[bool](t, ctx, `!!document.querySelector('.mail-text b')`) {
		t.Errorf("mail text %q: want the markup shown as text", got)
	}
	browsertest.FitsWidth(t, ctx)
	browsertest.Screenshot(t, ctx, "sandbox-phone-mail.png")
	browsertest.Run(t, ctx, "close it", chromedp.Click(chromedp.ID("mail-close")), chromedp.WaitNotVisible(chromedp.ID("mailbox")))
}
