package i18n

import (
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/diary"
)

func TestDates(t *testing.T) {
	nov29 := diary.NewDate(2026, time.November, 29) // a Sunday
	nov30 := diary.NewDate(2026, time.November, 30) // a Monday
	tests := []struct {
		name   string
		got    func(Lang) string
		ru, en string
	}{
		{"day month", func(l Lang) string { return DayMonth(l, nov29) }, "29 ноября", "29 November"},
		{"weekday day month", func(l Lang) string { return WeekdayDayMonth(l, nov30) }, "пн, 30 ноября", "Mon, 30 November"},
		{"sunday", func(l Lang) string { return WeekdayDayMonth(l, nov29) }, "вс, 29 ноября", "Sun, 29 November"},
		{"with year", func(l Lang) string { return DayMonthYear(l, nov29) }, "29 ноября 2026 г.", "29 November 2026"},
		{"range in a month", func(l Lang) string {
			return DateRange(l, diary.NewDate(2026, 9, 1), diary.NewDate(2026, 9, 7))
		}, "1–7 сентября", "1–7 September"},
		{"range across months", func(l Lang) string {
			return DateRange(l, diary.NewDate(2026, 10, 28), diary.NewDate(2026, 11, 5))
		}, "28 октября – 5 ноября", "28 October – 5 November"},
		{"range across years", func(l Lang) string {
			return DateRange(l, diary.NewDate(2025, 12, 29), diary.NewDate(2026, 1, 11))
		}, "29 декабря 2025 г. – 11 января 2026 г.", "29 December 2025 – 11 January 2026"},
		{"range of one day", func(l Lang) string { return DateRange(l, nov29, nov29) }, "29 ноября", "29 November"},
		{"capitalized weekday", func(l Lang) string { return Capitalize(Weekday(l, time.Wednesday)) }, "Среда", "Wednesday"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.got(RU); got != tt.ru {
				t.Errorf("ru: got %q, want %q", got, tt.ru)
			}
			if got := tt.got(EN); got != tt.en {
				t.Errorf("en: got %q, want %q", got, tt.en)
			}
		})
	}
}

func TestMonthNames(t *testing.T) {
	wantNom := []string{"январь", "февраль", "март", "апрель", "май", "июнь",
		"июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"}
	wantGen := []string{"января", "февраля", "марта", "апреля", "мая", "июня",
		"июля", "августа", "сентября", "октября", "ноября", "декабря"}
	for m := time.January; m <= time.December; m++ {
		if got := Month(RU, m); got != wantNom[m-1] {
			t.Errorf("Month(RU, %v) = %q, want %q", m, got, wantNom[m-1])
		}
		if got := MonthGenitive(RU, m); got != wantGen[m-1] {
			t.Errorf("MonthGenitive(RU, %v) = %q, want %q", m, got, wantGen[m-1])
		}
		if got, want := MonthGenitive(EN, m), m.String(); got != want {
			t.Errorf("MonthGenitive(EN, %v) = %q, want %q", m, got, want)
		}
	}
}

func TestWeekdayNames(t *testing.T) {
	wantFull := []string{"воскресенье", "понедельник", "вторник", "среда", "четверг", "пятница", "суббота"}
	wantShort := []string{"вс", "пн", "вт", "ср", "чт", "пт", "сб"}
	for d := time.Sunday; d <= time.Saturday; d++ {
		if got := Weekday(RU, d); got != wantFull[d] {
			t.Errorf("Weekday(RU, %v) = %q, want %q", d, got, wantFull[d])
		}
		if got := WeekdayShort(RU, d); got != wantShort[d] {
			t.Errorf("WeekdayShort(RU, %v) = %q, want %q", d, got, wantShort[d])
		}
		if got, want := Weekday(EN, d), d.String(); got != want {
			t.Errorf("Weekday(EN, %v) = %q, want %q", d, got, want)
		}
	}
}

func TestNamesOutOfRangeDoNotPanic(t *testing.T) {
	if got, want := Month(RU, 0), "декабрь"; got != want {
		t.Errorf("Month(RU, 0) = %q, want %q", got, want)
	}
	if got, want := WeekdayShort(RU, 7), "вс"; got != want {
		t.Errorf("WeekdayShort(RU, 7) = %q, want %q", got, want)
	}
}
