package i18n

import (
	"strconv"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/schooldiary/diary/internal/diary"
)

// calendarNames are a language's names of months and weekdays.
type calendarNames struct {
	months        [12]string // nominative: «ноябрь»
	monthsOf      [12]string // genitive, after a day: «29 ноября»
	weekdays      [7]string  // from Sunday: «воскресенье»
	weekdaysShort [7]string  // «вс»
}

var ruNames = calendarNames{
	months: [12]string{"январь", "февраль", "март", "апрель", "май", "июнь",
		"июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"},
	monthsOf: [12]string{"января", "февраля", "марта", "апреля", "мая", "июня",
		"июля", "августа", "сентября", "октября", "ноября", "декабря"},
	weekdays: [7]string{"воскресенье", "понедельник", "вторник", "среда",
		"четверг", "пятница", "суббота"},
	weekdaysShort: [7]string{"вс", "пн", "вт", "ср", "чт", "пт", "сб"},
}

var enNames = calendarNames{
	months: [12]string{"January", "February", "March", "April", "May", "June",
		"July", "August", "September", "October", "November", "December"},
	weekdays: [7]string{"Sunday", "Monday", "Tuesday", "Wednesday",
		"Thursday", "Friday", "Saturday"},
	weekdaysShort: [7]string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"},
}

func init() { enNames.monthsOf = enNames.months }

// names returns the calendar names of lang.
func names(lang Lang) *calendarNames {
	if lang.norm() == EN {
		return &enNames
	}
	return &ruNames
}

// Month returns the month's name as it stands alone: «ноябрь», "November".
func Month(lang Lang, m time.Month) string { return names(lang).months[wrap(int(m)-1, 12)] }

// MonthGenitive returns the month's name as it follows a day: «ноября»,
// "November".
func MonthGenitive(lang Lang, m time.Month) string { return names(lang).monthsOf[wrap(int(m)-1, 12)] }

// Weekday returns the weekday's full name: «понедельник», "Monday".
func Weekday(lang Lang, d time.Weekday) string { return names(lang).weekdays[wrap(int(d), 7)] }

// WeekdayShort returns the weekday's short name: «пн», "Mon".
func WeekdayShort(lang Lang, d time.Weekday) string {
	return names(lang).weekdaysShort[wrap(int(d), 7)]
}

// DayMonth writes a date without its year: «29 ноября», "29 November".
func DayMonth(lang Lang, d diary.Date) string {
	return strconv.Itoa(d.Day) + " " + MonthGenitive(lang, d.Month)
}

// WeekdayDayMonth writes a date with its short weekday: «пн, 30 ноября»,
// "Mon, 30 November".
func WeekdayDayMonth(lang Lang, d diary.Date) string {
	return WeekdayShort(lang, d.Weekday()) + ", " + DayMonth(lang, d)
}

// DayMonthYear writes a full date: «29 ноября 2026 г.», "29 November 2026".
func DayMonthYear(lang Lang, d diary.Date) string {
	s := DayMonth(lang, d) + " " + strconv.Itoa(d.Year)
	if lang.norm() == EN {
		return s
	}
	return s + " г."
}

// DateRange writes the days from one date to another, both included, as
// briefly as is clear: «1–7 сентября», «28 октября – 5 ноября»,
// «29 декабря 2025 г. – 11 января 2026 г.»; one day is written as DayMonth.
func DateRange(lang Lang, from, to diary.Date) string {
	switch {
	case from == to:
		return DayMonth(lang, from)
	case from.Year != to.Year:
		return DayMonthYear(lang, from) + " – " + DayMonthYear(lang, to)
	case from.Month != to.Month:
		return DayMonth(lang, from) + " – " + DayMonth(lang, to)
	}
	return strconv.Itoa(from.Day) + "–" + DayMonth(lang, to)
}

// Capitalize returns s with its first letter in upper case, for a weekday or
// a month at the start of a line: «Понедельник».
func Capitalize(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}

// wrap returns i modulo n in [0, n), so an out-of-range month or weekday
// never panics.
func wrap(i, n int) int { return (i%n + n) % n }
