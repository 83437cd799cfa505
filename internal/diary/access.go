package diary

import "errors"

// ViewerKind tells who asks to see a student's records.
type ViewerKind string

// Viewer kinds.
const (
	ViewerGuardian ViewerKind = "guardian"
	ViewerStudent  ViewerKind = "student"
	ViewerStaff    ViewerKind = "staff"
)

// Refusal codes of the access policy (clause 2.7), one per reason, so the one
// place that maps codes to user text can say exactly why.
const (
	EStudentLeft = "student_left"
	ENotGuardian = "not_guardian"
	ENotStudent  = "not_student"
	ENoConsent   = "no_consent"
	EOtherSchool = "other_school"
	ENoRole      = "no_role"
)

// Refusals of CanView, matched with errors.Is; each has its own code.
var (
	// ErrStudentLeft: the student has left the school or was expelled.
	ErrStudentLeft = &Error{Code: EStudentLeft, Message: "the student has left the school"}
	// ErrNotGuardian: the person is not a parent or legal representative of the student.
	ErrNotGuardian = &Error{Code: ENotGuardian, Message: "not a guardian of the student"}
	// ErrNotStudent: the person is not this student.
	ErrNotStudent = &Error{Code: ENotStudent, Message: "not the student"}
	// ErrNoConsent: there is no consent to personal-data processing.
	ErrNoConsent = &Error{Code: ENoConsent, Message: "no consent to personal-data processing"}
	// ErrOtherSchool: the staff member works at another school.
	ErrOtherSchool = &Error{Code: EOtherSchool, Message: "the student is of another school"}
	// ErrNoRole: no role of the viewer gives access to the student.
	ErrNoRole = &Error{Code: ENoRole, Message: "no role gives access to the student"}
)

// IsAccessDenied reports whether err is one of the refusals of CanView.
func IsAccessDenied(err error) bool {
	for _, r := range []error{ErrStudentLeft, ErrNotGuardian, ErrNotStudent, ErrNoConsent, ErrOtherSchool, ErrNoRole} {
		if errors.Is(err, r) {
			return true
		}
	}
	return false
}

// Viewer is the person who asks to see a student's records. For staff, Roles
// are their roles in SchoolID; build it with StaffViewer so that a staff
// member past their active span has none.
type Viewer struct {
	Kind     ViewerKind
	ID       int64 // the guardian's, student's or staff member's id
	SchoolID int64
	Roles    []StaffRole
}

// StaffViewer returns the viewer of staff member s on day today: without roles
// when s does not work at the school that day (clause 3.2).
func StaffViewer(s Staff, today Date) Viewer {
	v := Viewer{Kind: ViewerStaff, ID: s.ID, SchoolID: s.SchoolID}
	if s.Active(today) {
		v.Roles = s.Roles
	}
	return v
}

// AccessFacts is what the store knows about the viewer and the student asked
// about. Only the facts of the viewer's kind are read.
type AccessFacts struct {
	Student      Student
	ClassLevel   int  // the level of the student's class (1–11)
	Linked       bool // guardian: the viewer is a guardian of the student
	Consent      bool // guardian, student: consent to data processing is on record
	TeachesClass bool // staff: the viewer teaches a lesson of the student's class
}

// CanView decides whether viewer v may see the records of f.Student on day
// today (clauses 2.7 and 2.12.3); nil means yes. Everything not allowed is
// denied:
//   - a guardian sees only a linked child (else ErrNotGuardian) who is still
//     enrolled (else ErrStudentLeft) and only with consent (else ErrNoConsent);
//   - a student sees only themself (else ErrNotStudent), while enrolled, with
//     consent;
//   - staff of the student's school (else ErrOtherSchool) by role: director
//     and journal administrator any student; a deputy director the students of
//     their level; a class teacher those of their class; a teacher those of a
//     class they teach (else ErrNoRole). Staff still see students who left.
//
// The checks run in this order so a refusal never tells a family anything
// about a child who is not theirs.
func CanView(v Viewer, f AccessFacts, today Date) error {
	switch v.Kind {
	case ViewerGuardian:
		return guardianCanView(v, f, today)
	case ViewerStudent:
		return studentCanView(v, f, today)
	case ViewerStaff:
		return staffCanView(v, f)
	}
	return ErrNoRole
}

// guardianCanView is CanView for a guardian.
func guardianCanView(v Viewer, f AccessFacts, today Date) error {
	if v.ID == 0 || f.Student.ID == 0 || !f.Linked || v.SchoolID != f.Student.SchoolID {
		return ErrNotGuardian
	}
	return familyCanView(f, today)
}

// studentCanView is CanView for a student.
func studentCanView(v Viewer, f AccessFacts, today Date) error {
	if v.ID == 0 || v.ID != f.Student.ID || v.SchoolID != f.Student.SchoolID {
		return ErrNotStudent
	}
	return familyCanView(f, today)
}

// familyCanView checks what guardians and students share: the student is
// enrolled and consent is on record.
func familyCanView(f AccessFacts, today Date) error {
	if !f.Student.Active(today) {
		return ErrStudentLeft
	}
	if !f.Consent {
		return ErrNoConsent
	}
	return nil
}

// staffCanView is CanView for a staff member.
func staffCanView(v Viewer, f AccessFacts) error {
	if v.SchoolID == 0 || v.SchoolID != f.Student.SchoolID || f.Student.ID == 0 {
		return ErrOtherSchool
	}
	for _, r := range v.Roles {
		if roleSees(r, f) {
			return nil
		}
	}
	return ErrNoRole
}

// roleSees reports whether role r alone lets its holder see f.Student.
func roleSees(r StaffRole, f AccessFacts) bool {
	switch r.Role {
	case RoleDirector, RoleJournalAdmin:
		return true
	case RoleDeputy:
		return f.ClassLevel >= 1 && f.ClassLevel <= 11 && r.Level == LevelOf(f.ClassLevel)
	case RoleClassTeacher:
		return r.ClassID != 0 && r.ClassID == f.Student.ClassID
	case RoleTeacher:
		return f.TeachesClass
	}
	return false
}
