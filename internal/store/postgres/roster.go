package postgres

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/schooldiary/diary/internal/diary"
)

// byName orders people by last, first and middle name.
const byName = ` ORDER BY last_name, first_name, middle_name, id`

// Student returns the student with id, enrolled or left; ErrNotFound.
func (db *DB) Student(ctx context.Context, id int64) (diary.Student, error) {
	return one(ctx, db, "student", scanStudent, `SELECT `+studentCols+` FROM students WHERE id = $1`, id)
}

// StudentsOfClass lists the enrolled students of a class by name.
func (db *DB) StudentsOfClass(ctx context.Context, classID int64) ([]diary.Student, error) {
	return list(ctx, db, "students of class", scanStudent,
		`SELECT `+studentCols+` FROM students WHERE class_id = $1 AND status = 'enrolled'`+byName, classID)
}

// Guardian returns the guardian with id; ErrNotFound.
func (db *DB) Guardian(ctx context.Context, id int64) (diary.Guardian, error) {
	return one(ctx, db, "guardian", scanGuardian, `SELECT `+guardianCols+` FROM guardians WHERE id = $1`, id)
}

// GuardiansOfStudent lists a student's guardians by name.
func (db *DB) GuardiansOfStudent(ctx context.Context, studentID int64) ([]diary.Guardian, error) {
	return list(ctx, db, "guardians of student", scanGuardian, `SELECT `+guardianCols+` FROM guardians
		WHERE id IN (SELECT guardian_id FROM guardian_students WHERE student_id = $1)`+byName, studentID)
}

// StudentsOfGuardian lists a guardian's students, left ones too, by name.
func (db *DB) StudentsOfGuardian(ctx context.Context, guardianID int64) ([]diary.Student, error) {
	return list(ctx, db, "students of guardian", scanStudent, `SELECT `+studentCols+` FROM students
		WHERE id IN (SELECT student_id FROM guardian_students WHERE guardian_id = $1)`+byName, guardianID)
}

// GuardiansByPhone lists guardians of any school with the phone, by name.
func (db *DB) GuardiansByPhone(ctx context.Context, phone string) ([]diary.Guardian, error) {
	return list(ctx, db, "guardians by phone", scanGuardian,
		`SELECT `+guardianCols+` FROM guardians WHERE phone = $1`+byName, phone)
}

// Staff returns the staff member with id and their roles; ErrNotFound.
func (db *DB) Staff(ctx context.Context, id int64) (diary.Staff, error) {
	s, err := one(ctx, db, "staff", scanStaff, `SELECT `+staffCols+` FROM staff WHERE id = $1`, id)
	if err != nil {
		return s, err
	}
	all := []diary.Staff{s}
	if err := db.fillRoles(ctx, all); err != nil {
		return s, err
	}
	return all[0], nil
}

// StaffWithRole lists a school's staff having role r, by name, with all
// their roles.
func (db *DB) StaffWithRole(ctx context.Context, schoolID int64, r diary.Role) ([]diary.Staff, error) {
	ss, err := list(ctx, db, "staff with role", scanStaff, `SELECT `+staffCols+` FROM staff
		WHERE school_id = $1 AND id IN (SELECT staff_id FROM staff_roles WHERE role = $2)`+byName, schoolID, r)
	if err != nil {
		return nil, err
	}
	return ss, db.fillRoles(ctx, ss)
}

// staffRole is one staff_roles row.
type staffRole struct {
	staffID int64
	role    diary.StaffRole
}

// fillRoles reads the roles of ss in one query, in the order they were given.
func (db *DB) fillRoles(ctx context.Context, ss []diary.Staff) error {
	if len(ss) == 0 {
		return nil
	}
	ids := make([]int64, len(ss))
	at := make(map[int64]int, len(ss))
	for i, s := range ss {
		ids[i], at[s.ID] = s.ID, i
	}
	rs, err := list(ctx, db, "staff roles", scanStaffRole, `SELECT staff_id, role, coalesce(class_id, 0), level
		FROM staff_roles WHERE staff_id = ANY($1) ORDER BY staff_id, id`, ids)
	for _, r := range rs {
		i := at[r.staffID]
		ss[i].Roles = append(ss[i].Roles, r.role)
	}
	return err
}

func scanStaffRole(r pgx.Row) (staffRole, error) {
	var s staffRole
	err := r.Scan(&s.staffID, &s.role.Role, &s.role.ClassID, &s.role.Level)
	return s, err
}
