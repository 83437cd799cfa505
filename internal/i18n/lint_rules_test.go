package i18n

import "testing"

// TestLintRulesFail shows that each check of the catalogue lint rejects what
// it should and accepts good text.
func TestLintRulesFail(t *testing.T) {
	tests := []struct {
		name    string
		check   func(string) error
		text    string
		wantErr bool
	}{
		{"spaces ok", lintSpaces, "Строка.\n\nДругая.", false},
		{"empty", lintSpaces, "", true},
		{"trailing space at end", lintSpaces, "Текст ", true},
		{"trailing space in a line", lintSpaces, "Текст \nещё", true},
		{"double space", lintSpaces, "Два  пробела", true},
		{"tab", lintSpaces, "a\tb", true},
		{"html ok", lintHTML, `<b>a</b> <i><u>b</u></i> <a href="https://t.me/x?a=1&amp;b=2">c</a> &lt;&gt; &#39;`, false},
		{"unclosed b", lintHTML, "<b>a", true},
		{"misnested", lintHTML, "<b><i>a</b></i>", true},
		{"close without open", lintHTML, "a</b>", true},
		{"unknown tag", lintHTML, "<span>a</span>", true},
		{"br is not Telegram's", lintHTML, "a<br>b", true},
		{"attribute on b", lintHTML, `<b class="x">a</b>`, true},
		{"a without href", lintHTML, "<a>x</a>", true},
		{"bare ampersand", lintHTML, "Q&A", true},
		{"unknown entity", lintHTML, "&nbsp;", true},
		{"bare greater-than", lintHTML, "a > b", true},
		{"unclosed <", lintHTML, "a <b", true},
		{"plain ok", lintPlain, "Оценки", false},
		{"plain with tag", lintPlain, "<b>Оценки</b>", true},
		{"polite ok", lintPolite, "Вы можете, Ваш код, Вашего ребёнка, вывод", false},
		{"lower-case вы", lintPolite, "Если вы не вводили код", true},
		{"lower-case вашего", lintPolite, "код вашего ребёнка", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.check(tt.text)
			if got := err != nil; got != tt.wantErr {
				t.Errorf("check(%q) = %v, want error %v", tt.text, err, tt.wantErr)
			}
		})
	}
}

// TestLintPluralsAndPlaceholdersFail shows that the plural and placeholder
// checks reject mismatched texts.
func TestLintPluralsAndPlaceholdersFail(t *testing.T) {
	tests := []struct {
		name    string
		ru, en  string
		wantErr bool
	}{
		{"good", "{n, plural, one {#} few {#} many {#} other {#}} {x}", "{n, plural, one {#} other {#}} {x}", false},
		{"exact branch allowed", "{n, plural, =0 {нет} one {#} few {#} many {#} other {#}}", "{n, plural, =0 {none} one {#} other {#}}", false},
		{"ru lacks few", "{n, plural, one {#} many {#} other {#}}", "{n, plural, one {#} other {#}}", true},
		{"en has few", "{n, plural, one {#} few {#} many {#} other {#}}", "{n, plural, one {#} few {#} other {#}}", true},
		{"nested plural checked", "{n, plural, one {{m, plural, one {#} other {#}}} few {#} many {#} other {#}}", "{n, plural, one {{m, plural, one {#} other {#}}} other {#}}", true},
		{"placeholder renamed", "Имя: {child}", "Name: {name}", true},
		{"placeholder missing", "{child}, {class}", "{child}", true},
		{"plural in one language only", "{n, plural, one {#} few {#} many {#} other {#}}", "{n}", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := compileEntry(text{tt.ru, tt.en})
			if err != nil {
				t.Fatalf("compileEntry: %v", err)
			}
			err = errorsOf(lintPlurals(e.ru, RU), lintPlurals(e.en, EN), lintSamePlaceholders(e.ru, e.en))
			if got := err != nil; got != tt.wantErr {
				t.Errorf("lint = %v, want error %v", err, tt.wantErr)
			}
		})
	}
}

// errorsOf returns the first non-nil error.
func errorsOf(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
