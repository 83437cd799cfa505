package telegramtest

import (
	"reflect"
	"testing"
)

func TestParseHTMLAccepts(t *testing.T) {
	tests := []struct {
		name     string
		src      string
		text     string
		entities []Entity
	}{
		{"plain", "Оценки за неделю", "Оценки за неделю", nil},
		{"bold and strong", "<b>5</b> и <strong>4</strong>", "5 и 4", []Entity{{Type: "bold", Offset: 0, Length: 1}, {Type: "bold", Offset: 4, Length: 1}}},
		{"italic underline strike", "<i>a</i><em>b</em><u>c</u><ins>d</ins><s>e</s><strike>f</strike><del>g</del>", "abcdefg", []Entity{
			{Type: "italic", Offset: 0, Length: 1}, {Type: "italic", Offset: 1, Length: 1}, {Type: "underline", Offset: 2, Length: 1},
			{Type: "underline", Offset: 3, Length: 1}, {Type: "strikethrough", Offset: 4, Length: 1}, {Type: "strikethrough", Offset: 5, Length: 1},
			{Type: "strikethrough", Offset: 6, Length: 1}}},
		{"upper-case tag", "<B>x</B>", "x", []Entity{{Type: "bold", Offset: 0, Length: 1}}},
		{"nested", "<b>a<i>b</i></b>", "ab", []Entity{{Type: "bold", Offset: 0, Length: 2}, {Type: "italic", Offset: 1, Length: 1}}},
		{"spoilers", `<span class="tg-spoiler">x</span><tg-spoiler>y</tg-spoiler>`, "xy", []Entity{{Type: "spoiler", Offset: 0, Length: 1}, {Type: "spoiler", Offset: 1, Length: 1}}},
		{"link", `<a href="https://school.example/?a=1&amp;b=2">сайт</a>`, "сайт", []Entity{{Type: "text_link", Offset: 0, Length: 4, URL: "https://school.example/?a=1&b=2"}}},
		{"link with single quotes", `<a href='tg://user?id=5'>u</a>`, "u", []Entity{{Type: "text_link", Offset: 0, Length: 1, URL: "tg://user?id=5"}}},
		{"code", "<code>x&lt;y</code>", "x<y", []Entity{{Type: "code", Offset: 0, Length: 3}}},
		{"pre with language", `<pre><code class="language-go">a</code></pre>`, "a", []Entity{{Type: "pre", Offset: 0, Length: 1, Language: "go"}}},
		{"blockquotes", "<blockquote>a</blockquote><blockquote expandable>b</blockquote>", "ab", []Entity{{Type: "blockquote", Offset: 0, Length: 1}, {Type: "expandable_blockquote", Offset: 1, Length: 1}}},
		{"custom emoji", `<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>`, "👍", []Entity{{Type: "custom_emoji", Offset: 0, Length: 2, CustomEmojiID: "5368324170671202286"}}},
		{"references", "&lt;&gt;&amp;&quot;&#1044;&#x44F;", `<>&"Дя`, nil},
		{"bare >", "3 > 2", "3 > 2", nil},
		{"offsets in UTF-16", "😀<b>x</b>", "😀x", []Entity{{Type: "bold", Offset: 2, Length: 1}}},
		{"empty end tag closes", "<b>x</>", "x", []Entity{{Type: "bold", Offset: 0, Length: 1}}},
		{"empty entity dropped", "<b></b>x", "x", nil},
		{"unknown attribute ignored", `<b data-x="1">x</b>`, "x", []Entity{{Type: "bold", Offset: 0, Length: 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, entities, err := parseHTML(tt.src)
			if err != nil {
				t.Fatalf("parseHTML(%q): %v", tt.src, err)
			}
			if text != tt.text {
				t.Errorf("text: got %q, want %q", text, tt.text)
			}
			if !reflect.DeepEqual(entities, tt.entities) {
				t.Errorf("entities: got %+v, want %+v", entities, tt.entities)
			}
		})
	}
}

func TestParseHTMLRefuses(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want string
	}{
		{"unknown tag", "<div>x</div>", `Unsupported start tag "div" at byte offset 0`},
		{"bare <", "2 < 3", `Unsupported start tag "" at byte offset 2`},
		{"email in angle brackets", "<ivan@mail.ru>", `Unsupported start tag "ivan@mail.ru" at byte offset 0`},
		{"unclosed tag", "<b>x", `Can't find end tag corresponding to start tag "b"`},
		{"mis-nested", "<b><i>x</b></i>", `Unmatched end tag at byte offset 7, expected "</i>", found "</b>"`},
		{"end without start", "x</b>", "Unexpected end tag at byte offset 1"},
		{"start tag cut", "x <b", "Unclosed start tag at byte offset 2"},
		{"end tag cut", "<b>x</b", "Unclosed end tag at byte offset 4"},
		{"bare &", "Tom & Jerry", "Unsupported HTML entity at byte offset 4; escape '&' as &amp;"},
		{"unknown named reference", "&nbsp;", "Unsupported HTML entity at byte offset 0; escape '&' as &amp;"},
		{"span without spoiler class", `<span class="x">y</span>`, `Tag "span" must have class "tg-spoiler" at byte offset 0`},
		{"attribute without value", "<b x>y</b>", `Expected equal sign in declaration of an attribute of the tag "b" at byte offset 0`},
		{"unquoted value with bad char", "<a href=x\"y>z</a>", "Unexpected end of name token at byte offset 8"},
		{"unterminated quote", `<a href="x>y</a>`, "Unclosed start tag at byte offset 0"},
		{"emoji without id", "<tg-emoji>x</tg-emoji>", "Invalid custom emoji identifier specified at byte offset 0"},
		{"self-closing", "<b/>", `Unsupported start tag "b/" at byte offset 0`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := parseHTML(tt.src)
			if err == nil {
				t.Fatalf("parseHTML(%q) accepted, want %q", tt.src, tt.want)
			}
			if got := err.Error(); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestCommandEntities(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []Entity
	}{
		{"start with payload", "/start abc", []Entity{{Type: "bot_command", Offset: 0, Length: 6}}},
		{"addressed", "/help@diary_test_bot", []Entity{{Type: "bot_command", Offset: 0, Length: 20}}},
		{"mid-text", "см. /grades", []Entity{{Type: "bot_command", Offset: 4, Length: 7}}},
		{"not a word start", "a/b", nil},
		{"slash alone", "/", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := commandEntities(tt.text); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}
