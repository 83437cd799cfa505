package i18n

import (
	"testing"

	"github.com/schooldiary/diary/internal/diary"
)

func TestNumber(t *testing.T) {
	tests := []struct {
		n      int
		ru, en string
	}{
		{0, "0", "0"},
		{999, "999", "999"},
		{1000, "1000", "1,000"},
		{9999, "9999", "9,999"},
		{10000, "10\u00a0000", "10,000"},
		{1234567, "1\u00a0234\u00a0567", "1,234,567"},
		{-1234567, "-1\u00a0234\u00a0567", "-1,234,567"},
		{-999, "-999", "-999"},
	}
	for _, tt := range tests {
		t.Run(tt.en, func(t *testing.T) {
			if got := Number(RU, tt.n); got != tt.ru {
				t.Errorf("Number(RU, %d) = %q, want %q", tt.n, got, tt.ru)
			}
			if got := Number(EN, tt.n); got != tt.en {
				t.Errorf("Number(EN, %d) = %q, want %q", tt.n, got, tt.en)
			}
		})
	}
}

func TestDecimalsAverageAndPercent(t *testing.T) {
	tests := []struct {
		name   string
		got    func(Lang) string
		ru, en string
	}{
		{"decimal", func(l Lang) string { return Decimal(l, 8733) }, "87,33", "87.33"},
		{"decimal whole", func(l Lang) string { return Decimal(l, 200) }, "2", "2"},
		{"decimal negative", func(l Lang) string { return Decimal(l, -5) }, "-0,05", "-0.05"},
		{"average", func(l Lang) string { return Average(l, diary.Aggregate{Sum: 1900, Weights: 600}) }, "3,17", "3.17"},
		{"average whole", func(l Lang) string { return Average(l, diary.Aggregate{Sum: 800, Weights: 200}) }, "4,00", "4.00"},
		{"no average", func(l Lang) string { return Average(l, diary.Aggregate{}) }, "—", "—"},
		{"percent", func(l Lang) string { return Percent(l, 8750) }, "87,5\u00a0%", "87.5%"},
		{"percent whole", func(l Lang) string { return Percent(l, 10000) }, "100\u00a0%", "100%"},
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
