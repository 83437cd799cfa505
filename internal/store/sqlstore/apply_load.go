package sqlstore

import (
	"context"
	"slices"

	"github.com/schooldiary/diary/internal/diary"
)

// storedRows are the stored rows a batch touches, by their batch keys.
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

// load reads the stored rows the batch names, by journal id, and builds the
// records references resolve to, in two rounds: first the named rows, then
// what hangs on their ids (roles, members, links, attendance, final grades)
// and the periods the batch's grades may fall in.
func (a *applier) load(ctx context.Context) error {
	if a.school == 0 {
		a.st = storedRows{}.orEmpty()
		return nil
	}
	var l loadedRows
	var q Batch
	a.queueCalendar(&q, &l)
	a.queueRoster(&q, &l)
	a.queueJournal(&q, &l)
	if err := a.send(ctx, &q); err != nil {
		return err
	}
	a.keepCalendar(&l)
	a.keepRoster(&l)
	a.keepJournal(&l)
	var links linkRows
	q = Batch{}
	a.queueLinks(&q, &links)
	a.queueGradePeriods(&q, &l)
	if err := a.send(ctx, &q); err != nil {
		return err
	}
	a.keepLinks(&links)
	a.keepPeriods(l.gradePeriods)
	return nil
}

// loadedRows are the rows the first round reads.
type loadedRows struct {
	years                 []diary.AcademicYear
	periods, gradePeriods []diary.Period
	daysOff               []diary.DayOff
	subjects              []diary.Subject
	classes               []diary.Class
	staff                 []diary.Staff
	students              []leveled
	groups                []diary.Group
	guards                []diary.Guardian
	lessons               []diary.Lesson
	grades                []diary.Grade
	homework              []diary.Homework
}

// orEmpty returns st with every nil map made empty.
func (st storedRows) orEmpty() storedRows {
	return storedRows{
		years: orEmpty(st.years), periods: orEmpty(st.periods), daysOff: orEmpty(st.daysOff),
		subjects: orEmpty(st.subjects), classes: orEmpty(st.classes), staff: orEmpty(st.staff),
		students: orEmpty(st.students), groups: orEmpty(st.groups), members: orEmpty(st.members),
		guardians: orEmpty(st.guardians), links: orEmpty(st.links), lessons: orEmpty(st.lessons),
		grades: orEmpty(st.grades), attendance: orEmpty(st.attendance), homework: orEmpty(st.homework),
		finals: orEmpty(st.finals),
	}
}

// orEmpty returns m, or an empty map for nil.
func orEmpty[K comparable, V any](m map[K]V) map[K]V {
	if m == nil {
		return map[K]V{}
	}
	return m
}

// byExt returns the SELECT of cols from table (aliased t) for the school
// ($1) and the journal ids of list parameter $2.
func (a *applier) byExt(cols, table string) string {
	return `SELECT ` + cols + ` FROM ` + table + ` t WHERE t.school_id = $1 AND t.ext_id IN (` + a.s.d.InList(2, "text") + `)`
}

// queueCalendar queues the reads of the years and periods the batch names
// (every period when the batch writes periods: their overlaps are checked
// against all) and its days off.
func (a *applier) queueCalendar(q *Batch, l *loadedRows) {
	queueNamed(q, a, scanYear, &l.years, a.byExtName(yearCols, "years"), a.yearKeys())
	if len(a.b.Periods) > 0 {
		a.allPeriods = true
		queueList(q, scanPeriod, &l.periods,
			`SELECT `+periodCols+` FROM periods WHERE school_id = $1`, a.school)
	} else {
		queueNamed(q, a, scanPeriod, &l.periods, a.byExt(periodCols, "periods"), a.periodKeys())
	}
	queueNamed(q, a, scanDayOff, &l.daysOff, a.byExtName(dayOffCols, "days_off"), dayOffNames(a.b))
}

// keepCalendar indexes the years, periods and days off read.
func (a *applier) keepCalendar(l *loadedRows) {
	a.st.years = keyed(l.years, func(y diary.AcademicYear) string { return y.Name })
	a.st.daysOff = keyed(l.daysOff, func(h diary.DayOff) dayOffKey { return dayOffKey{h.Start, h.Name} })
	a.st.periods = map[string]diary.Period{}
	for _, y := range l.years {
		a.years.stored(y.Name, y.ID)
	}
	a.keepPeriods(l.periods)
}

// byExtName is byExt for tables matched by name.
func (a *applier) byExtName(cols, table string) string {
	return `SELECT ` + cols + ` FROM ` + table + ` t WHERE t.school_id = $1 AND t.name IN (` + a.s.d.InList(2, "text") + `)`
}

// keepPeriods adds stored periods to the records, once each.
func (a *applier) keepPeriods(ps []diary.Period) {
	for _, p := range ps {
		if _, ok := a.st.periods[p.ExtID]; ok {
			continue
		}
		a.st.periods[p.ExtID] = p
		e := a.periods.stored(p.ExtID, p.ID)
		e.period = p
		a.periodList = append(a.periodList, e)
	}
}

// queueGradePeriods queues, unless every period is loaded, the read of the
// periods overlapping the days of the batch's grades (their own dates or
// their lessons').
func (a *applier) queueGradePeriods(q *Batch, l *loadedRows) {
	if a.allPeriods {
		return
	}
	if from, to, ok := a.gradeSpan(); ok {
		queueList(q, scanPeriod, &l.gradePeriods, `SELECT `+periodCols+` FROM periods
			WHERE school_id = $1 AND start_date <= $3 AND end_date >= $2`, a.school, a.s.date(from), a.s.date(to))
	}
}

// gradeSpan returns the first and last day of the batch's grades, by their
// own dates or their lessons' (stored or of the batch).
func (a *applier) gradeSpan() (from, to diary.Date, ok bool) {
	lessonDates := map[string]diary.Date{}
	for _, x := range a.b.Lessons {
		lessonDates[x.Lesson.ExtID] = x.Lesson.Date
	}
	for _, x := range a.b.Grades {
		day := x.Grade.Date
		if day.IsZero() {
			day = lessonDates[x.LessonRef]
		}
		if day.IsZero() {
			day = a.st.lessons[x.LessonRef].Date
		}
		if day.IsZero() || x.Deleted {
			continue
		}
		if !ok || day.Before(from) {
			from = day
		}
		if !ok || day.After(to) {
			to = day
		}
		ok = true
	}
	return from, to, ok
}

// queueRoster queues the reads of the subjects, classes, staff, students,
// groups and guardians the batch names.
func (a *applier) queueRoster(q *Batch, l *loadedRows) {
	queueNamed(q, a, scanSubject, &l.subjects, a.byExt(subjectCols, "subjects"), a.subjectKeys())
	queueNamed(q, a, scanClass, &l.classes, a.byExt(classCols, "classes"), a.classKeys())
	queueNamed(q, a, scanStaff, &l.staff, a.byExt(staffCols, "staff"), a.staffKeys())
	queueNamed(q, a, scanLeveled, &l.students, a.byExt(studentLevelCols, "students"), a.studentKeys())
	queueNamed(q, a, scanGroup, &l.groups, a.byExt(groupCols, "groups"), a.groupKeys())
	queueNamed(q, a, scanGuardian, &l.guards, a.byExt(guardianCols, "guardians"), guardianKeys(a.b))
}

// keepRoster indexes the roster rows read; the classes first, so that
// students and groups point at them.
func (a *applier) keepRoster(l *loadedRows) {
	a.st.subjects = keyed(l.subjects, func(x diary.Subject) string { return x.ExtID })
	a.st.classes = keyed(l.classes, func(x diary.Class) string { return x.ExtID })
	a.st.staff = keyed(l.staff, func(x diary.Staff) string { return x.ExtID })
	for _, x := range l.subjects {
		a.subjects.stored(x.ExtID, x.ID)
	}
	for _, x := range l.classes {
		a.classes.stored(x.ExtID, x.ID).level = x.Level
	}
	for _, x := range l.staff {
		a.staff.stored(x.ExtID, x.ID)
	}
	a.keepPeople(l)
}

// studentLevelCols are studentCols with the level of the student's class.
const studentLevelCols = studentCols + `, coalesce((SELECT c.level FROM classes c WHERE c.id = t.class_id), 0)`

// leveled is a stored student and their class's level.
type leveled struct {
	diary.Student
	level int
}

// scanLeveled reads one row of studentLevelCols.
func scanLeveled(r Scanner) (leveled, error) {
	var s leveled
	err := r.Scan(&s.ID, &s.SchoolID, &s.ExtID, &s.Name.Last, &s.Name.First, &s.Name.Middle, &s.ClassID,
		DateCol{&s.BirthDate}, &s.Phone, &s.Email, &s.Status, DateCol{&s.LeftOn}, &s.LeftReason,
		InstantCol{&s.UpdatedAt}, &s.level)
	return s, err
}

// keepPeople indexes the students, groups and guardians read.
func (a *applier) keepPeople(l *loadedRows) {
	a.st.students = map[string]diary.Student{}
	for _, x := range l.students {
		a.st.students[x.ExtID] = x.Student
		c := a.classes.of(x.ClassID)
		if c != nil && c.level == 0 {
			c.level = x.level
		}
		a.students.stored(x.ExtID, x.ID).class = c
	}
	a.st.groups = keyed(l.groups, func(x diary.Group) string { return x.ExtID })
	for _, x := range l.groups {
		a.groups.stored(x.ExtID, x.ID).class = a.classes.of(x.ClassID)
	}
	a.st.guardians = keyed(l.guards, func(x diary.Guardian) string { return x.ExtID })
	for _, x := range l.guards {
		a.guardians.stored(x.ExtID, x.ID)
	}
}

// queueJournal queues the reads of the lessons, grades and homework the
// batch names.
func (a *applier) queueJournal(q *Batch, l *loadedRows) {
	queueNamed(q, a, scanLesson, &l.lessons, a.byExt(lessonCols, "lessons"), a.lessonKeys())
	queueNamed(q, a, scanGrade, &l.grades, a.byExt(gradeCols, "grades"), gradeKeys(a.b))
	queueNamed(q, a, scanHomework, &l.homework, a.byExt(homeworkCols, "homework"), homeworkKeys(a.b))
}

// keepJournal indexes the lessons, grades and homework read.
func (a *applier) keepJournal(l *loadedRows) {
	a.st.lessons = keyed(l.lessons, func(x diary.Lesson) string { return x.ExtID })
	a.st.grades = keyed(l.grades, func(x diary.Grade) string { return x.ExtID })
	a.st.homework = keyed(l.homework, func(x diary.Homework) string { return x.ExtID })
	for _, x := range l.lessons {
		e := a.lessons.stored(x.ExtID, x.ID)
		e.class, e.date = a.classes.of(x.ClassID), x.Date
		e.subject, e.teacher = a.subjects.of(x.SubjectID), a.staff.of(x.TeacherID)
	}
}

// memberRow is a group member or a guardian's student.
type memberRow struct{ owner, student int64 }

// scanMember reads an owner and a student id.
func scanMember(r Scanner) (memberRow, error) {
	var m memberRow
	err := r.Scan(&m.owner, &m.student)
	return m, err
}

// linkRows are the rows the second round reads.
type linkRows struct {
	roles          []staffRole
	members, links []memberRow
	finals         []diary.FinalGrade
	attendance     []diary.Attendance
	pairs          map[[2]int64]bool
}

// queueLinks queues the reads of the roles, members, links, final grades
// and attendance of the stored records the batch names.
func (a *applier) queueLinks(q *Batch, l *linkRows) {
	in := func(n int) string { return a.s.d.InList(n, "bigint") }
	queueIDs(q, a, scanStaffRole, &l.roles, `SELECT staff_id, role, coalesce(class_id, 0), level
		FROM staff_roles WHERE staff_id IN (`+in(1)+`) ORDER BY staff_id, id`, storedIDs(a.staff, ownStaffKeys(a.b)))
	queueIDs(q, a, scanMember, &l.members, `SELECT group_id, student_id FROM group_members
		WHERE group_id IN (`+in(1)+`)`, storedIDs(a.groups, ownGroupKeys(a.b)))
	queueIDs(q, a, scanMember, &l.links, `SELECT guardian_id, student_id FROM guardian_students
		WHERE guardian_id IN (`+in(1)+`)`, storedIDs(a.guardians, guardianKeys(a.b)))
	queueIDs(q, a, scanFinal, &l.finals, `SELECT `+finalCols+` FROM final_grades
		WHERE student_id IN (`+in(1)+`)`, storedIDs(a.students, finalStudentKeys(a.b)))
	students, lessons, pairs := a.attendancePairs()
	l.pairs = pairs
	if len(pairs) > 0 {
		queueList(q, scanAttendance, &l.attendance, `SELECT `+attendanceCols+`
			FROM attendance a JOIN lessons l ON l.id = a.lesson_id
			WHERE a.lesson_id IN (`+in(1)+`) AND a.student_id IN (`+in(2)+`)`, a.s.d.List(lessons), a.s.d.List(students))
	}
}

// keepLinks indexes what queueLinks read; of the attendance, the marks of
// the batch's pairs.
func (a *applier) keepLinks(l *linkRows) {
	extOf := map[int64]string{}
	for ext, s := range a.st.staff {
		extOf[s.ID] = ext
	}
	for _, r := range l.roles {
		s := a.st.staff[extOf[r.staffID]]
		s.Roles = append(s.Roles, r.role)
		a.st.staff[extOf[r.staffID]] = s
	}
	a.st.members = map[int64][]int64{}
	for _, m := range l.members {
		a.st.members[m.owner] = append(a.st.members[m.owner], m.student)
	}
	for _, ids := range a.st.members {
		slices.Sort(ids)
	}
	a.st.links = map[int64]map[int64]bool{}
	for _, x := range l.links {
		if a.st.links[x.owner] == nil {
			a.st.links[x.owner] = map[int64]bool{}
		}
		a.st.links[x.owner][x.student] = true
	}
	a.st.finals = keyed(l.finals, func(f diary.FinalGrade) finalKey {
		return finalKey{f.StudentID, f.SubjectID, f.Kind, f.YearID, f.PeriodID}
	})
	a.st.attendance = map[[2]int64]diary.Attendance{}
	for _, x := range l.attendance {
		if k := [2]int64{x.StudentID, x.LessonID}; l.pairs[k] {
			a.st.attendance[k] = x
		}
	}
}

// storedIDs returns the stored ids of keys in m.
func storedIDs(m ents, keys []string) []int64 {
	var ids []int64
	for _, k := range uniq(keys) {
		if e := m.ext[k]; e != nil && e.id != 0 {
			ids = append(ids, e.id)
		}
	}
	return ids
}

// attendancePairs returns the stored student and lesson ids of the batch's
// attendance marks whose both sides are stored, and the pairs.
func (a *applier) attendancePairs() (students, lessons []int64, pairs map[[2]int64]bool) {
	pairs = map[[2]int64]bool{}
	for _, x := range a.b.Attendance {
		s, l := a.students.ext[x.StudentRef], a.lessons.ext[x.LessonRef]
		if s != nil && l != nil && s.id != 0 && l.id != 0 && !pairs[[2]int64{s.id, l.id}] {
			pairs[[2]int64{s.id, l.id}] = true
			students, lessons = append(students, s.id), append(lessons, l.id)
		}
	}
	slices.Sort(students)
	slices.Sort(lessons)
	return slices.Compact(students), slices.Compact(lessons), pairs
}

// uniq returns the distinct non-empty strings of k.
func uniq(k []string) []string {
	seen := make(map[string]bool, len(k))
	out := make([]string, 0, len(k))
	for _, s := range k {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
