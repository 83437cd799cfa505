package importer

import (
	"context"
	"strings"
	"testing"

	"github.com/schooldiary/diary/internal/diary"
)

// TestLoadClassRefsByNormalForm matches references to a class of the same
// import by ClassKey.
func TestLoadClassRefsByNormalForm(t *testing.T) {
	dir := t.TempDir()
	classes := writeFile(t, dir, "classes.csv", []byte(csvLines("Класс", "7А", "7Б")))
	students := writeFile(t, dir, "students.csv", []byte(csvLines("Код;Фамилия;Имя;Класс",
		"S1;Иванов;Иван;7а", "S2;Петров;Пётр;7 А", "S3;Сидоров;Сидор;7-А", "S4;Ли;Ян;7A", "S5;Ким;Ира;7a", "S6;Ро;Ия;7 б")))
	b, _, err := Load([]string{classes, students}, testOptions())
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	want := []string{"7А", "7А", "7А", "7А", "7А", "7Б"}
	for i, s := range b.Students {
		if s.ClassRef != want[i] {
			t.Errorf("student %s: class %q, want %q", s.Student.ExtID, s.ClassRef, want[i])
		}
	}
}

// TestRunRefsByNormalFormAndFileDates imports, into the stored example
// school, students whose class is spelled «5 а», «5-А» or with a Latin A, a
// lesson of class «5a», and grades and attendance naming that lesson with
// the file's date format and the ISO one.
func TestRunRefsByNormalFormAndFileDates(t *testing.T) {
	db := openStore(t)
	run(t, db, testOptions(), examplePaths(t)...)
	dir := t.TempDir()
	files := []string{
		writeFile(t, dir, "students.csv", []byte(csvLines("Код;Фамилия;Имя;Класс",
			"S10;Аа;Аа;5 а", "S11;Бб;Бб;5-А", "S12;Вв;Вв;5A", "S13;Гг;Гг;5a"))),
		writeFile(t, dir, "lessons.csv", []byte(csvLines("Дата;Номер урока;Класс;Предмет", "12.11.2026;2;5a;MATH"))),
		writeFile(t, dir, "grades.csv", []byte(csvLines("Код;Ученик;Урок;Оценка",
			"GX1;S10;5А/12.11.2026/2;5", "GX2;S11;5 а/2026-11-12/2;4", "GX3;S12;5А/2026-11-12/2;3"))),
		writeFile(t, dir, "attendance.csv", []byte(csvLines("Ученик;Урок;Отметка", "S13;5A/12.11.2026/2;н"))),
	}
	off := false
	opt := testOptions()
	opt.Roster = &off
	res, err := Run(context.Background(), db, files, opt)
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	for kind, want := range map[string]int{diary.KindStudents: 4, diary.KindLessons: 1, diary.KindGrades: 3, diary.KindAttendance: 1} {
		if got := res.Counts[kind].Added; got != want {
			t.Errorf("%s added = %d, want %d", kind, got, want)
		}
	}
	if got := snapshot(t, db); !strings.Contains(got, "S10 Аа Аа, S11 Бб Бб, S12 Вв Вв, S13 Гг Гг,") {
		t.Errorf("the new students are not all in 5А:\n%s", got)
	}
}
