package importer

import (
	"reflect"
	"sort"
	"testing"
)

func TestLoadReportsEveryProblemLocated(t *testing.T) {
	dir := t.TempDir()
	students := writeFile(t, dir, "students.csv", []byte(csvLines(
		"Код ученика;ФИО;Класс;Телефон;Дата рождения",
		"S1;Иванов;5А;;",
		"S2;Петров Пётр;5А;12345;31.02.2015",
		"S1;Сидоров Сидор;5А;;",
	)))
	grades := writeFile(t, dir, "grades.csv", cp1251(t, csvLines(
		"id,student,subject,date,mark,weight",
		"GR1,S1,MATH,2026-09-01,6,1",
		"GR2,,MATH,01.09.2026,5,0",
	)))
	lessons := writeFile(t, dir, "lessons.csv", []byte(csvLines("Дата;Класс;Предмет", "01.09.2026;5А;MATH")))
	unknown := writeFile(t, dir, "export.csv", []byte(csvLines("a;b", "1;2")))
	guardians := writeFile(t, dir, "parents.csv", []byte(csvLines(
		"Код;ФИО;Телефон;Ученик",
		"G1;Иванова Ольга;+79120001122;S1",
		"G1;Иванова Ольга;+79120009999;S2",
	)))
	_, _, err := Load([]string{students, grades, lessons, unknown, guardians, dir + "/missing.csv"}, testOptions())
	got := problemsOf(t, err)
	want := []string{
		students + ":2:2: full_name: в ФИО «Иванов» нет имени: ожидается «Фамилия Имя Отчество»",
		students + ":3:4: phone: неверный номер телефона «12345»: ожидается, например, 8 (912) 000-11-22 или +7 912 000-11-22",
		students + ":3:5: birth_date: 31.02.2015 — такой даты нет",
		students + ":4:1: id: «S1» повторяется: уже было в строке 2",
		grades + ":2:5: mark: неверная оценка «6»: ожидается 1–5, «зач», «незач», «н/а» или «осв»",
		grades + ":3:2: student: не заполнено",
		grades + ":3:6: weight: неверный вес «0»: ожидается число больше 0 и не больше 20, например 1 или 1,5",
		lessons + ":1: number: нет обязательного столбца «номер урока»",
		unknown + ":1: не удалось понять, что в файле: назовите его по виду данных (например, students.csv или оценки.csv) или укажите вид явно: grades=файл.csv",
		guardians + ":3:3: phone: «+79120009999» не совпадает с «+79120001122» в строке 2 (тот же код)",
		dir + "/missing.csv:1: не удалось прочитать файл: файл не найден",
	}
	sort.Strings(want)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", join(got), join(want))
	}
}

func TestLoadHeaderProblems(t *testing.T) {
	tests := []struct {
		name, file, content string
		want                []string
	}{
		{"no name columns", "students.csv", csvLines("Код;Класс", "S1;5А"),
			[]string{":1: full_name: нужен столбец «ФИО» или столбцы «Фамилия» и «Имя»"}},
		{"column twice", "classes.csv", csvLines("Класс;Название", "5А;5А"),
			[]string{":1:2: name: столбец повторяется (уже был столбец 1)"}},
		{"grades without lesson or subject and date", "grades.csv", csvLines("id;student;mark", "1;S1;5"),
			[]string{":1: lesson: нужен столбец «урок» или столбцы «предмет» и «дата»"}},
		{"empty file", "students.csv", "\r\n\r\n",
			[]string{":1: файл пуст: нет строки заголовка"}},
		{"header only roster", "students.csv", csvLines("Код;ФИО;Класс"),
			[]string{":1: в списке учеников нет ни одного ученика: такой список отметил бы выбывшими всех; проверьте файл"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := writeFile(t, t.TempDir(), tc.file, []byte(tc.content))
			_, _, err := Load([]string{path}, testOptions())
			got := problemsOf(t, err)
			var want []string
			for _, w := range tc.want {
				want = append(want, path+w)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("problems:\n%s\nwant:\n%s", join(got), join(want))
			}
		})
	}
}

func TestLoadRowProblems(t *testing.T) {
	tests := []struct {
		name, file, content string
		want                string
	}{
		{"unknown role", "staff.csv", csvLines("Код;ФИО;Роли", `T1;Смирнова Ольга;"учитель; повар"`),
			":2:3: roles: неизвестная роль «повар»: ожидается учитель, классный руководитель 5А, зам. директора начальное/основное/среднее, директор, администратор журнала или системный администратор"},
		{"enrolled with a leaving date", "students.csv", csvLines("Код;ФИО;Класс;Статус;Дата выбытия", "S1;Иванов Иван;5А;обучается;01.09.2026"),
			":2:5: left_on: дата выбытия у обучающегося ученика: укажите статус «выбыл» или очистите дату"},
		{"unknown leaving reason", "students.csv", csvLines("Код;ФИО;Класс;Причина выбытия", "S1;Иванов Иван;5А;уехал"),
			":2:4: left_reason: неизвестная причина выбытия «уехал»: ожидается отчислен, переведён или выпущен"},
		{"period grade without period", "finals.csv", csvLines("Ученик;Предмет;Вид;Период;Оценка", "S1;M;четвертная;;5"),
			":2:4: period: не заполнено: у четвертной (полугодовой) оценки должен быть период"},
		{"period grade whose period is not imported", "finals.csv", csvLines("Ученик;Предмет;Вид;Период;Оценка", "S1;M;четвертная;q9;5"),
			":2: year: не заполнено: период «q9» не найден среди импортируемых периодов, укажите учебный год"},
		{"bad attendance mark", "attendance.csv", csvLines("Ученик;Урок;Отметка", "S1;L1;x"),
			":2:3: mark: неверная отметка «x»: ожидается н, б, у, п или оп (пусто — снять отметку)"},
		{"end before start", "holidays.csv", csvLines("Название;Начало;Окончание", "Каникулы;10.01.2027;01.01.2027"),
			":2:3: end: дата окончания раньше даты начала"},
		{"class level unknown", "classes.csv", csvLines("Класс", "Подготовительный"),
			":2:1: name: не удалось понять параллель из названия «Подготовительный»: заполните столбец «параллель»"},
		{"delimiter inside a cell without quotes", "staff.csv", csvLines("Код;ФИО;Роли", "T1;Смирнова Ольга;учитель; директор"),
			":2:4: значение «директор» в столбце без заголовка: если в ячейке есть разделитель, заключите её в кавычки"},
		{"attendance twice", "attendance.csv", csvLines("Ученик;Урок;Отметка", "S1;L1;н", "S1;L1;б"),
			":3:2: lesson: «ученик S1, урок L1» повторяется: уже было в строке 2"},
		{"guardian pair twice", "guardians.csv", csvLines("Код;ФИО;Ученик", "G1;Иванова Ольга;S1", "G1;Иванова Ольга;S1"),
			":3:3: student: пара представитель–ученик «G1»–«S1» повторяется"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := writeFile(t, t.TempDir(), tc.file, []byte(tc.content))
			_, _, err := Load([]string{path}, testOptions())
			got, want := problemsOf(t, err), []string{path + tc.want}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("problems:\n%s\nwant:\n%s", join(got), join(want))
			}
		})
	}
}

func TestLoadOptions(t *testing.T) {
	no, yes := false, true
	students := writeFile(t, t.TempDir(), "students.csv", []byte(csvLines("Код;ФИО;Класс", "S1;Иванов Иван;5А")))
	classes := writeFile(t, t.TempDir(), "classes.csv", []byte(csvLines("Класс", "5А")))
	tests := []struct {
		name       string
		opt        func(o *Options)
		paths      []string
		wantRoster bool
		wantErr    bool
	}{
		{"roster by default with students", func(*Options) {}, []string{students}, true, false},
		{"no roster without students", func(*Options) {}, []string{classes}, false, false},
		{"roster turned off", func(o *Options) { o.Roster = &no }, []string{students}, false, false},
		{"roster asked without students", func(o *Options) { o.Roster = &yes }, []string{classes}, false, true},
		{"no school code", func(o *Options) { o.School.Code = " " }, []string{classes}, false, true},
		{"no date", func(o *Options) { o.AsOf = asOf.AddDays(0); o.AsOf.Year = 0; o.AsOf.Month = 0; o.AsOf.Day = 0 }, []string{classes}, false, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			opt := testOptions()
			tc.opt(&opt)
			b, _, err := Load(tc.paths, opt)
			if (err != nil) != tc.wantErr {
				t.Fatalf("Load error = %v, wantErr %v", err, tc.wantErr)
			}
			if err == nil && b.Roster != tc.wantRoster {
				t.Errorf("Roster = %v, want %v", b.Roster, tc.wantRoster)
			}
		})
	}
}

// join lists strings one a line.
func join(ss []string) string {
	out := ""
	for _, s := range ss {
		out += "  " + s + "\n"
	}
	return out
}
