package sandbox_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/schooldiary/diary/internal/sandbox/browsertest"

	"github.com/schooldiary/diary/internal/demo"
	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/sandbox"
)

// TestPageTalksToBot drives the page in headless Chromium against the test
// bot: the page loads, choosing a persona sends /start with a fresh link
// code, the bot's HTML renders with a <script> in a name shown as text, the
// document downloads, the request_contact keyboard shares the phone and the
// question is deleted, the inline button's edit appears, and another
// persona gets a chat of its own with the bot's command menu.
func TestPageTalksToBot(t *testing.T) {
	ctx := browsertest.New(t)
	notFound := browsertest.WatchNotFound(t, ctx)
	e := newEnv(t)
	tb := startTestBot(t, e)

	browsertest.Run(t, ctx, "open the page", chromedp.Navigate(e.srv.URL),
		chromedp.WaitVisible(chromedp.CSS(`button[data-persona="student"]`)))
	if n := browsertest.Eval[int](t, ctx, `document.querySelectorAll('#personas .persona').length`); n != 5 {
		t.Errorf("%d personas on the page; want 5", n)
	}
	browsertest.Run(t, ctx, "choose the student", chromedp.Click(chromedp.CSS(`button[data-persona="student"]`)),
		browsertest.WaitText(".msg.in .text", "Привет"))

	payload := receive(t, tb.payloads)
	if canon, ok := diary.NormalizeCode(payload); !ok || canon != payload {
		t.Fatalf("the page sent /start %q; want a link code", payload)
	}
	browsertest.Run(t, ctx, "the /start message and the link", browsertest.WaitJS(`document.querySelector('.msg.out .text').textContent === '/start'`),
		browsertest.WaitText(".msg.in .text", "Код принят: student"),
		chromedp.WaitVisible(chromedp.CSS(`button[data-persona="student"] .badge`)))
	checkSent(t, e, sandbox.PersonaUserBase+2, "/start "+payload)
	checkEscaped(t, ctx)
	checkDocument(t, ctx)
	browsertest.Screenshot(t, ctx, "sandbox-desktop.png")

	browsertest.Run(t, ctx, "share the phone", chromedp.Click(chromedp.CSS(`#reply-kb button.request-contact`)),
		browsertest.WaitText(".msg.in .text", "получен"), browsertest.WaitNoText(".msg.in .text", "Поделитесь номером"),
		chromedp.WaitNotVisible(chromedp.ID("reply-kb")))
	browsertest.Run(t, ctx, "press «Оценки»", chromedp.Click(browsertest.Button("Оценки")),
		browsertest.WaitText(".msg.in .text", "Математика: 5"), browsertest.WaitText("#toast", "Оценки открыты"),
		browsertest.WaitNoText(".msg.in .text", "Привет"))
	if got := browsertest.Eval[string](t, ctx, `document.querySelector('.msg.in .text b').textContent + '|' + document.querySelector('.msg.in .meta').textContent`); !strings.HasPrefix(got, "5|") || !strings.Contains(got, "изменено") {
		t.Errorf("edited message: bold and meta %q; want «5» and «изменено»", got)
	}
	switchToParent(t, ctx, e, tb)
	browsertest.Run(t, ctx, "phone width", chromedp.EmulateViewport(390, 760, chromedp.EmulateMobile))
	browsertest.Screenshot(t, ctx, "sandbox-phone.png")
	checkReplyInView(t, ctx)
	checkNewMessageBadge(t, ctx, e)
	if got := notFound(); len(got) > 0 {
		t.Errorf("the page met 404s: %v", got)
	}
}

// inView is JavaScript telling whether the last bot message containing
// text shows in the chat's visible part.
func inView(text string) string {
	return fmt.Sprintf(`(() => {
		const box = document.getElementById('messages').getBoundingClientRect();
		const msgs = Array.from(document.querySelectorAll('.msg.in')).filter((m) => m.textContent.includes(%s));
		if (!msgs.length) return false;
		const r = msgs[msgs.length - 1].getBoundingClientRect();
		return r.top < box.bottom && r.bottom > box.top;
	})()`, browsertest.JS(text))
}

// checkReplyInView scrolls up, presses «Подробнее» on the parent's first
// greeting, and the bot's new message at the end comes into view.
func checkReplyInView(t *testing.T, ctx context.Context) {
	t.Helper()
	browsertest.Run(t, ctx, "scroll up and press an old button",
		chromedp.Evaluate[chromedp.Void](`void document.getElementById('messages').scrollTo(0, 0)`),
		chromedp.Click(chromedp.Search(`(//main//button[normalize-space()="Подробнее"])[1]`)),
		browsertest.WaitText(".msg.in .text", "Подробности по математике"),
		browsertest.WaitJS(inView("Подробности по математике")))
	browsertest.Screenshot(t, ctx, "sandbox-phone-reply.png")
}

// checkNewMessageBadge: a message arriving while the chat is scrolled up
// shows «Новое сообщение ↓», which scrolls to it.
func checkNewMessageBadge(t *testing.T, ctx context.Context, e *env) {
	t.Helper()
	browsertest.Run(t, ctx, "scroll up", chromedp.Evaluate[chromedp.Void](`void document.getElementById('messages').scrollTo(0, 0)`),
		browsertest.WaitJS(`document.getElementById('messages').scrollTop === 0`))
	botSend(t, e, sandbox.PersonaUserBase+1, "Новая оценка: Алгебра 5")
	browsertest.Run(t, ctx, "the badge", browsertest.WaitText(".msg.in .text", "Новая оценка"),
		chromedp.WaitVisible(chromedp.ID("new-badge")))
	if browsertest.Eval[bool](t, ctx, inView("Новая оценка")) {
		t.Errorf("the new message scrolled into view by itself; want the badge")
	}
	browsertest.Screenshot(t, ctx, "sandbox-phone-badge.png")
	browsertest.Run(t, ctx, "follow the badge", chromedp.Click(chromedp.ID("new-badge")),
		browsertest.WaitJS(inView("Новая оценка")), chromedp.WaitNotVisible(chromedp.ID("new-badge")))
}

// botSend sends text to chatID as the bot, through the Bot API.
func botSend(t *testing.T, e *env, chatID int64, text string) {
	t.Helper()
	form := url.Values{"chat_id": {fmt.Sprint(chatID)}, "text": {text}}
	resp, err := http.PostForm(e.srv.URL+"/bot"+e.tg.Token()+"/sendMessage", form)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("sendMessage: %s", resp.Status)
	}
}

// switchToParent chooses the parent: her own chat opens, the page sends a
// code for each of her two children, and «Поделиться номером» shares her
// phone from the roster.
func switchToParent(t *testing.T, ctx context.Context, e *env, tb *testBot) {
	t.Helper()
	browsertest.Run(t, ctx, "choose the parent", chromedp.Click(chromedp.CSS(`button[data-persona="parent"]`)),
		browsertest.WaitText(".msg.in .text", "Код принят: guardian"), browsertest.WaitNoText(".msg.in .text", "Математика"))
	for range 2 { // a code for each of her two children
		payload := receive(t, tb.payloads)
		checkSent(t, e, sandbox.PersonaUserBase+1, "/start "+payload)
	}
	browsertest.Run(t, ctx, "share the parent's phone", chromedp.WaitVisible(chromedp.CSS(`#reply-kb button.request-contact`)),
		chromedp.Click(browsertest.Button("Поделиться номером")),
		browsertest.WaitText(".msg.out .contact", demo.ParentPhone), browsertest.WaitText(".msg.in .text", "Номер "+demo.ParentPhone+" получен"))
	browsertest.Run(t, ctx, "the command menu", chromedp.Click(chromedp.ID("menu-btn")), chromedp.Click(chromedp.CSS(`#menu button`)),
		browsertest.WaitText(".msg.out .text", "/help"), chromedp.WaitNotVisible(chromedp.ID("menu")))
}

// checkSent checks that the user's private chat holds a message text from them.
func checkSent(t *testing.T, e *env, user int64, text string) {
	t.Helper()
	for _, m := range e.tg.Messages(user) {
		if !m.FromBot && m.FromID == user && m.Text == text {
			return
		}
	}
	t.Errorf("user %d did not send %q", user, text)
}

// checkEscaped checks that the name's <script> is text on the page and never ran.
func checkEscaped(t *testing.T, ctx context.Context) {
	t.Helper()
	got := browsertest.Eval[string](t, ctx, `document.querySelector('.msg.in .text b').textContent`)
	if got != evilName {
		t.Errorf("bold name = %q; want the text %q", got, evilName)
	}
	if ran := browsertest.Eval[bool](t, ctx, `window.__pwned !== undefined || !!document.querySelector('#messages script')`); ran {
		t.Errorf("the <script> in the name became a script")
	}
}

// checkDocument checks the document is a download link serving its bytes.
func checkDocument(t *testing.T, ctx context.Context) {
	t.Helper()
	browsertest.Run(t, ctx, "the document", chromedp.WaitVisible(chromedp.CSS(`a.file[download="grades.csv"]`)))
	got := browsertest.Eval[string](t, ctx, `fetch(document.querySelector('a.file').href).then((r) => r.text())`, chromedp.EvalAwaitPromise)
	if got != reportCSV {
		t.Errorf("downloaded %q; want %q", got, reportCSV)
	}
}

// receive returns the next value of ch, failing after browsertest.WaitFor.
func receive(t *testing.T, ch <-chan string) string {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(browsertest.WaitFor):
		t.Fatalf("nothing received in %v", browsertest.WaitFor)
		return ""
	}
}
