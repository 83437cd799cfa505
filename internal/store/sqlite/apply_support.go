package sqlite

import (
	"context"
	"encoding/json"

	"github.com/schooldiary/diary/internal/diary"
)

// The column lists, scanners and reads below serve only the old Apply of
// this package; the store's reads are sqlstore's. They go with Apply.

const schoolCols = `id, code, name, time_zone, round_up_from, reply_rule, reply_days, school_days, created_at`

// scanSchool reads one row of schoolCols.
func scanSchool(r scanner) (diary.School, error) {
	var s diary.School
	err := r.Scan(&s.ID, &s.Code, &s.Name, &s.TimeZone, &s.RoundUpFrom, &s.ReplyRule,
		&s.ReplyDays, &s.SchoolDays, instantCol{&s.CreatedAt})
	return s, err
}

// schoolByCode reads a school by code through q (a pool or a transaction).
func schoolByCode(ctx context.Context, q querier, code string) (diary.School, error) {
	return scanSchool(q.QueryRowContext(ctx, `SELECT `+schoolCols+` FROM schools WHERE code = ?`, code))
}

// scanYear reads one academic year.
func scanYear(r scanner) (diary.AcademicYear, error) {
	var y diary.AcademicYear
	err := r.Scan(&y.ID, &y.SchoolID, &y.Name, dateCol{&y.Start}, dateCol{&y.End})
	return y, err
}

const periodCols = `id, school_id, year_id, ext_id, name, kind, min_level, max_level, start_date, end_date`

// scanPeriod reads one row of periodCols.
func scanPeriod(r scanner) (diary.Period, error) {
	var p diary.Period
	err := r.Scan(&p.ID, &p.SchoolID, &p.YearID, &p.ExtID, &p.Name, &p.Kind,
		&p.MinLevel, &p.MaxLevel, dateCol{&p.Start}, dateCol{&p.End})
	return p, err
}

// scanDayOff reads id, school_id, name, kind, min_level, max_level, start_date, end_date.
func scanDayOff(r scanner) (diary.DayOff, error) {
	var h diary.DayOff
	err := r.Scan(&h.ID, &h.SchoolID, &h.Name, &h.Kind, &h.MinLevel, &h.MaxLevel,
		dateCol{&h.Start}, dateCol{&h.End})
	return h, err
}

const classCols = `id, school_id, ext_id, name, level`

// scanClass reads one row of classCols.
func scanClass(r scanner) (diary.Class, error) {
	var c diary.Class
	err := r.Scan(&c.ID, &c.SchoolID, &c.ExtID, &c.Name, &c.Level)
	return c, err
}

const subjectCols = `id, school_id, ext_id, name, short`

// scanSubject reads one row of subjectCols.
func scanSubject(r scanner) (diary.Subject, error) {
	var s diary.Subject
	err := r.Scan(&s.ID, &s.SchoolID, &s.ExtID, &s.Name, &s.Short)
	return s, err
}

const studentCols = `s.id, s.school_id, s.ext_id, s.last_name, s.first_name, s.middle_name,
	s.class_id, s.birth_date, s.phone, s.email, s.status, s.left_on, s.left_reason, s.updated_at`

// byName orders people by ФИО, then id.
const byName = ` ORDER BY s.last_name, s.first_name, s.middle_name, s.id`

// scanStudent reads one row of studentCols.
func scanStudent(r scanner) (diary.Student, error) {
	var s diary.Student
	err := r.Scan(&s.ID, &s.SchoolID, &s.ExtID, &s.Name.Last, &s.Name.First, &s.Name.Middle,
		idCol{&s.ClassID}, dateCol{&s.BirthDate}, &s.Phone, &s.Email, &s.Status,
		dateCol{&s.LeftOn}, &s.LeftReason, instantCol{&s.UpdatedAt})
	return s, err
}

const guardianCols = `s.id, s.school_id, s.ext_id, s.last_name, s.first_name, s.middle_name,
	s.kind, s.phone, s.email`

// scanGuardian reads one row of guardianCols.
func scanGuardian(r scanner) (diary.Guardian, error) {
	var g diary.Guardian
	err := r.Scan(&g.ID, &g.SchoolID, &g.ExtID, &g.Name.Last, &g.Name.First, &g.Name.Middle,
		&g.Kind, &g.Phone, &g.Email)
	return g, err
}

const staffCols = `s.id, s.school_id, s.ext_id, s.last_name, s.first_name, s.middle_name,
	s.phone, s.email, s.active_from, s.active_to`

// scanStaff reads one row of staffCols.
func scanStaff(r scanner) (diary.Staff, error) {
	var s diary.Staff
	err := r.Scan(&s.ID, &s.SchoolID, &s.ExtID, &s.Name.Last, &s.Name.First, &s.Name.Middle,
		&s.Phone, &s.Email, dateCol{&s.ActiveFrom}, dateCol{&s.ActiveTo})
	return s, err
}

// fillRoles loads the roles of every staff member in list with one query.
func fillRoles(ctx context.Context, q querier, list []diary.Staff) error {
	if len(list) == 0 {
		return nil
	}
	at := make(map[int64]int, len(list))
	ids := make([]int64, len(list))
	for i, s := range list {
		at[s.ID], ids[i] = i, s.ID
	}
	js, _ := json.Marshal(ids)
	rows, err := q.QueryContext(ctx, `SELECT staff_id, role, class_id, level FROM staff_roles
		WHERE staff_id IN (SELECT value FROM json_each(?)) ORDER BY staff_id, rowid`, string(js))
	if err != nil {
		return wrap(err, "staff roles")
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var r diary.StaffRole
		if err := rows.Scan(&id, &r.Role, idCol{&r.ClassID}, &r.Level); err != nil {
			return wrap(err, "staff roles")
		}
		list[at[id]].Roles = append(list[at[id]].Roles, r)
	}
	return wrap(rows.Err(), "staff roles")
}

const lessonCols = `l.id, l.school_id, l.ext_id, l.class_id, l.group_id, l.subject_id, l.teacher_id,
	l.date, l.number, l.topic, l.homework`

// scanLesson reads one row of lessonCols.
func scanLesson(r scanner) (diary.Lesson, error) {
	var l diary.Lesson
	err := r.Scan(&l.ID, &l.SchoolID, &l.ExtID, &l.ClassID, idCol{&l.GroupID}, &l.SubjectID,
		idCol{&l.TeacherID}, dateCol{&l.Date}, &l.Number, &l.Topic, &l.Homework)
	return l, err
}

const gradeCols = `id, school_id, ext_id, student_id, subject_id, lesson_id, teacher_id, period_id,
	date, value, mark, work_type, weight, description, updated_at`

// scanGrade reads one row of gradeCols.
func scanGrade(r scanner) (diary.Grade, error) {
	var g diary.Grade
	err := r.Scan(&g.ID, &g.SchoolID, &g.ExtID, &g.StudentID, &g.SubjectID, idCol{&g.LessonID},
		idCol{&g.TeacherID}, &g.PeriodID, dateCol{&g.Date}, intCol{&g.Value}, strCol{&g.Mark},
		&g.WorkType, &g.Weight, &g.Description, instantCol{&g.UpdatedAt})
	return g, err
}

const finalCols = `id, school_id, student_id, subject_id, kind, year_id, period_id, value, mark, updated_at`

// scanFinal reads one row of finalCols.
func scanFinal(r scanner) (diary.FinalGrade, error) {
	var f diary.FinalGrade
	err := r.Scan(&f.ID, &f.SchoolID, &f.StudentID, &f.SubjectID, &f.Kind, &f.YearID,
		idCol{&f.PeriodID}, intCol{&f.Value}, strCol{&f.Mark}, instantCol{&f.UpdatedAt})
	return f, err
}
