package demo

import (
	"testing"

	"github.com/schooldiary/diary/internal/diary"
)

// TestWholeYear generates a small school for the whole year and checks the
// calendar holds over all of it and the period and year grades are complete.
func TestWholeYear(t *testing.T) {
	rec, sum := generate(t, Options{Seed: 5, Students: 70, Year: 2025}, true)
	w := index(t, rec.batches)
	last := diary.MustDate("2026-05-26")
	for _, l := range w.lessons {
		lvl := w.classes[l.ClassRef].Level
		if l.Lesson.Date.After(last) || w.noLessons(lvl, l.Lesson.Date) {
			t.Errorf("lesson %s of level %d on a day off", l.Lesson.ExtID, lvl)
		}
	}
	type key struct{ student, subject, period string }
	finals := map[key]diary.FinalGrade{}
	for _, f := range w.finals {
		finals[key{f.StudentRef, f.SubjectRef, f.PeriodRef}] = f.Final
	}
	for ext, st := range w.students {
		lvl := w.classes[st.ClassRef].Level
		for _, p := range w.periods {
			if lvl < 2 || lvl < p.MinLevel || lvl > p.MaxLevel {
				continue
			}
			for _, h := range curriculum[lvl] {
				f, ok := finals[key{ext, subjects[h.subj].ext, p.ExtID}]
				if !ok || (f.Value == 0) == (f.Mark == "") {
					t.Errorf("%s %s %s: final %+v, found %v", ext, subjects[h.subj].ext, p.ExtID, f, ok)
				}
			}
		}
		if _, ok := finals[key{ext, "rus", ""}]; ok != (lvl >= 2) {
			t.Errorf("%s of level %d: year grade in Russian %v", ext, lvl, ok)
		}
	}
	if sum.Finals != len(w.finals) || sum.Finals == 0 {
		t.Errorf("Finals = %d, recorded %d", sum.Finals, len(w.finals))
	}
}

// TestAheadPlansLessonsWithoutMarks checks lessons after Until carry topics
// and homework but no marks.
func TestAheadPlansLessonsWithoutMarks(t *testing.T) {
	until := diary.MustDate("2025-09-19")
	rec, _ := generate(t, Options{Seed: 3, Students: 60, Until: until, Ahead: 10}, true)
	w := index(t, rec.batches)
	after := 0
	for _, l := range w.lessons {
		if l.Lesson.Date.After(until) {
			after++
		}
		if l.Lesson.Date.After(until.AddDays(10)) {
			t.Errorf("lesson %s past the horizon", l.Lesson.ExtID)
		}
	}
	if after == 0 {
		t.Error("no lessons planned after Until")
	}
	for _, g := range w.grades {
		if g.Grade.Date.After(until) {
			t.Errorf("grade %s after Until", g.Grade.ExtID)
		}
	}
	for _, a := range w.attend {
		if w.lessons[a.LessonRef].Lesson.Date.After(until) {
			t.Errorf("attendance at %s after Until", a.LessonRef)
		}
	}
}
