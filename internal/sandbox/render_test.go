package sandbox_test

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/schooldiary/diary/internal/sandbox/browsertest"
)

// TestRenderTelegramHTML runs the page's renderer in Chromium on what a bot
// (or an attacker behind a name) might send: Telegram's tags survive as fresh
// elements without their attributes, anything else becomes text.
func TestRenderTelegramHTML(t *testing.T) {
	tests := []struct {
		name, source, want string
	}{
		{"plain text", "a &lt; b &amp; c", "a &lt; b &amp; c"},
		{"newlines kept", "one\ntwo", "one\ntwo"},
		{"tags and aliases", "<b>b</b><strong>s</strong><i>i</i><em>e</em><u>u</u><ins>n</ins><s>s</s><strike>k</strike><del>d</del>",
			"<b>b</b><b>s</b><i>i</i><i>e</i><u>u</u><u>n</u><s>s</s><s>k</s><s>d</s>"},
		{"nested", "<b>bold <i>both</i></b>", "<b>bold <i>both</i></b>"},
		{"attributes dropped", `<b onclick="alert(1)" style="color:red" class="x">b</b>`, "<b>b</b>"},
		{"script is text", "<script>window.__pwned=1</script>", "&lt;script&gt;window.__pwned=1&lt;/script&gt;"},
		{"img is text", `<img src=x onerror="window.__pwned=1">`, `&lt;img src="x" onerror="window.__pwned=1"&gt;`},
		{"unknown inside known", `<b><iframe src="/"></iframe>x</b>`, `<b>&lt;iframe src="/"&gt;&lt;/iframe&gt;x</b>`},
		{"span without spoiler class", `<span style="x">s</span>`, `&lt;span style="x"&gt;s&lt;/span&gt;`},
		{"https link", `<a href="https://example.org/?a=1&amp;b=2" onclick="x()">l</a>`,
			`<a href="https://example.org/?a=1&amp;b=2" target="_blank" rel="noopener noreferrer">l</a>`},
		{"tg link", `<a href="tg://user?id=42">u</a>`, `<a href="tg://user?id=42" target="_blank" rel="noopener noreferrer">u</a>`},
		{"javascript link", `<a href="javascript:alert(1)">l</a>`, "<span>l</span>"},
		{"relative link", `<a href="/emulator/users">l</a>`, "<span>l</span>"},
		{"spoilers", `<tg-spoiler>a</tg-spoiler><span class="tg-spoiler">b</span>`,
			`<span class="spoiler" title="Нажмите, чтобы показать">a</span><span class="spoiler" title="Нажмите, чтобы показать">b</span>`},
		{"code with language", `<pre><code class="language-go">x := 1</code></pre>`, `<pre><code class="language-go">x := 1</code></pre>`},
		{"code with a bad class", `<code class="language-x&quot; onclick=&quot;y">c</code>`, "<code>c</code>"},
		{"blockquote", `<blockquote expandable>q</blockquote>`, `<blockquote class="expandable">q</blockquote>`},
		{"custom emoji", `<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>`, "<span>👍</span>"},
	}
	ctx := browsertest.New(t)
	e := newEnv(t)
	browsertest.Run(t, ctx, "open the page", chromedp.Navigate(e.srv.URL), browsertest.WaitJS(`window.sandbox && window.sandbox.renderTelegramHTML`))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := browsertest.Eval[string](t, ctx, fmt.Sprintf(
				`(() => { const d = document.createElement('div'); d.appendChild(window.sandbox.renderTelegramHTML(%s)); return d.innerHTML; })()`,
				browsertest.JS(tt.source)))
			if got != tt.want {
				t.Errorf("render %q\n got %q\nwant %q", tt.source, got, tt.want)
			}
		})
	}
	if ran := browsertest.Eval[bool](t, ctx, `window.__pwned !== undefined`); ran {
		t.Errorf("rendering ran a script")
	}
}
