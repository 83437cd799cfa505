package diary

import (
	"slices"
	"testing"
)

// TestValidateDeletedItems checks that a deleted grade or homework needs only
// its journal id, while a kept one is still checked in full.
func TestValidateDeletedItems(t *testing.T) {
	tests := []struct {
		name     string
		batch    Batch
		wantNone bool
		wantOn   string // a field that must have a problem
	}{
		{"grade with id only", Batch{Grades: []GradeIn{{Grade: Grade{ExtID: "g1"}, Deleted: true}}}, true, ""},
		{"homework with id only", Batch{Homework: []HomeworkIn{{Homework: Homework{ExtID: "h1"}, Deleted: true}}}, true, ""},
		{"grade without id", Batch{Grades: []GradeIn{{Deleted: true}}}, false, "id"},
		{"kept grade still checked", Batch{Grades: []GradeIn{{Grade: Grade{ExtID: "g1"}}}}, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.batch.School, tt.batch.AsOf = School{Code: "s"}, MustDate("2026-10-01")
			var got []string
			for _, it := range tt.batch.Validate() {
				got = append(got, it.Field)
			}
			switch {
			case tt.wantNone && len(got) > 0:
				t.Errorf("problems on %v, want none", got)
			case !tt.wantNone && len(got) == 0:
				t.Errorf("no problem, want at least one")
			case tt.wantOn != "" && !slices.Contains(got, tt.wantOn):
				t.Errorf("problems on %v, want one on %q", got, tt.wantOn)
			}
		})
	}
}
