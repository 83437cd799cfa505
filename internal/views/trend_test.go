package views

import (
	"testing"

	"github.com/schooldiary/diary/internal/diary"
)

// TestTrend compares the last three numeric marks with the earlier ones,
// by weight, and shows nothing with too few.
func TestTrend(t *testing.T) {
	g := func(v, w int) diary.Grade { return diary.Grade{Value: v, Weight: w} }
	pass := diary.Grade{Mark: diary.MarkPass}
	tests := []struct {
		name   string
		grades []diary.Grade
		want   string
	}{
		{"three marks: too few", []diary.Grade{g(2, 100), g(5, 100), g(5, 100)}, ""},
		{"non-numeric marks do not count", []diary.Grade{g(2, 100), pass, g(5, 100), g(5, 100)}, ""},
		{"rising", []diary.Grade{g(3, 100), g(4, 100), g(5, 100), g(4, 100)}, "↑"},
		{"falling", []diary.Grade{g(5, 100), g(5, 100), g(4, 100), g(4, 100), g(5, 100)}, "↓"},
		{"steady", []diary.Grade{g(4, 100), g(4, 100), g(5, 100), g(3, 100)}, "→"},
		{"less than a quarter down", []diary.Grade{g(4, 100), g(5, 100), g(4, 100), g(5, 100), g(5, 100), g(4, 100), g(4, 100)}, "→"},
		{"weight decides", []diary.Grade{g(4, 100), g(5, 100), g(3, 300), g(4, 100)}, "↓"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := trend(tt.grades); got != tt.want {
				t.Errorf("trend = %q, want %q", got, tt.want)
			}
		})
	}
}
