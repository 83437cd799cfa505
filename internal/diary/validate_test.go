package diary_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/schooldiary/diary/internal/diary"
)

func src(file string, line int) diary.Source { return diary.Source{File: file, Line: line} }

// validBatch returns a batch with one good record of every kind.
func validBatch() *diary.Batch {
	ivanov := diary.Name{Last: "Иванов", First: "Пётр", Middle: "Сергеевич"}
	return &diary.Batch{
		School: diary.School{Code: "voivozh", Name: "СОШ пгт. Войвож", TimeZone: "Europe/Moscow"},
		AsOf:   d("2026-10-20"), Roster: true,
		Years:    []diary.YearIn{{Src: src("years.csv", 2), Year: diary.AcademicYear{Name: "2026/2027", Start: d("2026-09-01"), End: d("2027-08-31")}}},
		Periods:  []diary.PeriodIn{{Src: src("periods.csv", 2), YearRef: "2026/2027", Period: diary.Period{ExtID: "q1", Name: "1 четверть", Kind: diary.Quarter, MinLevel: 1, MaxLevel: 9, Start: d("2026-09-01"), End: d("2026-10-25")}}},
		DaysOff:  []diary.DayOffIn{{Src: src("holidays.csv", 2), DayOff: diary.DayOff{Name: "осенние каникулы", Kind: diary.Vacation, Start: d("2026-10-26"), End: d("2026-11-03")}}},
		Subjects: []diary.SubjectIn{{Src: src("subjects.csv", 2), Subject: diary.Subject{ExtID: "math", Name: "Математика"}}},
		Classes:  []diary.ClassIn{{Src: src("classes.csv", 2), Class: diary.Class{ExtID: "5a", Name: "5А", Level: 5}}},
		Staff: []diary.StaffIn{{Src: src("staff.csv", 2), Staff: diary.Staff{ExtID: "t1", Name: diary.Name{Last: "Смирнова", First: "Анна"}, Phone: "+79120001100", Email: "smirnova@school.ru", ActiveFrom: d("2020-09-01")},
			Roles: []diary.StaffRoleIn{{Role: diary.RoleTeacher}, {Role: diary.RoleClassTeacher, ClassRef: "5a"}, {Role: diary.RoleDeputy, Level: diary.LevelBasic}}}},
		Students: []diary.StudentIn{{Src: src("students.csv", 2), ClassRef: "5a", Student: diary.Student{ExtID: "s1", Name: ivanov, Status: diary.Enrolled}}},
		Groups:   []diary.GroupIn{{Src: src("groups.csv", 2), ClassRef: "5a", Group: diary.Group{ExtID: "5a-en1", Name: "Английский 1"}, StudentRefs: []string{"s1"}}},
		Guardians: []diary.GuardianIn{{Src: src("guardians.csv", 2), StudentRefs: []string{"s1"},
			Guardian: diary.Guardian{ExtID: "g1", Name: diary.Name{Last: "Иванова", First: "Мария"}, Kind: diary.Parent, Phone: "+79120001122", Email: "maria@почта.рф"}}},
		Lessons:    []diary.LessonIn{{Src: src("lessons.csv", 2), ClassRef: "5a", SubjectRef: "math", TeacherRef: "t1", Lesson: diary.Lesson{ExtID: "l1", Date: d("2026-10-19"), Number: 2}}},
		Grades:     []diary.GradeIn{{Src: src("grades.csv", 2), StudentRef: "s1", LessonRef: "l1", Grade: diary.Grade{ExtID: "gr1", Value: 5, Weight: 150}}},
		Attendance: []diary.AttendanceIn{{Src: src("attendance.csv", 2), StudentRef: "s1", LessonRef: "l1", Mark: diary.Ill}},
		Homework:   []diary.HomeworkIn{{Src: src("homework.csv", 2), StudentRef: "s1", SubjectRef: "math", Homework: diary.Homework{ExtID: "hw1", Date: d("2026-10-21"), Text: "№ 245"}}},
		Finals:     []diary.FinalIn{{Src: src("finals.csv", 2), StudentRef: "s1", SubjectRef: "math", YearRef: "2026/2027", PeriodRef: "q1", Final: diary.FinalGrade{Kind: diary.FinalPeriod, Value: 4}}},
	}
}

// problems renders errors as "file:line field" for comparison.
func problems(errs []diary.ItemError) []string {
	var out []string
	for _, e := range errs {
		out = append(out, fmt.Sprintf("%s:%d %s", e.Src.File, e.Src.Line, e.Field))
	}
	return out
}

func TestValidateValidBatch(t *testing.T) {
	if errs := validBatch().Validate(); len(errs) != 0 {
		t.Fatalf("Validate() of a valid batch = %v", errs)
	}
	if errs := (&diary.Batch{School: diary.School{Code: "x"}}).Validate(); len(errs) != 0 {
		t.Fatalf("Validate() of an empty batch = %v", errs)
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name   string
		change func(b *diary.Batch)
		want   []string
	}{
		{"no school code", func(b *diary.Batch) { b.School.Code = " " }, []string{":0 school"}},
		{"school settings", func(b *diary.Batch) {
			b.School.RoundUpFrom, b.School.ReplyRule, b.School.SchoolDays, b.School.TimeZone = 101, "weekly", 7, "Mars/Olympus"
		}, []string{":0 round_up_from", ":0 reply_rule", ":0 school_days", ":0 time_zone"}},
		{"roster without date", func(b *diary.Batch) { b.AsOf = diary.Date{} }, []string{":0 as_of"}},
		{"year without name and dates", func(b *diary.Batch) { b.Years[0].Year = diary.AcademicYear{} }, []string{"years.csv:2 name", "years.csv:2 start", "years.csv:2 end"}},
		{"duplicate year", func(b *diary.Batch) { b.Years = append(b.Years, b.Years[0]); b.Years[1].Src.Line = 3 }, []string{"years.csv:3 name"}},
		{"period end before start", func(b *diary.Batch) { b.Periods[0].Period.End = d("2026-08-01") }, []string{"periods.csv:2 end"}},
		{"period levels reversed", func(b *diary.Batch) { b.Periods[0].Period.MinLevel = 10 }, []string{"periods.csv:2 levels"}},
		{"period level 12", func(b *diary.Batch) { b.Periods[0].Period.MaxLevel = 12 }, []string{"periods.csv:2 levels"}},
		{"period levels zero", func(b *diary.Batch) { b.Periods[0].Period.MinLevel, b.Periods[0].Period.MaxLevel = 0, 0 }, []string{"periods.csv:2 levels"}},
		{"period without id, year, kind", func(b *diary.Batch) {
			b.Periods[0].Period.ExtID, b.Periods[0].YearRef, b.Periods[0].Period.Kind = "", "", "week"
		}, []string{"periods.csv:2 id", "periods.csv:2 year", "periods.csv:2 kind"}},
		{"day off for all levels is fine, one level too", func(b *diary.Batch) {
			b.DaysOff = append(b.DaysOff, diary.DayOffIn{Src: src("holidays.csv", 3), DayOff: diary.DayOff{Name: "доп.", MinLevel: 1, MaxLevel: 1, Start: d("2027-02-15"), End: d("2027-02-21")}})
		}, nil},
		{"day off half levels", func(b *diary.Batch) { b.DaysOff[0].DayOff.MinLevel = 1 }, []string{"holidays.csv:2 levels"}},
		{"duplicate day off", func(b *diary.Batch) { b.DaysOff = append(b.DaysOff, b.DaysOff[0]) }, []string{"holidays.csv:2 name"}},
		{"subject without name", func(b *diary.Batch) { b.Subjects[0].Subject.Name = "" }, []string{"subjects.csv:2 name"}},
		{"duplicate subject id", func(b *diary.Batch) {
			b.Subjects = append(b.Subjects, diary.SubjectIn{Src: src("subjects.csv", 3), Subject: diary.Subject{ExtID: "math", Name: "Алгебра"}})
		}, []string{"subjects.csv:3 id"}},
		{"same id in two kinds is fine", func(b *diary.Batch) {
			b.Classes[0].Class.ExtID = "math"
			b.Students[0].ClassRef = "math"
			b.Staff[0].Roles[1].ClassRef = "math"
			b.Groups[0].ClassRef = "math"
			b.Lessons[0].ClassRef = "math"
		}, nil},
		{"class level", func(b *diary.Batch) { b.Classes[0].Class.Level = 0 }, []string{"classes.csv:2 level"}},
		{"staff without name, bad email, bad dates", func(b *diary.Batch) {
			s := &b.Staff[0].Staff
			s.Name.First, s.Email, s.ActiveTo = "", "smirnova@", d("2019-01-01")
		}, []string{"staff.csv:2 name", "staff.csv:2 email", "staff.csv:2 active_to"}},
		{"staff phone not normalised", func(b *diary.Batch) { b.Staff[0].Staff.Phone = "8 (912) 000-11-00" }, []string{"staff.csv:2 phone"}},
		{"staff phone garbage", func(b *diary.Batch) { b.Staff[0].Staff.Phone = "нет" }, []string{"staff.csv:2 phone"}},
		{"staff roles", func(b *diary.Batch) {
			b.Staff[0].Roles = []diary.StaffRoleIn{{Role: diary.RoleClassTeacher}, {Role: diary.RoleDeputy}, {Role: "janitor"}}
		}, []string{"staff.csv:2 class", "staff.csv:2 level", "staff.csv:2 role"}},
		{"student without id, name and class", func(b *diary.Batch) { b.Students[0] = diary.StudentIn{Src: src("students.csv", 2)} }, []string{"students.csv:2 id", "students.csv:2 name", "students.csv:2 class"}},
		{"left student fine without class", func(b *diary.Batch) {
			s := &b.Students[0]
			s.ClassRef, s.Student.Status, s.Student.LeftOn, s.Student.LeftReason = "", diary.Left, d("2026-10-01"), diary.LeftExpelled
		}, nil},
		{"left student without date, odd reason", func(b *diary.Batch) {
			s := &b.Students[0].Student
			s.Status, s.LeftReason = diary.Left, "flew"
		}, []string{"students.csv:2 left_on", "students.csv:2 left_reason"}},
		{"enrolled student with left date", func(b *diary.Batch) { b.Students[0].Student.LeftOn = d("2026-10-01") }, []string{"students.csv:2 left_on"}},
		{"enrolled student with reason", func(b *diary.Batch) { b.Students[0].Student.LeftReason = diary.LeftExpelled }, []string{"students.csv:2 left_on"}},
		{"unknown status", func(b *diary.Batch) { b.Students[0].Student.Status = "sleeping" }, []string{"students.csv:2 status"}},
		{"empty status means enrolled", func(b *diary.Batch) { b.Students[0].Student.Status = "" }, nil},
		{"group without class, empty member", func(b *diary.Batch) { b.Groups[0].ClassRef, b.Groups[0].StudentRefs = "", []string{"s1", " "} }, []string{"groups.csv:2 class", "groups.csv:2 students"}},
		{"guardian problems", func(b *diary.Batch) {
			g := &b.Guardians[0]
			g.Guardian.Kind, g.Guardian.Phone, g.Guardian.Email, g.StudentRefs = "uncle", "+7 912 000 11 22", "maria at mail.ru", []string{""}
		}, []string{"guardians.csv:2 kind", "guardians.csv:2 phone", "guardians.csv:2 email", "guardians.csv:2 students"}},
		{"lesson problems", func(b *diary.Batch) {
			l := &b.Lessons[0]
			l.ClassRef, l.SubjectRef, l.Lesson.Date, l.Lesson.Number = "", "", diary.Date{}, 0
		}, []string{"lessons.csv:2 class", "lessons.csv:2 subject", "lessons.csv:2 date", "lessons.csv:2 number"}},
		{"lesson number 13", func(b *diary.Batch) { b.Lessons[0].Lesson.Number = 13 }, []string{"lessons.csv:2 number"}},
		{"lesson number 12 fine", func(b *diary.Batch) { b.Lessons[0].Lesson.Number = 12 }, nil},
		{"grade value 6", func(b *diary.Batch) { b.Grades[0].Grade.Value = 6 }, []string{"grades.csv:2 value"}},
		{"grade value 0 and no mark", func(b *diary.Batch) { b.Grades[0].Grade.Value = 0 }, []string{"grades.csv:2 value"}},
		{"grade both value and mark", func(b *diary.Batch) { b.Grades[0].Grade.Mark = diary.MarkPass }, []string{"grades.csv:2 value"}},
		{"grade mark only", func(b *diary.Batch) { b.Grades[0].Grade.Value, b.Grades[0].Grade.Mark = 0, diary.MarkExempt }, nil},
		{"grade unknown mark", func(b *diary.Batch) { b.Grades[0].Grade.Value, b.Grades[0].Grade.Mark = 0, "зачёт" }, []string{"grades.csv:2 value"}},
		{"grade weight zero", func(b *diary.Batch) { b.Grades[0].Grade.Weight = 0 }, []string{"grades.csv:2 weight"}},
		{"grade weight too big", func(b *diary.Batch) { b.Grades[0].Grade.Weight = diary.MaxWeight + 1 }, []string{"grades.csv:2 weight"}},
		{"grade without lesson needs subject and date", func(b *diary.Batch) { b.Grades[0].LessonRef = "" }, []string{"grades.csv:2 subject", "grades.csv:2 date"}},
		{"grade without lesson with subject and date", func(b *diary.Batch) {
			b.Grades[0].LessonRef, b.Grades[0].SubjectRef, b.Grades[0].Grade.Date = "", "math", d("2026-10-19")
		}, nil},
		{"grade without student and id", func(b *diary.Batch) { b.Grades[0].StudentRef, b.Grades[0].Grade.ExtID = "", "" }, []string{"grades.csv:2 id", "grades.csv:2 student"}},
		{"attendance mark", func(b *diary.Batch) { b.Attendance[0].Mark = "Н" }, []string{"attendance.csv:2 mark"}},
		{"attendance empty mark removes", func(b *diary.Batch) { b.Attendance[0].Mark = "" }, nil},
		{"attendance refs", func(b *diary.Batch) { b.Attendance[0].StudentRef, b.Attendance[0].LessonRef = "", "" }, []string{"attendance.csv:2 student", "attendance.csv:2 lesson"}},
		{"attendance twice", func(b *diary.Batch) {
			b.Attendance = append(b.Attendance, b.Attendance[0])
			b.Attendance[1].Src.Line = 3
		}, []string{"attendance.csv:3 lesson"}},
		{"homework without text", func(b *diary.Batch) { b.Homework[0].Homework.Text = " " }, []string{"homework.csv:2 text"}},
		{"homework without subject", func(b *diary.Batch) { b.Homework[0].SubjectRef = "" }, []string{"homework.csv:2 subject"}},
		{"final period grade without period", func(b *diary.Batch) { b.Finals[0].PeriodRef = "" }, []string{"finals.csv:2 period"}},
		{"year grade with period", func(b *diary.Batch) { b.Finals[0].Final.Kind = diary.FinalYear }, []string{"finals.csv:2 period"}},
		{"final unknown kind, no value", func(b *diary.Batch) { b.Finals[0].Final.Kind, b.Finals[0].Final.Value = "weekly", 0 }, []string{"finals.csv:2 kind", "finals.csv:2 value"}},
		{"final twice", func(b *diary.Batch) { b.Finals = append(b.Finals, b.Finals[0]) }, []string{"finals.csv:2 student"}},
		{"final н/а", func(b *diary.Batch) { b.Finals[0].Final.Value, b.Finals[0].Final.Mark = 0, diary.MarkNotGraded }, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := validBatch()
			tt.change(b)
			got := problems(b.Validate())
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("Validate() =\n%v\nwant\n%v", got, tt.want)
			}
		})
	}
}

func TestValidateMessages(t *testing.T) {
	b := validBatch()
	b.Grades[0].Grade.Value = 7
	b.Subjects = append(b.Subjects, diary.SubjectIn{Src: src("subjects.csv", 5), Subject: diary.Subject{ExtID: "math", Name: "М"}})
	errs := b.Validate()
	msgs := map[string]string{}
	for _, e := range errs {
		msgs[e.Field] = e.Msg
	}
	if got, want := msgs["value"], "оценка должна быть от 1 до 5 или зач/незач/н/а/осв"; got != want {
		t.Errorf("value message = %q, want %q", got, want)
	}
	if got := msgs["id"]; !strings.Contains(got, "subjects.csv:2") {
		t.Errorf("duplicate message = %q, want it to point at subjects.csv:2", got)
	}
}

func TestValidateDoesNotChangeBatch(t *testing.T) {
	b := validBatch()
	b.Guardians[0].Guardian.Phone = "8 (912) 000-11-22"
	b.Validate()
	if got, want := b.Guardians[0].Guardian.Phone, "8 (912) 000-11-22"; got != want {
		t.Errorf("Validate rewrote the phone to %q, want %q kept", got, want)
	}
}

func TestPlausibleEmail(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"a@b.ru", true},
		{"ivanova.m+school@mail.ru", true},
		{"мария@почта.рф", true},
		{"", false},
		{"a@b", false},
		{"@b.ru", false},
		{"a@.ru", false},
		{"a@b.ru.", false},
		{"a@@b.ru", false},
		{"a b@c.ru", false},
		{"Мария <m@b.ru>", false},
		{"a@b..ru", false},
		{".a@b.ru", false},
		{"a,b@c.ru", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := diary.PlausibleEmail(tt.in); got != tt.want {
				t.Errorf("PlausibleEmail(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}
