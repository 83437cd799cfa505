package i18n

import (
	"slices"
	"testing"
)

func TestNLessons(t *testing.T) {
	tests := []struct {
		n      int
		ru, en string
	}{
		{0, "0 уроков", "0 lessons"},
		{1, "1 урок", "1 lesson"},
		{2, "2 урока", "2 lessons"},
		{4, "4 урока", "4 lessons"},
		{5, "5 уроков", "5 lessons"},
		{11, "11 уроков", "11 lessons"},
		{12, "12 уроков", "12 lessons"},
		{14, "14 уроков", "14 lessons"},
		{21, "21 урок", "21 lessons"},
		{22, "22 урока", "22 lessons"},
		{25, "25 уроков", "25 lessons"},
		{101, "101 урок", "101 lessons"},
		{111, "111 уроков", "111 lessons"},
		{1000, "1000 уроков", "1,000 lessons"},
		{1001, "1001 урок", "1,001 lessons"},
		{10_002, "10\u00a0002 урока", "10,002 lessons"},
		{-1, "-1 урок", "-1 lesson"},
	}
	for _, tt := range tests {
		t.Run(tt.ru, func(t *testing.T) {
			if got := N(RU, Lessons, tt.n); got != tt.ru {
				t.Errorf("N(RU, Lessons, %d) = %q, want %q", tt.n, got, tt.ru)
			}
			if got := N(EN, Lessons, tt.n); got != tt.en {
				t.Errorf("N(EN, Lessons, %d) = %q, want %q", tt.n, got, tt.en)
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
		{Lessons, "21 урок", "3 урока", "12 уроков", "1 lesson", "3 lessons"},
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
		{"one and a half", 150, "1,5 урока", "1.5 lessons"},
		{"half", 50, "0,5 урока", "0.5 lessons"},
		{"two point oh is two", 200, "2 урока", "2 lessons"},
		{"one point oh is one", 100, "1 урок", "1 lesson"},
		{"five point oh is five", 500, "5 уроков", "5 lessons"},
		{"twenty-one and a quarter", 2125, "21,25 урока", "21.25 lessons"},
		{"one point oh one", 101, "1,01 урока", "1.01 lessons"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := T(RU, Lessons, "n", tt.h); got != tt.ru {
				t.Errorf("ru: got %q, want %q", got, tt.ru)
			}
			if got := T(EN, Lessons, "n", tt.h); got != tt.en {
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
