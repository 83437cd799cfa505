package diary

import "time"

// Subject is a school subject (предмет).
type Subject struct {
	ID       int64
	SchoolID int64
	ExtID    string
	Name     string // «Математика»
	Short    string // «Матем.», may be empty
}

// Class is a class of students such as «5А»; Level is its number (5).
type Class struct {
	ID       int64
	SchoolID int64
	ExtID    string
	Name     string
	Level    int
}

// Group is a part of a class taught separately (a language group, say).
type Group struct {
	ID       int64
	SchoolID int64
	ExtID    string
	ClassID  int64
	Name     string
}

// Lesson is one dated lesson of a class or a group in the journal.
type Lesson struct {
	ID        int64
	SchoolID  int64
	ExtID     string
	ClassID   int64
	GroupID   int64 // 0 for the whole class
	SubjectID int64
	TeacherID int64 // 0 when unknown
	Date      Date
	Number    int // lesson number in the day, 1-based
	Topic     string
	Homework  string
}

// Non-numeric marks.
const (
	MarkPass      = "зач"   // зачёт
	MarkFail      = "незач" // незачёт
	MarkNotGraded = "н/а"   // не аттестован
	MarkExempt    = "осв"   // освобождён
)

// WeightOne is the weight 1 in the hundredths grades carry their weight in.
const WeightOne = 100

// Grade is one mark of a student for a piece of work. Exactly one of Value
// (1–5) and Mark (non-numeric) is set. Weight is in hundredths (WeightOne = 1).
type Grade struct {
	ID          int64
	SchoolID    int64
	ExtID       string
	StudentID   int64
	SubjectID   int64
	LessonID    int64 // 0 when the grade is not tied to a lesson
	TeacherID   int64
	PeriodID    int64 // the period that contains Date for the student's class
	Date        Date  // the day the work was done (clause 3.6.2)
	Value       int
	Mark        string
	WorkType    string // «контрольная работа», «ответ на уроке» …
	Weight      int
	Description string // what the work was (clause 2.3)
	UpdatedAt   time.Time
}

// Numeric reports whether the grade counts in the average.
func (g Grade) Numeric() bool { return g.Value >= 1 && g.Value <= 5 }

// Attendance marks (clause terms).
const (
	Absent  = "н"  // отсутствовал
	Ill     = "б"  // болел
	Excused = "у"  // уважительная причина
	Pass    = "п"  // пропуск по заявлению
	Late    = "оп" // опоздал
)

// Attendance is one mark of a student at a lesson.
type Attendance struct {
	ID        int64
	SchoolID  int64
	StudentID int64
	LessonID  int64
	SubjectID int64
	Date      Date
	Number    int
	Mark      string
}

// Homework is an individual assignment for one student, due on Date.
type Homework struct {
	ID        int64
	SchoolID  int64
	ExtID     string
	StudentID int64
	SubjectID int64
	LessonID  int64 // 0 when not tied to a lesson
	Date      Date
	Text      string
}

// FinalKind tells a period grade from the year's and the final grade.
type FinalKind string

// Final grade kinds.
const (
	FinalPeriod FinalKind = "period" // за четверть/полугодие
	FinalYear   FinalKind = "year"   // годовая
	FinalExam   FinalKind = "exam"   // экзаменационная
	FinalFinal  FinalKind = "final"  // итоговая
)

// FinalGrade is a period, year, exam or final grade of a student in a subject.
// PeriodID is set for FinalPeriod; YearID always.
type FinalGrade struct {
	ID        int64
	SchoolID  int64
	StudentID int64
	SubjectID int64
	Kind      FinalKind
	YearID    int64
	PeriodID  int64
	Value     int
	Mark      string
	UpdatedAt time.Time
}

// ExpectedGrade is the period grade a teacher expects, with the reason when it
// is below the average (clause 3.6.4).
type ExpectedGrade struct {
	StudentID int64
	SubjectID int64
	PeriodID  int64
	TeacherID int64
	Value     int
	Reason    string
	SetAt     time.Time
}

// Aggregate is the running sum of a student's numeric grades in a subject and a
// period, kept current on every grade write so no average needs a scan.
type Aggregate struct {
	StudentID int64
	SubjectID int64
	PeriodID  int64
	Sum       int64 // Σ weight·value, weights in hundredths
	Weights   int64 // Σ weight
	Count     int   // number of numeric grades
}
