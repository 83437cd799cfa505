package i18n

import (
	"strings"

	"golang.org/x/text/language"
)

// Lang is a language of the catalogue, stored as its ISO 639-1 code.
type Lang string

// The languages of the catalogue.
const (
	RU Lang = "ru"
	EN Lang = "en"
)

// Default is the language of a user who has chosen none: Russian.
const Default = RU

// Langs lists the catalogue's languages, the default first, for a switcher.
func Langs() []Lang { return []Lang{RU, EN} }

// Match picks the language for a Telegram user's language_code: English for
// "en" and its regional forms ("en-US", "en_GB"), Russian for everything
// else, including an empty or unknown code. The school is Russian, so a
// Ukrainian, Kazakh or German interface language still gets Russian; such a
// user can switch to English in the settings.
func Match(telegramLanguageCode string) Lang {
	code := strings.ToLower(strings.TrimSpace(telegramLanguageCode))
	if code == "en" || strings.HasPrefix(code, "en-") || strings.HasPrefix(code, "en_") {
		return EN
	}
	return RU
}

// Parse returns the language whose code is s ("ru", "en"), for a stored
// choice or a button's data, and false when s is no language of the catalogue.
func Parse(s string) (Lang, bool) {
	switch l := Lang(s); l {
	case RU, EN:
		return l, true
	}
	return Default, false
}

// Valid reports whether l is a language of the catalogue.
func (l Lang) Valid() bool {
	_, ok := Parse(string(l))
	return ok
}

// Name returns the language's own name, as a language switcher shows it
// whatever the current language: «Русский», "English".
func (l Lang) Name() string {
	if l.norm() == EN {
		return "English"
	}
	return "Русский"
}

// norm returns l, or Default when l is not a language of the catalogue.
func (l Lang) norm() Lang {
	if l.Valid() {
		return l
	}
	return Default
}

// tag returns the language tag that plural rules are looked up by.
func (l Lang) tag() language.Tag {
	if l.norm() == EN {
		return language.English
	}
	return language.Russian
}
