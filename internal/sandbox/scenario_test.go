package sandbox_test

import (
	"context"
	"os"
	"testing"

	"github.com/chromedp/chromedp"
)

// FINAL SCENARIO «link a parent and read a grade» (issue 3, item 2). It runs
// once the real bot (internal/bot) is wired into `go run ./cmd/bot -sandbox`:
// until then TestPageTalksToBot proves the page against a small test bot.
// Run it against a sandbox started on a fresh store:
//
//	go run ./cmd/bot -sandbox &
//	SANDBOX_URL=http://127.0.0.1:8080 go test ./internal/sandbox -run TestSandboxScenario
//
// An in-process test of the wired sandbox can call linkParentAndReadGrade
// with its own server's URL instead.
func TestSandboxScenario(t *testing.T) {
	url := os.Getenv("SANDBOX_URL")
	if url == "" {
		t.Skip("set SANDBOX_URL to a running `go run ./cmd/bot -sandbox` (e.g. http://127.0.0.1:8080) to run the final scenario")
	}
	linkParentAndReadGrade(t, newBrowser(t), url)
}

// linkParentAndReadGrade opens the sandbox at baseURL, picks the parent of two
// (the page sends /start <fresh code>), gives the 152-ФЗ consent the bot asks
// for, opens «Оценки» and waits for the grades of the first child with their
// weighted average. The parent must not be linked yet.
func linkParentAndReadGrade(t *testing.T, ctx context.Context, baseURL string) {
	t.Helper()
	run(t, ctx, "open the sandbox", chromedp.Navigate(baseURL),
		chromedp.WaitVisible(chromedp.CSS(`button[data-persona="parent"]`)))
	run(t, ctx, "choose the parent", chromedp.Click(chromedp.CSS(`button[data-persona="parent"]`)),
		waitText(".msg.in .text", "согласия"))
	run(t, ctx, "give consent", chromedp.Click(button("Даю согласие")),
		waitText(".msg.in .text", "Согласие записано"))
	run(t, ctx, "read the grades", chromedp.Click(button("Оценки")),
		waitJS(`Array.from(document.querySelectorAll('.msg.in .text')).some((e) => /Средний балл: \d/.test(e.textContent))`))
	screenshot(t, ctx, "sandbox-parent-grades.png")
}
