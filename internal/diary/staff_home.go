package diary

import (
	"context"
	"time"
)

// StaffReads are the reads behind the staff's home in the bot: a teacher's
// lessons and classes, a lesson's roster and marks, a class's attendance and
// how far its families have come in linking, consent and visits.
type StaffReads interface {
	// Lesson returns the lesson with id; ErrNotFound.
	Lesson(ctx context.Context, id int64) (Lesson, error)
	// TeacherLessons lists the lessons staff member staffID teaches in
	// [from, to], by date, number, then id.
	TeacherLessons(ctx context.Context, staffID int64, from, to Date) ([]Lesson, error)
	// Teaching lists what staff member staffID teaches in [from, to]: each
	// class, group (0 for the whole class) and subject of their lessons
	// once, by class, group and subject id.
	Teaching(ctx context.Context, staffID int64, from, to Date) ([]Teaching, error)
	// StudentsOfGroup lists the enrolled students of a group by name.
	StudentsOfGroup(ctx context.Context, groupID int64) ([]Student, error)
	// LessonAttendance lists the attendance marks of a lesson by student id.
	LessonAttendance(ctx context.Context, lessonID int64) ([]Attendance, error)
	// ClassAttendance lists the attendance marks at a class's lessons in
	// [from, to], by date, number, then id.
	ClassAttendance(ctx context.Context, classID int64, from, to Date) ([]Attendance, error)
	// StudentAccess tells, for every enrolled student of a school (of one
	// class when classID is not 0), whether the family linked and consented
	// and when it last opened the diary at or after since (staff views do
	// not count), by class id, then student id.
	StudentAccess(ctx context.Context, schoolID, classID int64, since time.Time) ([]StudentAccess, error)
}

// Teaching is one class (or a group of it) and subject a teacher teaches.
type Teaching struct {
	ClassID   int64
	GroupID   int64 // 0 for the whole class
	SubjectID int64
}

// StudentAccess is how far a student's family has come with the diary.
type StudentAccess struct {
	StudentID int64
	ClassID   int64
	Linked    bool      // a guardian or the student has an active link
	Consented bool      // a consent to data processing is on record, not withdrawn
	LastVisit time.Time // the family's last view at or after since; zero for none
}

// Seen reports whether the family opened the diary in the span asked about.
func (a StudentAccess) Seen() bool { return !a.LastVisit.IsZero() }

// Absence reports whether attendance mark m is a missed lesson (н, б, у, п);
// a late arrival («оп») is not.
func Absence(m string) bool {
	switch m {
	case Absent, Ill, Excused, Pass:
		return true
	}
	return false
}
