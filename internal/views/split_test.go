package views_test

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/schooldiary/diary/internal/views"
)

func TestSplitExamples(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		limit int
		want  []string
	}{
		{"empty", "", 10, nil},
		{"fits", "<b>Оценки</b>\n5 4", 100, []string{"<b>Оценки</b>\n5 4"}},
		{"exactly the limit", "12345\n6789", 10, []string{"12345\n6789"}},
		{"at line breaks", "aaaa\nbbbb\ncccc", 10, []string{"aaaa\nbbbb", "cccc"}},
		{"blank lines at a cut are dropped", "aaaa\n\n\nbbbb", 6, []string{"aaaa", "bbbb"}},
		{"a long line at a space", "один два три четыре", 9, []string{"один два", "три", "четыре"}},
		{"a short line stays with the next", "ab\ncd ef gh", 8, []string{"ab\ncd ef", "gh"}},
		{"a full line is not cut", "abcd ef\ngh", 8, []string{"abcd ef", "gh"}},
		{"a word longer than the limit", "абвгдежзий", 4, []string{"абвг", "дежз", "ий"}},
		{"a tag across a cut is closed and reopened", "<b>aaaa\nbbbb</b>", 12, []string{"<b>aaaa</b>", "<b>bbbb</b>"}},
		{"nested tags", "<b><i>aa bb</i></b>", 16, []string{"<b><i>aa</i></b>", "<b><i>bb</i></b>"}},
		{"a link keeps its href", `<a href="https://t.me/x">aa bb</a>`, 32, []string{`<a href="https://t.me/x">aa</a>`, `<a href="https://t.me/x">bb</a>`}},
		{"an entity is never cut", "&amp;&amp;&amp;", 7, []string{"&amp;", "&amp;", "&amp;"}},
		{"emoji count two units", "😀😀😀", 4, []string{"😀😀", "😀"}},
		{"a cut after a closed tag", "<b>ab</b> cd", 9, []string{"<b>ab</b>", "cd"}},
		{"the default limit", strings.Repeat("x", views.MaxText), 0, []string{strings.Repeat("x", views.MaxText)}},
		{"only breaks", "\n\n", 5, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := views.Split(tt.text, tt.limit)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Split(%q, %d) = %q, want %q", tt.text, tt.limit, got, tt.want)
			}
		})
	}
}

// TestSplitTelegramSized splits texts the size of real views at 4096.
func TestSplitTelegramSized(t *testing.T) {
	homework := "<b>Пн, 7 сентября</b>\n• Математика: " + strings.Repeat("№ 1–5 &amp; стр. 8 😀 ", 400)
	tests := []struct {
		name      string
		text      string
		wantPages int
	}{
		{"many short lines", strings.Repeat("<b>Математика</b> — 4,25 → 4\n5 4 4 3 5\n", 300), 3},
		{"one line longer than the limit", homework, 3},
		{"one word longer than the limit", "<i>" + strings.Repeat("ы", 9000) + "</i>", 3},
		{"emoji only", strings.Repeat("😀", 5000), 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pages := views.Split(tt.text, views.MaxText)
			if len(pages) != tt.wantPages {
				t.Errorf("%d pages, want %d", len(pages), tt.wantPages)
			}
			checkSplit(t, tt.text, pages, views.MaxText)
		})
	}
}

// TestSplitRandom splits random HTML at random limits and checks every page
// and that no character is lost.
func TestSplitRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 500 {
		text := randomHTML(r)
		limit := 32 + r.IntN(200) // room for three nested tags and their closers
		pages := views.Split(text, limit)
		if t.Failed() {
			break
		}
		checkSplit(t, text, pages, limit)
		if t.Failed() {
			t.Logf("case %d, limit %d, text %q", i, limit, text)
		}
	}
}

// randomHTML returns a text of words, emoji, entities, line breaks and
// nested tags, as the views write it.
func randomHTML(r *rand.Rand) string {
	pieces := []string{"Математика", "4,25", "→", "😀", "&amp;", "&lt;script&gt;", "ё", "№", "домашнее", "задание",
		strings.Repeat("длинное", 12)}
	var b strings.Builder
	var open []string
	for range 20 + r.IntN(200) {
		switch n := r.IntN(10); {
		case n == 0:
			b.WriteString("\n")
		case n == 1 && len(open) < 3:
			tag := []string{"b", "i", "u"}[r.IntN(3)]
			b.WriteString("<" + tag + ">")
			open = append(open, tag)
		case n == 2 && len(open) > 0:
			b.WriteString("</" + open[len(open)-1] + ">")
			open = open[:len(open)-1]
		default:
			b.WriteString(pieces[r.IntN(len(pieces))] + " ")
		}
	}
	for i := len(open) - 1; i >= 0; i-- {
		b.WriteString("</" + open[i] + ">")
	}
	return b.String()
}

// checkSplit checks the pages of text: each within limit, valid HTML on its
// own, and together holding every character of text but the spaces and
// line breaks cut at.
func checkSplit(t *testing.T, text string, pages []string, limit int) {
	t.Helper()
	for i, p := range pages {
		if n := utf16Len(p); n > limit {
			t.Errorf("page %d: %d units, limit %d", i, n, limit)
		}
		if !utf8.ValidString(p) {
			t.Errorf("page %d: invalid UTF-8", i)
		}
		if err := checkHTML(p); err != nil {
			t.Errorf("page %d: %v: %q", i, err, p)
		}
		if strings.TrimSpace(anyTagRE.ReplaceAllString(p, "")) == "" {
			t.Errorf("page %d shows nothing: %q", i, p)
		}
	}
	if got, want := squeeze(strings.Join(pages, "")), squeeze(text); got != want {
		t.Errorf("text changed by the split:\n got %q\nwant %q", got, want)
	}
}
