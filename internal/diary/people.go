package diary

import (
	"strings"
	"time"
)

// Name is a Russian full name (ФИО).
type Name struct {
	Last   string // фамилия
	First  string // имя
	Middle string // отчество, may be empty
}

// Full returns «Фамилия Имя Отчество».
func (n Name) Full() string {
	return strings.TrimSpace(strings.Join([]string{n.Last, n.First, n.Middle}, " "))
}

// Short returns «Фамилия И. О.».
func (n Name) Short() string {
	s := n.Last
	for _, p := range []string{n.First, n.Middle} {
		if r := []rune(p); len(r) > 0 {
			s += " " + string(r[0]) + "."
		}
	}
	return s
}

// StudentStatus says whether a student still studies at the school.
type StudentStatus string

// Student statuses.
const (
	Enrolled StudentStatus = "enrolled"
	Left     StudentStatus = "left"
)

// Reasons a student left, as the journal records them.
const (
	LeftExpelled    = "expelled"    // отчислен
	LeftTransferred = "transferred" // переведён в другую школу
	LeftGraduated   = "graduated"   // выпущен
	LeftNotInRoster = "not_in_roster"
)

// Student is a pupil of a school, in one class.
type Student struct {
	ID         int64
	SchoolID   int64
	ExtID      string
	Name       Name
	ClassID    int64
	BirthDate  Date
	Phone      string // E.164, may be empty
	Email      string
	Status     StudentStatus
	LeftOn     Date
	LeftReason string
	UpdatedAt  time.Time
}

// Active reports whether the student is enrolled on date d.
func (s Student) Active(d Date) bool {
	return s.Status == Enrolled || (!s.LeftOn.IsZero() && d.Before(s.LeftOn))
}

// GuardianKind tells a parent from another legal representative (clause 1.4).
type GuardianKind string

// Guardian kinds.
const (
	Parent         GuardianKind = "parent"
	Representative GuardianKind = "representative" // законный представитель
)

// Guardian is a parent or legal representative of one or more students.
type Guardian struct {
	ID       int64
	SchoolID int64
	ExtID    string
	Name     Name
	Kind     GuardianKind
	Phone    string // E.164
	Email    string
}

// Role is a staff member's duty in a school.
type Role string

// Staff roles.
const (
	RoleTeacher      Role = "teacher"
	RoleClassTeacher Role = "class_teacher" // классный руководитель of ClassID
	RoleDeputy       Role = "deputy"        // заместитель директора for Level
	RoleDirector     Role = "director"
	RoleJournalAdmin Role = "journal_admin"
	RoleSysAdmin     Role = "sysadmin"
)

// Level is a stage of school education; deputies are responsible for one.
type Level string

// Levels of education.
const (
	LevelPrimary   Level = "primary"   // начальное, classes 1–4
	LevelBasic     Level = "basic"     // основное, 5–9
	LevelSecondary Level = "secondary" // среднее, 10–11
)

// LevelOf returns the stage a class level belongs to.
func LevelOf(grade int) Level {
	switch {
	case grade <= 4:
		return LevelPrimary
	case grade <= 9:
		return LevelBasic
	default:
		return LevelSecondary
	}
}

// StaffRole is one role of a staff member; ClassID is set for a class teacher,
// Level for a deputy director.
type StaffRole struct {
	Role    Role
	ClassID int64
	Level   Level
}

// Staff is a school employee with one or more roles and an active span.
type Staff struct {
	ID         int64
	SchoolID   int64
	ExtID      string
	Name       Name
	Phone      string
	Email      string
	ActiveFrom Date
	ActiveTo   Date // zero while employed
	Roles      []StaffRole
}

// Active reports whether the staff member works at the school on date d.
func (s Staff) Active(d Date) bool {
	if !s.ActiveFrom.IsZero() && d.Before(s.ActiveFrom) {
		return false
	}
	return s.ActiveTo.IsZero() || !d.After(s.ActiveTo)
}

// Has reports whether the staff member has role r.
func (s Staff) Has(r Role) bool {
	for _, x := range s.Roles {
		if x.Role == r {
			return true
		}
	}
	return false
}
