package importer

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/diary"
)

// weekHeader is the header of a weekly timetable file.
const weekHeader = "Класс;Группа;День недели;№ урока;Предмет;Учитель;Действует с;Действует по"

func TestLoadWeeklyTimetable(t *testing.T) {
	d := diary.MustDate
	path := writeFile(t, t.TempDir(), "расписание.csv", []byte(csvLines(weekHeader,
		"5А;;пн;1;MATH;T1;;", "5А;англ-1;Среда;3;ENG;T5;01.11.2026;30.12.2026", "5А;;6;2;RUS;;;", "5А;;ПТ;2;RUS;;;")))
	b := mustLoad(t, testOptions(), path)
	slot := func(line int, group, subject, teacher string, wd time.Weekday, n int, from, to diary.Date) diary.SlotIn {
		return diary.SlotIn{Src: src(path, line), ClassRef: "5А", GroupRef: group, SubjectRef: subject, TeacherRef: teacher,
			Slot: diary.Slot{Weekday: wd, Number: n, ValidFrom: from, ValidTo: to}}
	}
	want := []diary.SlotIn{
		slot(2, "", "MATH", "T1", time.Monday, 1, diary.Date{}, diary.Date{}),
		slot(3, "англ-1", "ENG", "T5", time.Wednesday, 3, d("2026-11-01"), d("2026-12-30")),
		slot(4, "", "RUS", "", time.Saturday, 2, diary.Date{}, diary.Date{}),
		slot(5, "", "RUS", "", time.Friday, 2, diary.Date{}, diary.Date{}),
	}
	if !reflect.DeepEqual(b.Timetable, want) || len(b.Lessons) != 0 {
		t.Errorf("timetable = %+v, lessons %d\nwant %+v, no lessons", b.Timetable, len(b.Lessons), want)
	}
}

// TestTimetableNameKeepsDatedLessons checks that a file named «расписание»
// with a date column stays dated lessons, and without a weekday column
// still asks for the date.
func TestTimetableNameKeepsDatedLessons(t *testing.T) {
	dir := t.TempDir()
	dated := writeFile(t, dir, "расписание.csv", []byte(csvLines("Дата;Номер урока;Класс;Предмет", "01.09.2026;1;5А;MATH")))
	b := mustLoad(t, testOptions(), dated)
	if len(b.Lessons) != 1 || len(b.Timetable) != 0 {
		t.Errorf("dated «расписание»: %d lessons, %d slots; want 1 and 0", len(b.Lessons), len(b.Timetable))
	}
	both := writeFile(t, t.TempDir(), "расписание.csv", []byte(csvLines("Дата;День недели;Номер урока;Класс;Предмет", "01.09.2026;вт;1;5А;MATH")))
	if b := mustLoad(t, testOptions(), both); len(b.Lessons) != 1 || len(b.Timetable) != 0 {
		t.Errorf("«расписание» with a date and a weekday: %d lessons, %d slots; want 1 and 0", len(b.Lessons), len(b.Timetable))
	}
	neither := writeFile(t, dir, "schedule.csv", []byte(csvLines("Номер урока;Класс;Предмет", "1;5А;MATH")))
	_, _, err := Load([]string{neither}, testOptions())
	if got, want := problemsOf(t, err), []string{neither + ":1: date: нет обязательного столбца «дата»"}; !reflect.DeepEqual(got, want) {
		t.Errorf("problems = %q, want %q", got, want)
	}
}

func TestLoadWeeklyTimetableProblems(t *testing.T) {
	path := writeFile(t, t.TempDir(), "timetable.csv", []byte(csvLines(weekHeader,
		"5А;;понедельникк;1;MATH;;;", "5А;;вс;1;MATH;;;", "5А;;8;1;MATH;;;", "5А;;пн;13;MATH;;;",
		"5А;;вт;1;MATH;;01.12.2026;01.11.2026", ";;ср;1;;;;", "5А;;чт;1;MATH;;;", "5А;;Четверг;1;RUS;;;")))
	_, _, err := Load([]string{path}, testOptions())
	want := []string{
		path + ":2:3: weekday: неверный день недели «понедельникк»: ожидается понедельник … суббота, сокращение («пн», «вт» …) или число от 1 (понедельник) до 6 (суббота)",
		path + ":3:3: weekday: «вс» — воскресенье: в воскресенье уроков нет",
		path + ":4:3: weekday: неверный день недели «8»: ожидается понедельник … суббота, сокращение («пн», «вт» …) или число от 1 (понедельник) до 6 (суббота)",
		path + ":5:4: number: неверный номер урока «13»: ожидается число от 1 до 12",
		path + ":6:8: valid_to: дата «действует по» раньше даты «действует с»",
		path + ":7:1: class: не заполнено",
		path + ":7:5: subject: не заполнено",
		path + ":9:4: number: этот урок (класс, группа, день недели, номер) уже есть в строке 8",
	}
	if got := problemsOf(t, err); !reflect.DeepEqual(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", join(got), join(want))
	}
}

func TestRunWeeklyTimetableStored(t *testing.T) {
	db := openStore(t)
	run(t, db, testOptions(), examplePaths(t)...)
	ctx := context.Background()
	sc, err := db.SchoolByCode(ctx, "sch-1")
	if err != nil {
		t.Fatal(err)
	}
	c5a, err := db.ClassByName(ctx, sc.ID, "5А")
	if err != nil {
		t.Fatal(err)
	}
	slots, err := db.Timetable(ctx, c5a.ID)
	if err != nil {
		t.Fatal(err)
	}
	var days []time.Weekday
	for _, s := range slots {
		days = append(days, s.Weekday)
	}
	want := []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Wednesday, time.Thursday, time.Friday}
	if !reflect.DeepEqual(days, want) || slots[0].ValidFrom != diary.MustDate("2026-09-01") || slots[5].ValidFrom != diary.MustDate("2026-11-01") {
		t.Errorf("5А's slots = %+v; want %v, the year's start but Friday's from 1 November", slots, want)
	}
	testQuarantineStored(t, db, sc.ID)
}

// testQuarantineStored checks that the example quarantine belongs to 5Б alone.
func testQuarantineStored(t *testing.T, db interface {
	DaysOff(ctx context.Context, schoolID int64, from, to diary.Date) ([]diary.DayOff, error)
	ClassByName(ctx context.Context, schoolID int64, name string) (diary.Class, error)
}, school int64) {
	t.Helper()
	ctx := context.Background()
	c5b, err := db.ClassByName(ctx, school, "5Б")
	if err != nil {
		t.Fatal(err)
	}
	offs, err := db.DaysOff(ctx, school, diary.MustDate("2026-12-08"), diary.MustDate("2026-12-08"))
	if err != nil {
		t.Fatal(err)
	}
	if len(offs) != 1 || offs[0].ClassID != c5b.ID || offs[0].Kind != diary.Quarantine {
		t.Errorf("days off on 8 December = %+v; want the quarantine of 5Б (class %d)", offs, c5b.ID)
	}
}

func TestLoadWeeklyTimetableOverlap(t *testing.T) {
	path := writeFile(t, t.TempDir(), "timetable.csv", []byte(csvLines(weekHeader,
		"5А;;пн;1;MATH;;;15.11.2026", "5А;;пн;1;MATH;;01.11.2026;", "5А;;вт;1;MATH;;;31.10.2026", "5А;;вт;1;RUS;;01.11.2026;")))
	_, _, err := Load([]string{path}, testOptions())
	want := []string{path + ":3:4: number: в этот день недели урок с этим номером у класса (группы) уже есть, " +
		"и даты действия пересекаются (" + path + ":2)"}
	if got := problemsOf(t, err); !reflect.DeepEqual(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", join(got), join(want))
	}
}
