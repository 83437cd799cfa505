package views

import (
	"context"

	"github.com/schooldiary/diary/internal/diary"
)

// Store is what the views read of the store: the student with their class
// and school, the school's calendar, and the student's journal. Every view
// only reads.
type Store interface {
	// School returns the school with id; diary.ErrNotFound.
	School(ctx context.Context, id int64) (diary.School, error)
	// Years lists a school's academic years by start.
	Years(ctx context.Context, schoolID int64) ([]diary.AcademicYear, error)
	// Periods lists a school's periods of a year (all years when yearID is 0)
	// ordered by MinLevel, then Start.
	Periods(ctx context.Context, schoolID, yearID int64) ([]diary.Period, error)
	// DaysOff lists the vacations and holidays that overlap [from, to], by start.
	DaysOff(ctx context.Context, schoolID int64, from, to diary.Date) ([]diary.DayOff, error)
	// Class returns the class with id; diary.ErrNotFound.
	Class(ctx context.Context, id int64) (diary.Class, error)
	// Subject returns the subject with id; diary.ErrNotFound.
	Subject(ctx context.Context, id int64) (diary.Subject, error)
	// Subjects lists a school's subjects by name.
	Subjects(ctx context.Context, schoolID int64) ([]diary.Subject, error)
	// Student returns the student with id, enrolled or left; diary.ErrNotFound.
	Student(ctx context.Context, id int64) (diary.Student, error)
	// StudentLessons lists the lessons a student attends in [from, to].
	StudentLessons(ctx context.Context, studentID int64, from, to diary.Date) ([]diary.Lesson, error)
	// Attendance lists a student's attendance marks in [from, to] by date, number.
	Attendance(ctx context.Context, studentID int64, from, to diary.Date) ([]diary.Attendance, error)
	// Homework lists a student's individual assignments due in [from, to].
	Homework(ctx context.Context, studentID int64, from, to diary.Date) ([]diary.Homework, error)
	// FinalGrades lists a student's period, year, exam and final grades of a year.
	FinalGrades(ctx context.Context, studentID, yearID int64) ([]diary.FinalGrade, error)
	// StudentDiary returns a student's whole diary of a period;
	// diary.ErrNotFound for an unknown student or period.
	StudentDiary(ctx context.Context, studentID, periodID int64) (diary.StudentDiary, error)
}

// The whole store serves the views.
var _ Store = diary.Store(nil)
