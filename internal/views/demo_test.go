package views_test

import (
	"context"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/demo"
	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/i18n"
	"github.com/schooldiary/diary/internal/store/sqlite"
	"github.com/schooldiary/diary/internal/views"
)

// TestDemoSchool renders every view for the demo school's well-known
// student, a full journal up to a Friday in October with a week of lessons
// planned ahead, and follows every button of every view once.
func TestDemoSchool(t *testing.T) {
	ctx := context.Background()
	now := func() time.Time { return time.Date(2025, 10, 17, 15, 0, 0, 0, time.UTC) }
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "demo.db"), now)
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	if err := db.Migrate(ctx); err != nil {
		t.Fatalf("migrate: %v", err)
	}
	if _, err := demo.Generate(ctx, db, demo.Options{Seed: 1, Students: 60, Until: diary.MustDate("2025-10-17"), Ahead: 7}); err != nil {
		t.Fatalf("generate: %v", err)
	}
	s := &school{db: db, ctx: ctx, students: map[string]int64{}}
	id := demoStudent(t, s)
	today := "2025-10-17"
	tests := []struct {
		action views.Action
		want   *regexp.Regexp
	}{
		{views.Action{View: views.Grades}, regexp.MustCompile(`<b>[^<]+</b> — \d,\d\d · ожид\. [2-5]( [↑↓→])?\n`)},
		{views.Action{View: views.Attendance}, regexp.MustCompile(`Пропущено: <b>\d+ урок`)},
		{views.Action{View: views.Homework, Span: views.SpanWeek}, regexp.MustCompile(`<b>Пт, 17 октября</b>\n• [^:]+: \S`)},
		{views.Action{View: views.Homework, Span: views.SpanTomorrow}, regexp.MustCompile(`<b>Сб, 18 октября</b>`)},
		{views.Action{View: views.Timetable, Span: views.SpanWeek}, regexp.MustCompile(`<b>Пн, 13 октября</b>\n1\. [^\n]+ — <i>`)},
		{views.Action{View: views.Timetable, Span: views.SpanWeek, Day: diary.MustDate("2025-10-20")}, regexp.MustCompile(`<b>Пн, 20 октября</b>\n1\. `)},
		{views.Action{View: views.Periods}, regexp.MustCompile(`← сейчас`)},
		{views.Action{View: views.Finals}, regexp.MustCompile(`Итоговых оценок пока нет\.`)},
	}
	for _, tt := range tests {
		t.Run(string(tt.action.View)+"/"+tt.action.Span, func(t *testing.T) {
			a := tt.action
			a.StudentID = id
			got, pages := s.render(t, i18n.RU, today, a)
			if !tt.want.MatchString(got) {
				t.Errorf("no match for %s in:\n%s", tt.want, got)
			}
			for _, row := range pages[len(pages)-1].Buttons {
				for _, b := range row {
					if b.Action.StudentID != id {
						t.Errorf("button %q is about student %d", b.Label, b.Action.StudentID)
					}
					s.render(t, i18n.EN, today, b.Action)
				}
			}
		})
	}
}

// demoStudent returns the id of the demo school's well-known student.
func demoStudent(t *testing.T, s *school) int64 {
	t.Helper()
	sc, err := s.db.SchoolByCode(s.ctx, demo.DemoSchoolCode)
	if err != nil {
		t.Fatalf("school: %v", err)
	}
	c, err := s.db.ClassByName(s.ctx, sc.ID, "7А")
	if err != nil {
		t.Fatalf("class: %v", err)
	}
	students, err := s.db.StudentsOfClass(s.ctx, c.ID)
	if err != nil {
		t.Fatalf("students: %v", err)
	}
	for _, st := range students {
		if st.ExtID == demo.StudentExtID {
			return st.ID
		}
	}
	t.Fatalf("no student %s", demo.StudentExtID)
	return 0
}
