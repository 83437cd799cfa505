package importer

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/store/sqlite"
)

// openStore opens a fresh migrated SQLite store with a fixed clock.
func openStore(t *testing.T) *sqlite.DB {
	t.Helper()
	ctx := context.Background()
	now := func() time.Time { return time.Date(2026, 9, 5, 9, 0, 0, 0, time.UTC) }
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "diary.db"), now)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	return db
}

// run imports paths and fails the test on an error.
func run(t *testing.T, db *sqlite.DB, opt Options, paths ...string) diary.ApplyResult {
	t.Helper()
	res, err := Run(context.Background(), db, paths, opt)
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	return res
}

// countsWith returns the example counts put into one field of Counts.
func countsWith(set func(c *diary.Counts, n int)) map[string]diary.Counts {
	out := map[string]diary.Counts{}
	for k, n := range exampleCounts() {
		var c diary.Counts
		set(&c, n)
		out[k] = c
	}
	return out
}

// snapshot is what the store holds for the example school, for comparing
// before and after a failed import.
func snapshot(t *testing.T, db *sqlite.DB) string {
	t.Helper()
	ctx := context.Background()
	school, err := db.SchoolByCode(ctx, "sch-1")
	if errors.Is(err, diary.ErrNotFound) {
		return "no school"
	}
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	subjects, err := db.Subjects(ctx, school.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range subjects {
		b.WriteString(s.ExtID + "=" + s.Name + "/" + s.Short + ";")
	}
	classes, err := db.Classes(ctx, school.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range classes {
		students, err := db.StudentsOfClass(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		b.WriteString("\n" + c.Name + ":")
		for _, s := range students {
			b.WriteString(" " + s.ExtID + " " + s.Name.Full() + ",")
		}
	}
	return b.String()
}

func TestRunExamplesTwice(t *testing.T) {
	db := openStore(t)
	first := run(t, db, testOptions(), examplePaths(t)...)
	if want := countsWith(func(c *diary.Counts, n int) { c.Added = n }); !reflect.DeepEqual(first.Counts, want) {
		t.Errorf("first import counts = %v\nwant %v", first.Counts, want)
	}
	before := snapshot(t, db)
	second := run(t, db, testOptions(), examplePaths(t)...)
	if want := countsWith(func(c *diary.Counts, n int) { c.Unchanged = n }); !reflect.DeepEqual(second.Counts, want) {
		t.Errorf("second import counts = %v\nwant %v", second.Counts, want)
	}
	if len(first.MarkedLeft)+len(second.MarkedLeft) != 0 {
		t.Errorf("marked left %v and %v, want nobody", first.MarkedLeft, second.MarkedLeft)
	}
	if after := snapshot(t, db); after != before {
		t.Errorf("store changed by a re-import:\n%s\nwas\n%s", after, before)
	}
}

func TestRunExamplesStored(t *testing.T) {
	db := openStore(t)
	run(t, db, testOptions(), examplePaths(t)...)
	want := "ALG=Алгебра/Алг.;ENG=Английский язык/Англ. яз.;MATH=Математика/Матем.;RUS=Русский язык/Рус. яз.;" +
		"\n5А: S1 Иванов Иван Иванович, S2 Петрова Мария Алексеевна, S3 Сидоров Пётр Сергеевич," +
		"\n5Б: S4 Ёлкина Дарья Павловна, S5 Кузьмин Артём," +
		"\n10А: S6 Сидорова Вера Сергеевна, S7 Фёдорова Алиса Игоревна,"
	if got := snapshot(t, db); got != want {
		t.Errorf("store holds\n%s\nwant\n%s", got, want)
	}
}

func TestRunDryRun(t *testing.T) {
	db := openStore(t)
	opt := testOptions()
	opt.DryRun = true
	res := run(t, db, opt, examplePaths(t)...)
	if want := countsWith(func(c *diary.Counts, n int) { c.Added = n }); !reflect.DeepEqual(res.Counts, want) {
		t.Errorf("dry-run counts = %v\nwant %v", res.Counts, want)
	}
	if got := snapshot(t, db); got != "no school" {
		t.Errorf("a dry run wrote:\n%s", got)
	}
}

// exampleCopy copies the example file name into dir, editing its text.
func exampleCopy(t *testing.T, dir, name string, edit func(string) string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(examplesDir, name))
	if err != nil {
		t.Fatal(err)
	}
	return writeFile(t, dir, name, []byte(edit(string(data))))
}

// withoutLine drops the lines containing s.
func withoutLine(s string) func(string) string {
	return func(text string) string {
		var keep []string
		for _, l := range strings.SplitAfter(text, "\n") {
			if !strings.Contains(l, s) {
				keep = append(keep, l)
			}
		}
		return strings.Join(keep, "")
	}
}

func TestRunRosterMarksLeft(t *testing.T) {
	db := openStore(t)
	run(t, db, testOptions(), examplePaths(t)...)
	dir := t.TempDir()
	students := exampleCopy(t, dir, "students.csv", withoutLine("S5;"))

	dry := testOptions()
	dry.DryRun = true
	before := snapshot(t, db)
	res := run(t, db, dry, students)
	if got := names(res.MarkedLeft); !reflect.DeepEqual(got, []string{"S5 Кузьмин Артём"}) {
		t.Errorf("dry run marks left %v, want S5", got)
	}
	if after := snapshot(t, db); after != before {
		t.Errorf("dry run changed the store:\n%s\nwas\n%s", after, before)
	}

	res = run(t, db, testOptions(), students)
	if got := names(res.MarkedLeft); !reflect.DeepEqual(got, []string{"S5 Кузьмин Артём"}) {
		t.Errorf("marked left %v, want S5", got)
	}
	if got, want := res.Counts[diary.KindStudents], (diary.Counts{Unchanged: 6}); got != want {
		t.Errorf("student counts = %+v, want %+v", got, want)
	}
	if got := snapshot(t, db); strings.Contains(got, "S5") {
		t.Errorf("S5 still enrolled:\n%s", got)
	}
	classes, err := db.Classes(context.Background(), res.SchoolID)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	WriteReport(&out, res, false, classes...)
	if !strings.Contains(out.String(), "  Кузьмин Артём, 5Б\n") {
		t.Errorf("report does not name the student who left:\n%s", out.String())
	}
}

func TestRunCheckStopsRoster(t *testing.T) {
	db := openStore(t)
	run(t, db, testOptions(), examplePaths(t)...)
	students := exampleCopy(t, t.TempDir(), "students.csv", withoutLine("S5;"))
	before := snapshot(t, db)
	refusal := errors.New("too many left")
	tests := []struct {
		name    string
		dryRun  bool
		check   error
		wantErr error
		wantS5  bool // S5 still enrolled after the run
	}{
		{"refused", false, refusal, refusal, true},
		{"refused dry run", true, refusal, refusal, true},
		{"allowed dry run", true, nil, nil, true},
		{"allowed", false, nil, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var seen []string
			opt := testOptions()
			opt.DryRun = tt.dryRun
			opt.Check = func(res diary.ApplyResult) error { seen = names(res.MarkedLeft); return tt.check }
			_, err := Run(context.Background(), db, []string{students}, opt)
			if !errors.Is(err, tt.wantErr) {
				t.Errorf("Run = %v, want %v", err, tt.wantErr)
			}
			if want := []string{"S5 Кузьмин Артём"}; !reflect.DeepEqual(seen, want) {
				t.Errorf("Check saw marked left %v, want %v", seen, want)
			}
			if got := snapshot(t, db); (got == before) != tt.wantS5 {
				t.Errorf("store after the run unchanged = %v, want %v", got == before, tt.wantS5)
			}
		})
	}
}

// names lists students as «ExtID Full Name», sorted.
func names(ss []diary.Student) []string {
	var out []string
	for _, s := range ss {
		out = append(out, s.ExtID+" "+s.Name.Full())
	}
	sort.Strings(out)
	return out
}

func TestRunBrokenFilesApplyNothing(t *testing.T) {
	db := openStore(t)
	run(t, db, testOptions(), examplePaths(t)...)
	before := snapshot(t, db)
	dir := t.TempDir()
	subjects := exampleCopy(t, dir, "subjects.csv", func(s string) string { return strings.ReplaceAll(s, "Матем.", "Мат.") })
	students := exampleCopy(t, dir, "students.csv", func(s string) string { return strings.ReplaceAll(s, "12.03.2015", "32.03.2015") })
	grades := exampleCopy(t, dir, "grades.csv", func(s string) string {
		return strings.ReplaceAll(strings.ReplaceAll(s, "GR2,S2,MATH,L1,T1,2026-09-01,4", "GR2,S2,MATH,L1,T1,2026-09-01,7"), `"1,5"`, "abc")
	})
	_, err := Run(context.Background(), db, []string{subjects, students, grades}, testOptions())
	want := []string{
		grades + ":3:7: mark: неверная оценка «7»: ожидается 1–5, «зач», «незач», «н/а» или «осв»",
		grades + ":4:9: weight: неверный вес «abc»: ожидается число больше 0 и не больше 20, например 1 или 1,5",
		students + ":2:6: birth_date: 32.03.2015 — такой даты нет",
	}
	if got := problemsOf(t, err); !reflect.DeepEqual(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", join(got), join(want))
	}
	if after := snapshot(t, db); after != before {
		t.Errorf("a failed import changed the store:\n%s\nwas\n%s", after, before)
	}
}

func TestRunUnresolvedReferencesLocated(t *testing.T) {
	db := openStore(t)
	run(t, db, testOptions(), examplePaths(t)...)
	before := snapshot(t, db)
	dir := t.TempDir()
	subjects := exampleCopy(t, dir, "subjects.csv", func(s string) string { return strings.ReplaceAll(s, "Матем.", "Мат.") })
	grades := writeFile(t, dir, "grades.csv", []byte(csvLines(
		"id;date;student;subject;mark",
		"GR9;02.09.2026;S1;MATH;5",
		"GR10;02.09.2026;S99;MATH;4",
		"GR11;02.09.2026;S2;PHYS;4",
	)))
	guardians := writeFile(t, dir, "guardians.csv", []byte(csvLines(
		"Код родителя;ФИО;Код ученика",
		"G1;Иванова Ольга Петровна;S1",
		"G1;Иванова Ольга Петровна;S77",
	)))
	_, err := Run(context.Background(), db, []string{subjects, grades, guardians}, testOptions())
	got := problemsOf(t, err)
	want := []string{
		grades + `:3:3: student: нет такого ученика "S99"`,
		grades + `:4:4: subject: нет такого предмета "PHYS"`,
		guardians + `:3:3: student: нет такого ученика "S77"`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", join(got), join(want))
	}
	if after := snapshot(t, db); after != before {
		t.Errorf("a failed import changed the store:\n%s\nwas\n%s", after, before)
	}
}

func TestRunShapeAndReferenceProblemsTogether(t *testing.T) {
	db := openStore(t)
	run(t, db, testOptions(), examplePaths(t)...)
	before := snapshot(t, db)
	grades := writeFile(t, t.TempDir(), "grades.csv", []byte(csvLines(
		"id;date;student;subject;mark",
		"GR9;02.09.2026;S1;MATH;5",
		"GR10;02.09.2026;S99;MATH;4",
		"GR11;02.09.2026;S2;MATH;9",
		"GR12;02.09.2026;S2;PHYS;4",
	)))
	_, err := Run(context.Background(), db, []string{grades}, testOptions())
	want := []string{
		grades + `:3:3: student: нет такого ученика "S99"`,
		grades + ":4:5: mark: неверная оценка «9»: ожидается 1–5, «зач», «незач», «н/а» или «осв»",
		grades + `:5:4: subject: нет такого предмета "PHYS"`,
	}
	if got := problemsOf(t, err); !reflect.DeepEqual(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", join(got), join(want))
	}
	if after := snapshot(t, db); after != before {
		t.Errorf("a failed import changed the store:\n%s\nwas\n%s", after, before)
	}
}

func TestRunXLSXEachKindAsSheets(t *testing.T) {
	db := openStore(t)
	path := filepath.Join(t.TempDir(), "school.xlsx")
	date := func(s string) time.Time { return diary.MustDate(s).Time() }
	writeXLSX(t, path, []string{"Классы", "Предметы", "Периоды", "Ученики", "Уроки", "Оценки"}, map[string][][]cell{
		"Классы":   {{"Класс"}, {"7В"}},
		"Предметы": {{"Предмет", "Код"}, {"Физика", "PHYS"}},
		"Периоды":  {{"Период", "Начало", "Окончание"}, {"1 четверть", date("2026-09-01"), date("2026-10-23")}},
		"Ученики":  {{"Код", "ФИО", "Класс"}, {"S1", "Иванов Иван", "7В"}},
		"Уроки":    {{"Дата", "Номер урока", "Класс", "Предмет"}, {date("2026-09-02"), 1, "7В", "PHYS"}},
		"Оценки":   {{"Код", "Ученик", "Урок", "Оценка", "Вес"}, {"GR1", "S1", "7В/2026-09-02/1", 5, 1.5}},
	})
	res := run(t, db, testOptions(), path)
	for _, k := range []string{diary.KindClasses, diary.KindSubjects, diary.KindYears, diary.KindPeriods, diary.KindStudents, diary.KindLessons, diary.KindGrades} {
		if got := res.Counts[k]; got != (diary.Counts{Added: 1}) {
			t.Errorf("%s counts = %+v, want 1 added", k, got)
		}
	}
	res = run(t, db, testOptions(), path)
	for k, c := range res.Counts {
		if c != (diary.Counts{Unchanged: 1}) {
			t.Errorf("re-import %s counts = %+v, want 1 unchanged", k, c)
		}
	}
}
