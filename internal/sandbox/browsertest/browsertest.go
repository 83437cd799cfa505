// Package browsertest drives the sandbox's web chat in headless Chromium
// (Debian's chromium package; a browser is never downloaded) for the tests of
// internal/sandbox and cmd/bot. Every wait polls the page with a timeout; no
// test sleeps.
package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// ChromiumPath is Debian's chromium package.
const ChromiumPath = "/usr/bin/chromium"

// WaitFor bounds every wait on the page.
const WaitFor = 15 * time.Second

// New starts headless Chromium with a fresh profile and returns a tab; the
// test is skipped, saying what to install, when Chromium is absent.
func New(t *testing.T) context.Context {
	t.Helper()
	if _, err := os.Stat(ChromiumPath); err != nil {
		t.Skipf("headless Chromium is not installed at %s (Debian: apt-get install chromium): %v", ChromiumPath, err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	t.Cleanup(cancel)
	actx, acancel := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(ChromiumPath),
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

// WatchNotFound records every response with status 404 the page gets, and
// every console error naming one, from now on; the function returned lists
// them so far.
func WatchNotFound(t *testing.T, ctx context.Context) func() []string {
	t.Helper()
	var mu sync.Mutex
	var seen []string
	err := chromedp.Listen(ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch ev := ev.(type) {
		case *network.EventResponseReceived:
			if ev.Response != nil && ev.Response.Status == 404 {
				seen = append(seen, ev.Response.URL)
			}
		case *cdplog.EventEntryAdded:
			if ev.Entry != nil && strings.Contains(ev.Entry.Text, "404") {
				seen = append(seen, ev.Entry.Text+" "+ev.Entry.URL)
			}
		}
	})
	if err != nil {
		t.Fatalf("watch the page: %v", err)
	}
	return func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), seen...)
	}
}

// Run runs page actions and fails the test at the first error, showing what
// the chat holds.
func Run(t *testing.T, ctx context.Context, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	sctx, cancel := context.WithTimeout(ctx, 2*WaitFor)
	defer cancel()
	if err := chromedp.Do(sctx, steps...); err != nil {
		msgs, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById('messages').innerText`))
		t.Fatalf("%s: %v\nthe chat shows:\n%s", what, err, msgs)
	}
}

// Eval evaluates a JavaScript expression on the page.
func Eval[T any](t *testing.T, ctx context.Context, expr string, opts ...chromedp.EvaluateOption) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, opts...))
	if err != nil {
		t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// JS quotes s as a JavaScript string literal.
func JS(s string) string {
	b, _ := json.Marshal(s) // a string always marshals
	return string(b)
}

// WaitText waits until an element matching sel contains text.
func WaitText(sel, text string) chromedp.Action[chromedp.Void] {
	return WaitJS(fmt.Sprintf(`Array.from(document.querySelectorAll(%s)).some((e) => e.textContent.includes(%s))`, JS(sel), JS(text)))
}

// WaitNoText waits until no element matching sel contains text.
func WaitNoText(sel, text string) chromedp.Action[chromedp.Void] {
	return WaitJS(fmt.Sprintf(`!Array.from(document.querySelectorAll(%s)).some((e) => e.textContent.includes(%s))`, JS(sel), JS(text)))
}

// WaitJS waits until a JavaScript expression is truthy.
func WaitJS(expr string) chromedp.Action[chromedp.Void] {
	return chromedp.Poll[chromedp.Void](expr, chromedp.WithPollingTimeout(WaitFor))
}

// Button is the chat's latest button (inline, reply keyboard or command menu)
// labelled text.
func Button(text string) chromedp.Search {
	return chromedp.Search(fmt.Sprintf(`(//main//button[normalize-space()=%s])[last()]`, JS(text)))
}

// Screenshot saves the whole page as a PNG in SANDBOX_SCREENSHOTS (or the
// test's temporary directory) and returns its path.
func Screenshot(t *testing.T, ctx context.Context, name string) string {
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

// LinkParentAndReadGrade opens the sandbox at baseURL, picks the parent of
// two (the page sends /start with a fresh one-time code for each child),
// gives the 152-ФЗ consent the bot asks for about each, opens «Оценки» and
// waits for the menu to turn in place into the grades: a subject with its
// weighted average and expected grade («Алгебра — 4,56 · ожид. 5»). The
// parent must not be linked yet.
func LinkParentAndReadGrade(t *testing.T, ctx context.Context, baseURL string) {
	t.Helper()
	Run(t, ctx, "open the sandbox", chromedp.Navigate(baseURL),
		chromedp.WaitVisible(chromedp.CSS(`button[data-persona="parent"]`)))
	Run(t, ctx, "choose the parent", chromedp.Click(chromedp.CSS(`button[data-persona="parent"]`)),
		WaitJS(`document.querySelectorAll('.msg.in').length >= 2 && Array.from(document.querySelectorAll('.msg.in .text')).filter((e) => e.textContent.includes('согласия')).length === 2`))
	Run(t, ctx, "give consent about the second child", chromedp.Click(Button("Даю согласие")),
		WaitText(".msg.in .text", "Выбран ученик"))
	Run(t, ctx, "and about the first", chromedp.Click(chromedp.Search(`(//main//button[normalize-space()="Даю согласие"])[1]`)),
		WaitJS(`Array.from(document.querySelectorAll('.msg.in .text')).filter((e) => e.textContent.includes('Выбран ученик')).length === 2`))
	menus := `document.querySelectorAll('.msg.in').length`
	before := Eval[int](t, ctx, menus)
	Run(t, ctx, "read the grades", chromedp.Click(Button("Оценки")),
		WaitJS(`Array.from(document.querySelectorAll('.msg.in .text')).some((e) => /— \d,\d\d · ожид\. \d/.test(e.textContent))`))
	if after := Eval[int](t, ctx, menus); after != before {
		t.Errorf("the grades came as a new message (%d bot messages, %d before); want the menu edited in place", after, before)
	}
	Screenshot(t, ctx, "sandbox-parent-grades.png")
}
