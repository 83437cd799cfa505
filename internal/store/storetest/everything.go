package storetest

import (
	"fmt"
	"strings"
	"testing"

	"github.com/schooldiary/diary/internal/diary"
)

// everything reads, through the store's read methods, every stored row of
// the school r resolves and of its students, and prints it: two calls
// return the same text unless something was written.
func (f *fixture) everything(t *testing.T, r *Refs) string {
	t.Helper()
	ctx := t.Context()
	var b strings.Builder
	put := func(what string, v any, err error) {
		must(t, err, "read %s", what)
		fmt.Fprintf(&b, "%s: %+v\n", what, v)
	}
	school, err := f.s.School(ctx, r.School.ID)
	put("school", school, err)
	years, err := f.s.Years(ctx, r.School.ID)
	put("years", years, err)
	periods, err := f.s.Periods(ctx, r.School.ID, 0)
	put("periods", periods, err)
	daysOff, err := f.s.DaysOff(ctx, r.School.ID, wideFrom, wideTo)
	put("days off", daysOff, err)
	subjects, err := f.s.Subjects(ctx, r.School.ID)
	put("subjects", subjects, err)
	classes, err := f.s.Classes(ctx, r.School.ID)
	put("classes", classes, err)
	for _, c := range classes {
		lessons, err := f.s.ClassLessons(ctx, c.ID, 0, wideFrom, wideTo)
		put("lessons of "+c.Name, lessons, err)
		students, err := f.s.StudentsOfClass(ctx, c.ID)
		put("students of "+c.Name, students, err)
	}
	for _, role := range allRoles {
		staff, err := f.s.StaffWithRole(ctx, r.School.ID, role)
		put("staff "+string(role), staff, err)
	}
	for _, ext := range sortedKeys(r.Students) {
		f.everythingOf(t, &b, r.Students[ext], periods, years)
	}
	return b.String()
}

// everythingOf prints the stored rows of one student.
func (f *fixture) everythingOf(t *testing.T, b *strings.Builder, id int64, periods []diary.Period, years []diary.AcademicYear) {
	t.Helper()
	ctx := t.Context()
	put := func(what string, v any, err error) {
		must(t, err, "read %s of student %d", what, id)
		fmt.Fprintf(b, "student %d %s: %+v\n", id, what, v)
	}
	st, err := f.s.Student(ctx, id)
	put("record", st, err)
	for _, p := range periods {
		grades, err := f.s.Grades(ctx, id, p.ID, 0)
		put("grades "+p.ExtID, grades, err)
		aggs, err := f.s.Aggregates(ctx, id, p.ID)
		sortBy(aggs, func(a diary.Aggregate) string { return key(a.SubjectID) })
		put("aggregates "+p.ExtID, aggs, err)
	}
	for _, y := range years {
		finals, err := f.s.FinalGrades(ctx, id, y.ID)
		put("finals "+y.Name, finals, err)
	}
	att, err := f.s.Attendance(ctx, id, wideFrom, wideTo)
	put("attendance", att, err)
	hw, err := f.s.Homework(ctx, id, wideFrom, wideTo)
	put("homework", hw, err)
	groups, err := f.s.GroupsOfStudent(ctx, id)
	sortBy(groups, groupExt)
	put("groups", groups, err)
	guardians, err := f.s.GuardiansOfStudent(ctx, id)
	put("guardians", guardians, err)
}

// sortedKeys returns the keys of m in order.
func sortedKeys(m map[string]int64) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sortBy(out, func(s string) string { return s })
	return out
}
