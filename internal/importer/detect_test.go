package importer

import (
	"testing"

	"github.com/schooldiary/diary/internal/diary"
)

func TestKindByName(t *testing.T) {
	tests := []struct{ name, want string }{
		{"students.csv", diary.KindStudents},
		{"/tmp/x/ученики.xlsx", diary.KindStudents},
		{"grades_2026.csv", diary.KindGrades},
		{"Оценки 5А.csv", diary.KindGrades},
		{"final_grades.csv", diary.KindFinals},
		{"Итоговые оценки.csv", diary.KindFinals},
		{"days_off.csv", diary.KindDaysOff},
		{"Каникулы и праздники 2026.csv", diary.KindDaysOff},
		{"timetable.csv", diary.KindLessons},
		{"Расписание.xlsx", diary.KindLessons},
		{"Родители.csv", diary.KindGuardians},
		{"Сотрудники", diary.KindStaff},
		{"students_and_parents.csv", ""},
		{"export.csv", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := kindByName(tc.name); got != tc.want {
				t.Errorf("kindByName(%q) = %q, want %q", tc.name, got, tc.want)
			}
		})
	}
}

func TestKindByHeader(t *testing.T) {
	tests := []struct {
		name   string
		header []string
		want   string
	}{
		{"attendance", []string{"Код ученика", "Код урока", "Отметка"}, diary.KindAttendance},
		{"grades in english", []string{"id", "student_id", "subject", "date", "mark"}, diary.KindGrades},
		{"students", []string{"Код", "ФИО", "Класс"}, diary.KindStudents},
		{"classes", []string{"Класс", "Параллель"}, diary.KindClasses},
		{"finals", []string{"Ученик", "Предмет", "Вид", "Год", "Оценка"}, diary.KindFinals},
		{"nothing known", []string{"a", "b"}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := kindByHeader(tc.header); got != tc.want {
				t.Errorf("kindByHeader(%q) = %q, want %q", tc.header, got, tc.want)
			}
		})
	}
}

func TestParseArg(t *testing.T) {
	tests := []struct {
		arg  string
		want input
	}{
		{"grades=export.csv", input{path: "export.csv", kind: diary.KindGrades}},
		{"оценки=выгрузка.csv", input{path: "выгрузка.csv", kind: diary.KindGrades}},
		{"days_off=a.xlsx", input{path: "a.xlsx", kind: diary.KindDaysOff}},
		{"a=b.csv", input{path: "a=b.csv"}},
		{"students.csv", input{path: "students.csv"}},
	}
	for _, tc := range tests {
		if got := parseArg(tc.arg); got != tc.want {
			t.Errorf("parseArg(%q) = %+v, want %+v", tc.arg, got, tc.want)
		}
	}
}
