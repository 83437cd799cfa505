package diary

// Batch is a set of journal records to write at once, as an import or an API
// call brings them. Records refer to each other by the journal's own ids
// (ExtID, the *Ref fields), never by store ids; a reference may name a record
// of the same batch or one already stored. Apply writes a batch in one
// transaction: all of it or nothing.
type Batch struct {
	// School is the school the batch belongs to, matched by Code. When Name is
	// set the school is created or updated; otherwise it must exist.
	School School
	// AsOf is the date the data is true on (the import day, in the school's zone).
	AsOf Date
	// Roster says Students is the school's complete list of enrolled students:
	// an enrolled student missing from it is marked left on AsOf (clause 3.2).
	Roster bool

	Years      []YearIn
	Periods    []PeriodIn
	DaysOff    []DayOffIn
	Subjects   []SubjectIn
	Classes    []ClassIn
	Staff      []StaffIn
	Students   []StudentIn
	Groups     []GroupIn
	Guardians  []GuardianIn
	Lessons    []LessonIn
	Grades     []GradeIn
	Attendance []AttendanceIn
	Homework   []HomeworkIn
	Finals     []FinalIn
	Timetable  []SlotIn
}

// Len returns the number of records in the batch.
func (b *Batch) Len() int {
	return len(b.Years) + len(b.Periods) + len(b.DaysOff) + len(b.Subjects) +
		len(b.Classes) + len(b.Staff) + len(b.Students) + len(b.Groups) +
		len(b.Guardians) + len(b.Lessons) + len(b.Grades) + len(b.Attendance) +
		len(b.Homework) + len(b.Finals) + len(b.Timetable)
}

// YearIn is an academic year to write, matched by Name.
type YearIn struct {
	Src  Source
	Year AcademicYear
}

// PeriodIn is a period to write, matched by Period.ExtID; YearRef is the
// year's Name.
type PeriodIn struct {
	Src     Source
	Period  Period
	YearRef string
}

// DayOffIn is a vacation, holiday or quarantine, matched by (Start, Name);
// ClassRef, when set, limits it to that class (DayOff.ClassID).
type DayOffIn struct {
	Src      Source
	DayOff   DayOff
	ClassRef string
}

// SubjectIn is a subject, matched by ExtID.
type SubjectIn struct {
	Src     Source
	Subject Subject
}

// ClassIn is a class, matched by ExtID.
type ClassIn struct {
	Src   Source
	Class Class
}

// StaffRoleIn is a role whose class is given by the class's ExtID.
type StaffRoleIn struct {
	Role     Role
	ClassRef string // for RoleClassTeacher
	Level    Level  // for RoleDeputy
}

// StaffIn is a staff member, matched by ExtID; Roles replace the stored roles.
type StaffIn struct {
	Src   Source
	Staff Staff // Roles is ignored; use the Roles below
	Roles []StaffRoleIn
}

// StudentIn is a student, matched by ExtID. A student whose Status is Left
// keeps LeftOn and LeftReason; an enrolled one has them cleared.
type StudentIn struct {
	Src      Source
	Student  Student
	ClassRef string
}

// GroupIn is a group of a class, matched by ExtID; StudentRefs, when not nil,
// replace its members.
type GroupIn struct {
	Src         Source
	Group       Group
	ClassRef    string
	StudentRefs []string
}

// GuardianIn is a guardian, matched by ExtID, and the students they represent;
// links are added, never removed, by a batch.
type GuardianIn struct {
	Src         Source
	Guardian    Guardian
	StudentRefs []string
}

// LessonIn is a dated lesson, matched by ExtID.
type LessonIn struct {
	Src        Source
	Lesson     Lesson
	ClassRef   string
	GroupRef   string // empty for the whole class
	SubjectRef string
	TeacherRef string // may be empty
}

// GradeIn is a grade, matched by ExtID. With LessonRef set, the subject,
// teacher and date default to the lesson's.
type GradeIn struct {
	Src        Source
	Grade      Grade
	StudentRef string
	SubjectRef string
	LessonRef  string
	TeacherRef string
	// Deleted removes the stored record with this ExtID; other fields are
	// ignored; deleting an unknown id is a problem on Field "id".
	Deleted bool
}

// AttendanceIn is an attendance mark, matched by (student, lesson); an empty
// Mark removes a stored one.
type AttendanceIn struct {
	Src        Source
	StudentRef string
	LessonRef  string
	Mark       string
}

// HomeworkIn is an individual assignment, matched by ExtID.
type HomeworkIn struct {
	Src        Source
	Homework   Homework
	StudentRef string
	SubjectRef string
	LessonRef  string
	// Deleted removes the stored record with this ExtID; other fields are
	// ignored; deleting an unknown id is a problem on Field "id".
	Deleted bool
}

// FinalIn is a period, year, exam or final grade, matched by
// (student, subject, kind, year, period).
type FinalIn struct {
	Src        Source
	Final      FinalGrade
	StudentRef string
	SubjectRef string
	YearRef    string // the year's Name
	PeriodRef  string // the period's ExtID, for FinalPeriod
}

// Batch kinds, the keys of ApplyResult.Counts and the names of import kinds.
const (
	KindYears      = "years"
	KindPeriods    = "periods"
	KindDaysOff    = "days_off"
	KindSubjects   = "subjects"
	KindClasses    = "classes"
	KindStaff      = "staff"
	KindStudents   = "students"
	KindGroups     = "groups"
	KindGuardians  = "guardians"
	KindLessons    = "lessons"
	KindGrades     = "grades"
	KindAttendance = "attendance"
	KindHomework   = "homework"
	KindFinals     = "finals"
)

// Counts says what a batch did to one kind of record.
type Counts struct {
	Added     int
	Changed   int
	Unchanged int
	Removed   int
}

// ApplyOptions tune Apply.
type ApplyOptions struct {
	// DryRun computes the result exactly, then rolls everything back.
	DryRun bool
}

// ApplyResult says what Apply did (or, in a dry run, would do).
type ApplyResult struct {
	SchoolID   int64
	Counts     map[string]Counts // by Kind*
	MarkedLeft []Student         // students the roster no longer lists
}
