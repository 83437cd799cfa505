package sqlite_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/store/sqlite"
)

// tinySchool is a school with one class of three students, two subjects,
// two lessons and three grades in the first quarter.
func tinySchool() *diary.Batch {
	b := &diary.Batch{
		School: diary.School{Code: "tiny", Name: "Малая школа"},
		AsOf:   diary.MustDate("2026-10-05"),
		Years: []diary.YearIn{{Src: src("years", 0), Year: diary.AcademicYear{Name: "2026/2027",
			Start: diary.MustDate("2026-09-01"), End: diary.MustDate("2027-08-31")}}},
		Periods:  []diary.PeriodIn{period("q1", 1, 9, "2026-09-01", "2026-10-24")},
		Classes:  []diary.ClassIn{{Src: src("classes", 0), Class: diary.Class{ExtID: "5a", Name: "5А", Level: 5}}},
		Subjects: []diary.SubjectIn{{Src: src("subjects", 0), Subject: diary.Subject{ExtID: "math", Name: "Математика"}}},
	}
	b.Periods[0].Src = src("periods", 0)
	for i, last := range []string{"Антонов", "Борисов", "Васильев"} {
		b.Students = append(b.Students, diary.StudentIn{Src: src("students", i), ClassRef: "5a",
			Student: diary.Student{ExtID: fmt.Sprintf("s%d", i), Name: diary.Name{Last: last, First: "Иван"}}})
	}
	b.Lessons = []diary.LessonIn{{Src: src("lessons", 0), ClassRef: "5a", SubjectRef: "math",
		Lesson: diary.Lesson{ExtID: "l1", Date: diary.MustDate("2026-09-07"), Number: 1}}}
	for i := range 3 {
		b.Grades = append(b.Grades, diary.GradeIn{Src: src("grades", i), StudentRef: fmt.Sprintf("s%d", i),
			LessonRef: "l1", Grade: diary.Grade{ExtID: fmt.Sprintf("g%d", i), Value: 3 + i, Weight: diary.WeightOne}})
	}
	return b
}

// mustApply applies b and fails the test on error.
func mustApply(t *testing.T, db *sqlite.DB, b *diary.Batch) diary.ApplyResult {
	t.Helper()
	res, err := db.Apply(t.Context(), b, diary.ApplyOptions{})
	if err != nil {
		t.Fatalf("apply: %v", err)
	}
	return res
}

func TestOpenCreatesDirectoryAndMigrates(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "a #1?", "50%", "diary.db")
	db, err := sqlite.Open(ctx, path, time.Now)
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	defer db.Close()
	applied, latest, err := db.Version(ctx)
	if err != nil || applied != 0 || latest < 1 {
		t.Fatalf("version before migrate = %d, %d, %v; want 0, ≥1, nil", applied, latest, err)
	}
	if err := db.Ping(ctx); err == nil || !strings.Contains(err.Error(), "pending") {
		t.Errorf("ping before migrate = %v, want migrations pending", err)
	}
	for range 2 {
		if err := db.Migrate(ctx); err != nil {
			t.Fatalf("migrate: %v", err)
		}
	}
	got, _, err := db.Version(ctx)
	if err != nil || got != latest {
		t.Errorf("version after migrate = %d, %v; want %d", got, err, latest)
	}
	if err := db.Ping(ctx); err != nil {
		t.Errorf("ping after migrate: %v", err)
	}
	if _, err := os.Stat(path); err != nil {
		t.Errorf("database file: %v", err)
	}
}

// Several processes starting at once on one new file each migrate safely.
func TestConcurrentMigrate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "diary.db")
	var wg sync.WaitGroup
	errs := make([]error, 8)
	for i := range errs {
		wg.Go(func() {
			db, err := sqlite.Open(t.Context(), path, time.Now)
			if err == nil {
				err = db.Migrate(t.Context())
				db.Close()
			}
			errs[i] = err
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatalf("concurrent migrate: %v", err)
	}
	db := openAt(t, path)
	defer db.Close()
	if err := db.Ping(t.Context()); err != nil {
		t.Errorf("ping: %v", err)
	}
}

func TestBackupIsConsistentCopy(t *testing.T) {
	ctx := t.Context()
	db := openMigrated(t, time.Now)
	defer db.Close()
	mustApply(t, db, tinySchool())
	path := filepath.Join(t.TempDir(), "backups", "copy.db")
	if err := db.Backup(ctx, path); err != nil {
		t.Fatalf("backup: %v", err)
	}
	if err := db.Backup(ctx, path); err == nil {
		t.Errorf("backup over an existing file: want an error")
	}
	cp := openAt(t, path)
	defer cp.Close()
	s, err := cp.SchoolByCode(ctx, "tiny")
	if err != nil {
		t.Fatalf("school in copy: %v", err)
	}
	c, err := cp.ClassByName(ctx, s.ID, "5А")
	if err != nil {
		t.Fatalf("class in copy: %v", err)
	}
	got, err := cp.StudentsOfClass(ctx, c.ID)
	if err != nil || len(got) != 3 {
		t.Errorf("students in copy = %d, %v; want 3", len(got), err)
	}
}

// Writers and readers in parallel never see "database is locked", and every
// grade write lands in the aggregates.
func TestConcurrentWritesAndReads(t *testing.T) {
	ctx := t.Context()
	db := openMigrated(t, time.Now)
	defer db.Close()
	mustApply(t, db, tinySchool())
	st, p := tinyTarget(t, db)
	const writers, writes = 4, 25
	var wg sync.WaitGroup
	errs := make(chan error, writers*writes*2)
	for w := range writers {
		wg.Go(func() {
			for i := range writes {
				_, err := db.Apply(ctx, oneGrade(fmt.Sprintf("w%d-%d", w, i), 5), diary.ApplyOptions{})
				errs <- err
			}
		})
		wg.Go(func() {
			for range writes {
				_, err := db.StudentDiary(ctx, st.ID, p.ID)
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatalf("concurrent use: %v", err)
		}
	}
	aggs, err := db.Aggregates(ctx, st.ID, p.ID)
	if err != nil || len(aggs) != 1 {
		t.Fatalf("aggregates = %v, %v", aggs, err)
	}
	if got, want := aggs[0].Count, 1+writers*writes; got != want {
		t.Errorf("count = %d, want %d", got, want)
	}
}

// oneGrade is a batch of one grade of student s0 in mathematics.
func oneGrade(ext string, value int) *diary.Batch {
	return &diary.Batch{School: diary.School{Code: "tiny"}, Grades: []diary.GradeIn{{
		Src: src("grades", 0), StudentRef: "s0", SubjectRef: "math",
		Grade: diary.Grade{ExtID: ext, Date: diary.MustDate("2026-09-10"), Value: value, Weight: diary.WeightOne}}}}
}

// tinyTarget returns student s0 of tinySchool and the first quarter.
func tinyTarget(t *testing.T, db *sqlite.DB) (diary.Student, diary.Period) {
	t.Helper()
	s, err := db.SchoolByCode(t.Context(), "tiny")
	if err != nil {
		t.Fatal(err)
	}
	p, err := db.PeriodAt(t.Context(), s.ID, 5, diary.MustDate("2026-09-10"))
	if err != nil {
		t.Fatal(err)
	}
	c, err := db.ClassByName(t.Context(), s.ID, "5А")
	if err != nil {
		t.Fatal(err)
	}
	sts, err := db.StudentsOfClass(t.Context(), c.ID)
	if err != nil || len(sts) == 0 {
		t.Fatalf("students: %v", err)
	}
	return sts[0], p
}

func TestApplyFocused(t *testing.T) {
	tests := []struct {
		name string
		run  func(t *testing.T, db *sqlite.DB, clock *testClock)
	}{
		{"reapply changes nothing", testReapply},
		{"aggregates follow changes", testAggregatesFollow},
		{"roster marks missing students left", testRoster},
		{"validation lists every problem", testValidationAll},
		{"dry run writes nothing", testDryRun},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			clock := &testClock{now: time.Date(2026, 10, 5, 6, 30, 0, 123456789, time.UTC)}
			db := openMigrated(t, clock.Now)
			defer db.Close()
			tc.run(t, db, clock)
		})
	}
}

// testClock is a settable clock.
type testClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *testClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }

func (c *testClock) Advance(d time.Duration) { c.mu.Lock(); defer c.mu.Unlock(); c.now = c.now.Add(d) }

func testReapply(t *testing.T, db *sqlite.DB, clock *testClock) {
	mustApply(t, db, tinySchool())
	st, _ := tinyTarget(t, db)
	clock.Advance(time.Hour)
	res := mustApply(t, db, tinySchool())
	for kind, c := range res.Counts {
		if c.Added+c.Changed+c.Removed != 0 || c.Unchanged == 0 {
			t.Errorf("counts[%s] = %+v, want all unchanged", kind, c)
		}
	}
	again, err := db.Student(t.Context(), st.ID)
	if err != nil || !again.UpdatedAt.Equal(st.UpdatedAt) {
		t.Errorf("updated_at = %v, want %v (not rewritten); err %v", again.UpdatedAt, st.UpdatedAt, err)
	}
	if st.UpdatedAt.Nanosecond() != 123456000 || st.UpdatedAt.Location() != time.UTC {
		t.Errorf("updated_at = %v, want microseconds kept (as on PostgreSQL), UTC", st.UpdatedAt)
	}
}

func testAggregatesFollow(t *testing.T, db *sqlite.DB, _ *testClock) {
	mustApply(t, db, tinySchool())
	st, p := tinyTarget(t, db)
	steps := []struct {
		name  string
		b     *diary.Batch
		want  diary.Aggregate
		count int
	}{
		{"second grade", oneGrade("x", 5), diary.Aggregate{Sum: 800, Weights: 200, Count: 2}, 1},
		{"value changed", oneGrade("x", 2), diary.Aggregate{Sum: 500, Weights: 200, Count: 2}, 1},
		{"became a mark", markGrade("x"), diary.Aggregate{Sum: 300, Weights: 100, Count: 1}, 1},
		{"moved out of the period", movedGrade("g0"), diary.Aggregate{}, 0},
	}
	for _, s := range steps {
		mustApply(t, db, s.b)
		aggs, err := db.Aggregates(t.Context(), st.ID, p.ID)
		if err != nil || len(aggs) != s.count {
			t.Fatalf("%s: aggregates = %+v, %v", s.name, aggs, err)
		}
		if s.count == 1 {
			got := diary.Aggregate{Sum: aggs[0].Sum, Weights: aggs[0].Weights, Count: aggs[0].Count}
			if got != s.want {
				t.Errorf("%s: got %+v, want %+v", s.name, got, s.want)
			}
		}
	}
}

// markGrade turns grade ext of s0 into a non-numeric mark.
func markGrade(ext string) *diary.Batch {
	b := oneGrade(ext, 0)
	b.Grades[0].Grade.Mark = diary.MarkPass
	return b
}

// movedGrade moves grade ext of s0 into the second quarter, which the school
// gets in the same batch.
func movedGrade(ext string) *diary.Batch {
	b := oneGrade(ext, 3)
	b.Grades[0].Grade.Date = diary.MustDate("2026-11-10")
	b.Periods = []diary.PeriodIn{period("q2", 1, 9, "2026-11-05", "2026-12-27")}
	return b
}

func testRoster(t *testing.T, db *sqlite.DB, _ *testClock) {
	mustApply(t, db, tinySchool())
	b := tinySchool()
	b.Roster, b.AsOf = true, diary.MustDate("2026-10-06")
	b.Students = b.Students[:2]
	res := mustApply(t, db, b)
	if len(res.MarkedLeft) != 1 || res.MarkedLeft[0].ExtID != "s2" {
		t.Fatalf("marked left = %+v, want s2", res.MarkedLeft)
	}
	got, err := db.Student(t.Context(), res.MarkedLeft[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	want := [3]string{string(diary.Left), "2026-10-06", diary.LeftNotInRoster}
	if g := [3]string{string(got.Status), got.LeftOn.String(), got.LeftReason}; g != want {
		t.Errorf("student = %v, want %v", g, want)
	}
	if again := mustApply(t, db, b); len(again.MarkedLeft) != 0 {
		t.Errorf("second roster marked %d, want 0", len(again.MarkedLeft))
	}
}

func testValidationAll(t *testing.T, db *sqlite.DB, _ *testClock) {
	b := tinySchool()
	b.Students[1].ClassRef = "5Я"
	b.Grades[0].StudentRef = "nobody"
	b.Grades[2].Grade.Date, b.Grades[2].LessonRef = diary.MustDate("2026-07-01"), ""
	b.Grades[2].SubjectRef = "math"
	b.Lessons[0].SubjectRef = "chemistry"
	_, err := db.Apply(t.Context(), b, diary.ApplyOptions{})
	var ve *diary.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("err = %v, want a ValidationError", err)
	}
	want := map[string]string{
		"students:1:class":  `нет такого класса "5Я"`,
		"grades:0:student":  `нет такого ученика "nobody"`,
		"grades:2:date":     "дата 2026-07-01 не входит ни в один учебный период 5 класса",
		"lessons:0:subject": `нет такого предмета "chemistry"`,
	}
	got := map[string]string{}
	for _, it := range ve.Items {
		got[fmt.Sprintf("%s:%d:%s", it.Src.File, it.Src.Line, it.Field)] = it.Msg
	}
	for k, msg := range want {
		if got[k] != msg {
			t.Errorf("problem %s = %q, want %q", k, got[k], msg)
		}
	}
	if _, err := db.SchoolByCode(t.Context(), "tiny"); !errors.Is(err, diary.ErrNotFound) {
		t.Errorf("school after failed apply: err = %v, want ErrNotFound", err)
	}
}

func testDryRun(t *testing.T, db *sqlite.DB, _ *testClock) {
	res, err := db.Apply(t.Context(), tinySchool(), diary.ApplyOptions{DryRun: true})
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Counts[diary.KindGrades].Added; got != 3 {
		t.Errorf("dry run grades added = %d, want 3", got)
	}
	if _, err := db.SchoolByCode(t.Context(), "tiny"); !errors.Is(err, diary.ErrNotFound) {
		t.Errorf("school after dry run: err = %v, want ErrNotFound", err)
	}
	if real := mustApply(t, db, tinySchool()); real.Counts[diary.KindGrades] != res.Counts[diary.KindGrades] {
		t.Errorf("real counts %+v differ from dry run %+v", real.Counts[diary.KindGrades], res.Counts[diary.KindGrades])
	}
}

func src(kind string, i int) diary.Source { return diary.Source{File: kind, Line: i} }

// period returns a period of the year 2026/2027 for levels lo–hi.
func period(ext string, lo, hi int, start, end string) diary.PeriodIn {
	return diary.PeriodIn{Src: src("periods", 0), YearRef: "2026/2027", Period: diary.Period{ExtID: ext, Name: ext,
		Kind: diary.Quarter, MinLevel: lo, MaxLevel: hi, Start: diary.MustDate(start), End: diary.MustDate(end)}}
}

// openAt opens the existing store file at path, without migrating.
func openAt(tb testing.TB, path string) *sqlite.DB {
	tb.Helper()
	db, err := sqlite.Open(context.Background(), path, time.Now)
	if err != nil {
		tb.Fatalf("open %s: %v", path, err)
	}
	return db
}
