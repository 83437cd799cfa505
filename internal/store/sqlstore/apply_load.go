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
// records references resolve to: first the named rows, then what hangs on
// their ids (roles, members, links, attendance, final grades) and the
// periods the batch's grades may fall in.
func (a *applier) load(ctx context.Context) error {
	if a.school == 0 {
		a.st = storedRows{}.orEmpty()
		return nil
	}
	if err := a.loadCalendar(ctx); err != nil {
		return err
	}
	if err := a.loadRoster(ctx); err != nil {
		return err
	}
	if err := a.loadJournal(ctx); err != nil {
		return err
	}
	if err := a.loadLinks(ctx); err != nil {
		return err
	}
	return a.loadGradePeriods(ctx)
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

// named reads the rows of query (byExt) for keys; none without a query
// when keys is empty.
func named[T any](ctx context.Context, a *applier, what string, scan func(Scanner) (T, error), query string, keys []string) ([]T, error) {
	keys = uniq(keys)
	if len(keys) == 0 {
		return nil, nil
	}
	return list(ctx, a.s, a.tx, "load "+what, scan, query, a.school, a.s.d.List(keys))
}

// byIDs reads the rows of query for the ids of list parameter $1; none
// without a query when ids is empty.
func byIDs[T any](ctx context.Context, a *applier, what string, scan func(Scanner) (T, error), query string, ids []int64) ([]T, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	return list(ctx, a.s, a.tx, "load "+what, scan, query, a.s.d.List(ids))
}

// loadCalendar reads the years and periods the batch names (every period
// when the batch writes periods: their overlaps are checked against all)
// and its days off.
func (a *applier) loadCalendar(ctx context.Context) error {
	years, err := named(ctx, a, "years", scanYear, a.byExtName(yearCols, "years"), a.yearKeys())
	if err != nil {
		return err
	}
	var periods []diary.Period
	if len(a.b.Periods) > 0 {
		a.allPeriods = true
		periods, err = list(ctx, a.s, a.tx, "load periods", scanPeriod,
			`SELECT `+periodCols+` FROM periods WHERE school_id = $1`, a.school)
	} else {
		periods, err = named(ctx, a, "periods", scanPeriod, a.byExt(periodCols, "periods"), a.periodKeys())
	}
	if err != nil {
		return err
	}
	daysOff, err := named(ctx, a, "days off", scanDayOff, a.byExtName(dayOffCols, "days_off"), dayOffNames(a.b))
	if err != nil {
		return err
	}
	a.st.years = keyed(years, func(y diary.AcademicYear) string { return y.Name })
	a.st.daysOff = keyed(daysOff, func(h diary.DayOff) dayOffKey { return dayOffKey{h.Start, h.Name} })
	a.st.periods = map[string]diary.Period{}
	for _, y := range years {
		a.years.stored(y.Name, y.ID)
	}
	a.keepPeriods(periods)
	return nil
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

// loadGradePeriods reads, unless every period is loaded, the periods
// overlapping the days of the batch's grades (their own dates or their
// lessons').
func (a *applier) loadGradePeriods(ctx context.Context) error {
	if a.allPeriods {
		return nil
	}
	from, to, ok := a.gradeSpan()
	if !ok {
		return nil
	}
	ps, err := list(ctx, a.s, a.tx, "load periods", scanPeriod, `SELECT `+periodCols+` FROM periods
		WHERE school_id = $1 AND start_date <= $3 AND end_date >= $2`, a.school, a.s.date(from), a.s.date(to))
	if err != nil {
		return err
	}
	a.keepPeriods(ps)
	return nil
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

// loadRoster reads the subjects, classes, staff, students, groups and
// guardians the batch names.
func (a *applier) loadRoster(ctx context.Context) error {
	subjects, err := named(ctx, a, "subjects", scanSubject, a.byExt(subjectCols, "subjects"), a.subjectKeys())
	if err != nil {
		return err
	}
	classes, err := named(ctx, a, "classes", scanClass, a.byExt(classCols, "classes"), a.classKeys())
	if err != nil {
		return err
	}
	staff, err := named(ctx, a, "staff", scanStaff, a.byExt(staffCols, "staff"), a.staffKeys())
	if err != nil {
		return err
	}
	a.st.subjects = keyed(subjects, func(x diary.Subject) string { return x.ExtID })
	a.st.classes = keyed(classes, func(x diary.Class) string { return x.ExtID })
	a.st.staff = keyed(staff, func(x diary.Staff) string { return x.ExtID })
	for _, x := range subjects {
		a.subjects.stored(x.ExtID, x.ID)
	}
	for _, x := range classes {
		a.classes.stored(x.ExtID, x.ID).level = x.Level
	}
	for _, x := range staff {
		a.staff.stored(x.ExtID, x.ID)
	}
	return a.loadPeople(ctx)
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

// loadPeople reads the students, groups and guardians the batch names.
func (a *applier) loadPeople(ctx context.Context) error {
	students, err := named(ctx, a, "students", scanLeveled, a.byExt(studentLevelCols, "students"), a.studentKeys())
	if err != nil {
		return err
	}
	groups, err := named(ctx, a, "groups", scanGroup, a.byExt(groupCols, "groups"), a.groupKeys())
	if err != nil {
		return err
	}
	guards, err := named(ctx, a, "guardians", scanGuardian, a.byExt(guardianCols, "guardians"), guardianKeys(a.b))
	if err != nil {
		return err
	}
	a.st.students = map[string]diary.Student{}
	for _, x := range students {
		a.st.students[x.ExtID] = x.Student
		c := a.classes.of(x.ClassID)
		if c != nil && c.level == 0 {
			c.level = x.level
		}
		a.students.stored(x.ExtID, x.ID).class = c
	}
	a.st.groups = keyed(groups, func(x diary.Group) string { return x.ExtID })
	for _, x := range groups {
		a.groups.stored(x.ExtID, x.ID).class = a.classes.of(x.ClassID)
	}
	a.st.guardians = keyed(guards, func(x diary.Guardian) string { return x.ExtID })
	for _, x := range guards {
		a.guardians.stored(x.ExtID, x.ID)
	}
	return nil
}

// loadJournal reads the lessons, grades and homework the batch names.
func (a *applier) loadJournal(ctx context.Context) error {
	lessons, err := named(ctx, a, "lessons", scanLesson, a.byExt(lessonCols, "lessons"), a.lessonKeys())
	if err != nil {
		return err
	}
	grades, err := named(ctx, a, "grades", scanGrade, a.byExt(gradeCols, "grades"), gradeKeys(a.b))
	if err != nil {
		return err
	}
	homework, err := named(ctx, a, "homework", scanHomework, a.byExt(homeworkCols, "homework"), homeworkKeys(a.b))
	if err != nil {
		return err
	}
	a.st.lessons = keyed(lessons, func(x diary.Lesson) string { return x.ExtID })
	a.st.grades = keyed(grades, func(x diary.Grade) string { return x.ExtID })
	a.st.homework = keyed(homework, func(x diary.Homework) string { return x.ExtID })
	for _, x := range lessons {
		e := a.lessons.stored(x.ExtID, x.ID)
		e.class, e.date = a.classes.of(x.ClassID), x.Date
		e.subject, e.teacher = a.subjects.of(x.SubjectID), a.staff.of(x.TeacherID)
	}
	return nil
}

// memberRow is a group member or a guardian's student.
type memberRow struct{ owner, student int64 }

// scanMember reads an owner and a student id.
func scanMember(r Scanner) (memberRow, error) {
	var m memberRow
	err := r.Scan(&m.owner, &m.student)
	return m, err
}

// loadLinks reads the roles, members, links, attendance and final grades of
// the stored records the batch names.
func (a *applier) loadLinks(ctx context.Context) error {
	in := func(n int) string { return a.s.d.InList(n, "bigint") }
	roles, err := byIDs(ctx, a, "staff roles", scanStaffRole, `SELECT staff_id, role, coalesce(class_id, 0), level
		FROM staff_roles WHERE staff_id IN (`+in(1)+`) ORDER BY staff_id, id`, storedIDs(a.staff, ownStaffKeys(a.b)))
	if err != nil {
		return err
	}
	members, err := byIDs(ctx, a, "group members", scanMember, `SELECT group_id, student_id FROM group_members
		WHERE group_id IN (`+in(1)+`)`, storedIDs(a.groups, ownGroupKeys(a.b)))
	if err != nil {
		return err
	}
	links, err := byIDs(ctx, a, "guardian links", scanMember, `SELECT guardian_id, student_id FROM guardian_students
		WHERE guardian_id IN (`+in(1)+`)`, storedIDs(a.guardians, guardianKeys(a.b)))
	if err != nil {
		return err
	}
	finals, err := byIDs(ctx, a, "final grades", scanFinal, `SELECT `+finalCols+` FROM final_grades
		WHERE student_id IN (`+in(1)+`)`, storedIDs(a.students, finalStudentKeys(a.b)))
	if err != nil {
		return err
	}
	a.keepLinks(roles, members, links, finals)
	return a.loadAttendance(ctx)
}

// loadAttendance reads the stored marks of the batch's (student, lesson)
// pairs whose both sides are stored.
func (a *applier) loadAttendance(ctx context.Context) error {
	a.st.attendance = map[[2]int64]diary.Attendance{}
	students, lessons, want := a.attendancePairs()
	if len(want) == 0 {
		return nil
	}
	rows, err := list(ctx, a.s, a.tx, "load attendance", scanAttendance, `SELECT `+attendanceCols+`
		FROM attendance a JOIN lessons l ON l.id = a.lesson_id
		WHERE a.lesson_id IN (`+a.s.d.InList(1, "bigint")+`) AND a.student_id IN (`+a.s.d.InList(2, "bigint")+`)`,
		a.s.d.List(lessons), a.s.d.List(students))
	for _, x := range rows {
		if k := [2]int64{x.StudentID, x.LessonID}; want[k] {
			a.st.attendance[k] = x
		}
	}
	return err
}

// keepLinks indexes what loadLinks read.
func (a *applier) keepLinks(roles []staffRole, members, links []memberRow, finals []diary.FinalGrade) {
	extOf := map[int64]string{}
	for ext, s := range a.st.staff {
		extOf[s.ID] = ext
	}
	for _, r := range roles {
		s := a.st.staff[extOf[r.staffID]]
		s.Roles = append(s.Roles, r.role)
		a.st.staff[extOf[r.staffID]] = s
	}
	a.st.members = map[int64][]int64{}
	for _, m := range members {
		a.st.members[m.owner] = append(a.st.members[m.owner], m.student)
	}
	for _, ids := range a.st.members {
		slices.Sort(ids)
	}
	a.st.links = map[int64]map[int64]bool{}
	for _, l := range links {
		if a.st.links[l.owner] == nil {
			a.st.links[l.owner] = map[int64]bool{}
		}
		a.st.links[l.owner][l.student] = true
	}
	a.st.finals = keyed(finals, func(f diary.FinalGrade) finalKey {
		return finalKey{f.StudentID, f.SubjectID, f.Kind, f.YearID, f.PeriodID}
	})
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
