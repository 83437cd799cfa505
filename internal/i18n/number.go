package i18n

import (
	"strconv"
	"strings"

	"github.com/schooldiary/diary/internal/diary"
)

// nbsp is the no-break space that groups Russian thousands, so a number is
// never split across lines.
const nbsp = "\u00a0"

// Number writes an integer for lang. Russian groups thousands with a
// no-break space from five digits on, as Russian typography does (1000,
// 10 000, 1 000 000); English groups with commas from four (1,000).
func Number(lang Lang, n int) string {
	if lang.norm() == EN {
		return group(n, ",", 1000)
	}
	return group(n, nbsp, 10000)
}

// group writes n with sep between groups of three digits when |n| >= from.
func group(n int, sep string, from int) string {
	s := strconv.Itoa(n)
	if -from < n && n < from {
		return s
	}
	sign, digits := "", s
	if n < 0 {
		sign, digits = "-", s[1:]
	}
	var b strings.Builder
	for i, d := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(d)
	}
	return sign + b.String()
}

// Decimal writes hundredths without trailing zeros: ru «1,5», «87,33», «2»;
// en "1.5".
func Decimal(lang Lang, h Hundredths) string {
	return pointFor(lang, diary.FormatHundredthsShort(int64(h)))
}

// Average writes a weighted average with two fraction digits, as
// diary.FormatAverage does: ru «3,17», en "3.17", «—» when there is no grade.
func Average(lang Lang, a diary.Aggregate) string {
	return pointFor(lang, diary.FormatAverage(a))
}

// Percent writes a percentage kept in hundredths of a percent: ru «87,5 %»
// (with a no-break space), en "87.5%".
func Percent(lang Lang, h int) string {
	s := Decimal(lang, Hundredths(h))
	if lang.norm() == EN {
		return s + "%"
	}
	return s + nbsp + "%"
}

// pointFor turns the decimal comma of a Russian figure into a point for English.
func pointFor(lang Lang, s string) string {
	if lang.norm() == EN {
		return strings.Replace(s, ",", ".", 1)
	}
	return s
}
