package sandbox_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/schooldiary/diary/internal/demo"
	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/sandbox"
)

// chromiumPath is Debian's chromium package; the tests never download a browser.
const chromiumPath = "/usr/bin/chromium"

// waitFor bounds every wait on the page.
const waitFor = 15 * time.Second

// newBrowser starts headless Chromium with a fresh profile and returns a tab;
// the test is skipped when Chromium is not installed.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	if _, err := os.Stat(chromiumPath); err != nil {
		t.Skipf("headless Chromium is not installed at %s (Debian: apt-get install chromium): %v", chromiumPath, err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	actx, acancel := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(chromiumPath),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
		chromedp.WindowSize(1100, 720),
	)
	t.Cleanup(acancel)
	bctx, bcancel := chromedp.NewContext(actx)
	t.Cleanup(bcancel)
	if err := chromedp.Do(bctx); err != nil { // starts the browser, without a step timeout
		t.Fatalf("start Chromium: %v", err)
	}
	return bctx
}

// run runs page actions and fails the test at the first error.
func run(t *testing.T, ctx context.Context, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	sctx, cancel := context.WithTimeout(ctx, 2*waitFor)
	defer cancel()
	if err := chromedp.Do(sctx, steps...); err != nil {
		msgs, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById('messages').innerText`))
		t.Fatalf("%s: %v\nthe chat shows:\n%s", what, err, msgs)
	}
}

// eval evaluates a JavaScript expression on the page.
func eval[T any](t *testing.T, ctx context.Context, expr string, opts ...chromedp.EvaluateOption) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, opts...))
	if err != nil {
		t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// js quotes s as a JavaScript string literal.
func js(s string) string {
	b, _ := json.Marshal(s) // a string always marshals
	return string(b)
}

// waitText waits until an element matching sel contains text.
func waitText(sel, text string) chromedp.Action[chromedp.Void] {
	return waitJS(fmt.Sprintf(`Array.from(document.querySelectorAll(%s)).some((e) => e.textContent.includes(%s))`, js(sel), js(text)))
}

// waitNoText waits until no element matching sel contains text.
func waitNoText(sel, text string) chromedp.Action[chromedp.Void] {
	return waitJS(fmt.Sprintf(`!Array.from(document.querySelectorAll(%s)).some((e) => e.textContent.includes(%s))`, js(sel), js(text)))
}

// waitJS waits until a JavaScript expression is truthy.
func waitJS(expr string) chromedp.Action[chromedp.Void] {
	return chromedp.Poll[chromedp.Void](expr, chromedp.WithPollingTimeout(waitFor))
}

// button is the chat's latest button (inline, reply keyboard or command
// menu) labelled text.
func button(text string) chromedp.Search {
	return chromedp.Search(fmt.Sprintf(`(//main//button[normalize-space()=%s])[last()]`, js(text)))
}

// screenshot saves the whole page as a PNG in SANDBOX_SCREENSHOTS (or the
// test's temporary directory) and returns its path.
func screenshot(t *testing.T, ctx context.Context, name string) string {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	dir := os.Getenv("SANDBOX_SCREENSHOTS")
	if dir == "" {
		dir = t.TempDir()
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, png, 0o600); err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	t.Logf("screenshot: %s", path)
	return path
}

// TestPageTalksToBot drives the page in headless Chromium against the test
// bot: the page loads, choosing a persona sends /start with a fresh link
// code, the bot's HTML renders with a <script> in a name shown as text, the
// document downloads, the request_contact keyboard shares the phone and the
// question is deleted, the inline button's edit appears, and another
// persona gets a chat of its own with the bot's command menu.
func TestPageTalksToBot(t *testing.T) {
	ctx := newBrowser(t)
	e := newEnv(t)
	tb := startTestBot(t, e)

	run(t, ctx, "open the page", chromedp.Navigate(e.srv.URL),
		chromedp.WaitVisible(chromedp.CSS(`button[data-persona="student"]`)))
	if n := eval[int](t, ctx, `document.querySelectorAll('#personas .persona').length`); n != 5 {
		t.Errorf("%d personas on the page; want 5", n)
	}
	run(t, ctx, "choose the student", chromedp.Click(chromedp.CSS(`button[data-persona="student"]`)),
		waitText(".msg.in .text", "Привет"))

	payload := receive(t, tb.payloads)
	if canon, ok := diary.NormalizeCode(payload); !ok || canon != payload {
		t.Fatalf("the page sent /start %q; want a link code", payload)
	}
	run(t, ctx, "the /start message and the link", waitJS(`document.querySelector('.msg.out .text').textContent === '/start'`),
		waitText(".msg.in .text", "Код принят: student"),
		chromedp.WaitVisible(chromedp.CSS(`button[data-persona="student"] .badge`)))
	checkSent(t, e, sandbox.PersonaUserBase+2, "/start "+payload)
	checkEscaped(t, ctx)
	checkDocument(t, ctx)
	screenshot(t, ctx, "sandbox-desktop.png")

	run(t, ctx, "share the phone", chromedp.Click(chromedp.CSS(`#reply-kb button.request-contact`)),
		waitText(".msg.in .text", "получен"), waitNoText(".msg.in .text", "Поделитесь номером"),
		chromedp.WaitNotVisible(chromedp.ID("reply-kb")))
	run(t, ctx, "press «Оценки»", chromedp.Click(button("Оценки")),
		waitText(".msg.in .text", "Математика: 5"), waitText("#toast", "Оценки открыты"),
		waitNoText(".msg.in .text", "Привет"))
	if got := eval[string](t, ctx, `document.querySelector('.msg.in .text b').textContent + '|' + document.querySelector('.msg.in .meta').textContent`); !strings.HasPrefix(got, "5|") || !strings.Contains(got, "изменено") {
		t.Errorf("edited message: bold and meta %q; want «5» and «изменено»", got)
	}
	switchToParent(t, ctx, e, tb)
	run(t, ctx, "phone width", chromedp.EmulateViewport(390, 760, chromedp.EmulateMobile))
	screenshot(t, ctx, "sandbox-phone.png")
}

// switchToParent chooses the parent: her own chat opens, her first child is
// linked, and «Поделиться номером» shares her phone from the roster.
func switchToParent(t *testing.T, ctx context.Context, e *env, tb *testBot) {
	t.Helper()
	run(t, ctx, "choose the parent", chromedp.Click(chromedp.CSS(`button[data-persona="parent"]`)),
		waitText(".msg.in .text", "Код принят: guardian"), waitNoText(".msg.in .text", "Математика"))
	payload := receive(t, tb.payloads)
	checkSent(t, e, sandbox.PersonaUserBase+1, "/start "+payload)
	run(t, ctx, "share the parent's phone", chromedp.WaitVisible(chromedp.CSS(`#reply-kb button.request-contact`)),
		chromedp.Click(button("Поделиться номером")),
		waitText(".msg.out .contact", demo.ParentPhone), waitText(".msg.in .text", "Номер "+demo.ParentPhone+" получен"))
	run(t, ctx, "the command menu", chromedp.Click(chromedp.ID("menu-btn")), chromedp.Click(chromedp.CSS(`#menu button`)),
		waitText(".msg.out .text", "/help"), chromedp.WaitNotVisible(chromedp.ID("menu")))
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
	got := eval[string](t, ctx, `document.querySelector('.msg.in .text b').textContent`)
	if got != evilName {
		t.Errorf("bold name = %q; want the text %q", got, evilName)
	}
	if ran := eval[bool](t, ctx, `window.__pwned !== undefined || !!document.querySelector('#messages script')`); ran {
		t.Errorf("the <script> in the name became a script")
	}
}

// checkDocument checks the document is a download link serving its bytes.
func checkDocument(t *testing.T, ctx context.Context) {
	t.Helper()
	run(t, ctx, "the document", chromedp.WaitVisible(chromedp.CSS(`a.file[download="grades.csv"]`)))
	got := eval[string](t, ctx, `fetch(document.querySelector('a.file').href).then((r) => r.text())`, chromedp.EvalAwaitPromise)
	if got != reportCSV {
		t.Errorf("downloaded %q; want %q", got, reportCSV)
	}
}

// receive returns the next value of ch, failing after waitFor.
func receive(t *testing.T, ch <-chan string) string {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(waitFor):
		t.Fatalf("nothing received in %v", waitFor)
		return ""
	}
}
