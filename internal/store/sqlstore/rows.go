package sqlstore

import (
	"time"

	"github.com/schooldiary/diary/internal/diary"
)

// Column lists and scanners, one per entity. Nullable ids, numbers and
// marks are read through coalesce as 0 and "".

const schoolCols = `id, code, name, time_zone, round_up_from, reply_rule, reply_days, school_days, created_at`

// scanSchool reads one row of its column list.
func scanSchool(r Scanner) (diary.School, error) {
	var s diary.School
	err := r.Scan(&s.ID, &s.Code, &s.Name, &s.TimeZone, &s.RoundUpFrom, &s.ReplyRule, &s.ReplyDays, &s.SchoolDays, InstantCol{&s.CreatedAt})
	return s, err
}

const yearCols = `id, school_id, name, start_date, end_date`

// scanYear reads one row of its column list.
func scanYear(r Scanner) (diary.AcademicYear, error) {
	var y diary.AcademicYear
	err := r.Scan(&y.ID, &y.SchoolID, &y.Name, DateCol{&y.Start}, DateCol{&y.End})
	return y, err
}

const periodCols = `id, school_id, year_id, ext_id, name, kind, min_level, max_level, start_date, end_date`

// scanPeriod reads one row of its column list.
func scanPeriod(r Scanner) (diary.Period, error) {
	var p diary.Period
	err := r.Scan(&p.ID, &p.SchoolID, &p.YearID, &p.ExtID, &p.Name, &p.Kind, &p.MinLevel, &p.MaxLevel, DateCol{&p.Start}, DateCol{&p.End})
	return p, err
}

const dayOffCols = `id, school_id, name, kind, min_level, max_level, coalesce(class_id, 0), start_date, end_date`

// scanDayOff reads one row of its column list.
func scanDayOff(r Scanner) (diary.DayOff, error) {
	var h diary.DayOff
	err := r.Scan(&h.ID, &h.SchoolID, &h.Name, &h.Kind, &h.MinLevel, &h.MaxLevel, &h.ClassID,
		DateCol{&h.Start}, DateCol{&h.End})
	return h, err
}

const slotCols = `id, school_id, class_id, coalesce(group_id, 0), subject_id, coalesce(teacher_id, 0),
	weekday, number, valid_from, valid_to`

// scanSlot reads one row of its column list.
func scanSlot(r Scanner) (diary.Slot, error) {
	var s diary.Slot
	var wd int
	err := r.Scan(&s.ID, &s.SchoolID, &s.ClassID, &s.GroupID, &s.SubjectID, &s.TeacherID, &wd, &s.Number,
		DateCol{&s.ValidFrom}, DateCol{&s.ValidTo})
	s.Weekday = time.Weekday(wd)
	return s, err
}

const subjectCols = `id, school_id, ext_id, name, short`

// scanSubject reads one row of its column list.
func scanSubject(r Scanner) (diary.Subject, error) {
	var s diary.Subject
	err := r.Scan(&s.ID, &s.SchoolID, &s.ExtID, &s.Name, &s.Short)
	return s, err
}

const classCols = `id, school_id, ext_id, name, level`

// scanClass reads one row of its column list.
func scanClass(r Scanner) (diary.Class, error) {
	var c diary.Class
	err := r.Scan(&c.ID, &c.SchoolID, &c.ExtID, &c.Name, &c.Level)
	return c, err
}

const groupCols = `id, school_id, ext_id, class_id, name`

// scanGroup reads one row of its column list.
func scanGroup(r Scanner) (diary.Group, error) {
	var g diary.Group
	err := r.Scan(&g.ID, &g.SchoolID, &g.ExtID, &g.ClassID, &g.Name)
	return g, err
}

const staffCols = `id, school_id, ext_id, last_name, first_name, middle_name, phone, email, active_from, active_to`

// scanStaff reads one row of its column list.
func scanStaff(r Scanner) (diary.Staff, error) {
	var s diary.Staff
	err := r.Scan(&s.ID, &s.SchoolID, &s.ExtID, &s.Name.Last, &s.Name.First, &s.Name.Middle, &s.Phone, &s.Email, DateCol{&s.ActiveFrom}, DateCol{&s.ActiveTo})
	return s, err
}

const studentCols = `id, school_id, ext_id, last_name, first_name, middle_name, coalesce(class_id, 0),
	birth_date, phone, email, status, left_on, left_reason, updated_at`

// scanStudent reads one row of its column list.
func scanStudent(r Scanner) (diary.Student, error) {
	var s diary.Student
	err := r.Scan(&s.ID, &s.SchoolID, &s.ExtID, &s.Name.Last, &s.Name.First, &s.Name.Middle, &s.ClassID,
		DateCol{&s.BirthDate}, &s.Phone, &s.Email, &s.Status, DateCol{&s.LeftOn}, &s.LeftReason, InstantCol{&s.UpdatedAt})
	return s, err
}

const guardianCols = `id, school_id, ext_id, last_name, first_name, middle_name, kind, phone, email`

// scanGuardian reads one row of its column list.
func scanGuardian(r Scanner) (diary.Guardian, error) {
	var g diary.Guardian
	err := r.Scan(&g.ID, &g.SchoolID, &g.ExtID, &g.Name.Last, &g.Name.First, &g.Name.Middle, &g.Kind, &g.Phone, &g.Email)
	return g, err
}

const lessonCols = `id, school_id, ext_id, class_id, coalesce(group_id, 0), subject_id, coalesce(teacher_id, 0),
	date, number, topic, homework`

// scanLesson reads one row of its column list.
func scanLesson(r Scanner) (diary.Lesson, error) {
	var l diary.Lesson
	err := r.Scan(&l.ID, &l.SchoolID, &l.ExtID, &l.ClassID, &l.GroupID, &l.SubjectID, &l.TeacherID,
		DateCol{&l.Date}, &l.Number, &l.Topic, &l.Homework)
	return l, err
}

const gradeCols = `id, school_id, ext_id, student_id, subject_id, coalesce(lesson_id, 0), coalesce(teacher_id, 0),
	period_id, date, coalesce(value, 0), coalesce(mark, ''), work_type, weight, description, updated_at`

// scanGrade reads one row of its column list.
func scanGrade(r Scanner) (diary.Grade, error) {
	var g diary.Grade
	err := r.Scan(&g.ID, &g.SchoolID, &g.ExtID, &g.StudentID, &g.SubjectID, &g.LessonID, &g.TeacherID,
		&g.PeriodID, DateCol{&g.Date}, &g.Value, &g.Mark, &g.WorkType, &g.Weight, &g.Description, InstantCol{&g.UpdatedAt})
	return g, err
}

const attendanceCols = `a.id, a.school_id, a.student_id, a.lesson_id, l.subject_id, a.date, l.number, a.mark`

// scanAttendance reads one row of its column list.
func scanAttendance(r Scanner) (diary.Attendance, error) {
	var a diary.Attendance
	err := r.Scan(&a.ID, &a.SchoolID, &a.StudentID, &a.LessonID, &a.SubjectID, DateCol{&a.Date}, &a.Number, &a.Mark)
	return a, err
}

const homeworkCols = `id, school_id, ext_id, student_id, subject_id, coalesce(lesson_id, 0), date, text`

// scanHomework reads one row of its column list.
func scanHomework(r Scanner) (diary.Homework, error) {
	var h diary.Homework
	err := r.Scan(&h.ID, &h.SchoolID, &h.ExtID, &h.StudentID, &h.SubjectID, &h.LessonID, DateCol{&h.Date}, &h.Text)
	return h, err
}

const finalCols = `id, school_id, student_id, subject_id, kind, year_id, coalesce(period_id, 0),
	coalesce(value, 0), coalesce(mark, ''), updated_at`

// scanFinal reads one row of its column list.
func scanFinal(r Scanner) (diary.FinalGrade, error) {
	var f diary.FinalGrade
	err := r.Scan(&f.ID, &f.SchoolID, &f.StudentID, &f.SubjectID, &f.Kind, &f.YearID, &f.PeriodID,
		&f.Value, &f.Mark, InstantCol{&f.UpdatedAt})
	return f, err
}

const expectedCols = `student_id, subject_id, period_id, coalesce(teacher_id, 0), value, reason, set_at`

// scanExpected reads one row of its column list.
func scanExpected(r Scanner) (diary.ExpectedGrade, error) {
	var e diary.ExpectedGrade
	err := r.Scan(&e.StudentID, &e.SubjectID, &e.PeriodID, &e.TeacherID, &e.Value, &e.Reason, InstantCol{&e.SetAt})
	return e, err
}

const aggregateCols = `student_id, subject_id, period_id, sum, weights, count`

// scanAggregate reads one row of its column list.
func scanAggregate(r Scanner) (diary.Aggregate, error) {
	var a diary.Aggregate
	err := r.Scan(&a.StudentID, &a.SubjectID, &a.PeriodID, &a.Sum, &a.Weights, &a.Count)
	return a, err
}
