package letters

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// runeWidth measures a string as one unit per character, so widths in tests are counts.
func runeWidth(s string) (float64, error) { return float64(utf8.RuneCountInString(s)), nil }

func TestWrap(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		width float64
		want  []string
	}{
		{"empty", "", 10, nil},
		{"only spaces", "   ", 10, nil},
		{"fits", "Иванов Иван", 11, []string{"Иванов Иван"}},
		{"breaks at a space", "Иванов Иван Иванович", 12, []string{"Иванов Иван", "Иванович"}},
		{"spaces collapse", "  Иванов   Иван  ", 20, []string{"Иванов Иван"}},
		{"breaks after a hyphen", "Римского-Корсакова Анна", 10, []string{"Римского-", "Корсакова", "Анна"}},
		{"keeps a hyphenated name whole when it fits", "А Мамина-Сибиряк", 16, []string{"А Мамина-Сибиряк"}},
		{"cuts a word longer than a line", "Абвгдежзийклмн", 5, []string{"Абвгд", "ежзий", "клмн"}},
		{"width below one character", "абв", 0.5, []string{"а", "б", "в"}},
		{"lone hyphen", "а - б", 3, []string{"а -", "б"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := wrap(tt.text, tt.width, runeWidth)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestWrapKeepsEveryCharacterWithinWidth wraps random names and checks that no line is too
// wide and that, spaces aside, nothing is lost or reordered.
func TestWrapKeepsEveryCharacterWithinWidth(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	parts := []string{"Иванов", "Римского-Корсакова", "А", "Салтыкова-Щедрина-Мамина", "Ян", strings.Repeat("Щ", 40)}
	for range 500 {
		var words []string
		for range 1 + rng.IntN(12) {
			words = append(words, parts[rng.IntN(len(parts))])
		}
		text, width := strings.Join(words, " "), float64(1+rng.IntN(30))
		lines, err := wrap(text, width, runeWidth)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range lines {
			if w, _ := runeWidth(line); w > width {
				t.Fatalf("wrap(%q, %v): line %q is %v wide", text, width, line, w)
			}
		}
		if got, want := strings.ReplaceAll(strings.Join(lines, ""), " ", ""), strings.ReplaceAll(text, " ", ""); got != want {
			t.Fatalf("wrap(%q, %v) = %q lost characters", text, width, lines)
		}
	}
}

func TestClip(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		max   int
		width float64
		want  []string
	}{
		{"under the limit", []string{"аб", "вг"}, 3, 5, []string{"аб", "вг"}},
		{"at the limit", []string{"аб", "вг"}, 2, 5, []string{"аб", "вг"}},
		{"room for the ellipsis", []string{"аб", "вг", "де"}, 2, 5, []string{"аб", "вг…"}},
		{"full last line is shortened", []string{"абвгд", "ежзий", "к"}, 2, 5, []string{"абвгд", "ежзи…"}},
		{"trailing space dropped", []string{"абвг", "де жз", "к"}, 2, 4, []string{"абвг", "де…"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := clip(slices.Clone(tt.lines), tt.max, tt.width, runeWidth)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
