package storetest

import "github.com/schooldiary/diary/internal/diary"

// The journal ids (ExtID) of the records in SmallSchool, for tests that refer
// to them.
const (
	SchoolCode = "test-school"
	SchoolName = "Тестовая школа"
	YearName   = "2026/2027"

	PeriodQ1, PeriodQ2, PeriodQ3, PeriodQ4 = "q1", "q2", "q3", "q4"
	PeriodH1, PeriodH2                     = "h1", "h2"

	SubjMath, SubjRus, SubjEng, SubjGer, SubjPE = "math", "rus", "eng", "ger", "pe"

	Class5A, Class5B, Class10B = "5a", "5b", "10b"
	GroupEng, GroupGer         = "5a-eng", "5a-ger"

	StaffIvanova    = "t-ivanova"    // teacher, class teacher of 5А
	StaffPetrov     = "t-petrov"     // teacher, class teacher of 10Б
	StaffSmirnova   = "t-smirnova"   // teacher of languages
	StaffKuznetsova = "d-kuznetsova" // deputy director, basic and secondary
	StaffOrlov      = "dir-orlov"    // director
	StaffNikolaeva  = "ja-nikolaeva" // journal administrator
	StaffFedorov    = "sa-fedorov"   // system administrator

	StudentBelov   = "st-belov"   // 5А, English group
	StudentVolkov  = "st-volkov"  // 5А, English group
	StudentGuseva  = "st-guseva"  // 5А, German group
	StudentZhukova = "st-zhukova" // 5А, left (transferred) on 2026-10-01
	StudentBelova  = "st-belova"  // 10Б
	StudentErshov  = "st-ershov"  // 10Б

	GuardianBelova   = "gd-belova"   // parent of Белов Антон and Белова Юлия
	GuardianSmirnova = "gd-smirnova" // representative of Белов Антон
	GuardianVolkova  = "gd-volkova"  // parent of Волков Борис
	GuardianZhukova  = "gd-zhukova"  // parent of Жукова Елена (left)

	PhoneBelova   = "+79120001122"
	PhoneSmirnova = "+79120005566"
	PhoneVolkova  = "+79120003344"
	PhoneZhukova  = "+79120007788"

	LessonMath0907   = "l-5a-math-0907"
	LessonRus0907    = "l-5a-rus-0907"
	LessonEng0907    = "l-5a-eng-0907"
	LessonGer0907    = "l-5a-ger-0907"
	LessonMath0908   = "l-5a-math-0908"
	LessonPE0909     = "l-5a-pe-0909"
	LessonRus0910    = "l-5a-rus-0910" // no teacher
	LessonMath1110   = "l-5a-math-1110"
	Lesson10Math0907 = "l-10b-math-0907"
	Lesson10Math1109 = "l-10b-math-1109"
)

// d parses a date constant.
func d(s string) diary.Date { return diary.MustDate(s) }

// src locates the i-th item of a kind as if it came from a CSV file with a
// header line.
func src(kind string, i int) diary.Source {
	return diary.Source{File: kind + ".csv", Line: i + 2}
}

// SmallSchool returns a fresh batch with one small school, «Тестовая школа»:
// the year 2026/2027 with quarters for classes 1–9 and halves for 10–11, five
// days off, classes 5А, 5Б and 10Б, two language groups of 5А, five subjects,
// staff in every role, six students (one left), four guardians (one with two
// children), ten lessons, twelve grades (numeric, non-numeric, weighted),
// four attendance marks, three individual assignments and two period grades.
// Every name sorts the same way under any collation. Aggregates of the first
// quarter: Белов Антон math 1100/300 (2 grades), rus 200/100, eng 400/100;
// Волков Борис math 1150/250; Жукова Елена math 300/100; Белова Юлия's first
// half math 1150/250.
func SmallSchool() *diary.Batch { return SmallSchoolNamed(SchoolCode, SchoolName) }

// SmallSchoolNamed returns SmallSchool for a school with another code and
// name; the journal ids and phones stay the same.
func SmallSchoolNamed(code, name string) *diary.Batch {
	return &diary.Batch{
		School: diary.School{
			Code: code, Name: name, TimeZone: diary.DefaultTimeZone,
			RoundUpFrom: 50, ReplyRule: diary.ReplyCalendarDays, ReplyDays: 2, SchoolDays: 5,
		},
		AsOf:       d("2026-10-05"),
		Years:      []diary.YearIn{{Src: src("years", 0), Year: diary.AcademicYear{Name: YearName, Start: d("2026-09-01"), End: d("2027-08-31")}}},
		Periods:    smallPeriods(),
		DaysOff:    smallDaysOff(),
		Subjects:   smallSubjects(),
		Classes:    smallClasses(),
		Staff:      smallStaff(),
		Students:   smallStudents(),
		Groups:     smallGroups(),
		Guardians:  smallGuardians(),
		Lessons:    smallLessons(),
		Grades:     smallGrades(),
		Attendance: smallAttendance(),
		Homework:   smallHomework(),
		Finals:     smallFinals(),
	}
}

func smallPeriods() []diary.PeriodIn {
	ps := []diary.Period{
		{ExtID: PeriodQ1, Name: "1 четверть", Kind: diary.Quarter, MinLevel: 1, MaxLevel: 9, Start: d("2026-09-01"), End: d("2026-10-24")},
		{ExtID: PeriodQ2, Name: "2 четверть", Kind: diary.Quarter, MinLevel: 1, MaxLevel: 9, Start: d("2026-11-05"), End: d("2026-12-27")},
		{ExtID: PeriodQ3, Name: "3 четверть", Kind: diary.Quarter, MinLevel: 1, MaxLevel: 9, Start: d("2027-01-11"), End: d("2027-03-21")},
		{ExtID: PeriodQ4, Name: "4 четверть", Kind: diary.Quarter, MinLevel: 1, MaxLevel: 9, Start: d("2027-03-31"), End: d("2027-05-26")},
		{ExtID: PeriodH1, Name: "1 полугодие", Kind: diary.Half, MinLevel: 10, MaxLevel: 11, Start: d("2026-09-01"), End: d("2026-12-27")},
		{ExtID: PeriodH2, Name: "2 полугодие", Kind: diary.Half, MinLevel: 10, MaxLevel: 11, Start: d("2027-01-11"), End: d("2027-05-26")},
	}
	out := make([]diary.PeriodIn, len(ps))
	for i, p := range ps {
		out[i] = diary.PeriodIn{Src: src("periods", i), Period: p, YearRef: YearName}
	}
	return out
}

func smallDaysOff() []diary.DayOffIn {
	ds := []diary.DayOff{
		{Name: "Осенние каникулы", Kind: diary.Vacation, Start: d("2026-10-25"), End: d("2026-11-03")},
		{Name: "День народного единства", Kind: diary.Holiday, Start: d("2026-11-04"), End: d("2026-11-04")},
		{Name: "Зимние каникулы", Kind: diary.Vacation, Start: d("2026-12-28"), End: d("2027-01-10")},
		{Name: "Дополнительные каникулы", Kind: diary.Vacation, MinLevel: 1, MaxLevel: 1, Start: d("2027-02-15"), End: d("2027-02-21")},
		{Name: "Весенние каникулы", Kind: diary.Vacation, Start: d("2027-03-22"), End: d("2027-03-30")},
	}
	out := make([]diary.DayOffIn, len(ds))
	for i, x := range ds {
		out[i] = diary.DayOffIn{Src: src("days_off", i), DayOff: x}
	}
	return out
}

func smallSubjects() []diary.SubjectIn {
	ss := []diary.Subject{
		{ExtID: SubjMath, Name: "Математика", Short: "Матем."},
		{ExtID: SubjRus, Name: "Русский язык", Short: "Рус. яз."},
		{ExtID: SubjEng, Name: "Английский язык", Short: "Англ. яз."},
		{ExtID: SubjGer, Name: "Немецкий язык"},
		{ExtID: SubjPE, Name: "Физическая культура", Short: "Физ-ра"},
	}
	out := make([]diary.SubjectIn, len(ss))
	for i, s := range ss {
		out[i] = diary.SubjectIn{Src: src("subjects", i), Subject: s}
	}
	return out
}

func smallClasses() []diary.ClassIn {
	cs := []diary.Class{
		{ExtID: Class10B, Name: "10Б", Level: 10},
		{ExtID: Class5A, Name: "5А", Level: 5},
		{ExtID: Class5B, Name: "5Б", Level: 5},
	}
	out := make([]diary.ClassIn, len(cs))
	for i, c := range cs {
		out[i] = diary.ClassIn{Src: src("classes", i), Class: c}
	}
	return out
}

func smallStaff() []diary.StaffIn {
	teacher := diary.StaffRoleIn{Role: diary.RoleTeacher}
	staff := func(ext, last, first, middle, phone, email, from string, roles ...diary.StaffRoleIn) diary.StaffIn {
		return diary.StaffIn{Roles: roles, Staff: diary.Staff{
			ExtID: ext, Name: diary.Name{Last: last, First: first, Middle: middle},
			Phone: phone, Email: email, ActiveFrom: d(from),
		}}
	}
	out := []diary.StaffIn{
		staff(StaffIvanova, "Иванова", "Мария", "Петровна", "+79121110001", "ivanova@school.test", "2010-09-01",
			teacher, diary.StaffRoleIn{Role: diary.RoleClassTeacher, ClassRef: Class5A}),
		staff(StaffPetrov, "Петров", "Сергей", "Иванович", "+79121110002", "petrov@school.test", "2015-08-25",
			teacher, diary.StaffRoleIn{Role: diary.RoleClassTeacher, ClassRef: Class10B}),
		staff(StaffSmirnova, "Смирнова", "Анна", "Викторовна", "", "smirnova@school.test", "2026-09-01", teacher),
		staff(StaffKuznetsova, "Кузнецова", "Елена", "Андреевна", "+79121110004", "", "2005-09-01",
			diary.StaffRoleIn{Role: diary.RoleDeputy, Level: diary.LevelBasic},
			diary.StaffRoleIn{Role: diary.RoleDeputy, Level: diary.LevelSecondary}),
		staff(StaffOrlov, "Орлов", "Дмитрий", "Николаевич", "+79121110005", "director@school.test", "2001-09-01",
			diary.StaffRoleIn{Role: diary.RoleDirector}, teacher),
		staff(StaffNikolaeva, "Николаева", "Татьяна", "", "", "journal@school.test", "2020-01-09",
			diary.StaffRoleIn{Role: diary.RoleJournalAdmin}),
		staff(StaffFedorov, "Федоров", "Максим", "Олегович", "", "admin@school.test", "2022-03-01",
			diary.StaffRoleIn{Role: diary.RoleSysAdmin}),
	}
	for i := range out {
		out[i].Src = src("staff", i)
	}
	return out
}

func smallStudents() []diary.StudentIn {
	st := func(ext, class, last, first, middle, birth, phone string) diary.StudentIn {
		return diary.StudentIn{ClassRef: class, Student: diary.Student{
			ExtID: ext, Name: diary.Name{Last: last, First: first, Middle: middle},
			BirthDate: d(birth), Phone: phone, Status: diary.Enrolled,
		}}
	}
	out := []diary.StudentIn{
		st(StudentBelov, Class5A, "Белов", "Антон", "Игоревич", "2016-02-29", "+79123330001"),
		st(StudentVolkov, Class5A, "Волков", "Борис", "Сергеевич", "2015-11-30", ""),
		st(StudentGuseva, Class5A, "Гусева", "Дина", "Павловна", "2016-01-01", "+79123330003"),
		st(StudentZhukova, Class5A, "Жукова", "Елена", "Андреевна", "2015-12-31", ""),
		st(StudentBelova, Class10B, "Белова", "Юлия", "Игоревна", "2010-06-15", "+79123330005"),
		st(StudentErshov, Class10B, "Ершов", "Кирилл", "", "2010-09-01", ""),
	}
	out[2].Student.Email = "dina@mail.test"
	z := &out[3].Student
	z.Status, z.LeftOn, z.LeftReason = diary.Left, d("2026-10-01"), diary.LeftTransferred
	for i := range out {
		out[i].Src = src("students", i)
	}
	return out
}

func smallGroups() []diary.GroupIn {
	return []diary.GroupIn{
		{Src: src("groups", 0), Group: diary.Group{ExtID: GroupEng, Name: "5А английский"}, ClassRef: Class5A,
			StudentRefs: []string{StudentBelov, StudentVolkov}},
		{Src: src("groups", 1), Group: diary.Group{ExtID: GroupGer, Name: "5А немецкий"}, ClassRef: Class5A,
			StudentRefs: []string{StudentGuseva}},
	}
}

func smallGuardians() []diary.GuardianIn {
	g := func(ext, last, first, middle string, kind diary.GuardianKind, phone, email string, kids ...string) diary.GuardianIn {
		return diary.GuardianIn{StudentRefs: kids, Guardian: diary.Guardian{
			ExtID: ext, Name: diary.Name{Last: last, First: first, Middle: middle},
			Kind: kind, Phone: phone, Email: email,
		}}
	}
	out := []diary.GuardianIn{
		g(GuardianBelova, "Белова", "Ирина", "Олеговна", diary.Parent, PhoneBelova, "belova@mail.test", StudentBelov, StudentBelova),
		g(GuardianSmirnova, "Смирнова", "Галина", "Петровна", diary.Representative, PhoneSmirnova, "", StudentBelov),
		g(GuardianVolkova, "Волкова", "Марина", "", diary.Parent, PhoneVolkova, "volkova@mail.test", StudentVolkov),
		g(GuardianZhukova, "Жукова", "Светлана", "Ивановна", diary.Parent, PhoneZhukova, "", StudentZhukova),
	}
	for i := range out {
		out[i].Src = src("guardians", i)
	}
	return out
}

func smallLessons() []diary.LessonIn {
	l := func(ext, class, group, subj, teacher, date string, num int, topic, hw string) diary.LessonIn {
		return diary.LessonIn{ClassRef: class, GroupRef: group, SubjectRef: subj, TeacherRef: teacher,
			Lesson: diary.Lesson{ExtID: ext, Date: d(date), Number: num, Topic: topic, Homework: hw}}
	}
	out := []diary.LessonIn{
		l(LessonMath0907, Class5A, "", SubjMath, StaffIvanova, "2026-09-07", 1, "Натуральные числа", "№ 1–5, стр. 8"),
		l(LessonRus0907, Class5A, "", SubjRus, StaffIvanova, "2026-09-07", 2, "Звуки и буквы", "Упр. 12"),
		l(LessonEng0907, Class5A, GroupEng, SubjEng, StaffSmirnova, "2026-09-07", 3, "Greetings", "Выучить слова"),
		l(LessonGer0907, Class5A, GroupGer, SubjGer, StaffSmirnova, "2026-09-07", 3, "Begrüßung", ""),
		l(LessonMath0908, Class5A, "", SubjMath, StaffIvanova, "2026-09-08", 1, "Сложение натуральных чисел", "№ 10–14"),
		l(LessonPE0909, Class5A, "", SubjPE, StaffPetrov, "2026-09-09", 4, "Бег 60 м", ""),
		l(LessonRus0910, Class5A, "", SubjRus, "", "2026-09-10", 2, "Гласные и согласные", "Упр. 20"),
		l(LessonMath1110, Class5A, "", SubjMath, StaffIvanova, "2026-11-10", 2, "Обыкновенные дроби", "№ 201"),
		l(Lesson10Math0907, Class10B, "", SubjMath, StaffPetrov, "2026-09-07", 1, "Тригонометрический круг", "§ 1"),
		l(Lesson10Math1109, Class10B, "", SubjMath, StaffPetrov, "2026-11-09", 1, "Производная", "§ 12"),
	}
	for i := range out {
		out[i].Src = src("lessons", i)
	}
	return out
}

func smallGrades() []diary.GradeIn {
	g := func(ext, student, lesson string, value int, mark, work string, weight int, descr string) diary.GradeIn {
		return diary.GradeIn{StudentRef: student, LessonRef: lesson, Grade: diary.Grade{
			ExtID: ext, Value: value, Mark: mark, WorkType: work, Weight: weight, Description: descr,
		}}
	}
	out := []diary.GradeIn{
		g("gr-belov-math-1", StudentBelov, LessonMath0907, 5, "", "ответ на уроке", 100, "Устный счёт"),
		g("gr-belov-math-2", StudentBelov, LessonMath0908, 3, "", "контрольная работа", 200, "Входная контрольная"),
		g("gr-belov-rus-1", StudentBelov, "", 2, "", "диктант", 100, "Словарный диктант"),
		g("gr-belov-eng-1", StudentBelov, LessonEng0907, 4, "", "ответ на уроке", 100, ""),
		g("gr-belov-pe-1", StudentBelov, LessonPE0909, 0, diary.MarkPass, "норматив", 100, "Бег 60 м"),
		g("gr-belov-math-q2", StudentBelov, LessonMath1110, 4, "", "самостоятельная работа", 100, ""),
		g("gr-volkov-math-1", StudentVolkov, LessonMath0907, 4, "", "ответ на уроке", 100, ""),
		g("gr-volkov-math-2", StudentVolkov, LessonMath0908, 5, "", "самостоятельная работа", 150, ""),
		g("gr-guseva-math-1", StudentGuseva, LessonMath0907, 0, diary.MarkNotGraded, "ответ на уроке", 100, ""),
		g("gr-zhukova-math-1", StudentZhukova, LessonMath0907, 3, "", "ответ на уроке", 100, ""),
		g("gr-belova-math-1", StudentBelova, Lesson10Math0907, 5, "", "контрольная работа", 150, ""),
		g("gr-belova-math-2", StudentBelova, Lesson10Math1109, 4, "", "ответ на уроке", 100, ""),
	}
	out[2].SubjectRef, out[2].TeacherRef, out[2].Grade.Date = SubjRus, StaffIvanova, d("2026-09-11")
	for i := range out {
		out[i].Src = src("grades", i)
	}
	return out
}

func smallAttendance() []diary.AttendanceIn {
	out := []diary.AttendanceIn{
		{StudentRef: StudentBelov, LessonRef: LessonMath0908, Mark: diary.Absent},
		{StudentRef: StudentVolkov, LessonRef: LessonRus0907, Mark: diary.Ill},
		{StudentRef: StudentBelov, LessonRef: LessonPE0909, Mark: diary.Late},
		{StudentRef: StudentErshov, LessonRef: Lesson10Math0907, Mark: diary.Excused},
	}
	for i := range out {
		out[i].Src = src("attendance", i)
	}
	return out
}

func smallHomework() []diary.HomeworkIn {
	return []diary.HomeworkIn{
		{Src: src("homework", 0), StudentRef: StudentBelov, SubjectRef: SubjMath, LessonRef: LessonMath0908,
			Homework: diary.Homework{ExtID: "hw-belov-1", Date: d("2026-09-10"), Text: "Повторить таблицу умножения на 7"}},
		{Src: src("homework", 1), StudentRef: StudentBelov, SubjectRef: SubjRus,
			Homework: diary.Homework{ExtID: "hw-belov-2", Date: d("2026-09-14"), Text: "Выписать 10 словарных слов"}},
		{Src: src("homework", 2), StudentRef: StudentBelova, SubjectRef: SubjMath,
			Homework: diary.Homework{ExtID: "hw-belova-1", Date: d("2026-09-09"), Text: "Подготовить доклад о числе π"}},
	}
}

func smallFinals() []diary.FinalIn {
	return []diary.FinalIn{
		{Src: src("finals", 0), StudentRef: StudentBelov, SubjectRef: SubjMath, YearRef: YearName, PeriodRef: PeriodQ1,
			Final: diary.FinalGrade{Kind: diary.FinalPeriod, Value: 4}},
		{Src: src("finals", 1), StudentRef: StudentBelov, SubjectRef: SubjPE, YearRef: YearName, PeriodRef: PeriodQ1,
			Final: diary.FinalGrade{Kind: diary.FinalPeriod, Mark: diary.MarkPass}},
	}
}
