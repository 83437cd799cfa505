package postgres

import (
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	"github.com/schooldiary/diary/internal/diary"
)

// What below serves only the old Apply of this package; the store's reads
// are sqlstore's. It goes with Apply.

// staffRole is one staff_roles row.
type staffRole struct {
	staffID int64
	role    diary.StaffRole
}

// scanStaffRole reads staff_id, role, class_id (0 for none) and level.
func scanStaffRole(r pgx.Row) (staffRole, error) {
	var s staffRole
	err := r.Scan(&s.staffID, &s.role.Role, &s.role.ClassID, &s.role.Level)
	return s, err
}

// queueAll queues a query whose rows scan appends to dst.
func queueAll[T any](b *pgx.Batch, scan scanFunc[T], dst *[]T, sql string, args ...any) {
	b.Queue(sql, args...).Query(func(rows pgx.Rows) error {
		v, err := collect(rows, scan)
		*dst = v
		return err
	})
}

// scanFunc reads one row into a T.
type scanFunc[T any] func(r pgx.Row) (T, error)

// collect reads every row of rows with scan.
func collect[T any](rows pgx.Rows, scan scanFunc[T]) ([]T, error) {
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (T, error) { return scan(r) })
}

// dateOf converts a scanned date, NULL to the zero Date.
func dateOf(d pgtype.Date) diary.Date {
	if !d.Valid {
		return diary.Date{}
	}
	return diary.DateOf(d.Time)
}

// timeOf converts a scanned instant to UTC, NULL to the zero time.
func timeOf(t pgtype.Timestamptz) time.Time {
	if !t.Valid {
		return time.Time{}
	}
	return t.Time.UTC()
}

// Column lists and scanners, one per entity. Nullable ids, numbers and
// marks are read through coalesce as 0 and "".

const schoolCols = `id, code, name, time_zone, round_up_from, reply_rule, reply_days, school_days, created_at`

func scanSchool(r pgx.Row) (diary.School, error) {
	var s diary.School
	var created pgtype.Timestamptz
	err := r.Scan(&s.ID, &s.Code, &s.Name, &s.TimeZone, &s.RoundUpFrom, &s.ReplyRule, &s.ReplyDays, &s.SchoolDays, &created)
	s.CreatedAt = timeOf(created)
	return s, err
}

const yearCols = `id, school_id, name, start_date, end_date`

func scanYear(r pgx.Row) (diary.AcademicYear, error) {
	var y diary.AcademicYear
	var from, to pgtype.Date
	err := r.Scan(&y.ID, &y.SchoolID, &y.Name, &from, &to)
	y.Start, y.End = dateOf(from), dateOf(to)
	return y, err
}

const periodCols = `id, school_id, year_id, ext_id, name, kind, min_level, max_level, start_date, end_date`

func scanPeriod(r pgx.Row) (diary.Period, error) {
	var p diary.Period
	var from, to pgtype.Date
	err := r.Scan(&p.ID, &p.SchoolID, &p.YearID, &p.ExtID, &p.Name, &p.Kind, &p.MinLevel, &p.MaxLevel, &from, &to)
	p.Start, p.End = dateOf(from), dateOf(to)
	return p, err
}

const dayOffCols = `id, school_id, name, kind, min_level, max_level, start_date, end_date`

func scanDayOff(r pgx.Row) (diary.DayOff, error) {
	var h diary.DayOff
	var from, to pgtype.Date
	err := r.Scan(&h.ID, &h.SchoolID, &h.Name, &h.Kind, &h.MinLevel, &h.MaxLevel, &from, &to)
	h.Start, h.End = dateOf(from), dateOf(to)
	return h, err
}

const subjectCols = `id, school_id, ext_id, name, short`

func scanSubject(r pgx.Row) (diary.Subject, error) {
	var s diary.Subject
	err := r.Scan(&s.ID, &s.SchoolID, &s.ExtID, &s.Name, &s.Short)
	return s, err
}

const classCols = `id, school_id, ext_id, name, level`

func scanClass(r pgx.Row) (diary.Class, error) {
	var c diary.Class
	err := r.Scan(&c.ID, &c.SchoolID, &c.ExtID, &c.Name, &c.Level)
	return c, err
}

const groupCols = `id, school_id, ext_id, class_id, name`

func scanGroup(r pgx.Row) (diary.Group, error) {
	var g diary.Group
	err := r.Scan(&g.ID, &g.SchoolID, &g.ExtID, &g.ClassID, &g.Name)
	return g, err
}

const staffCols = `id, school_id, ext_id, last_name, first_name, middle_name, phone, email, active_from, active_to`

func scanStaff(r pgx.Row) (diary.Staff, error) {
	var s diary.Staff
	var from, to pgtype.Date
	err := r.Scan(&s.ID, &s.SchoolID, &s.ExtID, &s.Name.Last, &s.Name.First, &s.Name.Middle, &s.Phone, &s.Email, &from, &to)
	s.ActiveFrom, s.ActiveTo = dateOf(from), dateOf(to)
	return s, err
}

const studentCols = `id, school_id, ext_id, last_name, first_name, middle_name, coalesce(class_id, 0),
	birth_date, phone, email, status, left_on, left_reason, updated_at`

func scanStudent(r pgx.Row) (diary.Student, error) {
	var s diary.Student
	var birth, left pgtype.Date
	var updated pgtype.Timestamptz
	err := r.Scan(&s.ID, &s.SchoolID, &s.ExtID, &s.Name.Last, &s.Name.First, &s.Name.Middle, &s.ClassID,
		&birth, &s.Phone, &s.Email, &s.Status, &left, &s.LeftReason, &updated)
	s.BirthDate, s.LeftOn, s.UpdatedAt = dateOf(birth), dateOf(left), timeOf(updated)
	return s, err
}

const guardianCols = `id, school_id, ext_id, last_name, first_name, middle_name, kind, phone, email`

func scanGuardian(r pgx.Row) (diary.Guardian, error) {
	var g diary.Guardian
	err := r.Scan(&g.ID, &g.SchoolID, &g.ExtID, &g.Name.Last, &g.Name.First, &g.Name.Middle, &g.Kind, &g.Phone, &g.Email)
	return g, err
}

const lessonCols = `id, school_id, ext_id, class_id, coalesce(group_id, 0), subject_id, coalesce(teacher_id, 0),
	date, number, topic, homework`

func scanLesson(r pgx.Row) (diary.Lesson, error) {
	var l diary.Lesson
	var d pgtype.Date
	err := r.Scan(&l.ID, &l.SchoolID, &l.ExtID, &l.ClassID, &l.GroupID, &l.SubjectID, &l.TeacherID,
		&d, &l.Number, &l.Topic, &l.Homework)
	l.Date = dateOf(d)
	return l, err
}

const gradeCols = `id, school_id, ext_id, student_id, subject_id, coalesce(lesson_id, 0), coalesce(teacher_id, 0),
	period_id, date, coalesce(value, 0), coalesce(mark, ''), work_type, weight, description, updated_at`

func scanGrade(r pgx.Row) (diary.Grade, error) {
	var g diary.Grade
	var d pgtype.Date
	var updated pgtype.Timestamptz
	err := r.Scan(&g.ID, &g.SchoolID, &g.ExtID, &g.StudentID, &g.SubjectID, &g.LessonID, &g.TeacherID,
		&g.PeriodID, &d, &g.Value, &g.Mark, &g.WorkType, &g.Weight, &g.Description, &updated)
	g.Date, g.UpdatedAt = dateOf(d), timeOf(updated)
	return g, err
}

const attendanceCols = `a.id, a.school_id, a.student_id, a.lesson_id, l.subject_id, a.date, l.number, a.mark`

func scanAttendance(r pgx.Row) (diary.Attendance, error) {
	var a diary.Attendance
	var d pgtype.Date
	err := r.Scan(&a.ID, &a.SchoolID, &a.StudentID, &a.LessonID, &a.SubjectID, &d, &a.Number, &a.Mark)
	a.Date = dateOf(d)
	return a, err
}

const homeworkCols = `id, school_id, ext_id, student_id, subject_id, coalesce(lesson_id, 0), date, text`

func scanHomework(r pgx.Row) (diary.Homework, error) {
	var h diary.Homework
	var d pgtype.Date
	err := r.Scan(&h.ID, &h.SchoolID, &h.ExtID, &h.StudentID, &h.SubjectID, &h.LessonID, &d, &h.Text)
	h.Date = dateOf(d)
	return h, err
}

const finalCols = `id, school_id, student_id, subject_id, kind, year_id, coalesce(period_id, 0),
	coalesce(value, 0), coalesce(mark, ''), updated_at`

func scanFinal(r pgx.Row) (diary.FinalGrade, error) {
	var f diary.FinalGrade
	var updated pgtype.Timestamptz
	err := r.Scan(&f.ID, &f.SchoolID, &f.StudentID, &f.SubjectID, &f.Kind, &f.YearID, &f.PeriodID,
		&f.Value, &f.Mark, &updated)
	f.UpdatedAt = timeOf(updated)
	return f, err
}
