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

// planRows are the rows of a class's plan for a period, as one batch reads
// them; students and groups only when the plan is read for a student.
type planRows struct {
	students []diary.Student
	groups   []diary.Group
	classes  []diary.Class
	periods  []diary.Period
	schools  []diary.School
	daysOff  []diary.DayOff
	slots    []diary.Slot
	lessons  []diary.Lesson
}

// queuePlan queues the reads of a class's plan for the period ($2): class
// is the SQL of the class's id from parameter $1 ("$1" itself, or a
// student's class).
func queuePlan(b *Batch, r *planRows, class string, id, periodID int64) {
	school := `(SELECT school_id FROM classes WHERE id = ` + class + `)`
	start, end := `(SELECT start_date FROM periods WHERE id = $2)`, `(SELECT end_date FROM periods WHERE id = $2)`
	queueList(b, scanClass, &r.classes, `SELECT `+classCols+` FROM classes WHERE id = `+class, id)
	queueList(b, scanPeriod, &r.periods, `SELECT `+periodCols+` FROM periods WHERE id = $1`, periodID)
	queueList(b, scanSchool, &r.schools, `SELECT `+schoolCols+` FROM schools WHERE id = `+school, id)
	queueList(b, scanDayOff, &r.daysOff, `SELECT `+dayOffCols+` FROM days_off WHERE school_id = `+school+`
		AND start_date <= `+end+` AND end_date >= `+start+` ORDER BY start_date, id`, id, periodID)
	queueList(b, scanSlot, &r.slots, `SELECT `+slotCols+` FROM timetable_slots WHERE class_id = `+class+`
		ORDER BY weekday, number, coalesce(group_id, 0), valid_from, id`, id)
	queueList(b, scanLesson, &r.lessons, `SELECT `+lessonCols+` FROM lessons WHERE class_id = `+class+`
		AND date BETWEEN `+start+` AND `+end+` ORDER BY date, number, id`, id, periodID)
}

// plan assembles the class's plan; not found without the period or the
// class.
func (r *planRows) plan(classID, periodID int64) (diary.ClassPlan, error) {
	p, err := first(r.periods, "class plan: period %d", periodID)
	if err != nil {
		return diary.ClassPlan{}, err
	}
	c, err := first(r.classes, "class plan: class %d", classID)
	if err != nil {
		return diary.ClassPlan{}, err
	}
	var school diary.School // read with the class: a class always has one
	if len(r.schools) > 0 {
		school = r.schools[0]
	}
	return diary.ClassPlan{Class: c, Period: p, Slots: r.slots, Lessons: r.lessons,
		Calendar: diary.NewCalendar(school, []diary.Period{p}, r.daysOff)}, nil
}

// ClassPlan reads, on one snapshot, what a class's lessons in a period are
// counted from: the class, the period, the school's calendar in it, the
// class's timetable slots and journal lessons of the period (every group
// and subject); diary.ErrNotFound for an unknown class or period.
func (s *Store) ClassPlan(ctx context.Context, classID, periodID int64) (diary.ClassPlan, error) {
	var r planRows
	b := &Batch{}
	queuePlan(b, &r, "$1", classID, periodID)
	if err := s.readBatch(ctx, "class plan", b); err != nil {
		return diary.ClassPlan{}, err
	}
	return r.plan(classID, periodID)
}

// RemainingLessons returns what is left of a student's lessons of a subject
// in a period after a date: the plan of the student's class (ClassPlan)
// counted for the student's groups, read on one snapshot;
// diary.ErrNotFound for an unknown student or period. A student without a
// class has no lessons left.
func (s *Store) RemainingLessons(ctx context.Context, studentID, subjectID, periodID int64, after diary.Date) (diary.Remaining, error) {
	var r planRows
	b := &Batch{}
	queueList(b, scanStudent, &r.students, `SELECT `+studentCols+` FROM students WHERE id = $1`, studentID)
	queueList(b, scanGroup, &r.groups, `SELECT `+groupCols+` FROM groups
		WHERE id IN (SELECT group_id FROM group_members WHERE student_id = $1)`, studentID)
	queuePlan(b, &r, `(SELECT class_id FROM students WHERE id = $1)`, studentID, periodID)
	if err := s.readBatch(ctx, "remaining lessons", b); err != nil {
		return diary.Remaining{}, err
	}
	if _, err := first(r.students, "remaining lessons: student %d", studentID); err != nil {
		return diary.Remaining{}, err
	}
	if len(r.classes) == 0 && len(r.periods) > 0 {
		return diary.Remaining{Period: r.periods[0], After: after}, nil
	}
	cp, err := r.plan(0, periodID)
	if err != nil {
		return diary.Remaining{}, err
	}
	groups := make([]int64, len(r.groups))
	for i, g := range r.groups {
		groups[i] = g.ID
	}
	return cp.Remaining(groups, subjectID, after), nil
}
