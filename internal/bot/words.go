package bot

import (
	"context"
	"strings"
	"unicode"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/i18n"
)

// plainWords are the words a family types instead of pressing a button,
// lower-cased, each with the view it opens; the menu's labels work too.
var plainWords = map[string]string{
	"оценки": ActionGrades, "оценка": ActionGrades, "отметки": ActionGrades,
	"дз": ActionHomework, "домашка": ActionHomework, "задание": ActionHomework, "задания": ActionHomework,
	"домашнее задание": ActionHomework, "домашние задания": ActionHomework,
	"расписание": ActionTimetable, "уроки": ActionTimetable,
	"пропуски": ActionAttendance, "посещаемость": ActionAttendance,
	"завтра": ActionTomorrow, "что нового": ActionNews, "новое": ActionNews, "новости": ActionNews,
	"итоговые": ActionFinal, "каникулы": ActionPeriods,
	"grades": ActionGrades, "homework": ActionHomework, "timetable": ActionTimetable,
	"attendance": ActionAttendance, "tomorrow": ActionTomorrow, "news": ActionNews,
}

// wordAction returns the view a typed word asks for: a plain word or a
// menu label, in any case, with the punctuation around it ignored.
func wordAction(text string) (string, bool) {
	w := strings.ToLower(strings.TrimFunc(text, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) }))
	w = strings.Join(strings.Fields(w), " ")
	if a, ok := plainWords[w]; ok {
		return a, true
	}
	for _, v := range menuViews {
		for _, l := range i18n.Langs() {
			if w == strings.ToLower(i18n.Plain(l, v.label)) {
				return v.action, true
			}
		}
	}
	return "", false
}

// looksLikeCode reports whether text is made like a link code (letters and
// digits, at least two digits, in separators as a code is typed) without
// being one, and how many symbols it has.
func looksLikeCode(text string) (symbols int, ok bool) {
	digits := 0
	for _, r := range text {
		switch {
		case strings.ContainsRune(" -_‐‑‒–—", r):
		case unicode.IsDigit(r):
			digits++
			symbols++
		case unicode.IsLetter(r):
			symbols++
		default:
			return 0, false
		}
	}
	return symbols, digits >= 2 && symbols >= 4 && symbols <= 2*diary.CodeSymbols
}

// codeHint says how a link code is made when text looks like a mistyped one.
func (b *B) codeHint(ctx context.Context, r *req, text string) (bool, error) {
	n, ok := looksLikeCode(text)
	if !ok {
		return false, nil
	}
	return true, b.send(ctx, r.chatID, i18n.T(r.lang, i18n.HintCodeLength, "got", n, "want", diary.CodeSymbols), nil)
}
