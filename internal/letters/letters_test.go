package letters

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// sample is a well-formed letter of the given kind; n makes the code and the link unique.
func sample(kind string, n int) Letter {
	code := []string{"K7M2Q-9XH4D", "WWWWW-MMMMM", "A3C4E-F7H9K"}[n%3]
	recipient := "Иванова Мария Петровна"
	if kind == KindStudent {
		recipient = "Иванов Иван Иванович"
	}
	return Letter{
		School:    "МБОУ «Средняя общеобразовательная школа № 17» г. Кирова",
		Class:     "5А",
		Child:     "Иванов Иван Иванович",
		Recipient: recipient,
		Kind:      kind,
		Code:      code,
		DeepLink:  "https://t.me/School17DiaryBot?start=" + strings.ReplaceAll(code, "-", "") + strings.Repeat("x", n),
		ExpiresOn: "29 декабря 2026",
	}
}

func TestInvalidLettersAreRefused(t *testing.T) {
	tests := []struct {
		name   string
		change func(*Letter)
		want   string
	}{
		{"no child", func(l *Letter) { l.Child = " " }, "letter 2: child is empty"},
		{"no recipient", func(l *Letter) { l.Recipient = "" }, "letter 2: recipient is empty"},
		{"no code", func(l *Letter) { l.Code = "" }, "letter 2: code is empty"},
		{"no deep link", func(l *Letter) { l.DeepLink = "" }, "letter 2: deep link is empty"},
		{"unknown kind", func(l *Letter) { l.Kind = "teacher" }, `letter 2: kind "teacher"`},
		{"staff without recipient", func(l *Letter) { l.Kind, l.Child, l.Recipient = KindStaff, "", "" }, "letter 2: recipient is empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bad := sample(KindGuardian, 1)
			tt.change(&bad)
			letters := []Letter{sample(KindGuardian, 0), bad}
			for format, render := range map[string]func(*bytes.Buffer, []Letter) error{
				"pdf": func(b *bytes.Buffer, l []Letter) error { return PDF(b, l) },
				"csv": func(b *bytes.Buffer, l []Letter) error { return CSV(b, l) },
			} {
				var out bytes.Buffer
				err := render(&out, letters)
				if err == nil || !strings.Contains(err.Error(), tt.want) {
					t.Errorf("%s: got error %v, want one containing %q", format, err, tt.want)
				}
				if out.Len() != 0 {
					t.Errorf("%s: wrote %d bytes for an invalid list, want none", format, out.Len())
				}
			}
		})
	}
}

func TestPDFOfNoLetters(t *testing.T) {
	var out bytes.Buffer
	if got := PDF(&out, nil); !errors.Is(got, ErrNoLetters) {
		t.Errorf("got %v, want ErrNoLetters", got)
	}
}

func TestBotName(t *testing.T) {
	tests := []struct{ name, link, want string }{
		{"t.me deep link", "https://t.me/School17DiaryBot?start=K7M2Q9XH4D", "School17DiaryBot"},
		{"telegram.me", "https://telegram.me/SomeBot?start=x", "SomeBot"},
		{"other host", "https://example.org/SomeBot?start=x", ""},
		{"no bot", "https://t.me/?start=x", ""},
		{"nested path", "https://t.me/a/b?start=x", ""},
		{"not a url", "::", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := botName(tt.link); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestStaffLetterNeedsNoChild accepts a staff letter without a child and
// prints its role under the recipient.
func TestStaffLetterNeedsNoChild(t *testing.T) {
	l := sample(KindStaff, 0)
	l.Child, l.Role = "", "учитель"
	if err := validateAll([]Letter{l}); err != nil {
		t.Fatalf("staff letter refused: %v", err)
	}
	if got := recipientRole(l); got != "сотрудник школы: учитель" {
		t.Errorf("recipientRole = %q", got)
	}
	if steps := steps(l); strings.Contains(strings.Join(steps, " "), "согласие") {
		t.Errorf("a staff letter asks for consent: %v", steps)
	}
}
