package browsertest

import (
	"context"
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
)

// Phone is the page at a phone's size (390×844, touch, mobile).
func Phone() chromedp.Action[chromedp.Void] {
	return chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile)
}

// Type sends text from the chat's composer, as a person types it.
func Type(text string) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		return chromedp.Void{}, chromedp.Do(ctx, chromedp.WaitEnabled(chromedp.ID("input")),
			chromedp.SendKeys(chromedp.ID("input"), text), chromedp.Click(chromedp.ID("send")))
	}
}

// WaitJSText waits until a bot message's text matches the JavaScript
// regular expression literal re (such as `/Средний балл: \d,\d\d/`).
func WaitJSText(re string) chromedp.Action[chromedp.Void] {
	return WaitJS(fmt.Sprintf(`Array.from(document.querySelectorAll('.msg.in .text')).some((e) => %s.test(e.textContent))`, re))
}

// WaitNoJSText waits until no bot message's text matches the JavaScript
// regular expression literal re.
func WaitNoJSText(re string) chromedp.Action[chromedp.Void] {
	return WaitJS(fmt.Sprintf(`!Array.from(document.querySelectorAll('.msg.in .text')).some((e) => %s.test(e.textContent))`, re))
}

// ScrollTo scrolls the chat to the top of the last bot message containing
// text, for a screenshot of a message taller than the screen.
func ScrollTo(text string) chromedp.Action[chromedp.Void] {
	return chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`void Array.from(document.querySelectorAll('.msg.in')).filter((m) => m.textContent.includes(%s)).pop().scrollIntoView({block: 'start'})`, JS(text)))
}

// botMessages counts the bot's messages on the page.
const botMessages = `document.querySelectorAll('.msg.in').length`

// InPlace runs steps (a button pressed and its view awaited) and fails the
// test when the view came as a new message instead of editing the pressed
// one (editMessageText).
func InPlace(t *testing.T, ctx context.Context, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	before := Eval[int](t, ctx, botMessages)
	Run(t, ctx, what, steps...)
	if after := Eval[int](t, ctx, botMessages); after != before {
		t.Errorf("%s: the view came as a new message (%d bot messages, %d before); want the message edited in place", what, after, before)
	}
}

// familyWording is what only a family may read: the parents' menu prompt
// and the requests for the code from the school's letter.
var familyWording = []string{"Выберите в меню, что посмотреть", "код из письма", "У меня нет кода"}

// NoFamilyWording fails the test when a bot message says what only a
// family may read.
func NoFamilyWording(t *testing.T, ctx context.Context) {
	t.Helper()
	for _, w := range familyWording {
		if Eval[bool](t, ctx, fmt.Sprintf(`Array.from(document.querySelectorAll('.msg.in')).some((e) => e.textContent.includes(%s))`, JS(w))) {
			t.Errorf("a staff member was told the families' «%s»", w)
		}
	}
}

// overflow is JavaScript listing what does not fit the page's width: the
// page scrolling sideways, a bubble wider than the chat, a button whose
// label is cut.
const overflow = `(() => {
	const out = [];
	const root = document.documentElement;
	if (root.scrollWidth > root.clientWidth) out.push('the page scrolls sideways: ' + root.scrollWidth + ' > ' + root.clientWidth);
	const box = document.getElementById('messages').getBoundingClientRect();
	for (const b of document.querySelectorAll('.msg .bubble')) {
		const r = b.getBoundingClientRect();
		if (r.right > box.right + 0.5 || b.scrollWidth > b.clientWidth + 1) out.push('a bubble overflows: ' + b.textContent.slice(0, 40));
	}
	for (const k of document.querySelectorAll('.kb-row > *')) {
		if (k.scrollWidth > k.clientWidth + 1) out.push('a button is cut: ' + k.textContent);
	}
	return out;
})()`

// FitsWidth fails the test when anything on the page does not fit its
// width: a sideways scroll, a bubble overflowing, a button's label cut.
func FitsWidth(t *testing.T, ctx context.Context) {
	t.Helper()
	for _, p := range Eval[[]string](t, ctx, overflow) {
		t.Errorf("on a phone: %s", p)
	}
}
