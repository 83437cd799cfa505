package sqlstore

import (
	"context"

	"github.com/schooldiary/diary/internal/diary"
)

// Timetable lists a class's timetable slots (its groups' too) by weekday,
// number, then group.
func (s *Store) Timetable(ctx context.Context, classID int64) ([]diary.Slot, error) {
	return list(ctx, s, s.p, "timetable", scanSlot, `SELECT `+slotCols+` FROM timetable_slots
		WHERE class_id = $1 ORDER BY weekday, number, coalesce(group_id, 0), valid_from, id`, classID)
}

// remainingRows are the rows RemainingLessons reads, in one batch.
type remainingRows struct {
	students []diary.Student
	periods  []diary.Period
	schools  []diary.School
	classes  []diary.Class
	groups   []diary.Group
	daysOff  []diary.DayOff
	slots    []diary.Slot
	lessons  []diary.Lesson
}

// The subqueries of RemainingLessons: the student's ($1) class, the
// period's ($4) dates.
const (
	remClass = `(SELECT class_id FROM students WHERE id = $1)`
	remStart = `(SELECT start_date FROM periods WHERE id = $4)`
	remEnd   = `(SELECT end_date FROM periods WHERE id = $4)`
)

// RemainingLessons returns what is left of a student's lessons of a subject
// in a period after a date: see diary.RemainingLessons. It reads, on one
// snapshot, the journal's lessons of the student's class in the period (of
// the subject, and of any subject after the date: they may take a slot), the
// timetable's slots of the subject, and the school's days off in the period;
// diary.ErrNotFound for an unknown student or period. A student without a
// class has no lessons left.
func (s *Store) RemainingLessons(ctx context.Context, studentID, subjectID, periodID int64, after diary.Date) (diary.Remaining, error) {
	var r remainingRows
	b := &Batch{}
	queueList(b, scanStudent, &r.students, `SELECT `+studentCols+` FROM students WHERE id = $1`, studentID)
	queueList(b, scanPeriod, &r.periods, `SELECT `+periodCols+` FROM periods WHERE id = $1`, periodID)
	queueList(b, scanSchool, &r.schools, `SELECT `+schoolCols+` FROM schools
		WHERE id = (SELECT school_id FROM students WHERE id = $1)`, studentID)
	queueList(b, scanClass, &r.classes, `SELECT `+classCols+` FROM classes WHERE id = `+remClass, studentID)
	queueList(b, scanGroup, &r.groups, `SELECT `+groupCols+` FROM groups
		WHERE id IN (SELECT group_id FROM group_members WHERE student_id = $1)`, studentID)
	queueList(b, scanDayOff, &r.daysOff, `SELECT `+dayOffCols+` FROM days_off
		WHERE school_id = (SELECT school_id FROM students WHERE id = $1)
		  AND start_date <= (SELECT end_date FROM periods WHERE id = $2)
		  AND end_date >= (SELECT start_date FROM periods WHERE id = $2) ORDER BY start_date, id`, studentID, periodID)
	queueList(b, scanSlot, &r.slots, `SELECT `+slotCols+` FROM timetable_slots
		WHERE class_id = `+remClass+` AND subject_id = $2 ORDER BY weekday, number, id`, studentID, subjectID)
	queueList(b, scanLesson, &r.lessons, `SELECT `+lessonCols+` FROM lessons
		WHERE class_id = `+remClass+` AND date BETWEEN `+remStart+` AND `+remEnd+`
		  AND (subject_id = $2 OR date > $3) ORDER BY date, number, id`, studentID, subjectID, s.date(after), periodID)
	if err := s.readBatch(ctx, "remaining lessons", b); err != nil {
		return diary.Remaining{}, err
	}
	return r.remaining(studentID, subjectID, after)
}

// remaining projects the rows; not found without the student or the period.
func (r *remainingRows) remaining(studentID, subjectID int64, after diary.Date) (diary.Remaining, error) {
	if _, err := first(r.students, "remaining lessons: student %d", studentID); err != nil {
		return diary.Remaining{}, err
	}
	p, err := first(r.periods, "remaining lessons: period")
	if err != nil {
		return diary.Remaining{}, err
	}
	if len(r.classes) == 0 || len(r.schools) == 0 {
		return diary.Remaining{Period: p, After: after}, nil
	}
	aud := diary.Audience{Class: r.classes[0]}
	for _, g := range r.groups {
		aud.Groups = append(aud.Groups, g.ID)
	}
	cal := diary.NewCalendar(r.schools[0], []diary.Period{p}, r.daysOff)
	return diary.RemainingLessons(cal, aud, subjectID, r.slots, r.lessons, p, after), nil
}
