package diary_test

import (
	"testing"

	"github.com/schooldiary/diary/internal/diary"
)

func TestFormatHundredths(t *testing.T) {
	tests := []struct {
		name        string
		h           int64
		want, short string
	}{
		{"zero", 0, "0,00", "0"},
		{"one digit", 5, "0,05", "0,05"},
		{"average", 317, "3,17", "3,17"},
		{"tenths", 150, "1,50", "1,5"},
		{"whole", 200, "2,00", "2"},
		{"hundred", 10000, "100,00", "100"},
		{"negative", -5, "-0,05", "-0,05"},
		{"ten", 1000, "10,00", "10"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := diary.FormatHundredths(tt.h); got != tt.want {
				t.Errorf("FormatHundredths(%d) = %q, want %q", tt.h, got, tt.want)
			}
			if got := diary.FormatHundredthsShort(tt.h); got != tt.short {
				t.Errorf("FormatHundredthsShort(%d) = %q, want %q", tt.h, got, tt.short)
			}
		})
	}
}

func TestFormatPercentAndWeight(t *testing.T) {
	tests := []struct {
		name string
		got  string
		want string
	}{
		{"percent half", diary.FormatPercent(8750), "87,5 %"},
		{"percent full", diary.FormatPercent(10000), "100 %"},
		{"percent zero", diary.FormatPercent(0), "0 %"},
		{"percent hundredths", diary.FormatPercent(6667), "66,67 %"},
		{"weight one", diary.FormatWeight(diary.WeightOne), "1"},
		{"weight half", diary.FormatWeight(50), "0,5"},
		{"weight 1.25", diary.FormatWeight(125), "1,25"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %q, want %q", tt.got, tt.want)
			}
		})
	}
}
