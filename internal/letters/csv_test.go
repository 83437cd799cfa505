package letters

import (
	"bytes"
	"encoding/csv"
	"slices"
	"strings"
	"testing"
)

func TestCSV(t *testing.T) {
	tricky := sample(KindGuardian, 1)
	tricky.Child = `Иванов "Ваня"; Иван`
	tricky.Recipient = "=HYPERLINK(\"http://evil\")"
	letters := []Letter{sample(KindStudent, 0), tricky}

	var out bytes.Buffer
	if err := CSV(&out, letters); err != nil {
		t.Fatal(err)
	}
	text := out.String()
	if !strings.HasPrefix(text, "\uFEFFКласс;Ученик;Получатель;Код;Ссылка;Действует до\r\n") {
		t.Fatalf("got start %q, want a BOM and the Russian header ending in CRLF", text[:min(len(text), 80)])
	}
	if want := `;"Иванов ""Ваня""; Иван";`; !strings.Contains(text, want) {
		t.Errorf("got %q, want the quoted field %s", text, want)
	}
	got := readCSV(t, text)
	want := [][]string{
		csvHeader,
		{"5А", "Иванов Иван Иванович", "Иванов Иван Иванович", "K7M2Q-9XH4D", letters[0].DeepLink, "29 декабря 2026"},
		{"5А", tricky.Child, "'" + tricky.Recipient, "WWWWW-MMMMM", tricky.DeepLink, "29 декабря 2026"},
	}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("got rows\n%q\nwant\n%q", got, want)
	}
}

// readCSV parses what CSV wrote, after its byte order mark, as Excel would.
func readCSV(t *testing.T, text string) [][]string {
	t.Helper()
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(text, utf8BOM)))
	r.Comma = ';'
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("read back: %v", err)
	}
	return rows
}

func TestCSVOfNoLettersIsTheHeader(t *testing.T) {
	var out bytes.Buffer
	if err := CSV(&out, nil); err != nil {
		t.Fatal(err)
	}
	if got, want := out.String(), utf8BOM+strings.Join(csvHeader, ";")+"\r\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestDefuseFormula(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain name", "Петров Пётр", "Петров Пётр"},
		{"empty", "", ""},
		{"equals", "=1+1", "'=1+1"},
		{"plus", "+7 912", "'+7 912"},
		{"minus", "-2", "'-2"},
		{"at", "@SUM(A1)", "'@SUM(A1)"},
		{"tab", "\tx", "'\tx"},
		{"hyphen inside", "Римский-Корсаков", "Римский-Корсаков"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := defuseFormula(tt.in); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
