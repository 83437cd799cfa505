// Package i18n is the message catalogue: every text the bot shows a user,
// in Russian (the default) and English, with Russian plural forms, dates and
// numbers written the Russian way, and HTML escaping of every argument.
//
// Texts are keyed by Key constants and defined once, both languages side by
// side, in the messages_*.go files (one file per area). A text may hold
// placeholders and plural selectors in a small ICU-like syntax:
//
//	{child}                       an argument, HTML-escaped unless it is Safe
//	{n, plural, one {# оценка} few {# оценки} many {# оценок} other {# оценки}}
//	{n, plural, =0 {нет оценок} one {…} … other {…}}   an exact match first
//
// Inside a plural branch # is the number, formatted for the language. The
// plural categories are CLDR's (golang.org/x/text/feature/plural): Russian uses
// one, few, many and other (other is for fractions: «1,5 часа»), English one
// and other. The tests check that both languages of a key use the same
// placeholders and the right categories, and that the HTML is balanced.
//
// Arguments are name/value pairs, as in log/slog. Strings are escaped; Safe
// is pre-rendered HTML; integers, Hundredths, diary.Date, diary.Aggregate,
// time.Weekday and time.Month are formatted for the language:
//
//	lang := i18n.Match(update.From.LanguageCode) // or the user's saved choice
//	text := i18n.T(lang, i18n.LinkDone, "child", student.Name, "class", class.Name)
//	label := i18n.Plain(lang, i18n.MenuGrades) // button labels are not HTML
//	count := i18n.N(lang, i18n.Lessons, 5)     // «5 уроков» / "5 lessons"
//	day := i18n.WeekdayDayMonth(lang, date)     // «пн, 30 ноября»
//
// T never panics and never fails: a missing argument leaves its placeholder
// in the text. Render is the strict form that reports such mistakes, for tests.
package i18n
