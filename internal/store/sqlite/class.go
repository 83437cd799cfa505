package sqlite

import (
	"context"

	"github.com/schooldiary/diary/internal/diary"
)

const classCols = `id, school_id, ext_id, name, level`

// scanClass reads one row of classCols.
func scanClass(r scanner) (diary.Class, error) {
	var c diary.Class
	err := r.Scan(&c.ID, &c.SchoolID, &c.ExtID, &c.Name, &c.Level)
	return c, err
}

// Class returns the class with id; diary.ErrNotFound.
func (db *DB) Class(ctx context.Context, id int64) (diary.Class, error) {
	return class(ctx, db.reader(), id)
}

// class reads a class by id through q.
func class(ctx context.Context, q querier, id int64) (diary.Class, error) {
	c, err := scanClass(q.QueryRowContext(ctx, `SELECT `+classCols+` FROM classes WHERE id = ?`, id))
	return c, wrap(err, "class %d", id)
}

// ClassByName returns the school's class named name; diary.ErrNotFound.
func (db *DB) ClassByName(ctx context.Context, schoolID int64, name string) (diary.Class, error) {
	c, err := scanClass(db.reader().QueryRowContext(ctx, `SELECT `+classCols+` FROM classes
		WHERE school_id = ? AND name = ? ORDER BY id LIMIT 1`, schoolID, name))
	return c, wrap(err, "class %q", name)
}

// Classes lists a school's classes by level, then name.
func (db *DB) Classes(ctx context.Context, schoolID int64) ([]diary.Class, error) {
	rows, err := db.reader().QueryContext(ctx, `SELECT `+classCols+` FROM classes
		WHERE school_id = ? ORDER BY level, name, id`, schoolID)
	return collect(rows, err, "classes", scanClass)
}

const subjectCols = `id, school_id, ext_id, name, short`

// scanSubject reads one row of subjectCols.
func scanSubject(r scanner) (diary.Subject, error) {
	var s diary.Subject
	err := r.Scan(&s.ID, &s.SchoolID, &s.ExtID, &s.Name, &s.Short)
	return s, err
}

// Subject returns the subject with id; diary.ErrNotFound.
func (db *DB) Subject(ctx context.Context, id int64) (diary.Subject, error) {
	s, err := scanSubject(db.reader().QueryRowContext(ctx,
		`SELECT `+subjectCols+` FROM subjects WHERE id = ?`, id))
	return s, wrap(err, "subject %d", id)
}

// Subjects lists a school's subjects by name.
func (db *DB) Subjects(ctx context.Context, schoolID int64) ([]diary.Subject, error) {
	rows, err := db.reader().QueryContext(ctx, `SELECT `+subjectCols+` FROM subjects
		WHERE school_id = ? ORDER BY name, id`, schoolID)
	return collect(rows, err, "subjects", scanSubject)
}

// GroupsOfStudent lists the groups a student belongs to, by name.
func (db *DB) GroupsOfStudent(ctx context.Context, studentID int64) ([]diary.Group, error) {
	rows, err := db.reader().QueryContext(ctx, `SELECT g.id, g.school_id, g.ext_id, g.class_id, g.name
		FROM group_members m JOIN groups g ON g.id = m.group_id
		WHERE m.student_id = ? ORDER BY g.name, g.id`, studentID)
	return collect(rows, err, "groups of student", func(r scanner) (diary.Group, error) {
		var g diary.Group
		err := r.Scan(&g.ID, &g.SchoolID, &g.ExtID, &g.ClassID, &g.Name)
		return g, err
	})
}
