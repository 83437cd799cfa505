package i18n

import (
	"reflect"
	"strconv"

	"golang.org/x/text/feature/plural"
)

// Hundredths is a number kept in hundredths, as the diary keeps weights and
// averages. It is shown without trailing zeros (150 → «1,5», 200 → «2») and
// takes the plural form of the number as shown: «1,5 часа», «2 часа».
type Hundredths int64

// categoryForms maps CLDR plural category names to x/text's forms.
var categoryForms = map[string]plural.Form{
	"zero":  plural.Zero,
	"one":   plural.One,
	"two":   plural.Two,
	"few":   plural.Few,
	"many":  plural.Many,
	"other": plural.Other,
}

// number is a value a plural selector or '#' can use.
type number struct {
	value      int64 // the integer, or the hundredths
	hundredths bool
}

// toNumber returns v as a number when it is an integer or Hundredths.
func toNumber(v any) (number, bool) {
	if h, ok := v.(Hundredths); ok {
		return number{value: int64(h), hundredths: true}, true
	}
	n, ok := toInt64(v)
	return number{value: n}, ok
}

// toInt64 returns v as an int64 when its kind is a signed or unsigned integer.
func toInt64(v any) (int64, bool) {
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return rv.Int(), true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return int64(rv.Uint()), true
	}
	return 0, false
}

// format writes the number for lang: «1 000 000», «1,5».
func (n number) format(lang Lang) string {
	if n.hundredths {
		return Decimal(lang, Hundredths(n.value))
	}
	return Number(lang, int(n.value))
}

// category returns the CLDR plural category of the number as shown, in lang.
func (n number) category(lang Lang) string {
	i, v, f := n.operands()
	form := plural.Cardinal.MatchPlural(lang.tag(), i, v, v, f, f)
	for name, f := range categoryForms {
		if f == form {
			return name
		}
	}
	return "other"
}

// operands returns CLDR's operands of the number as shown: the integer
// digits i, the count of visible fraction digits v, and those digits f
// (shown without trailing zeros, so w = v and t = f).
func (n number) operands() (i, v, f int) {
	abs := n.value
	if abs < 0 {
		abs = -abs
	}
	if !n.hundredths {
		return int(abs % 10_000_000), 0, 0
	}
	i, frac := int(abs/100%10_000_000), int(abs%100)
	switch {
	case frac == 0:
		return i, 0, 0
	case frac%10 == 0:
		return i, 1, frac / 10
	}
	return i, 2, frac
}

// exact reports whether selector "=N" matches the number.
func (n number) exact(selector string) bool {
	want, err := strconv.ParseInt(selector[1:], 10, 64)
	if err != nil {
		return false
	}
	if n.hundredths {
		return n.value == want*100
	}
	return n.value == want
}

// selectCase picks the branch for the number: an exact match first, then
// the number's category, then other.
func selectCase(cases []pluralCase, n number, lang Lang) []node {
	for _, c := range cases {
		if c.selector[0] == '=' && n.exact(c.selector) {
			return c.body
		}
	}
	cat := n.category(lang)
	var other []node
	for _, c := range cases {
		switch c.selector {
		case cat:
			return c.body
		case "other":
			other = c.body
		}
	}
	return other
}

// categories returns the CLDR plural categories lang uses for cardinal
// numbers, integers and fractions: ru → one, few, many, other; en → one, other.
func categories(lang Lang) []string {
	seen := map[string]bool{}
	var cats []string
	for _, h := range categorySamples {
		c := number{value: h, hundredths: true}.category(lang)
		if !seen[c] {
			seen[c] = true
			cats = append(cats, c)
		}
	}
	return sortCategories(cats)
}

// categorySamples are numbers, in hundredths, that reach every category of
// the catalogue's languages: 0–200 and some fractions.
var categorySamples = func() []int64 {
	var s []int64
	for n := int64(0); n <= 200; n++ {
		s = append(s, n*100)
	}
	return append(s, 10, 150, 101, 1010)
}()

// sortCategories orders categories as CLDR lists them.
func sortCategories(cats []string) []string {
	var out []string
	for _, name := range []string{"zero", "one", "two", "few", "many", "other"} {
		for _, c := range cats {
			if c == name {
				out = append(out, c)
			}
		}
	}
	return out
}
