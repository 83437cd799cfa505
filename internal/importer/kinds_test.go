package importer

import (
	"reflect"
	"testing"

	"github.com/schooldiary/diary/internal/diary"
)

// src is the source of line n of the test file f.
func src(f string, n int) diary.Source { return diary.Source{File: f, Line: n} }

func TestLoadEachKind(t *testing.T) {
	d := diary.MustDate
	tests := []struct {
		name    string
		file    string
		content string
		got     func(b *diary.Batch) any
		want    func(f string) any
	}{
		{"classes, id and level from the name", "classes.csv", csvLines("Класс", "5А", "10Б"),
			func(b *diary.Batch) any { return b.Classes },
			func(f string) any {
				return []diary.ClassIn{{Src: src(f, 2), Class: diary.Class{ExtID: "5А", Name: "5А", Level: 5}},
					{Src: src(f, 3), Class: diary.Class{ExtID: "10Б", Name: "10Б", Level: 10}}}
			}},
		{"subjects in english", "subjects.csv", csvLines("subject_id,name,short", "M,Математика,Матем."),
			func(b *diary.Batch) any { return b.Subjects },
			func(f string) any {
				return []diary.SubjectIn{{Src: src(f, 2), Subject: diary.Subject{ExtID: "M", Name: "Математика", Short: "Матем."}}}
			}},
		{"years", "years.csv", csvLines("Учебный год;Начало;Окончание", "2026-2027;01.09.2026;31.05.2027"),
			func(b *diary.Batch) any { return b.Years },
			func(f string) any {
				return []diary.YearIn{{Src: src(f, 2), Year: diary.AcademicYear{Name: "2026/2027", Start: d("2026-09-01"), End: d("2027-05-31")}}}
			}},
		{"periods with years derived", "periods.csv", csvLines("Период;Начало;Окончание", "1 четверть;01.09.2026;23.10.2026", "2 полугодие;11.01.2027;26.05.2027"),
			func(b *diary.Batch) any { return []any{b.Periods, b.Years} },
			func(f string) any {
				return []any{[]diary.PeriodIn{
					{Src: src(f, 2), YearRef: "2026/2027", Period: diary.Period{ExtID: "1 четверть", Name: "1 четверть", Kind: diary.Quarter, MinLevel: 1, MaxLevel: 9, Start: d("2026-09-01"), End: d("2026-10-23")}},
					{Src: src(f, 3), YearRef: "2026/2027", Period: diary.Period{ExtID: "2 полугодие", Name: "2 полугодие", Kind: diary.Half, MinLevel: 10, MaxLevel: 11, Start: d("2027-01-11"), End: d("2027-05-26")}},
				}, []diary.YearIn{{Src: src(f, 2), Year: diary.AcademicYear{Name: "2026/2027", Start: d("2026-09-01"), End: d("2027-05-26")}}}}
			}},
		{"days off", "holidays.csv", csvLines("Название;Начало;Окончание;с класса;по класс", "Новый год;01.01.2027;;;", "Доп. каникулы;15.02.2027;21.02.2027;1;1"),
			func(b *diary.Batch) any { return b.DaysOff },
			func(f string) any {
				return []diary.DayOffIn{
					{Src: src(f, 2), DayOff: diary.DayOff{Name: "Новый год", Kind: diary.Holiday, Start: d("2027-01-01"), End: d("2027-01-01")}},
					{Src: src(f, 3), DayOff: diary.DayOff{Name: "Доп. каникулы", Kind: diary.Vacation, MinLevel: 1, MaxLevel: 1, Start: d("2027-02-15"), End: d("2027-02-21")}},
				}
			}},
		{"staff, one row per role merged", "staff.csv", csvLines("Код;ФИО;Роль;Телефон", "T1;Смирнова Ольга Петровна;учитель;8 912 100 00 01", "T1;Смирнова Ольга Петровна;классный руководитель 5А;", "T2;Васильев Игорь;директор;"),
			func(b *diary.Batch) any { return b.Staff },
			func(f string) any {
				return []diary.StaffIn{
					{Src: src(f, 2), Staff: diary.Staff{ExtID: "T1", Name: diary.Name{Last: "Смирнова", First: "Ольга", Middle: "Петровна"}, Phone: "+79121000001"},
						Roles: []diary.StaffRoleIn{{Role: diary.RoleTeacher}, {Role: diary.RoleClassTeacher, ClassRef: "5А"}}},
					{Src: src(f, 4), Staff: diary.Staff{ExtID: "T2", Name: diary.Name{Last: "Васильев", First: "Игорь"}}, Roles: []diary.StaffRoleIn{{Role: diary.RoleDirector}}},
				}
			}},
		{"students who left", "students.csv", csvLines("Код;ФИО;Класс;Статус;Дата выбытия;Причина выбытия", "S1;Иванов Иван;5А;переведён;01.09.2026;", "S2;Петров Пётр;5А;выбыл;;отчислен"),
			func(b *diary.Batch) any { return b.Students },
			func(f string) any {
				return []diary.StudentIn{
					{Src: src(f, 2), ClassRef: "5А", Student: diary.Student{ExtID: "S1", Name: diary.Name{Last: "Иванов", First: "Иван"}, Status: diary.Left, LeftOn: d("2026-09-01"), LeftReason: diary.LeftTransferred}},
					{Src: src(f, 3), ClassRef: "5А", Student: diary.Student{ExtID: "S2", Name: diary.Name{Last: "Петров", First: "Пётр"}, Status: diary.Left, LeftOn: asOf, LeftReason: diary.LeftExpelled}},
				}
			}},
		{"guardians merged by id", "guardians.csv", csvLines("Код родителя;ФИО;Кем приходится;Телефон;Код ученика", "G1;Иванова Ольга;мать;+7 (912) 000-11-22;S1", "G1;Иванова Ольга;;;S2", "G2;Опекунов Олег;опекун;;S3"),
			func(b *diary.Batch) any { return b.Guardians },
			func(f string) any {
				return []diary.GuardianIn{
					{Src: src(f, 2), StudentRefs: []string{"S1", "S2"}, Guardian: diary.Guardian{ExtID: "G1", Name: diary.Name{Last: "Иванова", First: "Ольга"}, Kind: diary.Parent, Phone: "+79120001122"}},
					{Src: src(f, 4), StudentRefs: []string{"S3"}, Guardian: diary.Guardian{ExtID: "G2", Name: diary.Name{Last: "Опекунов", First: "Олег"}, Kind: diary.Representative}},
				}
			}},
		{"groups as a list and one row per member", "groups.csv", csvLines("Код группы;Группа;Класс;Ученики;Ученик", `g1;Англ. 1;5А;"S1, S2";`, "g2;Англ. 2;5А;;S3", "g2;Англ. 2;5А;;S4"),
			func(b *diary.Batch) any { return b.Groups },
			func(f string) any {
				return []diary.GroupIn{
					{Src: src(f, 2), ClassRef: "5А", StudentRefs: []string{"S1", "S2"}, Group: diary.Group{ExtID: "g1", Name: "Англ. 1"}},
					{Src: src(f, 3), ClassRef: "5А", StudentRefs: []string{"S3", "S4"}, Group: diary.Group{ExtID: "g2", Name: "Англ. 2"}},
				}
			}},
		{"timetable with made-up ids", "timetable.csv", csvLines("Дата;№ урока;Класс;Группа;Предмет;Учитель;Тема;ДЗ", "01.09.2026;3;5А;g1;ENG;T5;Знакомство;упр. 1", "01.09.2026;1;5А;;MATH;;;"),
			func(b *diary.Batch) any { return b.Lessons },
			func(f string) any {
				return []diary.LessonIn{
					{Src: src(f, 2), ClassRef: "5А", GroupRef: "g1", SubjectRef: "ENG", TeacherRef: "T5", Lesson: diary.Lesson{ExtID: "5А/g1/2026-09-01/3", Date: d("2026-09-01"), Number: 3, Topic: "Знакомство", Homework: "упр. 1"}},
					{Src: src(f, 3), ClassRef: "5А", SubjectRef: "MATH", Lesson: diary.Lesson{ExtID: "5А/2026-09-01/1", Date: d("2026-09-01"), Number: 1}},
				}
			}},
		{"grades", "grades.csv", csvLines("id;student;lesson;subject;date;mark;weight;work_type", "GR1;S1;L1;;;5;;ответ", "GR2;S1;;MATH;02.09.2026;Зачёт;1,5;"),
			func(b *diary.Batch) any { return b.Grades },
			func(f string) any {
				return []diary.GradeIn{
					{Src: src(f, 2), StudentRef: "S1", LessonRef: "L1", Grade: diary.Grade{ExtID: "GR1", Value: 5, Weight: diary.WeightOne, WorkType: "ответ"}},
					{Src: src(f, 3), StudentRef: "S1", SubjectRef: "MATH", Grade: diary.Grade{ExtID: "GR2", Date: d("2026-09-02"), Mark: diary.MarkPass, Weight: 150}},
				}
			}},
		{"attendance, blank removes", "attendance.csv", csvLines("Ученик;Урок;Отметка", "S1;L1;Н", "S2;L1;ОП", "S3;L1;"),
			func(b *diary.Batch) any { return b.Attendance },
			func(f string) any {
				return []diary.AttendanceIn{{Src: src(f, 2), StudentRef: "S1", LessonRef: "L1", Mark: diary.Absent},
					{Src: src(f, 3), StudentRef: "S2", LessonRef: "L1", Mark: diary.Late}, {Src: src(f, 4), StudentRef: "S3", LessonRef: "L1"}}
			}},
		{"homework", "homework.csv", csvLines("Код задания;Ученик;Предмет;Срок;Задание", "H1;S1;MATH;2026-09-04;№ 15"),
			func(b *diary.Batch) any { return b.Homework },
			func(f string) any {
				return []diary.HomeworkIn{{Src: src(f, 2), StudentRef: "S1", SubjectRef: "MATH", Homework: diary.Homework{ExtID: "H1", Date: d("2026-09-04"), Text: "№ 15"}}}
			}},
		{"finals", "finals.csv", csvLines("Ученик;Предмет;Вид;Период;Год;Оценка", "S1;MATH;годовая;;2026-2027;4", "S1;MATH;экзамен;;2026/2027;осв"),
			func(b *diary.Batch) any { return b.Finals },
			func(f string) any {
				return []diary.FinalIn{
					{Src: src(f, 2), StudentRef: "S1", SubjectRef: "MATH", YearRef: "2026/2027", Final: diary.FinalGrade{Kind: diary.FinalYear, Value: 4}},
					{Src: src(f, 3), StudentRef: "S1", SubjectRef: "MATH", YearRef: "2026/2027", Final: diary.FinalGrade{Kind: diary.FinalExam, Mark: diary.MarkExempt}},
				}
			}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := writeFile(t, t.TempDir(), tc.file, []byte(tc.content))
			b := mustLoad(t, testOptions(), path)
			if got, want := tc.got(b), tc.want(path); !reflect.DeepEqual(got, want) {
				t.Errorf("got  %+v\nwant %+v", got, want)
			}
		})
	}
}

func TestLoadExamples(t *testing.T) {
	b := mustLoad(t, testOptions(), examplePaths(t)...)
	got := map[string]int{
		diary.KindYears: len(b.Years), diary.KindPeriods: len(b.Periods), diary.KindDaysOff: len(b.DaysOff),
		diary.KindSubjects: len(b.Subjects), diary.KindClasses: len(b.Classes), diary.KindStaff: len(b.Staff),
		diary.KindStudents: len(b.Students), diary.KindGroups: len(b.Groups), diary.KindGuardians: len(b.Guardians),
		diary.KindLessons: len(b.Lessons), diary.KindGrades: len(b.Grades), diary.KindAttendance: len(b.Attendance),
		diary.KindHomework: len(b.Homework), diary.KindFinals: len(b.Finals), diary.KindTimetable: len(b.Timetable),
	}
	want := exampleCounts()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("records per kind = %v, want %v", got, want)
	}
	if !b.Roster || b.AsOf != asOf || b.School.Code != "sch-1" {
		t.Errorf("roster %v, as of %s, school %q; want true, %s, sch-1", b.Roster, b.AsOf, b.School.Code, asOf)
	}
}

// exampleCounts is how many records of each kind testdata/import holds.
func exampleCounts() map[string]int {
	return map[string]int{
		diary.KindYears: 1, diary.KindPeriods: 6, diary.KindDaysOff: 6, diary.KindSubjects: 4, diary.KindClasses: 3,
		diary.KindStaff: 5, diary.KindStudents: 7, diary.KindGroups: 2, diary.KindGuardians: 6, diary.KindLessons: 8,
		diary.KindGrades: 6, diary.KindAttendance: 3, diary.KindHomework: 2, diary.KindFinals: 3,
		diary.KindTimetable: 7,
	}
}
