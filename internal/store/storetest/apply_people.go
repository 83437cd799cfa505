package storetest

import (
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/diary"
)

func applyPeopleTests() []contractTest {
	return []contractTest{
		{"Roster/MarksMissingStudentsLeft", testRosterMarksLeft},
		{"Roster/DryRunAndFlagOff", testRosterDryRun},
		{"Apply/StudentLeftFieldsFollowStatus", testApplyStudentStatus},
		{"Apply/GuardianLinksAddedNotRemoved", testApplyGuardianLinks},
		{"Apply/GroupMembersReplaced", testApplyGroupMembers},
		{"Apply/StaffRolesReplaced", testApplyStaffRoles},
		{"Apply/AttendanceEmptyMarkRemoves", testApplyAttendanceRemoved},
	}
}

// rosterBatch is the complete roster of SmallSchool on 2026-10-20 without
// Волков Борис (and without Жукова Елена, who left already).
func rosterBatch() *diary.Batch {
	b := onlyCode(SchoolCode)
	b.AsOf, b.Roster = d("2026-10-20"), true
	for _, st := range smallStudents() {
		if st.Student.ExtID != StudentVolkov && st.Student.ExtID != StudentZhukova {
			b.Students = append(b.Students, st)
		}
	}
	return b
}

// enrolledNames returns the names of a class's enrolled students.
func (f *fixture) enrolledNames(t *testing.T, classID int64) []string {
	t.Helper()
	ss, err := f.s.StudentsOfClass(t.Context(), classID)
	must(t, err, "students of class")
	return names(ss)
}

// student returns the student with id, failing the test on error.
func (f *fixture) student(t *testing.T, id int64) diary.Student {
	t.Helper()
	s, err := f.s.Student(t.Context(), id)
	must(t, err, "student %d", id)
	return s
}

// The roster marks left only the school's enrolled students it misses, on
// AsOf with reason LeftNotInRoster; other schools keep theirs. The students
// it lists count as Unchanged; how the marked ones count is not specified.
func testRosterMarksLeft(t *testing.T, f *fixture) {
	r := f.small(t)
	other := SmallSchoolNamed("other-school", "Другая школа")
	f.apply(t, other)
	ro := Resolve(t, f.s, other)
	f.clock.Advance(time.Hour)
	res := f.apply(t, rosterBatch())
	if c := res.Counts[diary.KindStudents]; c.Added != 0 || c.Unchanged != 4 {
		t.Errorf("student counts = %+v, want 4 unchanged", c)
	}
	volkov := f.student(t, id(t, r.Students, StudentVolkov))
	wantLeft(t, volkov, d("2026-10-20"), diary.LeftNotInRoster)
	sameInstant(t, "UpdatedAt of the marked student", volkov.UpdatedAt, f.clock.Now())
	equal(t, "marked left", exts(res.MarkedLeft, studentExt), []string{StudentVolkov})
	if len(res.MarkedLeft) == 1 {
		wantLeft(t, res.MarkedLeft[0], d("2026-10-20"), diary.LeftNotInRoster)
		equal(t, "marked left id", res.MarkedLeft[0].ID, volkov.ID)
	}
	wantLeft(t, f.student(t, id(t, r.Students, StudentZhukova)), d("2026-10-01"), diary.LeftTransferred)
	equal(t, "5А now", f.enrolledNames(t, id(t, r.Classes, Class5A)),
		[]string{"Белов Антон Игоревич", "Гусева Дина Павловна"})
	equal(t, "other school's 5А", len(f.enrolledNames(t, id(t, ro.Classes, Class5A))), 3)
	equal(t, "marked left again", len(f.apply(t, rosterBatch()).MarkedLeft), 0)
}

func studentExt(s diary.Student) string { return s.ExtID }

// wantLeft checks that s left on day for reason.
func wantLeft(t *testing.T, s diary.Student, day diary.Date, reason string) {
	t.Helper()
	if s.Status != diary.Left || s.LeftOn != day || s.LeftReason != reason {
		t.Errorf("%s: status %q on %s (%q), want left on %s (%q)", s.Name.Full(), s.Status, s.LeftOn, s.LeftReason, day, reason)
	}
}

func testRosterDryRun(t *testing.T, f *fixture) {
	r := f.small(t)
	partial := rosterBatch()
	partial.Roster = false
	equal(t, "marked left without the roster flag", len(f.apply(t, partial).MarkedLeft), 0)
	res := f.applyOpt(t, rosterBatch(), diary.ApplyOptions{DryRun: true})
	equal(t, "marked left in a dry run", exts(res.MarkedLeft, studentExt), []string{StudentVolkov})
	equal(t, "5А after a dry run", len(f.enrolledNames(t, id(t, r.Classes, Class5A))), 3)
	equal(t, "status after a dry run", f.student(t, id(t, r.Students, StudentVolkov)).Status, diary.Enrolled)
}

// A student enrolled again has the stored LeftOn and LeftReason cleared; a
// left one keeps them.
func testApplyStudentStatus(t *testing.T, f *fixture) {
	r := f.small(t)
	b := onlyCode(SchoolCode)
	b.Students = smallStudents()[3:6:6] // Жукова, Белова, Ершов
	z := &b.Students[0].Student
	z.Status, z.LeftOn, z.LeftReason = diary.Enrolled, diary.Date{}, ""
	b.Students[2].Student.Status = diary.Left
	b.Students[2].Student.LeftOn, b.Students[2].Student.LeftReason = d("2026-10-15"), diary.LeftExpelled
	want := allUnchanged(b)
	want[diary.KindStudents] = diary.Counts{Changed: 2, Unchanged: 1}
	wantCounts(t, f.apply(t, b).Counts, want)
	back := f.student(t, id(t, r.Students, StudentZhukova))
	if back.Status != diary.Enrolled || !back.LeftOn.IsZero() || back.LeftReason != "" {
		t.Errorf("re-enrolled student = %+v, want enrolled with no LeftOn and LeftReason", back)
	}
	wantLeft(t, f.student(t, id(t, r.Students, StudentErshov)), d("2026-10-15"), diary.LeftExpelled)
	equal(t, "10Б", f.enrolledNames(t, id(t, r.Classes, Class10B)), []string{"Белова Юлия Игоревна"})
	equal(t, "5А", len(f.enrolledNames(t, id(t, r.Classes, Class5A))), 4)
}

func testApplyGuardianLinks(t *testing.T, f *fixture) {
	r := f.small(t)
	b := onlyCode(SchoolCode)
	b.Guardians = smallGuardians()[:1]
	b.Guardians[0].StudentRefs = []string{StudentVolkov}
	f.apply(t, b)
	ctx := t.Context()
	kids, err := f.s.StudentsOfGuardian(ctx, id(t, r.Guardians, GuardianBelova))
	must(t, err, "students of guardian")
	equal(t, "children", names(kids), []string{"Белов Антон Игоревич", "Белова Юлия Игоревна", "Волков Борис Сергеевич"})
	gs, err := f.s.GuardiansOfStudent(ctx, id(t, r.Students, StudentVolkov))
	must(t, err, "guardians of student")
	equal(t, "guardians", exts(gs, guardianExt), []string{GuardianBelova, GuardianVolkova})
}

func guardianExt(g diary.Guardian) string { return g.ExtID }
func groupExt(g diary.Group) string       { return g.ExtID }

// StudentRefs replace a group's members; nil StudentRefs keep them.
func testApplyGroupMembers(t *testing.T, f *fixture) {
	r := f.small(t)
	b := onlyCode(SchoolCode)
	b.Groups = smallGroups()
	b.Groups[0].StudentRefs = []string{StudentGuseva}
	b.Groups[1].StudentRefs, b.Groups[1].Group.Name = nil, "5А нем. яз."
	f.apply(t, b)
	equal(t, "Белов's groups", f.groupExts(t, id(t, r.Students, StudentBelov)), []string(nil))
	equal(t, "Волков's groups", f.groupExts(t, id(t, r.Students, StudentVolkov)), []string(nil))
	equal(t, "Гусева's groups", f.groupExts(t, id(t, r.Students, StudentGuseva)), []string{GroupEng, GroupGer})
	gs, err := f.s.GroupsOfStudent(t.Context(), id(t, r.Students, StudentGuseva))
	must(t, err, "groups")
	for _, g := range gs {
		if g.ExtID == GroupGer {
			equal(t, "renamed group", g, diary.Group{ID: id(t, r.Groups, GroupGer), SchoolID: r.School.ID,
				ExtID: GroupGer, ClassID: id(t, r.Classes, Class5A), Name: "5А нем. яз."})
		}
	}
}

// groupExts returns the journal ids of a student's groups, sorted, nil for none.
func (f *fixture) groupExts(t *testing.T, studentID int64) []string {
	t.Helper()
	gs, err := f.s.GroupsOfStudent(t.Context(), studentID)
	must(t, err, "groups of student")
	sortBy(gs, groupExt)
	if len(gs) == 0 {
		return nil
	}
	return exts(gs, groupExt)
}

func testApplyStaffRoles(t *testing.T, f *fixture) {
	r := f.small(t)
	b := onlyCode(SchoolCode)
	b.Staff = smallStaff()[:1]
	b.Staff[0].Roles = []diary.StaffRoleIn{{Role: diary.RoleDeputy, Level: diary.LevelPrimary}}
	f.apply(t, b)
	ivanova, err := f.s.Staff(t.Context(), id(t, r.Staff, StaffIvanova))
	must(t, err, "staff")
	equal(t, "roles", ivanova.Roles, []diary.StaffRole{{Role: diary.RoleDeputy, Level: diary.LevelPrimary}})
	equal(t, "class teachers", f.staffNames(t, r, diary.RoleClassTeacher), []string{"Петров Сергей Иванович"})
	equal(t, "deputies", f.staffNames(t, r, diary.RoleDeputy),
		[]string{"Иванова Мария Петровна", "Кузнецова Елена Андреевна"})
	equal(t, "teachers", f.staffNames(t, r, diary.RoleTeacher),
		[]string{"Орлов Дмитрий Николаевич", "Петров Сергей Иванович", "Смирнова Анна Викторовна"})
}

// staffNames returns the names of the school's staff with role.
func (f *fixture) staffNames(t *testing.T, r *Refs, role diary.Role) []string {
	t.Helper()
	staff, err := f.s.StaffWithRole(t.Context(), r.School.ID, role)
	must(t, err, "staff with role %s", role)
	return exts(staff, func(s diary.Staff) string { return s.Name.Full() })
}

func testApplyAttendanceRemoved(t *testing.T, f *fixture) {
	r := f.small(t)
	b := onlyCode(SchoolCode)
	b.Attendance = []diary.AttendanceIn{{Src: src("attendance", 0), StudentRef: StudentBelov, LessonRef: LessonMath0908}}
	wantCounts(t, f.apply(t, b).Counts, map[string]diary.Counts{diary.KindAttendance: {Removed: 1}})
	att, err := f.s.Attendance(t.Context(), id(t, r.Students, StudentBelov), wideFrom, wideTo)
	must(t, err, "attendance")
	equal(t, "marks left", exts(att, func(a diary.Attendance) string { return a.Mark }), []string{diary.Late})
}
