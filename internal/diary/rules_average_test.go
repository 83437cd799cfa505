package diary_test

import (
	"testing"

	"github.com/schooldiary/diary/internal/diary"
)

// g returns a numeric grade of value v and weight w (hundredths).
func g(v, w int) diary.Grade { return diary.Grade{Value: v, Weight: w} }

// m returns a non-numeric grade with mark s and weight 1.
func m(s string) diary.Grade { return diary.Grade{Mark: s, Weight: diary.WeightOne} }

func TestAverage(t *testing.T) {
	tests := []struct {
		name   string
		grades []diary.Grade
		want   diary.Aggregate
	}{
		{"none", nil, diary.Aggregate{}},
		{"one", []diary.Grade{g(5, 100)}, diary.Aggregate{Sum: 500, Weights: 100, Count: 1}},
		{"weighted", []diary.Grade{g(5, 200), g(3, 100), g(2, 50)}, diary.Aggregate{Sum: 1400, Weights: 350, Count: 3}},
		{"marks left out", []diary.Grade{g(4, 100), m(diary.MarkPass), m(diary.MarkNotGraded), m(diary.MarkExempt)}, diary.Aggregate{Sum: 400, Weights: 100, Count: 1}},
		{"only marks", []diary.Grade{m(diary.MarkFail)}, diary.Aggregate{}},
		{"zero weight left out", []diary.Grade{g(2, 0), g(5, 100)}, diary.Aggregate{Sum: 500, Weights: 100, Count: 1}},
		{"out of range value left out", []diary.Grade{g(6, 100), g(0, 100), g(3, 100)}, diary.Aggregate{Sum: 300, Weights: 100, Count: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := diary.Average(tt.grades); got != tt.want {
				t.Errorf("Average() = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestAggregateRemoveUndoesAdd(t *testing.T) {
	base := diary.Average([]diary.Grade{g(4, 100), g(3, 150)})
	for _, gr := range []diary.Grade{g(5, 200), g(2, 50), m(diary.MarkPass), g(1, 0)} {
		if got := base.Add(gr).Remove(gr); got != base {
			t.Errorf("Add(%+v).Remove() = %+v, want %+v", gr, got, base)
		}
	}
}

func TestMean(t *testing.T) {
	tests := []struct {
		name             string
		agg              diary.Aggregate
		wantNum, wantDen int64
	}{
		{"empty", diary.Aggregate{}, 0, 0},
		{"whole", diary.Aggregate{Sum: 800, Weights: 200}, 4, 1},
		{"reduced", diary.Aggregate{Sum: 1400, Weights: 350}, 4, 1},
		{"fraction", diary.Aggregate{Sum: 1900, Weights: 600}, 19, 6},
		{"halves", diary.Aggregate{Sum: 700, Weights: 200}, 7, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			num, den := tt.agg.Mean()
			if num != tt.wantNum || den != tt.wantDen {
				t.Errorf("Mean() = %d/%d, want %d/%d", num, den, tt.wantNum, tt.wantDen)
			}
		})
	}
}

func TestFormatAverage(t *testing.T) {
	tests := []struct {
		name   string
		grades []diary.Grade
		want   string
	}{
		{"no grades", nil, "—"},
		{"only marks", []diary.Grade{m(diary.MarkPass)}, "—"},
		{"whole", []diary.Grade{g(4, 100)}, "4,00"},
		{"19/6 rounds up", []diary.Grade{g(3, 100), g(3, 100), g(3, 100), g(3, 100), g(4, 100), g(3, 100)}, "3,17"},
		{"half up at third digit", []diary.Grade{g(3, 100), g(3, 100), g(4, 100), g(3, 100), g(4, 100), g(3, 100), g(3, 100), g(4, 100)}, "3,38"}, // 3.375
		{"weighted", []diary.Grade{g(5, 200), g(2, 100)}, "4,00"},
		{"two thirds", []diary.Grade{g(5, 100), g(4, 200)}, "4,33"},
		{"weight 1,5", []diary.Grade{g(5, 150), g(3, 100)}, "4,20"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := diary.FormatAverage(diary.Average(tt.grades)); got != tt.want {
				t.Errorf("FormatAverage() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestExpectedFromAverage(t *testing.T) {
	tests := []struct {
		name        string
		agg         diary.Aggregate
		roundUpFrom int
		want        int
		wantOK      bool
	}{
		{"empty", diary.Aggregate{}, 50, 0, false},
		{"exact 4", diary.Aggregate{Sum: 400, Weights: 100}, 50, 4, true},
		{"3.50 rounds up", diary.Aggregate{Sum: 700, Weights: 200}, 50, 4, true},
		{"3.49 rounds down", diary.Aggregate{Sum: 349, Weights: 100}, 50, 3, true},
		{"default when zero", diary.Aggregate{Sum: 700, Weights: 200}, 0, 4, true},
		{"school rule 60: 3.50 down", diary.Aggregate{Sum: 700, Weights: 200}, 60, 3, true},
		{"school rule 60: 3.60 up", diary.Aggregate{Sum: 360, Weights: 100}, 60, 4, true},
		{"school rule 60: 3.5999 down", diary.Aggregate{Sum: 35999, Weights: 10000}, 60, 3, true},
		{"11/3 = 3.67 up", diary.Aggregate{Sum: 1100, Weights: 300}, 50, 4, true},
		{"10/3 = 3.33 down", diary.Aggregate{Sum: 1000, Weights: 300}, 50, 3, true},
		{"just below half, no float error", diary.Aggregate{Sum: 1049999, Weights: 300000}, 50, 3, true}, // 3.4999966…
		{"all fives", diary.Aggregate{Sum: 1500, Weights: 300}, 50, 5, true},
		{"4.5 up to 5", diary.Aggregate{Sum: 900, Weights: 200}, 50, 5, true},
		{"rule 100 never up", diary.Aggregate{Sum: 499, Weights: 100}, 100, 4, true},
		{"low average 1.5", diary.Aggregate{Sum: 300, Weights: 200}, 50, 2, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := diary.ExpectedFromAverage(tt.agg, tt.roundUpFrom)
			if got != tt.want || ok != tt.wantOK {
				t.Errorf("ExpectedFromAverage() = %d, %v; want %d, %v", got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

func TestBelowAverage(t *testing.T) {
	tests := []struct {
		name        string
		expected    int
		agg         diary.Aggregate
		want        bool
		wantRounded bool
	}{
		{"empty never below", 2, diary.Aggregate{}, false, false},
		{"equal to whole average", 4, diary.Aggregate{Sum: 400, Weights: 100}, false, false},
		{"3 for 3.40 is below exactly, not rounded", 3, diary.Aggregate{Sum: 340, Weights: 100}, true, false},
		{"3 for 3.50 below both", 3, diary.Aggregate{Sum: 700, Weights: 200}, true, true},
		{"4 for 3.50 not below", 4, diary.Aggregate{Sum: 700, Weights: 200}, false, false},
		{"above", 5, diary.Aggregate{Sum: 420, Weights: 100}, false, false},
		{"2 for 4.00", 2, diary.Aggregate{Sum: 800, Weights: 200}, true, true},
		{"tiny excess", 3, diary.Aggregate{Sum: 300001, Weights: 100000}, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := diary.BelowAverage(tt.expected, tt.agg); got != tt.want {
				t.Errorf("BelowAverage() = %v, want %v", got, tt.want)
			}
			if got := diary.BelowRounded(tt.expected, tt.agg, 50); got != tt.wantRounded {
				t.Errorf("BelowRounded() = %v, want %v", got, tt.wantRounded)
			}
		})
	}
}
