package importer

import (
	"fmt"
	"testing"

	"github.com/schooldiary/diary/internal/diary"
)

// markSpellings is every non-numeric spelling docs/import.md lists, with the
// mark it means.
var markSpellings = []struct{ in, want string }{
	{"зач", diary.MarkPass}, {"Зач", diary.MarkPass}, {"ЗАЧ", diary.MarkPass}, {"зач.", diary.MarkPass},
	{"зч", diary.MarkPass}, {"ЗЧ", diary.MarkPass}, {"зачт", diary.MarkPass}, {"Зачт.", diary.MarkPass},
	{"з", diary.MarkPass}, {"З", diary.MarkPass}, {"зачёт", diary.MarkPass}, {"Зачет", diary.MarkPass},
	{"зачтено", diary.MarkPass},
	{"нз", diary.MarkFail}, {"НЗ", diary.MarkFail}, {"незач", diary.MarkFail}, {"Незач.", diary.MarkFail},
	{"незачт", diary.MarkFail}, {"незачёт", diary.MarkFail}, {"НЕЗАЧЕТ", diary.MarkFail}, {"не зачтено", diary.MarkFail},
	{"н/а", diary.MarkNotGraded}, {"Н/А", diary.MarkNotGraded}, {"на", diary.MarkNotGraded}, {"НА", diary.MarkNotGraded},
	{"не аттестован", diary.MarkNotGraded},
	{"осв", diary.MarkExempt}, {"осв.", diary.MarkExempt}, {"ОСВ", diary.MarkExempt}, {"Осв.", diary.MarkExempt},
	{"освоб.", diary.MarkExempt}, {"освобождён", diary.MarkExempt}, {"Освобожден", diary.MarkExempt},
}

// TestLoadEveryMarkSpelling reads a grades CSV with one row per spelling and
// checks each row's mark.
func TestLoadEveryMarkSpelling(t *testing.T) {
	lines := []string{"Код;Ученик;Предмет;Дата;Оценка"}
	for i, m := range markSpellings {
		lines = append(lines, fmt.Sprintf("G%d;S1;M;01.09.2026;%s", i, m.in))
	}
	path := writeFile(t, t.TempDir(), "grades.csv", []byte(csvLines(lines...)))
	b, _, err := Load([]string{path}, testOptions())
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if got, want := len(b.Grades), len(markSpellings); got != want {
		t.Fatalf("grades = %d, want %d", got, want)
	}
	for i, m := range markSpellings {
		if g := b.Grades[i].Grade; g.Mark != m.want || g.Value != 0 {
			t.Errorf("«%s» read as value %d, mark %q; want mark %q", m.in, g.Value, g.Mark, m.want)
		}
	}
}
