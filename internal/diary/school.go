package diary

import "time"

// DefaultTimeZone is the school's zone unless configured: Komi uses Moscow time.
const DefaultTimeZone = "Europe/Moscow"

// ReplyRule says how a teacher's reply deadline is counted (clause 3.6.5).
type ReplyRule string

// Reply rules.
const (
	ReplyCalendarDays ReplyRule = "calendar" // N calendar days from the message
	ReplySchoolDays   ReplyRule = "school"   // N school days by the school calendar
)

// School is one school of a deployment; every other record belongs to one.
type School struct {
	ID       int64
	Code     string // the district's or journal's code of the school, unique
	Name     string
	TimeZone string // IANA zone, DefaultTimeZone when empty
	// RoundUpFrom is the fractional part, in hundredths, from which an average
	// rounds up to the expected grade: 50 means 3.50 → 4 and 3.49 → 3.
	RoundUpFrom int
	ReplyRule   ReplyRule
	ReplyDays   int // 2 by default
	SchoolDays  int // 5 or 6 school days a week (upper classes of rural schools)
	CreatedAt   time.Time
}

// Location returns the school's time zone, Moscow when unset or unknown.
func (s School) Location() *time.Location {
	name := s.TimeZone
	if name == "" {
		name = DefaultTimeZone
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		loc, _ = time.LoadLocation(DefaultTimeZone)
	}
	if loc == nil {
		return time.UTC
	}
	return loc
}

// WithDefaults returns s with zero settings replaced by the defaults.
func (s School) WithDefaults() School {
	if s.TimeZone == "" {
		s.TimeZone = DefaultTimeZone
	}
	if s.RoundUpFrom == 0 {
		s.RoundUpFrom = 50
	}
	if s.ReplyRule == "" {
		s.ReplyRule = ReplyCalendarDays
	}
	if s.ReplyDays == 0 {
		s.ReplyDays = 2
	}
	if s.SchoolDays == 0 {
		s.SchoolDays = 5
	}
	return s
}

// AcademicYear is a school year, e.g. "2026/2027".
type AcademicYear struct {
	ID       int64
	SchoolID int64
	Name     string
	Start    Date
	End      Date
}

// PeriodKind names the kind of an attestation period.
type PeriodKind string

// Period kinds.
const (
	Quarter   PeriodKind = "quarter" // четверть, classes 1–9
	Half      PeriodKind = "half"    // полугодие, classes 10–11
	Trimester PeriodKind = "trimester"
)

// Period is an attestation period for a range of class levels.
type Period struct {
	ID       int64
	SchoolID int64
	YearID   int64
	ExtID    string
	Name     string // «1 четверть»
	Kind     PeriodKind
	MinLevel int // first class level it applies to, e.g. 1
	MaxLevel int // last class level, e.g. 9
	Start    Date
	End      Date
}

// Covers reports whether the period applies to class level lvl on date d.
func (p Period) Covers(lvl int, d Date) bool {
	return lvl >= p.MinLevel && lvl <= p.MaxLevel && d.Within(p.Start, p.End)
}

// HolidayKind tells a vacation from a single public holiday.
type HolidayKind string

// Holiday kinds.
const (
	Vacation HolidayKind = "vacation" // каникулы
	Holiday  HolidayKind = "holiday"  // праздничный день
	// Quarantine closes one class (or some levels) for a span of days.
	Quarantine HolidayKind = "quarantine" // карантин
)

// DayOff is a span of days without lessons: a vacation or a public holiday.
// MinLevel/MaxLevel limit it to some class levels (0 and 0 mean all), as
// first-graders get an extra week in February; ClassID limits it to one
// class (a quarantine), whatever its levels say.
type DayOff struct {
	ID       int64
	SchoolID int64
	Name     string
	Kind     HolidayKind
	MinLevel int
	MaxLevel int
	ClassID  int64 // 0 for every class of the levels
	Start    Date
	End      Date
}

// Applies reports whether the day off covers class level lvl on date d: a
// day off of one class (ClassID set) covers no level as a whole; see
// Calendar.Teaches.
func (h DayOff) Applies(lvl int, d Date) bool {
	if h.ClassID != 0 {
		return false
	}
	if h.MinLevel != 0 && (lvl < h.MinLevel || lvl > h.MaxLevel) {
		return false
	}
	return d.Within(h.Start, h.End)
}
