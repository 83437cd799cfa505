package views

import (
	"strconv"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/i18n"
)

// markKeys are the texts of the non-numeric marks.
var markKeys = map[string]i18n.Key{
	diary.MarkPass:      i18n.ViewMarkPass,
	diary.MarkFail:      i18n.ViewMarkFail,
	diary.MarkNotGraded: i18n.ViewMarkNotGraded,
	diary.MarkExempt:    i18n.ViewMarkExempt,
}

// mark writes a mark as HTML: the value 1–5, the language's word for a
// non-numeric mark, an unknown mark escaped as it is, or «—».
func mark(lang i18n.Lang, value int, m string) string {
	if value >= 1 && value <= 5 {
		return strconv.Itoa(value)
	}
	if key, ok := markKeys[m]; ok {
		return i18n.T(lang, key)
	}
	if m != "" {
		return string(i18n.Escape(m))
	}
	return diary.NoValue
}

// gradeMark writes a grade's mark.
func gradeMark(lang i18n.Lang, g diary.Grade) string { return mark(lang, g.Value, g.Mark) }

// compactMark writes a grade for a one-line list: the mark, and its weight
// in brackets when it is not 1: «3 (×2)», «5 (×1,5)».
func compactMark(lang i18n.Lang, g diary.Grade) string {
	s := gradeMark(lang, g)
	if weighs(g) {
		s += " " + i18n.T(lang, i18n.ViewWeight, "weight", i18n.Hundredths(g.Weight))
	}
	return s
}

// finalMark writes a period, year, exam or final grade.
func finalMark(lang i18n.Lang, f diary.FinalGrade) string { return mark(lang, f.Value, f.Mark) }

// attendanceKinds are the attendance marks in the order the view lists
// them, with the texts of their kind and of the mark itself.
var attendanceKinds = []struct {
	mark       string
	kind, code i18n.Key
}{
	{diary.Absent, i18n.ViewAbsentKind, i18n.ViewAbsentMark},
	{diary.Ill, i18n.ViewIllKind, i18n.ViewIllMark},
	{diary.Excused, i18n.ViewExcusedKind, i18n.ViewExcusedMark},
	{diary.Pass, i18n.ViewByRequestKind, i18n.ViewByRequestMark},
	{diary.Late, i18n.ViewLateKind, i18n.ViewLateMark},
}

// attendanceCode writes an attendance mark for the list by date.
func attendanceCode(lang i18n.Lang, m string) string {
	for _, k := range attendanceKinds {
		if k.mark == m {
			return i18n.T(lang, k.code)
		}
	}
	return string(i18n.Escape(m))
}
