package storebench

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/store"
)

// gradeWrites times Apply of a batch with one new grade, aggregate upkeep
// included, for students spread over the region.
func gradeWrites(b *testing.B, db store.DB, ts []target) {
	ctx := context.Background()
	subjects := map[int64]string{}
	for _, t := range ts {
		if _, ok := subjects[t.school.ID]; ok {
			continue
		}
		list, err := db.Subjects(ctx, t.school.ID)
		if err != nil || len(list) == 0 {
			b.Fatalf("subjects: %v", err)
		}
		subjects[t.school.ID] = list[0].ExtID
	}
	n := 0
	timings(b, ts, 0, func(t target) error {
		n++
		_, err := db.Apply(ctx, oneGrade(t, subjects[t.school.ID], n), diary.ApplyOptions{})
		return err
	})
}

func oneGrade(t target, subject string, n int) *diary.Batch {
	return &diary.Batch{
		School: diary.School{Code: t.school.Code},
		AsOf:   until,
		Grades: []diary.GradeIn{{
			Src:        diary.Source{File: "bench", Line: n},
			StudentRef: t.student.ExtID,
			SubjectRef: subject,
			Grade: diary.Grade{
				ExtID: fmt.Sprintf("bench-%d-%d", time.Now().UnixNano(), n), Date: until,
				Value: 2 + n%4, Weight: diary.WeightOne, WorkType: "ответ на уроке",
			},
		}},
	}
}
