package sqlstore

import (
	"context"
	"fmt"
	"time"

	"github.com/schooldiary/diary/internal/diary"
)

// Lesson returns the lesson with id; diary.ErrNotFound.
func (s *Store) Lesson(ctx context.Context, id int64) (diary.Lesson, error) {
	return one(ctx, s, s.p, fmt.Sprintf("lesson %d", id), scanLesson, `SELECT `+lessonCols+` FROM lessons WHERE id = $1`, id)
}

// TeacherLessons lists the lessons a staff member teaches in [from, to], by
// date, number, then id.
func (s *Store) TeacherLessons(ctx context.Context, staffID int64, from, to diary.Date) ([]diary.Lesson, error) {
	return list(ctx, s, s.p, "teacher lessons", scanLesson, `SELECT `+lessonCols+` FROM lessons
		WHERE school_id = (SELECT school_id FROM staff WHERE id = $1) AND teacher_id = $1
		  AND date BETWEEN $2 AND $3 ORDER BY date, number, id`, staffID, s.date(from), s.date(to))
}

// scanTeaching reads one row of class, group and subject ids.
func scanTeaching(r Scanner) (diary.Teaching, error) {
	var t diary.Teaching
	err := r.Scan(&t.ClassID, &t.GroupID, &t.SubjectID)
	return t, err
}

// Teaching lists each class, group and subject a staff member teaches in
// [from, to] once, by class, group and subject id.
func (s *Store) Teaching(ctx context.Context, staffID int64, from, to diary.Date) ([]diary.Teaching, error) {
	return list(ctx, s, s.p, "teaching", scanTeaching, `SELECT DISTINCT class_id, coalesce(group_id, 0), subject_id
		FROM lessons WHERE school_id = (SELECT school_id FROM staff WHERE id = $1) AND teacher_id = $1
		  AND date BETWEEN $2 AND $3 ORDER BY 1, 2, 3`, staffID, s.date(from), s.date(to))
}

// StudentsOfGroup lists the enrolled students of a group by name (Russian order).
func (s *Store) StudentsOfGroup(ctx context.Context, groupID int64) ([]diary.Student, error) {
	ss, err := list(ctx, s, s.p, "students of group", scanStudent, `SELECT `+studentCols+` FROM students
		WHERE id IN (SELECT student_id FROM group_members WHERE group_id = $1) AND status = $2`,
		groupID, string(diary.Enrolled))
	sortStudents(ss)
	return ss, err
}

// LessonAttendance lists the attendance marks of a lesson by student id.
func (s *Store) LessonAttendance(ctx context.Context, lessonID int64) ([]diary.Attendance, error) {
	return list(ctx, s, s.p, "lesson attendance", scanAttendance, `SELECT `+attendanceCols+`
		FROM attendance a JOIN lessons l ON l.id = a.lesson_id
		WHERE a.lesson_id = $1 ORDER BY a.student_id, a.id`, lessonID)
}

// ClassAttendance lists the attendance marks at a class's lessons in
// [from, to], by date, number, then id.
func (s *Store) ClassAttendance(ctx context.Context, classID int64, from, to diary.Date) ([]diary.Attendance, error) {
	return list(ctx, s, s.p, "class attendance", scanAttendance, `SELECT `+attendanceCols+`
		FROM attendance a JOIN lessons l ON l.id = a.lesson_id
		WHERE l.class_id = $1 AND l.date BETWEEN $2 AND $3 ORDER BY a.date, l.number, a.id`,
		classID, s.date(from), s.date(to))
}

// scanStudentAccess reads one row of StudentAccess's query.
func scanStudentAccess(r Scanner) (diary.StudentAccess, error) {
	var a diary.StudentAccess
	err := r.Scan(&a.StudentID, &a.ClassID, &a.Linked, &a.Consented, InstantCol{&a.LastVisit})
	return a, err
}

// StudentAccess tells for every enrolled student of a school (or of one
// class) whether the family linked and consented, and its last view at or
// after since; staff views do not count. By class id, then student id.
func (s *Store) StudentAccess(ctx context.Context, schoolID, classID int64, since time.Time) ([]diary.StudentAccess, error) {
	return list(ctx, s, s.p, "student access", scanStudentAccess, `SELECT st.id, st.class_id,
		EXISTS (SELECT 1 FROM links l WHERE l.student_id = st.id AND l.ended_at IS NULL
			AND l.kind IN ('guardian', 'student')),
		EXISTS (SELECT 1 FROM consents c WHERE c.student_id = st.id AND c.withdrawn_at IS NULL),
		(SELECT max(v.at) FROM visits v WHERE v.student_id = st.id AND v.at >= $3 AND v.staff_id IS NULL)
		FROM students st WHERE st.school_id = $1 AND ($2 = 0 OR st.class_id = $2) AND st.status = $4
		ORDER BY st.class_id, st.id`, schoolID, classID, s.instant(kept(since)), string(diary.Enrolled))
}
