package storetest

import (
	"testing"

	"github.com/schooldiary/diary/internal/diary"
)

func rosterReadTests() []contractTest {
	return []contractTest{
		{"Roster/ClassesByLevelThenName", testClasses},
		{"Roster/SubjectsByName", testSubjects},
		{"Roster/StudentsEnrolledByName", testStudents},
		{"Roster/GroupsOfStudent", testGroupsOfStudent},
		{"Roster/GuardiansAndTheirStudents", testGuardians},
		{"Roster/GuardiansByPhoneAcrossSchools", testGuardiansByPhone},
		{"Roster/StaffAndRoles", testStaff},
	}
}

// small2 applies SmallSchool and a second school with the same journal ids
// and phones, and resolves the first.
func (f *fixture) small2(t *testing.T) (*Refs, *Refs) {
	t.Helper()
	r := f.small(t)
	other := SmallSchoolNamed("other-school", "Другая школа")
	f.apply(t, other)
	return r, Resolve(t, f.s, other)
}

func testClasses(t *testing.T, f *fixture) {
	r, other := f.small2(t)
	ctx := t.Context()
	classes, err := f.s.Classes(ctx, r.School.ID)
	must(t, err, "classes")
	equal(t, "classes", exts(classes, func(c diary.Class) string { return c.Name }), []string{"5А", "5Б", "10Б"})
	c, err := f.s.Class(ctx, id(t, r.Classes, Class10B))
	must(t, err, "class")
	equal(t, "class", c, diary.Class{ID: id(t, r.Classes, Class10B), SchoolID: r.School.ID, ExtID: Class10B, Name: "10Б", Level: 10})
	byName, err := f.s.ClassByName(ctx, r.School.ID, "10Б")
	must(t, err, "class by name")
	equal(t, "class by name", byName, c)
	otherClass, err := f.s.ClassByName(ctx, other.School.ID, "10Б")
	must(t, err, "class by name in the other school")
	equal(t, "the other school's class", otherClass.ID, id(t, other.Classes, Class10B))
}

func testSubjects(t *testing.T, f *fixture) {
	r, _ := f.small2(t)
	subjects, err := f.s.Subjects(t.Context(), r.School.ID)
	must(t, err, "subjects")
	equal(t, "subjects", exts(subjects, func(s diary.Subject) string { return s.Name }),
		[]string{"Английский язык", "Математика", "Немецкий язык", "Русский язык", "Физическая культура"})
	s, err := f.s.Subject(t.Context(), id(t, r.Subjects, SubjMath))
	must(t, err, "subject")
	equal(t, "subject", s, diary.Subject{ID: id(t, r.Subjects, SubjMath), SchoolID: r.School.ID, ExtID: SubjMath,
		Name: "Математика", Short: "Матем."})
}

func testStudents(t *testing.T, f *fixture) {
	r, _ := f.small2(t)
	equal(t, "5А", f.enrolledNames(t, id(t, r.Classes, Class5A)),
		[]string{"Белов Антон Игоревич", "Волков Борис Сергеевич", "Гусева Дина Павловна"})
	equal(t, "5Б", len(f.enrolledNames(t, id(t, r.Classes, Class5B))), 0)
	got := f.student(t, id(t, r.Students, StudentBelov))
	sameInstant(t, "UpdatedAt", got.UpdatedAt, Start)
	equal(t, "student", got, diary.Student{ID: id(t, r.Students, StudentBelov), SchoolID: r.School.ID, ExtID: StudentBelov,
		Name: diary.Name{Last: "Белов", First: "Антон", Middle: "Игоревич"}, ClassID: id(t, r.Classes, Class5A),
		BirthDate: d("2016-02-29"), Phone: "+79123330001", Status: diary.Enrolled, UpdatedAt: got.UpdatedAt})
	left := f.student(t, id(t, r.Students, StudentZhukova))
	wantLeft(t, left, d("2026-10-01"), diary.LeftTransferred)
	equal(t, "left student's class", left.ClassID, id(t, r.Classes, Class5A))
}

func testGroupsOfStudent(t *testing.T, f *fixture) {
	r := f.small(t)
	for _, tc := range []struct {
		student string
		want    []string
	}{
		{StudentBelov, []string{GroupEng}}, {StudentVolkov, []string{GroupEng}},
		{StudentGuseva, []string{GroupGer}}, {StudentBelova, nil},
	} {
		equal(t, "groups of "+tc.student, f.groupExts(t, id(t, r.Students, tc.student)), tc.want)
	}
	gs, err := f.s.GroupsOfStudent(t.Context(), id(t, r.Students, StudentBelov))
	must(t, err, "groups")
	equal(t, "group", gs, []diary.Group{{ID: id(t, r.Groups, GroupEng), SchoolID: r.School.ID, ExtID: GroupEng,
		ClassID: id(t, r.Classes, Class5A), Name: "5А английский"}})
}

func testGuardians(t *testing.T, f *fixture) {
	r, _ := f.small2(t)
	ctx := t.Context()
	g, err := f.s.Guardian(ctx, id(t, r.Guardians, GuardianBelova))
	must(t, err, "guardian")
	equal(t, "guardian", g, diary.Guardian{ID: id(t, r.Guardians, GuardianBelova), SchoolID: r.School.ID, ExtID: GuardianBelova,
		Name: diary.Name{Last: "Белова", First: "Ирина", Middle: "Олеговна"}, Kind: diary.Parent, Phone: PhoneBelova, Email: "belova@mail.test"})
	gs, err := f.s.GuardiansOfStudent(ctx, id(t, r.Students, StudentBelov))
	must(t, err, "guardians of student")
	equal(t, "guardians of Белов", exts(gs, guardianExt), []string{GuardianBelova, GuardianSmirnova})
	for _, tc := range []struct {
		guardian string
		want     []string
	}{
		{GuardianBelova, []string{"Белов Антон Игоревич", "Белова Юлия Игоревна"}},
		{GuardianZhukova, []string{"Жукова Елена Андреевна"}}, // left, still listed
	} {
		kids, err := f.s.StudentsOfGuardian(ctx, id(t, r.Guardians, tc.guardian))
		must(t, err, "students of guardian")
		equal(t, "students of "+tc.guardian, names(kids), tc.want)
	}
}

func testGuardiansByPhone(t *testing.T, f *fixture) {
	r, other := f.small2(t)
	gs, err := f.s.GuardiansByPhone(t.Context(), PhoneBelova)
	must(t, err, "guardians by phone")
	sortBy(gs, func(g diary.Guardian) string { return key(g.ID) })
	want := []int64{id(t, r.Guardians, GuardianBelova), id(t, other.Guardians, GuardianBelova)}
	if want[0] > want[1] {
		want[0], want[1] = want[1], want[0]
	}
	equal(t, "guardians of both schools", exts(gs, func(g diary.Guardian) string { return key(g.ID) }),
		[]string{key(want[0]), key(want[1])})
	gs, err = f.s.GuardiansByPhone(t.Context(), "+79990000000")
	must(t, err, "guardians by an unknown phone")
	equal(t, "guardians by an unknown phone", len(gs), 0)
}

func testStaff(t *testing.T, f *fixture) {
	r, _ := f.small2(t)
	got, err := f.s.Staff(t.Context(), id(t, r.Staff, StaffIvanova))
	must(t, err, "staff")
	sortRoles(got.Roles)
	equal(t, "staff", got, diary.Staff{ID: id(t, r.Staff, StaffIvanova), SchoolID: r.School.ID, ExtID: StaffIvanova,
		Name: diary.Name{Last: "Иванова", First: "Мария", Middle: "Петровна"}, Phone: "+79121110001",
		Email: "ivanova@school.test", ActiveFrom: d("2010-09-01"), Roles: []diary.StaffRole{
			{Role: diary.RoleClassTeacher, ClassID: id(t, r.Classes, Class5A)}, {Role: diary.RoleTeacher}}})
	deputy, err := f.s.Staff(t.Context(), id(t, r.Staff, StaffKuznetsova))
	must(t, err, "deputy")
	sortRoles(deputy.Roles)
	equal(t, "deputy's roles", deputy.Roles, []diary.StaffRole{
		{Role: diary.RoleDeputy, Level: diary.LevelBasic}, {Role: diary.RoleDeputy, Level: diary.LevelSecondary}})
	for role, want := range map[diary.Role][]string{
		diary.RoleTeacher: {"Иванова Мария Петровна", "Орлов Дмитрий Николаевич", "Петров Сергей Иванович",
			"Смирнова Анна Викторовна"},
		diary.RoleClassTeacher: {"Иванова Мария Петровна", "Петров Сергей Иванович"},
		diary.RoleDeputy:       {"Кузнецова Елена Андреевна"},
		diary.RoleDirector:     {"Орлов Дмитрий Николаевич"},
		diary.RoleJournalAdmin: {"Николаева Татьяна"},
		diary.RoleSysAdmin:     {"Федоров Максим Олегович"},
	} {
		equal(t, "staff with role "+string(role), f.staffNames(t, r, role), want)
	}
}

// sortRoles orders roles by role, then level.
func sortRoles(rs []diary.StaffRole) {
	sortBy(rs, func(r diary.StaffRole) string { return key(r.Role, r.Level, r.ClassID) })
}
