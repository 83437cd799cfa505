package sqlstore

import (
	"context"
	"fmt"

	"github.com/schooldiary/diary/internal/diary"
)

// Student returns the student with id, enrolled or left; diary.ErrNotFound.
func (s *Store) Student(ctx context.Context, id int64) (diary.Student, error) {
	return s.student(ctx, s.p, id)
}

// student reads a student by id through q; diary.ErrNotFound.
func (s *Store) student(ctx context.Context, q Querier, id int64) (diary.Student, error) {
	return one(ctx, s, q, fmt.Sprintf("student %d", id), scanStudent, `SELECT `+studentCols+` FROM students WHERE id = $1`, id)
}

// StudentsOfClass lists the enrolled students of a class by name (Russian order).
func (s *Store) StudentsOfClass(ctx context.Context, classID int64) ([]diary.Student, error) {
	return s.studentsOfClass(ctx, s.p, classID)
}

// studentsOfClass reads the enrolled students of a class through q, by name.
func (s *Store) studentsOfClass(ctx context.Context, q Querier, classID int64) ([]diary.Student, error) {
	ss, err := list(ctx, s, q, "students of class", scanStudent, `SELECT `+studentCols+` FROM students
		WHERE class_id = $1 AND status = $2`, classID, string(diary.Enrolled))
	sortStudents(ss)
	return ss, err
}

// StudentsOfGuardian lists a guardian's students, left ones too, by name (Russian order).
func (s *Store) StudentsOfGuardian(ctx context.Context, guardianID int64) ([]diary.Student, error) {
	ss, err := list(ctx, s, s.p, "students of guardian", scanStudent, `SELECT `+studentCols+` FROM students
		WHERE id IN (SELECT student_id FROM guardian_students WHERE guardian_id = $1)`, guardianID)
	sortStudents(ss)
	return ss, err
}

// Guardian returns the guardian with id; diary.ErrNotFound.
func (s *Store) Guardian(ctx context.Context, id int64) (diary.Guardian, error) {
	return one(ctx, s, s.p, fmt.Sprintf("guardian %d", id), scanGuardian, `SELECT `+guardianCols+` FROM guardians WHERE id = $1`, id)
}

// GuardiansOfStudent lists a student's guardians by name (Russian order).
func (s *Store) GuardiansOfStudent(ctx context.Context, studentID int64) ([]diary.Guardian, error) {
	gs, err := list(ctx, s, s.p, "guardians of student", scanGuardian, `SELECT `+guardianCols+` FROM guardians
		WHERE id IN (SELECT guardian_id FROM guardian_students WHERE student_id = $1)`, studentID)
	sortGuardians(gs)
	return gs, err
}

// GuardiansByPhone lists the guardians of any school with the E.164 phone, by
// name (Russian order); none for the empty phone, which is no phone at all.
func (s *Store) GuardiansByPhone(ctx context.Context, phone string) ([]diary.Guardian, error) {
	if phone == "" {
		return nil, nil
	}
	gs, err := list(ctx, s, s.p, "guardians by phone", scanGuardian, `SELECT `+guardianCols+` FROM guardians
		WHERE phone = $1`, phone)
	sortGuardians(gs)
	return gs, err
}

// Staff returns the staff member with id and their roles, read in one
// snapshot; diary.ErrNotFound.
func (s *Store) Staff(ctx context.Context, id int64) (diary.Staff, error) {
	var st []diary.Staff
	err := s.p.Read(ctx, func(q Querier) error {
		m, err := one(ctx, s, q, fmt.Sprintf("staff %d", id), scanStaff, `SELECT `+staffCols+` FROM staff WHERE id = $1`, id)
		if err != nil {
			return err
		}
		st = []diary.Staff{m}
		return s.fillRoles(ctx, q, st)
	})
	if err != nil {
		return diary.Staff{}, err
	}
	return st[0], nil
}

// StaffWithRole lists a school's staff having role r, by name (Russian
// order), each with all their roles, read in one snapshot.
func (s *Store) StaffWithRole(ctx context.Context, schoolID int64, r diary.Role) ([]diary.Staff, error) {
	var st []diary.Staff
	err := s.p.Read(ctx, func(q Querier) error {
		var err error
		st, err = list(ctx, s, q, "staff with role", scanStaff, `SELECT `+staffCols+` FROM staff
			WHERE school_id = $1 AND id IN (SELECT staff_id FROM staff_roles WHERE role = $2)`, schoolID, string(r))
		if err != nil {
			return err
		}
		return s.fillRoles(ctx, q, st)
	})
	if err != nil {
		return nil, err
	}
	sortStaff(st)
	return st, nil
}

// staffRole is one staff_roles row.
type staffRole struct {
	staffID int64
	role    diary.StaffRole
}

// scanStaffRole reads staff_id, role, class_id (0 for none) and level.
func scanStaffRole(r Scanner) (staffRole, error) {
	var sr staffRole
	err := r.Scan(&sr.staffID, &sr.role.Role, &sr.role.ClassID, &sr.role.Level)
	return sr, err
}

// fillRoles reads the roles of every staff member of st through q in one
// query, each member's in the order they were stored.
func (s *Store) fillRoles(ctx context.Context, q Querier, st []diary.Staff) error {
	if len(st) == 0 {
		return nil
	}
	ids := make([]int64, len(st))
	at := make(map[int64]int, len(st))
	for i, m := range st {
		ids[i], at[m.ID] = m.ID, i
	}
	rs, err := list(ctx, s, q, "staff roles", scanStaffRole, `SELECT staff_id, role, coalesce(class_id, 0), level
		FROM staff_roles WHERE staff_id IN (`+s.d.InList(1, "bigint")+`) ORDER BY staff_id, id`, s.d.List(ids))
	for _, r := range rs {
		i := at[r.staffID]
		st[i].Roles = append(st[i].Roles, r.role)
	}
	return err
}
