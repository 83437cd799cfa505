package diary

import (
	"cmp"
	"slices"
	"time"
)

// Slot is one lesson of a class's (or one group's) weekly timetable: on
// Weekday, as lesson Number, the class learns a subject with a teacher,
// from ValidFrom to ValidTo (either zero means unbounded on that side).
type Slot struct {
	ID        int64
	SchoolID  int64
	ClassID   int64
	GroupID   int64 // 0 for the whole class
	SubjectID int64
	TeacherID int64 // 0 when unknown
	Weekday   time.Weekday
	Number    int
	ValidFrom Date
	ValidTo   Date
}

// ValidOn reports whether the slot is in force on d.
func (s Slot) ValidOn(d Date) bool {
	return (s.ValidFrom.IsZero() || !d.Before(s.ValidFrom)) && (s.ValidTo.IsZero() || !d.After(s.ValidTo))
}

// SlotIn is a timetable slot to write, matched by (class, group, weekday,
// number, valid from). A batch with slots gives the whole timetable of every
// class it names slots for: stored slots of those classes that the batch
// does not list are removed.
type SlotIn struct {
	Src        Source
	Slot       Slot
	ClassRef   string
	GroupRef   string // empty for the whole class
	SubjectRef string
	TeacherRef string // may be empty
}

// KindTimetable is the batch kind of weekly timetable slots.
const KindTimetable = "timetable"

// PlannedLesson is a lesson of a class or group on a date: a dated lesson of
// the journal (Planned false, Lesson.ID set) or one the weekly timetable
// plans (Planned true, Lesson.ID 0).
type PlannedLesson struct {
	Lesson
	Planned bool
}

// Audience is who attends some lessons: a class as a whole together with
// some of its groups (a student's); no groups means the class's own lessons.
type Audience struct {
	Class  Class
	Groups []int64
}

// Attends reports whether the audience attends lessons of class classID and
// group groupID (0 for the whole class).
func (a Audience) Attends(classID, groupID int64) bool {
	return classID == a.Class.ID && (groupID == 0 || slices.Contains(a.Groups, groupID))
}

// Teaches reports whether the class of aud may have lessons on d: never on
// Sunday, on a day off of its level or on one of the class itself (a
// quarantine). Saturday is the class's own affair: a class whose timetable
// has Saturday lessons learns six days a week, one without them five,
// whatever the school's SchoolDays says (a school has both kinds).
func (c Calendar) Teaches(aud Audience, d Date) bool {
	if d.Weekday() == time.Sunday {
		return false
	}
	for _, h := range c.DaysOff {
		if h.Applies(aud.Class.Level, d) || h.ClassID != 0 && h.ClassID == aud.Class.ID && d.Within(h.Start, h.End) {
			return false
		}
	}
	return true
}

// PlanLessons projects the slots aud attends over [from, to] as planned
// lessons on the days cal teaches the class, and puts each dated lesson of
// the journal that aud attends in [from, to] in place of the planned lesson
// of the same slot (class, group, date, number), or beside them when none
// was planned. The result is by date, number, then group.
func PlanLessons(cal Calendar, aud Audience, slots []Slot, dated []Lesson, from, to Date) []PlannedLesson {
	have := map[slotKey]bool{}
	var out []PlannedLesson
	for _, l := range dated {
		if aud.Attends(l.ClassID, l.GroupID) && l.Date.Within(from, to) {
			have[keyOfLesson(l)] = true
			out = append(out, PlannedLesson{Lesson: l})
		}
	}
	for d, n := from, 0; !d.After(to) && n <= maxScan; d, n = d.AddDays(1), n+1 {
		if cal.Teaches(aud, d) {
			out = appendPlanned(out, aud, slots, d, have)
		}
	}
	slices.SortStableFunc(out, comparePlanned)
	return out
}

// appendPlanned adds to out the lessons the slots plan on d for aud, but not
// in a place (class, group, number) a dated lesson or an earlier slot
// already holds.
func appendPlanned(out []PlannedLesson, aud Audience, slots []Slot, d Date, have map[slotKey]bool) []PlannedLesson {
	for _, s := range slots {
		if s.Weekday != d.Weekday() || !s.ValidOn(d) || !aud.Attends(s.ClassID, s.GroupID) {
			continue
		}
		l := Lesson{SchoolID: s.SchoolID, ClassID: s.ClassID, GroupID: s.GroupID, SubjectID: s.SubjectID,
			TeacherID: s.TeacherID, Date: d, Number: s.Number}
		if k := keyOfLesson(l); !have[k] {
			have[k] = true // one lesson a place, should slots overlap
			out = append(out, PlannedLesson{Lesson: l, Planned: true})
		}
	}
	return out
}

// slotKey is the place of a lesson in the timetable of one date.
type slotKey struct {
	class, group int64
	date         Date
	number       int
}

// keyOfLesson returns the place of l.
func keyOfLesson(l Lesson) slotKey { return slotKey{l.ClassID, l.GroupID, l.Date, l.Number} }

// comparePlanned orders lessons by date, number, then group.
func comparePlanned(a, b PlannedLesson) int {
	if c := compareLessons(a.Lesson, b.Lesson); c != 0 {
		return c
	}
	return cmp.Compare(a.GroupID, b.GroupID)
}
