package demo

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/store/sqlite"
)

// TestIntoSQLite writes a small demo school into the real embedded store and
// reads the well-known people back.
func TestIntoSQLite(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	now := func() time.Time { return time.Date(2025, 10, 20, 9, 0, 0, 0, time.UTC) }
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "demo.db"), now)
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	if err := db.Migrate(ctx); err != nil {
		t.Fatalf("migrate: %v", err)
	}
	sum, err := Generate(ctx, db, Options{Seed: 1, Students: 120, Until: diary.MustDate("2025-10-17"), Ahead: 3})
	if err != nil {
		t.Fatalf("Generate: %v", err)
	}
	school, err := db.SchoolByCode(ctx, DemoSchoolCode)
	if err != nil {
		t.Fatalf("SchoolByCode: %v", err)
	}
	if school.Name != DemoSchoolName {
		t.Errorf("school name %q", school.Name)
	}
	parents, err := db.GuardiansByPhone(ctx, ParentPhone)
	if err != nil || len(parents) != 1 {
		t.Fatalf("GuardiansByPhone = %v, %v", parents, err)
	}
	kids, err := db.StudentsOfGuardian(ctx, parents[0].ID)
	if err != nil || len(kids) != 2 {
		t.Fatalf("StudentsOfGuardian = %v, %v", kids, err)
	}
	classes, err := db.Classes(ctx, school.ID)
	if err != nil || len(classes) != sum.Classes {
		t.Errorf("Classes = %d, %v; want %d", len(classes), err, sum.Classes)
	}
	period, err := db.PeriodAt(ctx, school.ID, 7, diary.MustDate("2025-10-01"))
	if err != nil {
		t.Fatalf("PeriodAt: %v", err)
	}
	for _, k := range kids {
		if k.ExtID != StudentExtID {
			continue
		}
		d, err := db.StudentDiary(ctx, k.ID, period.ID)
		if err != nil || len(d.Subjects) == 0 {
			t.Fatalf("StudentDiary = %+v, %v", d, err)
		}
		wantPlanned(t, db, k.ID, d.Subjects[0].Subject.ID, period, diary.MustDate("2025-10-20"))
	}
	t.Logf("wrote %+v", sum)
	again := &counting{Writer: db}
	if _, err := Generate(ctx, again, Options{Seed: 1, Students: 120, Until: diary.MustDate("2025-10-17"), Ahead: 3}); err != nil {
		t.Fatalf("Generate again: %v", err)
	}
	if again.changed != 0 || again.unchanged != sum.Records {
		t.Errorf("second run: %d added or changed, %d unchanged of %d", again.changed, again.unchanged, sum.Records)
	}
}

// TestFinalsIntoSQLite writes period grades and a later term into the store.
func TestFinalsIntoSQLite(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "demo.db"), time.Now)
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	if err := db.Migrate(ctx); err != nil {
		t.Fatalf("migrate: %v", err)
	}
	sum, err := Generate(ctx, db, Options{Seed: 9, Students: 40, Until: diary.MustDate("2025-11-14")})
	if err != nil {
		t.Fatalf("Generate: %v", err)
	}
	if sum.Finals == 0 {
		t.Errorf("no period grades in %+v", sum)
	}
}

// counting is a diary.Writer that sums the counts the store reports.
type counting struct {
	diary.Writer
	changed, unchanged int
}

func (c *counting) Apply(ctx context.Context, b *diary.Batch, opt diary.ApplyOptions) (diary.ApplyResult, error) {
	res, err := c.Writer.Apply(ctx, b, opt)
	for _, n := range res.Counts {
		c.changed += n.Added + n.Changed
		c.unchanged += n.Unchanged
	}
	return res, err
}

// wantPlanned checks that the weekly timetable plans lessons of the subject
// after the last dated one (the horizon), and that they are the journal's up
// to it.
func wantPlanned(t *testing.T, db *sqlite.DB, student, subject int64, p diary.Period, horizon diary.Date) {
	t.Helper()
	r, err := db.RemainingLessons(context.Background(), student, subject, p.ID, diary.MustDate("2025-10-17"))
	if err != nil {
		t.Fatalf("RemainingLessons: %v", err)
	}
	planned := 0
	for _, l := range r.Left {
		if l.Planned != l.Date.After(horizon) {
			t.Errorf("lesson of %s planned %v; want planned only after %s", l.Date, l.Planned, horizon)
		}
		if l.Planned {
			planned++
		}
	}
	if planned == 0 || r.ThirdToLast.IsZero() || r.ThirdToLast.After(p.End) {
		t.Errorf("after 17 October: %d planned lessons, third-to-last %s (period ends %s); want some and a date in it",
			planned, r.ThirdToLast, p.End)
	}
}
