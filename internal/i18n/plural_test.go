package i18n

import (
	"slices"
	"testing"
)

func TestNGrades(t *testing.T) {
	tests := []struct {
		n      int
		ru, en string
	}{
		{0, "0 оценок", "0 grades"},
		{1, "1 оценка", "1 grade"},
		{2, "2 оценки", "2 grades"},
		{4, "4 оценки", "4 grades"},
		{5, "5 оценок", "5 grades"},
		{11, "11 оценок", "11 grades"},
		{12, "12 оценок", "12 grades"},
		{14, "14 оценок", "14 grades"},
		{21, "21 оценка", "21 grades"},
		{22, "22 оценки", "22 grades"},
		{25, "25 оценок", "25 grades"},
		{101, "101 оценка", "101 grades"},
		{111, "111 оценок", "111 grades"},
		{1000, "1000 оценок", "1,000 grades"},
		{1001, "1001 оценка", "1,001 grades"},
		{10_002, "10\u00a0002 оценки", "10,002 grades"},
		{-1, "-1 оценка", "-1 grade"},
	}
	for _, tt := range tests {
		t.Run(tt.ru, func(t *testing.T) {
			if got := N(RU, Grades, tt.n); got != tt.ru {
				t.Errorf("N(RU, Grades, %d) = %q, want %q", tt.n, got, tt.ru)
			}
			if got := N(EN, Grades, tt.n); got != tt.en {
				t.Errorf("N(EN, Grades, %d) = %q, want %q", tt.n, got, tt.en)
			}
		})
	}
}

// TestNUnits checks every unit in each Russian category, so a wrong form in
// any of them shows.
func TestNUnits(t *testing.T) {
	tests := []struct {
		key            Key
		one, few, many string
		enOne, enOther string
	}{
		{Grades, "21 оценка", "3 оценки", "12 оценок", "1 grade", "3 grades"},
		{Lessons, "21 урок", "3 урока", "12 уроков", "1 lesson", "3 lessons"},
		{Absences, "21 пропуск", "3 пропуска", "12 пропусков", "1 absence", "3 absences"},
		{Students, "21 ученик", "3 ученика", "12 учеников", "1 student", "3 students"},
		{Children, "21 ребёнок", "3 ребёнка", "12 детей", "1 child", "3 children"},
		{Days, "21 день", "3 дня", "12 дней", "1 day", "3 days"},
		{Hours, "21 час", "3 часа", "12 часов", "1 hour", "3 hours"},
		{Minutes, "21 минута", "3 минуты", "12 минут", "1 minute", "3 minutes"},
	}
	for _, tt := range tests {
		t.Run(string(tt.key), func(t *testing.T) {
			got := []string{N(RU, tt.key, 21), N(RU, tt.key, 3), N(RU, tt.key, 12), N(EN, tt.key, 1), N(EN, tt.key, 3)}
			want := []string{tt.one, tt.few, tt.many, tt.enOne, tt.enOther}
			if !slices.Equal(got, want) {
				t.Errorf("got %q, want %q", got, want)
			}
		})
	}
}

func TestPluralOfFractions(t *testing.T) {
	tests := []struct {
		name   string
		h      Hundredths
		ru, en string
	}{
		{"one and a half", 150, "1,5 часа", "1.5 hours"},
		{"half", 50, "0,5 часа", "0.5 hours"},
		{"two point oh is two", 200, "2 часа", "2 hours"},
		{"one point oh is one", 100, "1 час", "1 hour"},
		{"five point oh is five", 500, "5 часов", "5 hours"},
		{"twenty-one and a quarter", 2125, "21,25 часа", "21.25 hours"},
		{"one point oh one", 101, "1,01 часа", "1.01 hours"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := T(RU, Hours, "n", tt.h); got != tt.ru {
				t.Errorf("ru: got %q, want %q", got, tt.ru)
			}
			if got := T(EN, Hours, "n", tt.h); got != tt.en {
				t.Errorf("en: got %q, want %q", got, tt.en)
			}
		})
	}
}

func TestCategories(t *testing.T) {
	tests := []struct {
		lang Lang
		want []string
	}{
		{RU, []string{"one", "few", "many", "other"}},
		{EN, []string{"one", "other"}},
	}
	for _, tt := range tests {
		t.Run(string(tt.lang), func(t *testing.T) {
			if got := categories(tt.lang); !slices.Equal(got, tt.want) {
				t.Errorf("categories(%s) = %v, want %v", tt.lang, got, tt.want)
			}
		})
	}
}

func TestOperands(t *testing.T) {
	tests := []struct {
		name    string
		n       number
		i, v, f int
	}{
		{"integer", number{value: 25}, 25, 0, 0},
		{"negative integer", number{value: -25}, 25, 0, 0},
		{"whole hundredths", number{value: 300, hundredths: true}, 3, 0, 0},
		{"one digit", number{value: 350, hundredths: true}, 3, 1, 5},
		{"two digits", number{value: 317, hundredths: true}, 3, 2, 17},
		{"leading zero digit", number{value: 305, hundredths: true}, 3, 2, 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			i, v, f := tt.n.operands()
			if i != tt.i || v != tt.v || f != tt.f {
				t.Errorf("operands = %d, %d, %d; want %d, %d, %d", i, v, f, tt.i, tt.v, tt.f)
			}
		})
	}
}
