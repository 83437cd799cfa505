package i18n

import (
	"strings"
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/diary"
)

// renderText renders an ad hoc text, the same in both languages, in lang.
func renderText(t *testing.T, lang Lang, src string, args ...any) (string, error) {
	t.Helper()
	e, err := compileEntry(text{src, src})
	if err != nil {
		t.Fatalf("compileEntry(%q): %v", src, err)
	}
	return e.render(lang.norm(), args)
}

func TestTEscapesArguments(t *testing.T) {
	tests := []struct {
		name  string
		child any
		want  string
	}{
		{"plain name", "Петров Иван", "Готово! Дневник подключён: <b>Петров Иван</b>, 5А класс."},
		{"tags and ampersand", `<script>"x" & y</script>`,
			"Готово! Дневник подключён: <b>&lt;script&gt;&quot;x&quot; &amp; y&lt;/script&gt;</b>, 5А класс."},
		{"entity is escaped again", "&amp;", "Готово! Дневник подключён: <b>&amp;amp;</b>, 5А класс."},
		{"apostrophe kept", "O'Brien", "Готово! Дневник подключён: <b>O'Brien</b>, 5А класс."},
		{"safe passes as is", Safe("<i>Петя</i>"), "Готово! Дневник подключён: <b><i>Петя</i></b>, 5А класс."},
		{"escaped safe", Escape("<Петя>"), "Готово! Дневник подключён: <b>&lt;Петя&gt;</b>, 5А класс."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Render(RU, LinkDone, "child", tt.child, "class", "5А")
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestTEnglish(t *testing.T) {
	got := T(EN, LinkDone, "child", "Ivanov Pyotr", "class", "5A")
	if want := "Done! The diary is linked: <b>Ivanov Pyotr</b>, class 5A."; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestRenderReportsMistakes(t *testing.T) {
	tests := []struct {
		name    string
		key     Key
		args    []any
		want    string
		wantErr string
	}{
		{"missing argument stays visible", LinkDone, []any{"child", "Петя"},
			"Готово! Дневник подключён: <b>Петя</b>, {class} класс.", `missing argument "class"`},
		{"argument not in the text", MenuGrades, []any{"child", "Петя"}, "Оценки", `argument "child" is not in the text`},
		{"pair without value", LinkDone, []any{"child", "Петя", "class"},
			"Готово! Дневник подключён: <b>Петя</b>, {class} класс.", `argument "class" has no value`},
		{"name not a string", MenuGrades, []any{1, 2}, "Оценки", "is not a string"},
		{"plural of a string", Lessons, []any{"n", "пять"}, "0 уроков", "not a number"},
		{"plural missing", Lessons, nil, "0 уроков", `missing argument "n"`},
		{"unknown key", "no.such", nil, "no.such", "unknown key"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Render(RU, tt.key, tt.args...)
			if got != tt.want {
				t.Errorf("text = %q, want %q", got, tt.want)
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("err = %v, want one containing %q", err, tt.wantErr)
			}
			if T(RU, tt.key, tt.args...) != got {
				t.Error("T differs from Render")
			}
		})
	}
}

func TestPlain(t *testing.T) {
	tests := []struct {
		name string
		lang Lang
		key  Key
		args []any
		want string
	}{
		{"button with a name is not escaped", RU, BtnChild, []any{"child", `Петров & "Сын" <1>`, "class", "5А"}, `Петров & "Сын" <1>, 5А`},
		{"tags of the text are dropped", RU, ChildSelected, []any{"child", "Петя", "class", "5А"}, "Выбран ученик: Петя, 5А класс."},
		{"tags of a safe argument are dropped", EN, BtnChild, []any{"child", Safe("<b>Pete</b> &amp; co"), "class", "5A"}, "Pete & co, 5A"},
		{"menu label", EN, MenuPeriods, nil, "Terms and holidays"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Plain(tt.lang, tt.key, tt.args...); got != tt.want {
				t.Errorf("Plain = %q, want %q", got, tt.want)
			}
		})
	}
}

type stringer struct{}

func (stringer) String() string { return "<s>" }

func TestFormatValue(t *testing.T) {
	date := diary.NewDate(2026, time.November, 29)
	avg := diary.Aggregate{Sum: 1900, Weights: 600} // 19/6 = 3.1666…
	tests := []struct {
		name string
		lang Lang
		v    any
		want string
	}{
		{"int ru", RU, 12345, "12\u00a0345"},
		{"int en", EN, 12345, "12,345"},
		{"int64", RU, int64(7), "7"},
		{"uint8", EN, uint8(200), "200"},
		{"hundredths ru", RU, Hundredths(150), "1,5"},
		{"hundredths en", EN, Hundredths(150), "1.5"},
		{"date ru", RU, date, "29 ноября"},
		{"date en", EN, date, "29 November"},
		{"average ru", RU, avg, "3,17"},
		{"average en", EN, avg, "3.17"},
		{"weekday", RU, time.Monday, "понедельник"},
		{"month", EN, time.May, "May"},
		{"stringer escaped", RU, stringer{}, "&lt;s&gt;"},
		{"anything else escaped", RU, []string{"<a>"}, "[&lt;a&gt;]"},
		{"bool", EN, true, "true"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := formatValue(tt.lang, tt.v); got != tt.want {
				t.Errorf("formatValue(%v) = %q, want %q", tt.v, got, tt.want)
			}
		})
	}
}

func TestPluralInsideText(t *testing.T) {
	const src = "У {child} {n, plural, =0 {нет новых оценок} one {# новая оценка} " +
		"few {# новые оценки} many {# новых оценок} other {# новой оценки}}."
	tests := []struct {
		name string
		n    any
		want string
	}{
		{"exact zero", 0, "У Пети нет новых оценок."},
		{"one", 21, "У Пети 21 новая оценка."},
		{"few", 3, "У Пети 3 новые оценки."},
		{"many", 11, "У Пети 11 новых оценок."},
		{"other for a fraction", Hundredths(250), "У Пети 2,5 новой оценки."},
		{"exact zero as hundredths", Hundredths(0), "У Пети нет новых оценок."},
		{"negative takes the form of its absolute value", -2, "У Пети -2 новые оценки."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := renderText(t, RU, src, "child", "Пети", "n", tt.n)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestNestedPluralHashIsInnermost(t *testing.T) {
	const src = "{a, plural, one {# и {b, plural, one {#!} other {#?}}} other {#}}"
	got, err := renderText(t, EN, src, "a", 1, "b", 7)
	if err != nil {
		t.Fatal(err)
	}
	if want := "1 и 7?"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestRefusalPlurals(t *testing.T) {
	tests := []struct {
		name string
		lang Lang
		key  Key
		args []any
		want string
	}{
		{"one attempt left", RU, RefusedUnknown, []any{"left", 1}, "Осталась 1 попытка."},
		{"two attempts left", RU, RefusedUnknown, []any{"left", 2}, "Осталось 2 попытки."},
		{"attempts en", EN, RefusedUnknown, []any{"left", 1}, "1 attempt left."},
		{"locked 1 minute", RU, RefusedLocked, []any{"minutes", 1}, "через 1 минуту."},
		{"locked 60 minutes", RU, RefusedLocked, []any{"minutes", 60}, "через 60 минут."},
		{"locked 21 minutes", RU, RefusedLocked, []any{"minutes", 21}, "через 21 минуту."},
		{"locked 33 minutes", RU, RefusedLocked, []any{"minutes", 33}, "через 33 минуты."},
		{"locked en", EN, RefusedLocked, []any{"minutes", 60}, "try again in 60 minutes."},
		{"ten days", RU, AccessRecorded, []any{"date", diary.NewDate(2026, 9, 1), "days", 10},
			"записан 1 сентября и передан классному руководителю. Школа предоставит доступ в течение 10 дней."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Render(tt.lang, tt.key, tt.args...)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasSuffix(got, tt.want) {
				t.Errorf("got %q, want it to end with %q", got, tt.want)
			}
		})
	}
}
