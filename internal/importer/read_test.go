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
		"Инструкция": nil, // empty: left out silently
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

func TestLoadXLSXReportsSkippedSheets(t *testing.T) {
	path := t.TempDir() + "/школа.xlsx"
	writeXLSX(t, path, []string{"Ученики", "Лист2", "Пустой"}, map[string][][]cell{
		"Ученики": {{"Код", "ФИО", "Класс"}, {"S1", "Иванов Иван", "5А"}},
		"Лист2":   {{}, {"Код", "ФИО", "Класс"}, {"S2", "Петров Пётр", "5А"}},
	})
	_, _, err := Load([]string{path}, testOptions())
	got := problemsOf(t, err)
	if want := []string{path + "[Лист2]:2: " + skippedSheet}; !reflect.DeepEqual(got, want) {
		t.Errorf("problems = %q\nwant %q", got, want)
	}
	b := mustLoad(t, testOptions(), "students="+path)
	if len(b.Students) != 1 || b.Students[0].Src.File != path {
		t.Errorf("with an explicit kind: students %+v, want S1 of the first sheet", b.Students)
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

func TestLoadHeaderAfterBlankLines(t *testing.T) {
	for _, delim := range []string{";", ",", "\t"} {
		t.Run(strings.ReplaceAll(delim, "\t", "tab"), func(t *testing.T) {
			text := "\r\n  \r\n" + rosterText(delim)
			path := writeFile(t, t.TempDir(), "students.csv", []byte(text))
			got := mustLoad(t, testOptions(), path)
			want := wantRoster(path)
			for i := range want {
				want[i].Src.Line += 2
			}
			if !reflect.DeepEqual(got.Students, want) {
				t.Errorf("students = %+v\nwant %+v", got.Students, want)
			}
		})
	}
}

func TestLoadStrayByteInUTF8(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"one cp1251 letter in a utf-8 file",
			append([]byte(csvLines("Код;ФИО;Класс", "S1;Иванов Иван;5А")+"S2;Петров П"), append(cp1251(t, "ё"), []byte("тр;5А\r\n")...)...),
			":3:12: недопустимый байт 0xB8: текст в UTF-8, а этот байт нет — сохраните файл в UTF-8"},
		{"with a BOM",
			[]byte("\xEF\xBB\xBFКод;ФИО;Класс\r\nS1;Иван\xFFов Иван;5А\r\n"),
			":2:8: недопустимый байт 0xFF: текст в UTF-8, а этот байт нет — сохраните файл в UTF-8"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := writeFile(t, t.TempDir(), "students.csv", tc.data)
			_, _, err := Load([]string{path}, testOptions())
			got := problemsOf(t, err)
			if want := []string{path + tc.want}; !reflect.DeepEqual(got, want) {
				t.Errorf("problems = %q, want %q", got, want)
			}
		})
	}
}

func TestLoadCP1251WithValidUTF8Pairs(t *testing.T) {
	// «Пётр» and «Фёдор» in Windows-1251 hold byte pairs that are valid UTF-8
	// (a capital letter, then «ё»); the file is still Windows-1251.
	text := csvLines("Код;ФИО;Класс", "S1;Иванов Пётр;5А", "S2;Сидоров Фёдор;5А")
	path := writeFile(t, t.TempDir(), "students.csv", cp1251(t, text))
	got := mustLoad(t, testOptions(), path)
	var names []string
	for _, s := range got.Students {
		names = append(names, s.Student.Name.Full())
	}
	if want := []string{"Иванов Пётр", "Сидоров Фёдор"}; !reflect.DeepEqual(names, want) {
		t.Errorf("names = %q, want %q", names, want)
	}
}
