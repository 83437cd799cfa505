package diary

import (
	"context"
	"time"
)

// The store interfaces. Every method takes ctx; errors are wrapped with %w and
// carry the codes of this package: a missing record is ErrNotFound, a broken
// unique key ErrConflict, a rule broken by the input a *ValidationError or an
// *Error with EInvalid. Dates are civil dates; instants are UTC.

// Writer writes journal data.
type Writer interface {
	// Apply writes the batch in one transaction. Every reference is resolved
	// and every rule checked first: a batch with any problem returns a
	// *ValidationError listing all of them, each with its Src and Field, and
	// nothing is written. Rows equal to the stored ones count as Unchanged and
	// are not rewritten. A grade's period is the one of its student's class
	// level that contains its date (no such period is a problem); aggregates are
	// updated with each grade write.
	Apply(ctx context.Context, b *Batch, opt ApplyOptions) (ApplyResult, error)
	// SetExpectedGrade records a teacher's expected period grade (value 1–5)
	// with a reason, replacing an earlier one for the same student, subject
	// and period. ErrNotFound when the student, subject or period is unknown.
	SetExpectedGrade(ctx context.Context, g ExpectedGrade) error
}

// Schools reads schools and their calendars.
type Schools interface {
	// School returns the school with id; ErrNotFound.
	School(ctx context.Context, id int64) (School, error)
	// SchoolByCode returns the school with code; ErrNotFound.
	SchoolByCode(ctx context.Context, code string) (School, error)
	// Schools lists all schools by code.
	Schools(ctx context.Context) ([]School, error)
	// Years lists a school's academic years by start.
	Years(ctx context.Context, schoolID int64) ([]AcademicYear, error)
	// Periods lists a school's periods of a year (all years when yearID is 0)
	// ordered by MinLevel, then Start.
	Periods(ctx context.Context, schoolID, yearID int64) ([]Period, error)
	// PeriodAt returns the period for class level lvl that contains d;
	// ErrNotFound when d lies in none (a vacation, the summer).
	PeriodAt(ctx context.Context, schoolID int64, lvl int, d Date) (Period, error)
	// DaysOff lists the vacations and holidays that overlap [from, to], by start.
	DaysOff(ctx context.Context, schoolID int64, from, to Date) ([]DayOff, error)
}

// Roster reads classes, people and subjects.
type Roster interface {
	// Class returns the class with id; ErrNotFound.
	Class(ctx context.Context, id int64) (Class, error)
	// ClassByName returns the school's class named name («5А»); ErrNotFound.
	ClassByName(ctx context.Context, schoolID int64, name string) (Class, error)
	// Classes lists a school's classes by level, then name.
	Classes(ctx context.Context, schoolID int64) ([]Class, error)
	// Subject returns the subject with id; ErrNotFound.
	Subject(ctx context.Context, id int64) (Subject, error)
	// Subjects lists a school's subjects by name.
	Subjects(ctx context.Context, schoolID int64) ([]Subject, error)
	// Student returns the student with id, enrolled or left; ErrNotFound.
	Student(ctx context.Context, id int64) (Student, error)
	// StudentsOfClass lists the enrolled students of a class by name.
	StudentsOfClass(ctx context.Context, classID int64) ([]Student, error)
	// GroupsOfStudent lists the groups a student belongs to.
	GroupsOfStudent(ctx context.Context, studentID int64) ([]Group, error)
	// Guardian returns the guardian with id; ErrNotFound.
	Guardian(ctx context.Context, id int64) (Guardian, error)
	// GuardiansOfStudent lists a student's guardians by name.
	GuardiansOfStudent(ctx context.Context, studentID int64) ([]Guardian, error)
	// StudentsOfGuardian lists a guardian's students (left ones too) by name.
	StudentsOfGuardian(ctx context.Context, guardianID int64) ([]Student, error)
	// GuardiansByPhone lists guardians of any school with the E.164 phone.
	GuardiansByPhone(ctx context.Context, phone string) ([]Guardian, error)
	// Staff returns the staff member with id and their roles; ErrNotFound.
	Staff(ctx context.Context, id int64) (Staff, error)
	// StaffWithRole lists a school's staff having role r, by name.
	StaffWithRole(ctx context.Context, schoolID int64, r Role) ([]Staff, error)
}

// Journal reads what teachers record.
type Journal interface {
	// ClassLessons lists the lessons of a class in [from, to] (all its groups;
	// one subject when subjectID is not 0), by date and number.
	ClassLessons(ctx context.Context, classID, subjectID int64, from, to Date) ([]Lesson, error)
	// StudentLessons lists the lessons a student attends in [from, to]: the
	// class's lessons for the whole class and for the student's groups.
	StudentLessons(ctx context.Context, studentID int64, from, to Date) ([]Lesson, error)
	// Grades lists a student's grades of a period (one subject when subjectID
	// is not 0), by date, then id.
	Grades(ctx context.Context, studentID, periodID, subjectID int64) ([]Grade, error)
	// Attendance lists a student's attendance marks in [from, to] by date, number.
	Attendance(ctx context.Context, studentID int64, from, to Date) ([]Attendance, error)
	// Homework lists a student's individual assignments due in [from, to].
	Homework(ctx context.Context, studentID int64, from, to Date) ([]Homework, error)
	// FinalGrades lists a student's period, year, exam and final grades of a year.
	FinalGrades(ctx context.Context, studentID, yearID int64) ([]FinalGrade, error)
	// Aggregates lists a student's running sums of a period, one per subject
	// with at least one numeric grade.
	Aggregates(ctx context.Context, studentID, periodID int64) ([]Aggregate, error)
	// ExpectedGrades lists the expected grades teachers set for a student in a period.
	ExpectedGrades(ctx context.Context, studentID, periodID int64) ([]ExpectedGrade, error)
	// StudentDiary returns a student's whole diary of a period in one call;
	// ErrNotFound for an unknown student or period.
	StudentDiary(ctx context.Context, studentID, periodID int64) (StudentDiary, error)
	// ClassSummary returns the aggregates and expected grades of every
	// enrolled student of a class in a period; ErrNotFound for an unknown class.
	ClassSummary(ctx context.Context, classID, periodID int64) (ClassSummary, error)
}

// Timetables reads the weekly timetable and the lessons it plans.
type Timetables interface {
	// Timetable lists a class's timetable slots (its groups' too) by
	// weekday, number, then group.
	Timetable(ctx context.Context, classID int64) ([]Slot, error)
	// ClassPlan returns what a class's lessons in a period are counted
	// from, read on one snapshot: the calendar of the period, the class's
	// slots and its journal lessons of the period. ErrNotFound for an
	// unknown class or period.
	ClassPlan(ctx context.Context, classID, periodID int64) (ClassPlan, error)
	// RemainingLessons returns what is left of a student's lessons of a
	// subject in a period after a date (see the function RemainingLessons):
	// the journal's lessons and the timetable's planned ones of the student's
	// class and groups, the school's days off respected. ErrNotFound for an
	// unknown student or period; a student without a class has none.
	RemainingLessons(ctx context.Context, studentID, subjectID, periodID int64, after Date) (Remaining, error)
}

// Tokens keeps the API tokens of schools. Only a hash of a token is stored.
type Tokens interface {
	// CreateToken stores a token; ErrConflict when the hash exists,
	// ErrNotFound when the school does not.
	CreateToken(ctx context.Context, t APIToken) (APIToken, error)
	// TokenByHash returns the live (not revoked) token with hash; ErrNotFound.
	TokenByHash(ctx context.Context, hash string) (APIToken, error)
	// RevokeToken revokes a token by id; ErrNotFound.
	RevokeToken(ctx context.Context, id int64) error
}

// Store is the whole persistence of the service.
type Store interface {
	Writer
	Schools
	Roster
	Journal
	Timetables
	Tokens
	Identity
	Notifications
	EmailConfirmations
	StaffReads
	// Ping checks that the store answers and its migrations are all applied.
	Ping(ctx context.Context) error
	// Close releases the store's resources.
	Close() error
}

// APIToken lets a journal push data for one school over HTTP.
type APIToken struct {
	ID        int64
	SchoolID  int64
	Name      string
	Hash      string // hex SHA-256 of the secret
	CreatedAt time.Time
	RevokedAt time.Time
}

// SubjectDiary is one subject of a student's diary in a period.
type SubjectDiary struct {
	Subject   Subject
	Grades    []Grade // by date
	Aggregate Aggregate
	Expected  *ExpectedGrade // the teacher's, when set
	Final     *FinalGrade    // the period grade, when set
}

// StudentDiary is a student's diary for one period: every subject with lessons
// or grades in it, by subject name.
type StudentDiary struct {
	Student  Student
	Class    Class
	Period   Period
	Subjects []SubjectDiary
}

// ClassSummary is a class's standing in a period.
type ClassSummary struct {
	Class      Class
	Period     Period
	Students   []Student // enrolled, by name
	Aggregates []Aggregate
	Expected   []ExpectedGrade
}
