package diary

import "slices"

// Remaining is what is left of one subject's lessons for an audience in a
// period after a date: the journal's dated lessons of the whole period and,
// after that date, the lessons the weekly timetable plans where the journal
// has none yet. It holds the deadlines of clause 3.6.4.
type Remaining struct {
	Period Period
	After  Date
	// Left are the lessons after After to the period's end, dated and
	// planned, by date, number, then group.
	Left []PlannedLesson
	// ThirdToLast and FifthToLast are the dates of the third- and
	// fifth-to-last lessons of the period (lessons of parallel groups at the
	// same date and number count once); zero when it has fewer.
	ThirdToLast Date
	FifthToLast Date
}

// RemainingLessons counts the lessons of subject aud has in period p: dated
// are the journal's lessons and slots the weekly timetable's (of any
// subject and audience: others are skipped). The journal is the truth up to
// after; from the next day the timetable plans what the journal has not
// recorded yet. A dated lesson of another subject in a slot (a swap) takes
// the place of the subject's planned lesson there too.
func RemainingLessons(cal Calendar, aud Audience, subject int64, slots []Slot, dated []Lesson, p Period, after Date) Remaining {
	slots = slices.DeleteFunc(slices.Clone(slots), func(s Slot) bool { return s.SubjectID != subject })
	past := slices.DeleteFunc(slices.Clone(dated), func(l Lesson) bool {
		return l.SubjectID != subject || l.Date.After(after)
	})
	from := after.AddDays(1)
	if from.Before(p.Start) {
		from = p.Start
	}
	left := slices.DeleteFunc(PlanLessons(cal, aud, slots, dated, from, p.End), func(l PlannedLesson) bool {
		return l.SubjectID != subject
	})
	all := append(PlanLessons(cal, aud, nil, past, p.Start, p.End), left...)
	lessons := make([]Lesson, len(all))
	for i, l := range all {
		lessons[i] = l.Lesson
	}
	r := Remaining{Period: p, After: after, Left: left}
	r.ThirdToLast, _ = NthLessonBeforeEnd(lessons, p, 3)
	r.FifthToLast, _ = NthLessonBeforeEnd(lessons, p, 5)
	return r
}

// ClassPlan is what the lessons of a class in a period are counted from:
// the calendar of the period (its days off, the school's week), the class's
// weekly timetable (its groups' too) and its journal lessons of the period,
// every group and subject. A duty reads it once per class and counts each
// student's lessons from it.
type ClassPlan struct {
	Class    Class
	Period   Period
	Calendar Calendar
	Slots    []Slot
	Lessons  []Lesson
}

// Remaining returns what is left after the date of the subject's lessons of
// the class and the given groups of it (a student's; none for the class's
// own lessons): see RemainingLessons.
func (cp ClassPlan) Remaining(groups []int64, subject int64, after Date) Remaining {
	aud := Audience{Class: cp.Class, Groups: groups}
	return RemainingLessons(cp.Calendar, aud, subject, cp.Slots, cp.Lessons, cp.Period, after)
}
