package letters

import (
	"fmt"
	"testing"
)

func TestCodeRows(t *testing.T) {
	tests := []struct {
		name  string
		code  string
		cell  float64
		width float64
		want  []string
	}{
		{"fits one row", "K7M2Q-9XH4D", 7, 100, []string{"K7M2Q-9XH4D"}},
		{"exactly fits", "K7M2Q", 20, 100, []string{"K7M2Q"}},
		{"two rows", "K7M2Q-9XH4D-W7M2Q", 10, 100, []string{"K7M2Q-9XH4", "D-W7M2Q"}},
		{"cell wider than the line", "AB", 50, 10, []string{"A", "B"}},
		{"empty", "", 5, 100, []string{""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows := codeRows([]rune(tt.code), tt.cell, tt.width)
			if got, want := fmt.Sprintf("%q", runeRows(rows)), fmt.Sprintf("%q", tt.want); got != want {
				t.Errorf("got %s, want %s", got, want)
			}
		})
	}
}

func runeRows(rows [][]rune) []string {
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = string(r)
	}
	return out
}
