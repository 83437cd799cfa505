package postgres

import (
	"context"
	"sort"

	"github.com/jackc/pgx/v5"

	"github.com/schooldiary/diary/internal/diary"
)

// storedRows are the stored rows a batch may touch, by their batch keys.
type storedRows struct {
	years      map[string]diary.AcademicYear
	periods    map[string]diary.Period
	daysOff    map[dayOffKey]diary.DayOff
	subjects   map[string]diary.Subject
	classes    map[string]diary.Class
	staff      map[string]diary.Staff // with Roles
	students   map[string]diary.Student
	groups     map[string]diary.Group
	members    map[int64][]int64 // group → its students, sorted
	guardians  map[string]diary.Guardian
	links      map[int64]map[int64]bool // guardian → students
	lessons    map[string]diary.Lesson
	grades     map[string]diary.Grade
	attendance map[[2]int64]diary.Attendance // by student and lesson
	homework   map[string]diary.Homework
	finals     map[finalKey]diary.FinalGrade
}

// dayOffKey matches a day off.
type dayOffKey struct {
	start diary.Date
	name  string
}

// finalKey matches a final grade.
type finalKey struct {
	student, subject int64
	kind             diary.FinalKind
	year, period     int64
}

// keyed indexes xs by key.
func keyed[K comparable, T any](xs []T, key func(T) K) map[K]T {
	m := make(map[K]T, len(xs))
	for _, x := range xs {
		m[key(x)] = x
	}
	return m
}

// loaded are the stored rows read for a batch.
type loaded struct {
	years    []diary.AcademicYear
	periods  []diary.Period
	daysOff  []diary.DayOff
	subjects []diary.Subject
	classes  []diary.Class
	groups   []diary.Group
	staff    []diary.Staff
	students []diary.Student
	guards   []diary.Guardian
	lessons  []diary.Lesson
	grades   []diary.Grade
	homework []diary.Homework
}

// load reads the stored rows the batch names in two round trips and builds
// the records references resolve to.
func (a *applier) load(ctx context.Context) error {
	var l loaded
	b := &pgx.Batch{}
	a.queueSchoolRows(b, &l)
	a.queueNamedRows(b, &l)
	if err := a.send(ctx, b); err != nil {
		return err
	}
	a.st = l.index()
	a.buildEnts(&l)
	return a.loadLinks(ctx)
}

// queueSchoolRows queues the reads of the school's calendar, subjects,
// classes, groups and staff, all of which a batch may name.
func (a *applier) queueSchoolRows(b *pgx.Batch, l *loaded) {
	all := func(cols, table string) string { return `SELECT ` + cols + ` FROM ` + table + ` WHERE school_id = $1` }
	queueAll(b, scanYear, &l.years, all(yearCols, "years"), a.school)
	queueAll(b, scanPeriod, &l.periods, all(periodCols, "periods"), a.school)
	queueAll(b, scanDayOff, &l.daysOff, all(dayOffCols, "days_off"), a.school)
	queueAll(b, scanSubject, &l.subjects, all(subjectCols, "subjects"), a.school)
	queueAll(b, scanClass, &l.classes, all(classCols, "classes"), a.school)
	queueAll(b, scanGroup, &l.groups, all(groupCols, "groups"), a.school)
	queueAll(b, scanStaff, &l.staff, all(staffCols, "staff"), a.school)
}

// queueNamedRows queues the reads of the students, guardians, lessons,
// grades and homework the batch names by journal id.
func (a *applier) queueNamedRows(b *pgx.Batch, l *loaded) {
	byExt := func(cols, table string) string {
		return `SELECT ` + cols + ` FROM ` + table + ` WHERE school_id = $1 AND ext_id = ANY($2)`
	}
	queueAll(b, scanStudent, &l.students, byExt(studentCols, "students"), a.school, a.studentKeys())
	queueAll(b, scanGuardian, &l.guards, byExt(guardianCols, "guardians"), a.school, guardianKeys(a.b))
	queueAll(b, scanLesson, &l.lessons, byExt(lessonCols, "lessons"), a.school, a.lessonKeys())
	queueAll(b, scanGrade, &l.grades, byExt(gradeCols, "grades"), a.school, gradeKeys(a.b))
	queueAll(b, scanHomework, &l.homework, byExt(homeworkCols, "homework"), a.school, homeworkKeys(a.b))
}

// index keys the loaded rows as the batch matches them.
func (l *loaded) index() storedRows {
	return storedRows{
		years:     keyed(l.years, func(y diary.AcademicYear) string { return y.Name }),
		periods:   keyed(l.periods, func(p diary.Period) string { return p.ExtID }),
		daysOff:   keyed(l.daysOff, func(h diary.DayOff) dayOffKey { return dayOffKey{h.Start, h.Name} }),
		subjects:  keyed(l.subjects, func(x diary.Subject) string { return x.ExtID }),
		classes:   keyed(l.classes, func(x diary.Class) string { return x.ExtID }),
		staff:     keyed(l.staff, func(x diary.Staff) string { return x.ExtID }),
		students:  keyed(l.students, func(x diary.Student) string { return x.ExtID }),
		groups:    keyed(l.groups, func(x diary.Group) string { return x.ExtID }),
		guardians: keyed(l.guards, func(x diary.Guardian) string { return x.ExtID }),
		lessons:   keyed(l.lessons, func(x diary.Lesson) string { return x.ExtID }),
		grades:    keyed(l.grades, func(x diary.Grade) string { return x.ExtID }),
		homework:  keyed(l.homework, func(x diary.Homework) string { return x.ExtID }),
	}
}

// send sends the queries of b, unless the school is new and has no rows.
func (a *applier) send(ctx context.Context, b *pgx.Batch) error {
	if a.school == 0 {
		return nil
	}
	return a.tx.SendBatch(ctx, b).Close()
}

// buildEnts makes the records of the stored rows.
func (a *applier) buildEnts(l *loaded) {
	for _, y := range l.years {
		a.years.add(y.Name).id = y.ID
	}
	for _, p := range l.periods {
		e := a.periods.add(p.ExtID)
		e.id, e.period = p.ID, p
		a.periodList = append(a.periodList, e)
	}
	for _, x := range l.subjects {
		a.subjects.add(x.ExtID).id = x.ID
	}
	for _, x := range l.classes {
		e := a.classes.add(x.ExtID)
		e.id, e.level = x.ID, x.Level
	}
	for _, x := range l.staff {
		a.staff.add(x.ExtID).id = x.ID
	}
	a.buildPeople(l)
}

// buildPeople makes the records of the stored groups, students, guardians
// and lessons, linked to their classes, subjects and teachers.
func (a *applier) buildPeople(l *loaded) {
	classByID, subjByID, staffByID := a.classes.byID(), a.subjects.byID(), a.staff.byID()
	for _, x := range l.groups {
		e := a.groups.add(x.ExtID)
		e.id, e.class = x.ID, classByID[x.ClassID]
	}
	for _, x := range l.students {
		e := a.students.add(x.ExtID)
		e.id, e.class = x.ID, classByID[x.ClassID]
	}
	for _, x := range l.guards {
		a.guardians.add(x.ExtID).id = x.ID
	}
	for _, x := range l.lessons {
		e := a.lessons.add(x.ExtID)
		e.id, e.class, e.date = x.ID, classByID[x.ClassID], x.Date
		e.subject, e.teacher = subjByID[x.SubjectID], staffByID[x.TeacherID]
	}
}

// memberRow is a group member or a guardian's student.
type memberRow struct{ owner, student int64 }

func scanMember(r pgx.Row) (memberRow, error) {
	var m memberRow
	err := r.Scan(&m.owner, &m.student)
	return m, err
}

// loadLinks reads the roles, members, links, attendance and final grades of
// the stored records the batch names, in one round trip.
func (a *applier) loadLinks(ctx context.Context) error {
	var roles []staffRole
	var members, links []memberRow
	var att []diary.Attendance
	var finals []diary.FinalGrade
	b := &pgx.Batch{}
	queueAll(b, scanStaffRole, &roles, `SELECT staff_id, role, coalesce(class_id, 0), level
		FROM staff_roles WHERE staff_id = ANY($1) ORDER BY staff_id, id`, storedIDs(a.staff, staffKeys(a.b)))
	queueAll(b, scanMember, &members, `SELECT group_id, student_id FROM group_members
		WHERE group_id = ANY($1)`, storedIDs(a.groups, groupKeys(a.b)))
	queueAll(b, scanMember, &links, `SELECT guardian_id, student_id FROM guardian_students
		WHERE guardian_id = ANY($1)`, storedIDs(a.guardians, guardianKeys(a.b)))
	st, ls := a.attendancePairs()
	queueAll(b, scanAttendance, &att, `SELECT `+attendanceCols+` FROM unnest($1::bigint[], $2::bigint[]) AS k(s, l)
		JOIN attendance a ON a.student_id = k.s AND a.lesson_id = k.l JOIN lessons l ON l.id = a.lesson_id`, st, ls)
	queueAll(b, scanFinal, &finals, `SELECT `+finalCols+` FROM final_grades WHERE student_id = ANY($1)`,
		storedIDs(a.students, finalStudentKeys(a.b)))
	if err := a.send(ctx, b); err != nil {
		return err
	}
	a.keepLinks(roles, members, links, att, finals)
	return nil
}

// keepLinks indexes what loadLinks read.
func (a *applier) keepLinks(roles []staffRole, members, links []memberRow, att []diary.Attendance, finals []diary.FinalGrade) {
	staffByID := map[int64]string{}
	for ext, s := range a.st.staff {
		staffByID[s.ID] = ext
	}
	for _, r := range roles {
		s := a.st.staff[staffByID[r.staffID]]
		s.Roles = append(s.Roles, r.role)
		a.st.staff[staffByID[r.staffID]] = s
	}
	a.st.members = map[int64][]int64{}
	for _, m := range members {
		a.st.members[m.owner] = append(a.st.members[m.owner], m.student)
	}
	for _, ids := range a.st.members {
		sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	}
	a.st.links = map[int64]map[int64]bool{}
	for _, l := range links {
		if a.st.links[l.owner] == nil {
			a.st.links[l.owner] = map[int64]bool{}
		}
		a.st.links[l.owner][l.student] = true
	}
	a.st.attendance = keyed(att, func(x diary.Attendance) [2]int64 { return [2]int64{x.StudentID, x.LessonID} })
	a.st.finals = keyed(finals, func(f diary.FinalGrade) finalKey {
		return finalKey{f.StudentID, f.SubjectID, f.Kind, f.YearID, f.PeriodID}
	})
}

// storedIDs returns the stored ids of keys in m.
func storedIDs(m ents, keys []string) []int64 {
	var ids []int64
	for _, k := range keys {
		if e := m[k]; e != nil && e.id != 0 {
			ids = append(ids, e.id)
		}
	}
	return ids
}

// attendancePairs returns the stored student and lesson ids of the batch's
// attendance marks whose both sides are stored.
func (a *applier) attendancePairs() (students, lessons []int64) {
	for _, x := range a.b.Attendance {
		s, l := a.students[x.StudentRef], a.lessons[x.LessonRef]
		if s != nil && l != nil && s.id != 0 && l.id != 0 {
			students, lessons = append(students, s.id), append(lessons, l.id)
		}
	}
	return students, lessons
}

// studentKeys lists the students the batch names.
func (a *applier) studentKeys() []string {
	b := a.b
	var k []string
	for _, x := range b.Students {
		k = append(k, x.Student.ExtID)
	}
	for _, x := range b.Groups {
		k = append(k, x.StudentRefs...)
	}
	for _, x := range b.Guardians {
		k = append(k, x.StudentRefs...)
	}
	for _, x := range b.Grades {
		k = append(k, x.StudentRef)
	}
	for _, x := range b.Attendance {
		k = append(k, x.StudentRef)
	}
	for _, x := range b.Homework {
		k = append(k, x.StudentRef)
	}
	return uniq(append(k, finalStudentKeys(b)...))
}

// lessonKeys lists the lessons the batch names.
func (a *applier) lessonKeys() []string {
	b := a.b
	var k []string
	for _, x := range b.Lessons {
		k = append(k, x.Lesson.ExtID)
	}
	for _, x := range b.Grades {
		k = append(k, x.LessonRef)
	}
	for _, x := range b.Attendance {
		k = append(k, x.LessonRef)
	}
	for _, x := range b.Homework {
		k = append(k, x.LessonRef)
	}
	return uniq(k)
}

// uniq returns the distinct non-empty strings of k.
func uniq(k []string) []string {
	seen := make(map[string]bool, len(k))
	out := k[:0]
	for _, s := range k {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

func finalStudentKeys(b *diary.Batch) []string {
	k := make([]string, len(b.Finals))
	for i, x := range b.Finals {
		k[i] = x.StudentRef
	}
	return k
}

func staffKeys(b *diary.Batch) []string {
	k := make([]string, len(b.Staff))
	for i, x := range b.Staff {
		k[i] = x.Staff.ExtID
	}
	return k
}

func groupKeys(b *diary.Batch) []string {
	k := make([]string, len(b.Groups))
	for i, x := range b.Groups {
		k[i] = x.Group.ExtID
	}
	return k
}

func guardianKeys(b *diary.Batch) []string {
	k := make([]string, len(b.Guardians))
	for i, x := range b.Guardians {
		k[i] = x.Guardian.ExtID
	}
	return k
}

func gradeKeys(b *diary.Batch) []string {
	k := make([]string, len(b.Grades))
	for i, x := range b.Grades {
		k[i] = x.Grade.ExtID
	}
	return k
}

func homeworkKeys(b *diary.Batch) []string {
	k := make([]string, len(b.Homework))
	for i, x := range b.Homework {
		k[i] = x.Homework.ExtID
	}
	return k
}
