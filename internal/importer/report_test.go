package importer

import (
	"bytes"
	"testing"

	"github.com/schooldiary/diary/internal/diary"
)

func TestWriteReport(t *testing.T) {
	res := diary.ApplyResult{
		Counts: map[string]diary.Counts{
			diary.KindStudents: {Added: 2, Changed: 1, Unchanged: 30},
			diary.KindClasses:  {Unchanged: 3},
			diary.KindGrades:   {Added: 5, Removed: 1},
		},
		MarkedLeft: []diary.Student{
			{Name: diary.Name{Last: "Кузьмин", First: "Артём"}, ClassID: 7},
			{Name: diary.Name{Last: "Иванов", First: "Иван", Middle: "Иванович"}, ClassID: 99},
		},
	}
	classes := []diary.Class{{ID: 7, Name: "5Б"}}
	tests := []struct {
		name   string
		res    diary.ApplyResult
		dryRun bool
		want   string
	}{
		{"applied", res, false, "классы: добавлено 0, изменено 0, без изменений 3, удалено 0\n" +
			"ученики: добавлено 2, изменено 1, без изменений 30, удалено 0\n" +
			"оценки: добавлено 5, изменено 0, без изменений 0, удалено 1\n" +
			"Отмечены выбывшими, так как их нет в списке учеников (2):\n" +
			"  Кузьмин Артём, 5Б\n  Иванов Иван Иванович, класс не найден\n"},
		{"dry run", diary.ApplyResult{Counts: map[string]diary.Counts{diary.KindClasses: {Added: 1}}, MarkedLeft: res.MarkedLeft[:1]}, true,
			"Пробный запуск: ничего не записано.\n" +
				"классы: будет добавлено 1, изменено 0, без изменений 0, удалено 0\n" +
				"Будут отмечены выбывшими, так как их нет в списке учеников (1):\n  Кузьмин Артём, 5Б\n"},
		{"nothing", diary.ApplyResult{}, false, "Нет данных для импорта.\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			WriteReport(&out, tc.res, tc.dryRun, classes...)
			if got := out.String(); got != tc.want {
				t.Errorf("report:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

func TestColumnsLocate(t *testing.T) {
	c := newColumns()
	c.add("g.csv", specOf(diary.KindGrades), map[string]int{"id": 0, "student": 1, "mark": 4, "weight": 5})
	c.add("p.csv", specOf(diary.KindStudents), map[string]int{"id": 0, "last_name": 1, "first_name": 2})
	tests := []struct {
		file, field string
		want        int
	}{
		{"g.csv", "student", 2},
		{"g.csv", "StudentRef", 2},
		{"g.csv", "student_ref", 2},
		{"g.csv", "value", 5},
		{"g.csv", "Grade.Weight", 6},
		{"g.csv", "ext_id", 1},
		{"g.csv", "lesson", 0},
		{"p.csv", "name", 2},
		{"other.csv", "student", 0},
	}
	for _, tc := range tests {
		if got := c.Column(tc.file, tc.field); got != tc.want {
			t.Errorf("Column(%q, %q) = %d, want %d", tc.file, tc.field, got, tc.want)
		}
	}
}
