package importer

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/diary"
)

// rosterText is a students file with a quoted cell holding both delimiters.
func rosterText(delim string) string {
	row := func(cells ...string) string { return strings.Join(cells, delim) }
	return csvLines(
		row("Код ученика", "Фамилия", "Имя", "Отчество", "Класс", "Email"),
		row("S1", "Ёлкина", "Дарья", `"Павловна; ""Даша"", старшая"`, "5А", "d@example.ru"),
		row("S2", "Щукин", "Артём", "", "5Б", ""),
	)
}

// wantRoster is what rosterText holds, with its file name.
func wantRoster(file string) []diary.StudentIn {
	return []diary.StudentIn{
		{Src: diary.Source{File: file, Line: 2}, ClassRef: "5А", Student: diary.Student{ExtID: "S1",
			Name: diary.Name{Last: "Ёлкина", First: "Дарья", Middle: `Павловна; "Даша", старшая`}, Email: "d@example.ru", Status: diary.Enrolled}},
		{Src: diary.Source{File: file, Line: 3}, ClassRef: "5Б", Student: diary.Student{ExtID: "S2",
			Name: diary.Name{Last: "Щукин", First: "Артём"}, Status: diary.Enrolled}},
	}
}

func TestLoadEncodingsAndDelimiters(t *testing.T) {
	encodings := []struct {
		name   string
		encode func(t *testing.T, s string) []byte
	}{
		{"utf-8", func(_ *testing.T, s string) []byte { return []byte(s) }},
		{"utf-8 with BOM", func(_ *testing.T, s string) []byte { return append([]byte{0xEF, 0xBB, 0xBF}, s...) }},
		{"windows-1251", cp1251},
	}
	for _, enc := range encodings {
		for _, delim := range []string{";", ",", "\t"} {
			t.Run(enc.name+" "+strings.ReplaceAll(delim, "\t", "tab"), func(t *testing.T) {
				path := writeFile(t, t.TempDir(), "students.csv", enc.encode(t, rosterText(delim)))
				got := mustLoad(t, testOptions(), path)
				if want := wantRoster(path); !reflect.DeepEqual(got.Students, want) {
					t.Errorf("students = %+v\nwant %+v", got.Students, want)
				}
			})
		}
	}
}

func TestLoadRefusesUTF16(t *testing.T) {
	path := writeFile(t, t.TempDir(), "students.csv", []byte{0xFF, 0xFE, 'a', 0})
	_, _, err := Load([]string{path}, testOptions())
	got := problemsOf(t, err)
	if len(got) != 1 || !strings.HasPrefix(got[0], path+":1: файл в кодировке UTF-16") {
		t.Errorf("problems = %q, want one about UTF-16 at line 1", got)
	}
}

func TestLoadXLSXSheetsByKind(t *testing.T) {
	path := t.TempDir() + "/школа.xlsx"
	writeXLSX(t, path, []string{"Инструкция", "Классы", "Ученики"}, map[string][][]cell{
		"Инструкция": {{"Заполните листы"}},
		"Классы":     {{"Класс"}, {"5А"}},
		"Ученики": {
			{"Код ученика", "ФИО", "Класс", "Дата рождения"},
			{"S1", "Иванов Иван Иванович", "5А", time.Date(2015, 3, 12, 0, 0, 0, 0, time.UTC)},
			{},
			{1002, "Петрова Мария", "5А", "05.07.2015"},
		},
	})
	got := mustLoad(t, testOptions(), path)
	wantClasses := []diary.ClassIn{{Src: diary.Source{File: path + "[Классы]", Line: 2}, Class: diary.Class{ExtID: "5А", Name: "5А", Level: 5}}}
	if !reflect.DeepEqual(got.Classes, wantClasses) {
		t.Errorf("classes = %+v, want %+v", got.Classes, wantClasses)
	}
	file := path + "[Ученики]"
	wantStudents := []diary.StudentIn{
		{Src: diary.Source{File: file, Line: 2}, ClassRef: "5А", Student: diary.Student{ExtID: "S1",
			Name: diary.Name{Last: "Иванов", First: "Иван", Middle: "Иванович"}, BirthDate: diary.MustDate("2015-03-12"), Status: diary.Enrolled}},
		{Src: diary.Source{File: file, Line: 4}, ClassRef: "5А", Student: diary.Student{ExtID: "1002",
			Name: diary.Name{Last: "Петрова", First: "Мария"}, BirthDate: diary.MustDate("2015-07-05"), Status: diary.Enrolled}},
	}
	if !reflect.DeepEqual(got.Students, wantStudents) {
		t.Errorf("students = %+v\nwant %+v", got.Students, wantStudents)
	}
}

func TestLoadXLSXFirstSheet(t *testing.T) {
	dir := t.TempDir()
	byName := dir + "/students.xlsx"
	writeXLSX(t, byName, []string{"Лист1", "Лист2"}, map[string][][]cell{
		"Лист1": {{"Код", "ФИО", "Класс"}, {"S1", "Иванов Иван", "5А"}},
		"Лист2": {{"мусор"}},
	})
	explicit := dir + "/export.xlsx"
	writeXLSX(t, explicit, []string{"Оценки"}, map[string][][]cell{
		"Оценки": {{"Код", "ФИО", "Класс"}, {"S2", "Петров Пётр", "5А"}},
	})
	got := mustLoad(t, testOptions(), byName, "students="+explicit)
	var files []string
	for _, s := range got.Students {
		files = append(files, s.Src.File+" "+s.Student.ExtID)
	}
	want := []string{byName + " S1", explicit + " S2"}
	if !reflect.DeepEqual(files, want) {
		t.Errorf("students from %q, want %q", files, want)
	}
}
