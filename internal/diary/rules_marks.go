package diary

import (
	"strings"
	"unicode"
)

// markWords maps the spellings Russian journals use, lower case with «ё» as
// «е» and without spaces or dots, to the non-numeric marks; each spelling has
// one meaning. The attendance mark «н» is deliberately not a grade.
// docs/import.md lists them in a table; keep the two in step.
var markWords = map[string]string{
	"з": MarkPass, "зч": MarkPass, "зач": MarkPass, "зачт": MarkPass, "зачет": MarkPass, "зачтено": MarkPass,
	"нз": MarkFail, "незач": MarkFail, "незачт": MarkFail, "незачет": MarkFail, "незачтено": MarkFail,
	"н/а": MarkNotGraded, "на": MarkNotGraded, "неаттестован": MarkNotGraded,
	"осв": MarkExempt, "освоб": MarkExempt, "освобожден": MarkExempt,
}

// ParseMark reads a grade as a journal writes it: «5» … «1» give value, and
// the words of markWords — «з», «зч», «зач», «зачт», «зачёт»; «нз», «незач»,
// «незачёт»; «н/а», «на»; «осв», «освобождён» — in any case, with «ё» or
// «е», dots and spaces ignored, give mark, one of MarkPass, MarkFail,
// MarkNotGraded, MarkExempt.
func ParseMark(s string) (value int, mark string, err error) {
	k := markKey(s)
	if len(k) == 1 && k[0] >= '1' && k[0] <= '5' {
		return int(k[0] - '0'), "", nil
	}
	if m, ok := markWords[k]; ok {
		return 0, m, nil
	}
	return 0, "", Errorf(EInvalid, "mark %q: want 1–5, зач (з, зч, зачт), незач (нз), н/а (на) or осв", s)
}

// markKey folds s for the lookup in markWords.
func markKey(s string) string {
	s = strings.ReplaceAll(strings.ToLower(s), "ё", "е")
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '.' {
			return -1
		}
		return r
	}, s)
}

// IsMark reports whether mark is one of the non-numeric marks a grade may carry.
func IsMark(mark string) bool {
	switch mark {
	case MarkPass, MarkFail, MarkNotGraded, MarkExempt:
		return true
	}
	return false
}

// ParseWeight reads a grade's weight, «1», «1,5» or «0.5», into hundredths
// (100, 150, 50). At most two fraction digits that matter; the weight must be
// positive and below 10000.
func ParseWeight(s string) (int, error) {
	whole, frac, _ := strings.Cut(strings.ReplaceAll(strings.TrimSpace(s), ",", "."), ".")
	frac = strings.TrimRight(frac, "0")
	if !allDigits(whole) || len(whole) > 4 || len(frac) > 2 || !allDigits(frac+"0") {
		return 0, Errorf(EInvalid, "weight %q: want a number such as 1, 1,5 or 0.25", s)
	}
	w := 0
	for _, r := range whole + (frac + "00")[:2] {
		w = 10*w + int(r-'0')
	}
	if w == 0 {
		return 0, Errorf(EInvalid, "weight %q: must be above 0", s)
	}
	return w, nil
}

// allDigits reports whether s is non-empty and all ASCII digits.
func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// attendanceWords maps the spellings of attendance marks to the marks.
var attendanceWords = map[string]string{
	"н": Absent, "б": Ill, "у": Excused, "п": Pass, "оп": Late,
	"уп": Excused, "бол": Ill, "опозд": Late,
}

// ParseAttendanceMark reads an attendance mark in any case («Н», «оп»); an
// empty s gives "" (no mark: remove a stored one).
func ParseAttendanceMark(s string) (string, error) {
	k := markKey(s)
	if k == "" {
		return "", nil
	}
	if m, ok := attendanceWords[k]; ok {
		return m, nil
	}
	return "", Errorf(EInvalid, "attendance mark %q: want н, б, у, п or оп", s)
}

// IsAttendanceMark reports whether mark may be stored as an attendance mark.
func IsAttendanceMark(mark string) bool {
	switch mark {
	case Absent, Ill, Excused, Pass, Late:
		return true
	}
	return false
}
