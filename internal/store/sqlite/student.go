package sqlite

import (
	"context"

	"github.com/schooldiary/diary/internal/diary"
)

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

// Student returns the student with id, enrolled or left; diary.ErrNotFound.
func (db *DB) Student(ctx context.Context, id int64) (diary.Student, error) {
	return student(ctx, db.reader(), id)
}

// student reads a student by id through q.
func student(ctx context.Context, q querier, id int64) (diary.Student, error) {
	s, err := scanStudent(q.QueryRowContext(ctx,
		`SELECT `+studentCols+` FROM students s WHERE s.id = ?`, id))
	return s, wrap(err, "student %d", id)
}

// StudentsOfClass lists the enrolled students of a class by name.
func (db *DB) StudentsOfClass(ctx context.Context, classID int64) ([]diary.Student, error) {
	return studentsOfClass(ctx, db.reader(), classID)
}

// studentsOfClass reads the enrolled students of a class through q.
func studentsOfClass(ctx context.Context, q querier, classID int64) ([]diary.Student, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+studentCols+` FROM students s
		WHERE s.class_id = ? AND s.status = 'enrolled'`+byName, classID)
	return collect(rows, err, "students of class", scanStudent)
}

// StudentsOfGuardian lists a guardian's students, left ones too, by name.
func (db *DB) StudentsOfGuardian(ctx context.Context, guardianID int64) ([]diary.Student, error) {
	rows, err := db.reader().QueryContext(ctx, `SELECT `+studentCols+`
		FROM guardian_students gs JOIN students s ON s.id = gs.student_id
		WHERE gs.guardian_id = ?`+byName, guardianID)
	return collect(rows, err, "students of guardian", scanStudent)
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

// Guardian returns the guardian with id; diary.ErrNotFound.
func (db *DB) Guardian(ctx context.Context, id int64) (diary.Guardian, error) {
	g, err := scanGuardian(db.reader().QueryRowContext(ctx,
		`SELECT `+guardianCols+` FROM guardians s WHERE s.id = ?`, id))
	return g, wrap(err, "guardian %d", id)
}

// GuardiansOfStudent lists a student's guardians by name.
func (db *DB) GuardiansOfStudent(ctx context.Context, studentID int64) ([]diary.Guardian, error) {
	rows, err := db.reader().QueryContext(ctx, `SELECT `+guardianCols+`
		FROM guardian_students gs JOIN guardians s ON s.id = gs.guardian_id
		WHERE gs.student_id = ?`+byName, studentID)
	return collect(rows, err, "guardians of student", scanGuardian)
}

// GuardiansByPhone lists the guardians of any school with the E.164 phone.
func (db *DB) GuardiansByPhone(ctx context.Context, phone string) ([]diary.Guardian, error) {
	if phone == "" {
		return nil, nil
	}
	rows, err := db.reader().QueryContext(ctx, `SELECT `+guardianCols+` FROM guardians s
		WHERE s.phone = ?`+byName, phone)
	return collect(rows, err, "guardians by phone", scanGuardian)
}
