package storetest

import (
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/diary"
)

func timeTests() []contractTest {
	return []contractTest{
		{"Time/TimestampsFromClockAsUTC", testTimestamps},
		{"Time/DatesExactNearMidnight", testDates},
		{"Time/InstantsReadBackEqual", testInstantsReadBackEqual},
		{"Ping", testPing},
	}
}

// moscow is the school's zone.
func moscow(t *testing.T) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(diary.DefaultTimeZone)
	must(t, err, "load location")
	return loc
}

// Timestamps are the clock's instants, kept to the microsecond and read back
// in UTC even when the clock reads another zone; unchanged rows keep theirs.
func testTimestamps(t *testing.T, f *fixture) {
	first := time.Date(2026, time.September, 8, 0, 30, 0, 250400, moscow(t)) // 2026-09-07 21:30 UTC
	f.clock.Set(first)
	r := f.small(t)
	ctx := t.Context()
	belov := id(t, r.Students, StudentBelov)
	sameInstant(t, "school CreatedAt", r.School.CreatedAt, first)
	sameInstant(t, "student UpdatedAt", f.student(t, belov).UpdatedAt, first)
	finals, err := f.s.FinalGrades(ctx, belov, id(t, r.Years, YearName))
	must(t, err, "final grades")
	for _, g := range finals {
		sameInstant(t, "final grade UpdatedAt", g.UpdatedAt, first)
	}
	f.checkRewrite(t, r, first, first.Add(36*time.Hour+123*time.Microsecond))
}

// checkRewrite changes a student and a grade at instant second and checks
// that only they, and the records written then, carry it.
func (f *fixture) checkRewrite(t *testing.T, r *Refs, first, second time.Time) {
	t.Helper()
	ctx, belov := t.Context(), id(t, r.Students, StudentBelov)
	f.clock.Set(second)
	b := SmallSchool()
	b.Students[0].Student.Email = "anton@mail.test"
	b.Grades[0].Grade.Value = 4
	f.apply(t, b)
	sameInstant(t, "changed student UpdatedAt", f.student(t, belov).UpdatedAt, second)
	sameInstant(t, "unchanged student UpdatedAt", f.student(t, id(t, r.Students, StudentVolkov)).UpdatedAt, first)
	grades, err := f.s.Grades(ctx, belov, r.Period(t, PeriodQ1), id(t, r.Subjects, SubjMath))
	must(t, err, "grades")
	for _, g := range grades {
		want := first
		if g.ExtID == "gr-belov-math-1" {
			want = second
		}
		sameInstant(t, g.ExtID+" UpdatedAt", g.UpdatedAt, want)
	}
	f.expect(t, r, StudentBelov, SubjMath, 4, "")
	exp, err := f.s.ExpectedGrades(ctx, belov, r.Period(t, PeriodQ1))
	must(t, err, "expected grades")
	if len(exp) == 1 {
		sameInstant(t, "expected SetAt", exp[0].SetAt, second)
	}
	f.createToken(t, r.School.ID, "Журнал", "secret")
}

// Dates are civil dates: stored and read back as they are, whatever the
// clock's time of day or zone (here 00:30 in Moscow, still the day before in UTC).
func testDates(t *testing.T, f *fixture) {
	f.clock.Set(time.Date(2026, time.September, 8, 0, 30, 0, 0, moscow(t)))
	b := SmallSchool()
	b.Staff[6].Staff.ActiveTo = d("2099-12-31")
	b.Staff[5].Staff.ActiveFrom = d("1999-12-31")
	b.Lessons = append(b.Lessons, diary.LessonIn{Src: src("lessons", 10), ClassRef: Class5A, SubjectRef: SubjMath,
		Lesson: diary.Lesson{ExtID: "l-midnight", Date: d("2026-09-08"), Number: 7}})
	b.Grades = append(b.Grades, diary.GradeIn{Src: src("grades", 12), StudentRef: StudentGuseva, LessonRef: "l-midnight",
		Grade: diary.Grade{ExtID: "gr-midnight", Value: 5, Weight: diary.WeightOne}})
	f.apply(t, b)
	r := Resolve(t, f.s, b)
	ctx := t.Context()
	sa, err := f.s.Staff(ctx, id(t, r.Staff, StaffFedorov))
	must(t, err, "staff")
	ja, err := f.s.Staff(ctx, id(t, r.Staff, StaffNikolaeva))
	must(t, err, "staff")
	equal(t, "active span", [3]diary.Date{sa.ActiveFrom, sa.ActiveTo, ja.ActiveFrom},
		[3]diary.Date{d("2022-03-01"), d("2099-12-31"), d("1999-12-31")})
	grades, err := f.s.Grades(ctx, id(t, r.Students, StudentGuseva), r.Period(t, PeriodQ1), 0)
	must(t, err, "grades")
	equal(t, "grade dates", exts(grades, func(g diary.Grade) string { return g.Date.String() }),
		[]string{"2026-09-07", "2026-09-08"})
	lessons, err := f.s.ClassLessons(ctx, id(t, r.Classes, Class5A), 0, d("2026-09-08"), d("2026-09-08"))
	must(t, err, "lessons")
	wantLessons(t, "lessons of 2026-09-08", lessons, LessonMath0908, "l-midnight")
	equal(t, "birth date", f.student(t, id(t, r.Students, StudentBelov)).BirthDate, d("2016-02-29"))
	equal(t, "start of the third quarter", r.Periods[PeriodQ3].Start, d("2027-01-11"))
}

func testPing(t *testing.T, f *fixture) {
	must(t, f.s.Ping(t.Context()), "ping")
}

// exactInstant checks that got is want exactly, to the nanosecond, in UTC.
func exactInstant(t *testing.T, what string, got, want time.Time) {
	t.Helper()
	if !got.Equal(want) || got.Location() != time.UTC {
		t.Errorf("%s = %v, want exactly %v in UTC", what, got, want)
	}
}

// An instant written with nanoseconds is kept to the microsecond (truncated)
// and reads back equal to that on every store: through the store's own
// writes and through the port's Dialect.Instant.
func testInstantsReadBackEqual(t *testing.T, f *fixture) {
	r := f.small(t)
	ctx := t.Context()
	at := time.Date(2026, time.October, 6, 12, 0, 0, 123456789, moscow(t))
	want := at.UTC().Truncate(time.Microsecond)
	g := diary.ExpectedGrade{StudentID: id(t, r.Students, StudentBelov), SubjectID: id(t, r.Subjects, SubjMath),
		PeriodID: r.Period(t, PeriodQ1), Value: 4, SetAt: at}
	must(t, f.s.SetExpectedGrade(ctx, g), "set expected grade")
	got, err := f.s.ExpectedGrades(ctx, g.StudentID, g.PeriodID)
	must(t, err, "expected grades")
	if len(got) != 1 {
		t.Fatalf("expected grades = %d, want 1", len(got))
	}
	exactInstant(t, "expected grade SetAt", got[0].SetAt, want)
	p := portOf(t, f)
	_, err = p.Exec(ctx, `UPDATE schools SET created_at = $2 WHERE id = $1`, r.School.ID, p.Dialect().Instant(at))
	must(t, err, "write created_at through the port")
	school, err := f.s.School(ctx, r.School.ID)
	must(t, err, "school")
	exactInstant(t, "school CreatedAt", school.CreatedAt, want)
}
