package sqlstore

import (
	"context"
	"time"

	"github.com/schooldiary/diary/internal/diary"
)

// resolveTimetable resolves the slots' references; a group must be one of
// the slot's class.
func (a *applier) resolveTimetable() {
	a.rs.slots = make([]lessonRefs, len(a.b.Timetable))
	for i, x := range a.b.Timetable {
		r := lessonRefs{
			class:   a.ref(a.classes, x.ClassRef, x.Src, "class"),
			group:   a.ref(a.groups, x.GroupRef, x.Src, "group"),
			subject: a.ref(a.subjects, x.SubjectRef, x.Src, "subject"),
			teacher: a.ref(a.staff, x.TeacherRef, x.Src, "teacher"),
		}
		if r.group != nil && r.class != nil && !r.group.broken && !sameEnt(r.group.class, r.class) {
			a.problem(x.Src, "group", msgGroupClass, x.GroupRef, x.ClassRef)
		}
		a.rs.slots[i] = r
	}
}

// slotKey matches a stored slot: class, group, weekday, number, valid from.
type slotKey struct {
	class, group int64
	weekday      time.Weekday
	number       int
	from         diary.Date
}

// keyOfSlot returns the key of s.
func keyOfSlot(s diary.Slot) slotKey {
	return slotKey{s.ClassID, s.GroupID, s.Weekday, s.Number, s.ValidFrom}
}

// writeTimetable writes the batch's slots as the whole timetable of each
// class it names: a stored slot of such a class that the batch does not
// list is removed. Slots without dates of validity take the bounds of the
// academic year containing the batch's AsOf, when there is one.
func (a *applier) writeTimetable(ctx context.Context) error {
	if len(a.b.Timetable) == 0 {
		return nil
	}
	from, to, err := a.yearBounds(ctx)
	if err != nil {
		return err
	}
	stored, err := a.storedSlots(ctx)
	if err != nil {
		return err
	}
	var p pending
	for i, x := range a.b.Timetable {
		n := a.slotOf(i, x.Slot, from, to)
		old, ok := stored[keyOfSlot(n)]
		n.ID = old.ID
		p.put(old.ID, ok && n == old, []any{a.school, n.ClassID, n.GroupID, n.SubjectID, n.TeacherID,
			int(n.Weekday), n.Number, n.ValidFrom, n.ValidTo})
		delete(stored, keyOfSlot(n))
	}
	if err := a.flush(ctx, diary.KindTimetable, slotsTable, &p, nil); err != nil {
		return err
	}
	return a.remove(ctx, diary.KindTimetable, "timetable_slots", slotIDs(stored))
}

// slotOf returns slot i of the batch with its references' ids and the
// year's bounds in place of missing dates.
func (a *applier) slotOf(i int, s diary.Slot, from, to diary.Date) diary.Slot {
	r := a.rs.slots[i]
	s.SchoolID, s.ClassID, s.GroupID = a.school, idOf(r.class), idOf(r.group)
	s.SubjectID, s.TeacherID = idOf(r.subject), idOf(r.teacher)
	if s.ValidFrom.IsZero() {
		s.ValidFrom = from
	}
	if s.ValidTo.IsZero() {
		s.ValidTo = to
	}
	return s
}

// yearBounds returns the start and end of the school's academic year
// containing the batch's AsOf; zero dates when there is none.
func (a *applier) yearBounds(ctx context.Context) (diary.Date, diary.Date, error) {
	if a.b.AsOf.IsZero() {
		return diary.Date{}, diary.Date{}, nil
	}
	y, err := scanYear(a.tx.QueryRow(ctx, `SELECT `+yearCols+` FROM years
		WHERE school_id = $1 AND start_date <= $2 AND end_date >= $2 ORDER BY start_date, id LIMIT 1`,
		a.school, a.s.date(a.b.AsOf)))
	if a.s.noRows(err) {
		return diary.Date{}, diary.Date{}, nil
	}
	return y.Start, y.End, a.s.wrap(err, "year of %s", a.b.AsOf)
}

// storedSlots reads the stored slots of the classes the batch names, by key.
func (a *applier) storedSlots(ctx context.Context) (map[slotKey]diary.Slot, error) {
	seen := map[int64]bool{}
	var classes []int64
	for _, r := range a.rs.slots {
		if id := idOf(r.class); !seen[id] {
			seen[id] = true
			classes = append(classes, id)
		}
	}
	slots, err := list(ctx, a.s, a.tx, "timetable", scanSlot, `SELECT `+slotCols+` FROM timetable_slots
		WHERE class_id IN (`+a.s.d.InList(1, "bigint")+`)`, a.s.d.List(classes))
	return keyed(slots, keyOfSlot), err
}

// slotIDs lists the ids of slots.
func slotIDs(slots map[slotKey]diary.Slot) []int64 {
	ids := make([]int64, 0, len(slots))
	for _, s := range slots {
		ids = append(ids, s.ID)
	}
	return ids
}
