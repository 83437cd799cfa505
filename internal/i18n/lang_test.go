package i18n

import "testing"

func TestMatch(t *testing.T) {
	tests := []struct {
		name string
		code string
		want Lang
	}{
		{"russian", "ru", RU},
		{"english", "en", EN},
		{"english US", "en-US", EN},
		{"english GB underscore", "en_GB", EN},
		{"upper case", "EN", EN},
		{"spaces", " en ", EN},
		{"empty", "", RU},
		{"ukrainian", "uk", RU},
		{"belarusian", "be", RU},
		{"kazakh", "kk", RU},
		{"german", "de", RU},
		{"not english though it starts with en", "eno", RU},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Match(tt.code); got != tt.want {
				t.Errorf("Match(%q) = %q, want %q", tt.code, got, tt.want)
			}
		})
	}
}

func TestParse(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		want   Lang
		wantOK bool
	}{
		{"ru", "ru", RU, true},
		{"en", "en", EN, true},
		{"unknown gives default", "de", Default, false},
		{"empty", "", Default, false},
		{"case matters for stored codes", "EN", Default, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Parse(tt.in)
			if got != tt.want || ok != tt.wantOK {
				t.Errorf("Parse(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

func TestLangNameAndDefault(t *testing.T) {
	if got, want := Langs()[0], Default; got != want {
		t.Errorf("Langs()[0] = %q, want the default %q", got, want)
	}
	for lang, want := range map[Lang]string{RU: "Русский", EN: "English", "xx": "Русский"} {
		if got := lang.Name(); got != want {
			t.Errorf("%q.Name() = %q, want %q", lang, got, want)
		}
	}
	if got, want := T("xx", MenuGrades), "Оценки"; got != want {
		t.Errorf("T with an unknown language = %q, want the Russian %q", got, want)
	}
}
