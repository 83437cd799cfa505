package email

import (
	"fmt"
	"strings"
	"testing"
)

const from = "Школа № 5 <noreply@school.example>"

func TestParseConfig(t *testing.T) {
	tests := []struct {
		name, url string
		want      Config
	}{
		{"starttls with login", "smtp://user:pass@mail.example:587",
			Config{Host: "mail.example", Port: 587, Security: StartTLS, User: "user", Password: "pass"}},
		{"smtps default port", "smtps://u:p@mail.example",
			Config{Host: "mail.example", Port: 465, Security: ImplicitTLS, User: "u", Password: "p"}},
		{"smtp default port, no login", "smtp://mail.example",
			Config{Host: "mail.example", Port: 587}},
		{"port 25 without auth", "SMTP://mail.example:25/",
			Config{Host: "mail.example", Port: 25}},
		{"percent-decoded user and password", "smtps://school%40example.ru:p%40ss%2Fw%3Ard%20x@mail.example:465",
			Config{Host: "mail.example", Port: 465, Security: ImplicitTLS, User: "school@example.ru", Password: "p@ss/w:rd x"}},
		{"insecure", "smtp://127.0.0.1:1025?insecure=1",
			Config{Host: "127.0.0.1", Port: 1025, Insecure: true}},
		{"ipv6", "smtp://[::1]:2525",
			Config{Host: "::1", Port: 2525}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseConfig(tt.url, from)
			if err != nil {
				t.Fatalf("ParseConfig(%q) = %v", tt.url, err)
			}
			tt.want.From = got.From
			if got != tt.want {
				t.Errorf("ParseConfig(%q) = %#v, want %#v", tt.url, got, tt.want)
			}
			if got.From.Name != "Школа № 5" || got.From.Address != "noreply@school.example" {
				t.Errorf("From = %q <%s>", got.From.Name, got.From.Address)
			}
		})
	}
}

func TestParseConfigBadInput(t *testing.T) {
	tests := []struct {
		name, url, from string
		says            []string // the error must contain each
	}{
		{"empty url", "", from, []string{"SMTP_URL", "is empty"}},
		{"unparsable", "smtp://us er:secXYZ%zzret@host", from, []string{"SMTP_URL", "is not a URL"}},
		{"unparsable host", "smtp://user:secXYZret@[::1", from, []string{"SMTP_URL", "is not a URL"}},
		{"no scheme", "mail.example:587", from, []string{"SMTP_URL", "scheme"}},
		{"no scheme at all", "user:secXYZret@mail.example", from, []string{"SMTP_URL", "smtp://"}},
		{"unknown scheme", "https://user:secXYZret@mail.example", from, []string{"SMTP_URL", `"https"`, "smtps://"}},
		{"no host", "smtp://user:secXYZret@:587", from, []string{"SMTP_URL", "has no host"}},
		{"no host at all", "smtp://", from, []string{"SMTP_URL", "has no host"}},
		{"bad port", "smtp://user:secXYZret@mail.example:99999", from, []string{"SMTP_URL", `"99999"`, "1 to 65535"}},
		{"unescaped slash in password", "smtp://user:secXYZ/ret@mail.example", from, []string{"SMTP_URL", "%2F"}},
		{"unknown option", "smtp://user:secXYZret@mail.example?insecur=1", from, []string{"SMTP_URL", `"insecur"`}},
		{"bad insecure", "smtp://user:secXYZret@mail.example?insecure=yes-please", from, []string{"SMTP_URL", "insecure=1"}},
		{"empty from", "smtp://mail.example", " ", []string{"SMTP_FROM", "is empty"}},
		{"bad from", "smtp://mail.example", "Школа № 5", []string{"SMTP_FROM", "not an email address"}},
		{"two froms", "smtp://mail.example", "a@b.example, c@d.example", []string{"SMTP_FROM", "not an email address"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseConfig(tt.url, tt.from)
			if err == nil {
				t.Fatalf("ParseConfig(%q, %q) = nil error", tt.url, tt.from)
			}
			for _, s := range tt.says {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("error %q does not say %q", err, s)
				}
			}
			if strings.Contains(err.Error(), "XYZ") {
				t.Errorf("error shows the password: %q", err)
			}
		})
	}
}

func TestConfigRedacted(t *testing.T) {
	c, err := ParseConfig("smtps://school%40example.ru:p%40ss%2Fword@mail.example:465?insecure=1", from)
	if err != nil {
		t.Fatal(err)
	}
	want := `smtps://school%40example.ru:***@mail.example:465?insecure=1 from "Школа № 5" <noreply@school.example>`
	for _, got := range []string{c.Redacted(), c.String(), fmt.Sprint(c), fmt.Sprintf("%+v", c)} {
		if got != want {
			t.Errorf("shown as %q, want %q", got, want)
		}
	}
	for _, shown := range []string{fmt.Sprintf("%#v", c), fmt.Sprintf("%v", &c)} {
		if strings.Contains(shown, "p@ss") || strings.Contains(shown, "word") {
			t.Errorf("%q shows the password", shown)
		}
	}
}
