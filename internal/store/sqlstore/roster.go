package sqlstore

import (
	"context"
	"fmt"

	"github.com/schooldiary/diary/internal/diary"
)

// Class returns the class with id; diary.ErrNotFound.
func (s *Store) Class(ctx context.Context, id int64) (diary.Class, error) {
	return s.class(ctx, s.p, id)
}

// class reads a class by id through q; diary.ErrNotFound.
func (s *Store) class(ctx context.Context, q Querier, id int64) (diary.Class, error) {
	return one(ctx, s, q, fmt.Sprintf("class %d", id), scanClass, `SELECT `+classCols+` FROM classes WHERE id = $1`, id)
}

// ClassByName returns the school's class named name («5А»); diary.ErrNotFound.
func (s *Store) ClassByName(ctx context.Context, schoolID int64, name string) (diary.Class, error) {
	return one(ctx, s, s.p, fmt.Sprintf("class %q", name), scanClass, `SELECT `+classCols+` FROM classes
		WHERE school_id = $1 AND name = $2 ORDER BY id LIMIT 1`, schoolID, name)
}

// Classes lists a school's classes by level, then name (Russian order).
func (s *Store) Classes(ctx context.Context, schoolID int64) ([]diary.Class, error) {
	cs, err := list(ctx, s, s.p, "classes", scanClass, `SELECT `+classCols+` FROM classes WHERE school_id = $1`, schoolID)
	sortClasses(cs)
	return cs, err
}

// Subject returns the subject with id; diary.ErrNotFound.
func (s *Store) Subject(ctx context.Context, id int64) (diary.Subject, error) {
	return one(ctx, s, s.p, fmt.Sprintf("subject %d", id), scanSubject, `SELECT `+subjectCols+` FROM subjects WHERE id = $1`, id)
}

// Subjects lists a school's subjects by name (Russian order).
func (s *Store) Subjects(ctx context.Context, schoolID int64) ([]diary.Subject, error) {
	ss, err := list(ctx, s, s.p, "subjects", scanSubject, `SELECT `+subjectCols+` FROM subjects WHERE school_id = $1`, schoolID)
	sortSubjects(ss)
	return ss, err
}

// GroupsOfStudent lists the groups a student belongs to, by name (Russian order).
func (s *Store) GroupsOfStudent(ctx context.Context, studentID int64) ([]diary.Group, error) {
	gs, err := list(ctx, s, s.p, "groups of student", scanGroup, `SELECT `+groupCols+` FROM groups
		WHERE id IN (SELECT group_id FROM group_members WHERE student_id = $1)`, studentID)
	sortGroups(gs)
	return gs, err
}
