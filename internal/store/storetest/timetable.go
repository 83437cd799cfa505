package storetest

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/diary"
)

func timetableTests() []contractTest {
	return []contractTest{
		{"Timetable/ApplyReimportReplace", testTimetableApply},
		{"Timetable/Problems", testTimetableProblems},
		{"Timetable/RemainingLessons", testRemainingLessons},
		{"Timetable/RemainingLessonsGroups", testRemainingGroups},
		{"Timetable/RemainingLessonsSwap", testRemainingSwap},
		{"Timetable/ClassPlan", testClassPlan},
		{"Timetable/RemainingLessonsNotFound", testRemainingNotFound},
	}
}

// Quarantine5A is the quarantine TimetableBatch gives class 5А in the second
// quarter.
const Quarantine5A = "Карантин 5А"

// TimetableBatch returns a weekly timetable for SmallSchool, with no dates
// of validity (the year's bounds): 5А math on Monday, Wednesday and Friday
// as lesson 2, English (its English group) and German (its German group) on
// Tuesday as lesson 3, 10Б math on Monday as lesson 1; and a quarantine of
// 5А alone from 14 to 16 December 2026.
func TimetableBatch() *diary.Batch {
	b := onlyCode(SchoolCode)
	slot := func(class, group, subject, teacher string, wd time.Weekday, n int) diary.SlotIn {
		return diary.SlotIn{ClassRef: class, GroupRef: group, SubjectRef: subject, TeacherRef: teacher,
			Slot: diary.Slot{Weekday: wd, Number: n}}
	}
	b.Timetable = []diary.SlotIn{
		slot(Class5A, "", SubjMath, StaffIvanova, time.Monday, 2),
		slot(Class5A, "", SubjMath, StaffIvanova, time.Wednesday, 2),
		slot(Class5A, "", SubjMath, StaffIvanova, time.Friday, 2),
		slot(Class5A, GroupEng, SubjEng, StaffSmirnova, time.Tuesday, 3),
		slot(Class5A, GroupGer, SubjGer, StaffSmirnova, time.Tuesday, 3),
		slot(Class10B, "", SubjMath, StaffPetrov, time.Monday, 1),
	}
	for i := range b.Timetable {
		b.Timetable[i].Src = src("timetable", i)
	}
	b.DaysOff = []diary.DayOffIn{{Src: src("days_off", 0), ClassRef: Class5A,
		DayOff: diary.DayOff{Name: Quarantine5A, Kind: diary.Quarantine, Start: d("2026-12-14"), End: d("2026-12-16")}}}
	return b
}

// slotStrings renders slots as «weekday/number/group/subject/teacher/from–to» with ids.
func slotStrings(ss []diary.Slot) []string {
	out := []string{}
	for _, s := range ss {
		out = append(out, fmt.Sprintf("%d/%d/g%d/s%d/t%d/%s–%s", s.Weekday, s.Number, s.GroupID, s.SubjectID,
			s.TeacherID, s.ValidFrom, s.ValidTo))
	}
	return out
}

func testTimetableApply(t *testing.T, f *fixture) {
	r := f.small(t)
	res := f.apply(t, TimetableBatch())
	wantCounts(t, res.Counts, map[string]diary.Counts{diary.KindTimetable: {Added: 6}, diary.KindDaysOff: {Added: 1}})
	c5a, math, eng, ger := id(t, r.Classes, Class5A), id(t, r.Subjects, SubjMath), id(t, r.Subjects, SubjEng), id(t, r.Subjects, SubjGer)
	iv, sm := id(t, r.Staff, StaffIvanova), id(t, r.Staff, StaffSmirnova)
	year := "2026-09-01–2027-08-31"
	got, err := f.s.Timetable(t.Context(), c5a)
	must(t, err, "timetable")
	equal(t, "timetable of 5А", slotStrings(got), []string{
		fmt.Sprintf("1/2/g0/s%d/t%d/%s", math, iv, year),
		fmt.Sprintf("2/3/g%d/s%d/t%d/%s", id(t, r.Groups, GroupEng), eng, sm, year),
		fmt.Sprintf("2/3/g%d/s%d/t%d/%s", id(t, r.Groups, GroupGer), ger, sm, year),
		fmt.Sprintf("3/2/g0/s%d/t%d/%s", math, iv, year),
		fmt.Sprintf("5/2/g0/s%d/t%d/%s", math, iv, year),
	})
	again := f.apply(t, TimetableBatch())
	wantCounts(t, again.Counts, map[string]diary.Counts{diary.KindTimetable: {Unchanged: 6}, diary.KindDaysOff: {Unchanged: 1}})
	testTimetableReplace(t, f, r)
}

// testTimetableReplace applies a timetable of 5А alone with one slot's
// teacher changed and Friday gone: Friday is removed, 10Б is left alone.
func testTimetableReplace(t *testing.T, f *fixture, r *Refs) {
	t.Helper()
	b := TimetableBatch()
	b.DaysOff = nil
	b.Timetable = b.Timetable[:5]
	b.Timetable[1].TeacherRef = StaffOrlov
	b.Timetable = append(b.Timetable[:2], b.Timetable[3:]...)
	res := f.apply(t, b)
	wantCounts(t, res.Counts, map[string]diary.Counts{diary.KindTimetable: {Changed: 1, Unchanged: 3, Removed: 1}})
	got, err := f.s.Timetable(t.Context(), id(t, r.Classes, Class5A))
	must(t, err, "timetable")
	if len(got) != 4 || got[3].Weekday != time.Wednesday || got[3].TeacherID != id(t, r.Staff, StaffOrlov) {
		t.Errorf("5А after the new timetable = %q; want 4 slots, Wednesday taught by Орлов", slotStrings(got))
	}
	other, err := f.s.Timetable(t.Context(), id(t, r.Classes, Class10B))
	must(t, err, "timetable")
	equal(t, "10Б slots kept", len(other), 1)
}

func testTimetableProblems(t *testing.T, f *fixture) {
	f.small(t)
	b := TimetableBatch()
	b.Timetable[0].ClassRef = "9z"
	b.Timetable[1].GroupRef = GroupEng
	b.Timetable[1].ClassRef = Class10B
	b.Timetable[2].Slot.Weekday = time.Sunday
	b.Timetable[4].Slot.Weekday = time.Tuesday
	b.Timetable[4].GroupRef = GroupEng
	_, err := f.s.Apply(t.Context(), b, diary.ApplyOptions{})
	wantProblems(t, err,
		problem{src("timetable", 0), "class"},
		problem{src("timetable", 1), "group"},
		problem{src("timetable", 2), "weekday"},
		problem{src("timetable", 4), "number"})
	got, err := f.s.Timetable(t.Context(), id(t, Resolve(t, f.s, SmallSchool()).Classes, Class5A))
	must(t, err, "timetable")
	equal(t, "nothing applied", len(got), 0)
}

// remaining reads the lessons of subject left to student after the date, in period.
func remaining(t *testing.T, f *fixture, r *Refs, student, subject, period, after string) diary.Remaining {
	t.Helper()
	rem, err := f.s.RemainingLessons(t.Context(), id(t, r.Students, student), id(t, r.Subjects, subject),
		r.Periods[period].ID, d(after))
	must(t, err, "remaining lessons")
	return rem
}

// leftStrings renders lessons as «date/number/D» (journal) or «date/number/P» (planned).
func leftStrings(ls []diary.PlannedLesson) []string {
	out := []string{}
	for _, l := range ls {
		kind := "D"
		if l.Planned {
			kind = "P"
		}
		out = append(out, fmt.Sprintf("%s/%d/%s", l.Date, l.Number, kind))
	}
	return out
}

func testRemainingLessons(t *testing.T, f *fixture) {
	r := f.small(t)
	f.apply(t, TimetableBatch())
	rem := remaining(t, f, r, StudentBelov, SubjMath, PeriodQ2, "2026-12-10")
	equal(t, "5А math left after 10 December (quarantine 14–16)", leftStrings(rem.Left),
		[]string{"2026-12-11/2/P", "2026-12-18/2/P", "2026-12-21/2/P", "2026-12-23/2/P", "2026-12-25/2/P"})
	equal(t, "third-to-last", rem.ThirdToLast, d("2026-12-21"))
	equal(t, "fifth-to-last", rem.FifthToLast, d("2026-12-11"))
	ten := remaining(t, f, r, StudentBelova, SubjMath, PeriodH1, "2026-12-10")
	equal(t, "10Б math left (no quarantine)", leftStrings(ten.Left),
		[]string{"2026-12-14/1/P", "2026-12-21/1/P"})
	early := remaining(t, f, r, StudentBelova, SubjMath, PeriodH1, "2026-11-08")
	equal(t, "the journal's lesson of 9 November in place of the planned one", leftStrings(early.Left)[:2],
		[]string{"2026-11-09/1/D", "2026-11-16/1/P"})
}

func testRemainingGroups(t *testing.T, f *fixture) {
	r := f.small(t)
	f.apply(t, TimetableBatch())
	eng := remaining(t, f, r, StudentBelov, SubjEng, PeriodQ2, "2026-12-10")
	equal(t, "English group's Tuesdays (15 December quarantined)", leftStrings(eng.Left), []string{"2026-12-22/3/P"})
	ger := remaining(t, f, r, StudentGuseva, SubjEng, PeriodQ2, "2026-12-10")
	equal(t, "no English for the German group", leftStrings(ger.Left), []string{})
	gerOwn := remaining(t, f, r, StudentGuseva, SubjGer, PeriodQ2, "2026-12-10")
	equal(t, "the German group's Tuesdays", leftStrings(gerOwn.Left), []string{"2026-12-22/3/P"})
}

func testRemainingNotFound(t *testing.T, f *fixture) {
	r := f.small(t)
	_, err := f.s.RemainingLessons(t.Context(), 999999, id(t, r.Subjects, SubjMath), r.Periods[PeriodQ2].ID, d("2026-12-10"))
	wantNotFound(t, err, "unknown student")
	_, err = f.s.RemainingLessons(t.Context(), id(t, r.Students, StudentBelov), id(t, r.Subjects, SubjMath), 999999, d("2026-12-10"))
	wantNotFound(t, err, "unknown period")
	_, err = f.s.ClassPlan(t.Context(), 999999, r.Periods[PeriodQ2].ID)
	wantNotFound(t, err, "unknown class")
	_, err = f.s.ClassPlan(t.Context(), id(t, r.Classes, Class5A), 999999)
	wantNotFound(t, err, "unknown period")
}

// testRemainingSwap records in the journal a Russian lesson in 5А's math slot
// of 11 December: the planned math lesson there is gone.
func testRemainingSwap(t *testing.T, f *fixture) {
	r := f.small(t)
	f.apply(t, TimetableBatch())
	b := onlyCode(SchoolCode)
	b.Lessons = []diary.LessonIn{{Src: src("lessons", 0), ClassRef: Class5A, SubjectRef: SubjRus, TeacherRef: StaffIvanova,
		Lesson: diary.Lesson{ExtID: "l-5a-rus-1211", Date: d("2026-12-11"), Number: 2}}}
	f.apply(t, b)
	rem := remaining(t, f, r, StudentBelov, SubjMath, PeriodQ2, "2026-12-10")
	equal(t, "5А math left after a swap on 11 December", leftStrings(rem.Left),
		[]string{"2026-12-18/2/P", "2026-12-21/2/P", "2026-12-23/2/P", "2026-12-25/2/P"})
	equal(t, "fifth-to-last", rem.FifthToLast, d("2026-11-10"))
	rus := remaining(t, f, r, StudentBelov, SubjRus, PeriodQ2, "2026-12-10")
	equal(t, "the swapped Russian lesson", leftStrings(rus.Left), []string{"2026-12-11/2/D"})
}

// testClassPlan reads 5А's plan of the second quarter once and counts from
// it what RemainingLessons reads per student.
func testClassPlan(t *testing.T, f *fixture) {
	r := f.small(t)
	f.apply(t, TimetableBatch())
	cp, err := f.s.ClassPlan(t.Context(), id(t, r.Classes, Class5A), r.Periods[PeriodQ2].ID)
	must(t, err, "class plan")
	equal(t, "slots", len(cp.Slots), 5)
	equal(t, "the journal's lessons of the quarter", len(cp.Lessons), 1)
	equal(t, "the quarantine among the days off", slices.ContainsFunc(cp.Calendar.DaysOff,
		func(h diary.DayOff) bool { return h.Name == Quarantine5A && h.ClassID == cp.Class.ID }), true)
	after := d("2026-12-10")
	math, eng := id(t, r.Subjects, SubjMath), id(t, r.Subjects, SubjEng)
	equal(t, "math as RemainingLessons counts it", leftStrings(cp.Remaining(nil, math, after).Left),
		leftStrings(remaining(t, f, r, StudentBelov, SubjMath, PeriodQ2, "2026-12-10").Left))
	equal(t, "English of the English group", leftStrings(cp.Remaining([]int64{id(t, r.Groups, GroupEng)}, eng, after).Left),
		[]string{"2026-12-22/3/P"})
	equal(t, "no English for the class as a whole", leftStrings(cp.Remaining(nil, eng, after).Left), []string{})
}
