package sqlite

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/store/storetest"
)

// Attendance repeats its lesson's date (as on PostgreSQL, for the shared
// reads): written with the mark, moved with the lesson.
func TestAttendanceKeepsLessonDate(t *testing.T) {
	ctx := t.Context()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "att.db"), time.Now)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	b := storetest.SmallSchool()
	if _, err := db.Apply(ctx, b, diary.ApplyOptions{}); err != nil {
		t.Fatal(err)
	}
	stale := func() (n int) {
		err := db.write.QueryRowContext(ctx, `SELECT count(*) FROM attendance a JOIN lessons l
			ON l.id = a.lesson_id WHERE a.date <> l.date`).Scan(&n)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	if n := stale(); n != 0 {
		t.Errorf("%d marks without their lesson's date", n)
	}
	for i := range b.Lessons {
		if b.Lessons[i].Lesson.ExtID == storetest.LessonMath0908 {
			b.Lessons[i].Lesson.Date = diary.MustDate("2026-09-10")
		}
	}
	if _, err := db.Apply(ctx, b, diary.ApplyOptions{}); err != nil {
		t.Fatal(err)
	}
	if n := stale(); n != 0 {
		t.Errorf("%d marks kept the date of a lesson that moved", n)
	}
}
