package storetest

import (
	"fmt"
	"testing"

	"github.com/schooldiary/diary/internal/diary"
)

func orderReadTests() []contractTest {
	return []contractTest{
		{"Order/PeopleInRussianOrder", testPeopleInRussianOrder},
		{"Order/TitlesInRussianOrder", testTitlesInRussianOrder},
		{"Order/GuardiansByEmptyPhoneNone", testGuardiansByEmptyPhone},
	}
}

// The journal ids and names of the order school. Its people are listed in
// the batch out of order; Russian order puts «ё» with «е» at the first level
// and ignores case there: Абрамов, Егоров, ежов, Ёлкин, Яковлев. Two
// students share one name, which their ids order.
const (
	orderCode        = "order-school"
	orderClass       = "cl-order"
	orderPhone       = "+79125550000"
	orderKeeper      = "gd-order-keeper" // guardian of every student
	orderKeeperPhone = "+79125550001"
	orderStudent     = "st-order-abramov"
)

// orderNames are last and first names, in the batch's order.
var orderNames = [][2]string{
	{"Яковлев", "Пётр"}, {"Ёлкин", "Олег"}, {"Егоров", "Борис"}, {"Абрамов", "Иван"},
	{"ежов", "Глеб"}, {"Егоров", "Антон"}, {"Абрамов", "Иван"},
}

// orderWant is orderNames in Russian order (the two Абрамов Иван by id).
var orderWant = []string{"Абрамов Иван", "Абрамов Иван", "Егоров Антон", "Егоров Борис", "ежов Глеб",
	"Ёлкин Олег", "Яковлев Пётр"}

// orderSchool returns the order school: a year and a quarter, classes 5Я,
// 5Ё, 5Е, one student, teacher and guardian per name of orderNames (the
// guardians sharing orderPhone, all of them guardians of the first Абрамов),
// Ящикова, guardian of every student, a guardian without a phone, subjects
// and two groups named out of order.
func orderSchool() *diary.Batch {
	b := onlyCode(orderCode)
	b.School.Name = "Школа порядка"
	b.Years = []diary.YearIn{{Src: src("years", 0), Year: diary.AcademicYear{Name: YearName, Start: d("2026-09-01"), End: d("2027-08-31")}}}
	b.Periods = []diary.PeriodIn{{Src: src("periods", 0), YearRef: YearName, Period: diary.Period{ExtID: PeriodQ1, Name: "1 четверть",
		Kind: diary.Quarter, MinLevel: 1, MaxLevel: 11, Start: d("2026-09-01"), End: d("2026-10-24")}}}
	for i, n := range []string{"5Я", "5Ё", "5Е"} {
		b.Classes = append(b.Classes, diary.ClassIn{Src: src("classes", i), Class: diary.Class{ExtID: orderClass + n, Name: n, Level: 5}})
	}
	b.Classes[2].Class.ExtID = orderClass
	for i, n := range []string{"Язык", "естествознание", "Ёлочное рукоделие", "Экология", "Алгебра"} {
		b.Subjects = append(b.Subjects, diary.SubjectIn{Src: src("subjects", i), Subject: diary.Subject{ExtID: fmt.Sprintf("sb-%d", i), Name: n}})
	}
	b.Staff, b.Students, b.Guardians = orderPeople()
	for i, n := range []string{"Яблоня", "ёлка"} {
		b.Groups = append(b.Groups, diary.GroupIn{Src: src("groups", i), ClassRef: orderClass,
			Group: diary.Group{ExtID: fmt.Sprintf("gr-%d", i), Name: n}, StudentRefs: []string{orderStudent}})
	}
	return b
}

// orderPeople returns a teacher, a student of class orderClass and a
// guardian with orderPhone per name of orderNames, and the keeper.
func orderPeople() ([]diary.StaffIn, []diary.StudentIn, []diary.GuardianIn) {
	var staff []diary.StaffIn
	var students []diary.StudentIn
	var guardians []diary.GuardianIn
	keeper := diary.GuardianIn{Src: src("guardians", len(orderNames)), Guardian: diary.Guardian{ExtID: orderKeeper,
		Name: diary.Name{Last: "Ящикова", First: "Ольга"}, Kind: diary.Representative, Phone: orderKeeperPhone}}
	noPhone := diary.GuardianIn{Src: src("guardians", len(orderNames)+1), StudentRefs: []string{"st-0"},
		Guardian: diary.Guardian{ExtID: "gd-order-no-phone", Name: diary.Name{Last: "Беспалов", First: "Ян"}, Kind: diary.Parent}}
	for i, n := range orderNames {
		name := diary.Name{Last: n[0], First: n[1]}
		staff = append(staff, diary.StaffIn{Src: src("staff", i), Roles: []diary.StaffRoleIn{{Role: diary.RoleTeacher}},
			Staff: diary.Staff{ExtID: fmt.Sprintf("sf-%d", i), Name: name}})
		ext := fmt.Sprintf("st-%d", i)
		if i == 3 {
			ext = orderStudent
		}
		students = append(students, diary.StudentIn{Src: src("students", i), ClassRef: orderClass,
			Student: diary.Student{ExtID: ext, Name: name, Status: diary.Enrolled}})
		guardians = append(guardians, diary.GuardianIn{Src: src("guardians", i), StudentRefs: []string{orderStudent},
			Guardian: diary.Guardian{ExtID: fmt.Sprintf("gd-%d", i), Name: name, Kind: diary.Parent, Phone: orderPhone}})
		keeper.StudentRefs = append(keeper.StudentRefs, ext)
	}
	return staff, students, append(guardians, keeper, noPhone)
}

// shortNames returns "Last First" of each name, in order.
func shortNames[T any](xs []T, name func(T) diary.Name) []string {
	return exts(xs, func(x T) string { return name(x).Last + " " + name(x).First })
}

// wantTwinsByID checks that the two people of one name come by id.
func wantTwinsByID(t *testing.T, what string, ids []int64) {
	t.Helper()
	if len(ids) >= 2 && ids[0] > ids[1] {
		t.Errorf("%s: the two Абрамов Иван have ids %d, %d: want them by id", what, ids[0], ids[1])
	}
}

// Every list of people by name is in Russian order, the same on every store.
func testPeopleInRussianOrder(t *testing.T, f *fixture) {
	b := orderSchool()
	f.apply(t, b)
	r := Resolve(t, f.s, b)
	ctx := t.Context()
	classID := id(t, r.Classes, orderClass)
	students, err := f.s.StudentsOfClass(ctx, classID)
	must(t, err, "students of class")
	equal(t, "students of class", shortNames(students, studentName), orderWant)
	wantTwinsByID(t, "students of class", exts64(students, func(s diary.Student) int64 { return s.ID }))
	sum, err := f.s.ClassSummary(ctx, classID, r.Period(t, PeriodQ1))
	must(t, err, "class summary")
	equal(t, "class summary students", shortNames(sum.Students, studentName), orderWant)
	kids, err := f.s.StudentsOfGuardian(ctx, id(t, r.Guardians, orderKeeper))
	must(t, err, "students of guardian")
	equal(t, "students of guardian", shortNames(kids, studentName), orderWant)
	staff, err := f.s.StaffWithRole(ctx, r.School.ID, diary.RoleTeacher)
	must(t, err, "staff with role")
	equal(t, "staff with role", shortNames(staff, func(s diary.Staff) diary.Name { return s.Name }), orderWant)
	wantTwinsByID(t, "staff with role", exts64(staff, func(s diary.Staff) int64 { return s.ID }))
	gs, err := f.s.GuardiansOfStudent(ctx, id(t, r.Students, orderStudent))
	must(t, err, "guardians of student")
	equal(t, "guardians of student", shortNames(gs, guardianName), append(orderWant[:len(orderWant):len(orderWant)], "Ящикова Ольга"))
	byPhone, err := f.s.GuardiansByPhone(ctx, orderPhone)
	must(t, err, "guardians by phone")
	equal(t, "guardians by phone", shortNames(byPhone, guardianName), orderWant)
}

// Classes (by level, then name), subjects and groups by name are in Russian
// order too.
func testTitlesInRussianOrder(t *testing.T, f *fixture) {
	b := orderSchool()
	f.apply(t, b)
	r := Resolve(t, f.s, b)
	ctx := t.Context()
	classes, err := f.s.Classes(ctx, r.School.ID)
	must(t, err, "classes")
	equal(t, "classes", exts(classes, func(c diary.Class) string { return c.Name }), []string{"5Е", "5Ё", "5Я"})
	subjects, err := f.s.Subjects(ctx, r.School.ID)
	must(t, err, "subjects")
	equal(t, "subjects", exts(subjects, func(s diary.Subject) string { return s.Name }),
		[]string{"Алгебра", "Ёлочное рукоделие", "естествознание", "Экология", "Язык"})
	groups, err := f.s.GroupsOfStudent(ctx, id(t, r.Students, orderStudent))
	must(t, err, "groups of student")
	equal(t, "groups of student", exts(groups, func(g diary.Group) string { return g.Name }), []string{"ёлка", "Яблоня"})
}

// The empty phone is no phone: it finds no guardian, though guardians
// without a phone are stored.
func testGuardiansByEmptyPhone(t *testing.T, f *fixture) {
	b := orderSchool()
	f.apply(t, b)
	gs, err := f.s.GuardiansByPhone(t.Context(), "")
	must(t, err, "guardians by the empty phone")
	equal(t, "guardians by the empty phone", len(gs), 0)
}

// studentName and guardianName return a person's name.
func studentName(s diary.Student) diary.Name   { return s.Name }
func guardianName(g diary.Guardian) diary.Name { return g.Name }

// exts64 returns a number of each record, in order.
func exts64[T any](xs []T, v func(T) int64) []int64 {
	out := make([]int64, len(xs))
	for i, x := range xs {
		out[i] = v(x)
	}
	return out
}
