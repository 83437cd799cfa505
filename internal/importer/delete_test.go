package importer

import (
	"context"
	"testing"

	"github.com/schooldiary/diary/internal/diary"
)

// mathOfS1 returns the running sums of student S1's mathematics in the
// example school's first period.
func mathOfS1(t *testing.T, db diary.Store) diary.Aggregate {
	t.Helper()
	ctx := context.Background()
	school, err := db.SchoolByCode(ctx, "sch-1")
	must(t, err)
	years, err := db.Years(ctx, school.ID)
	must(t, err)
	periods, err := db.Periods(ctx, school.ID, years[0].ID)
	must(t, err)
	classes, err := db.Classes(ctx, school.ID)
	must(t, err)
	var student, math int64
	for _, c := range classes {
		students, err := db.StudentsOfClass(ctx, c.ID)
		must(t, err)
		for _, s := range students {
			if s.ExtID == "S1" {
				student = s.ID
			}
		}
	}
	subjects, err := db.Subjects(ctx, school.ID)
	must(t, err)
	for _, s := range subjects {
		if s.ExtID == "MATH" {
			math = s.ID
		}
	}
	aggs, err := db.Aggregates(ctx, student, periods[0].ID)
	must(t, err)
	for _, a := range aggs {
		if a.SubjectID == math {
			return a
		}
	}
	return diary.Aggregate{}
}

// must fails the test on err.
func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestRunDeletedGradeLeavesAverage(t *testing.T) {
	db := openStore(t)
	run(t, db, testOptions(), examplePaths(t)...)
	before := mathOfS1(t, db)
	// GR3 is S1's 3 with weight 1,5 on 2026-09-02; only the id matters.
	path := writeFile(t, t.TempDir(), "grades.csv", []byte(csvLines(
		"id,student,lesson,mark,удалить",
		"GR3,,,,да",
	)))
	res := run(t, db, testOptions(), path)
	if got, want := res.Counts[diary.KindGrades], (diary.Counts{Removed: 1}); got != want {
		t.Errorf("grades counts = %+v, want %+v", got, want)
	}
	got := mathOfS1(t, db)
	want := diary.Aggregate{StudentID: before.StudentID, SubjectID: before.SubjectID, PeriodID: before.PeriodID,
		Sum: before.Sum - 3*150, Weights: before.Weights - 150, Count: before.Count - 1}
	if got != want {
		t.Errorf("S1's mathematics after deleting GR3 = %+v, want %+v (was %+v)", got, want, before)
	}
}

func TestDeletedColumnValues(t *testing.T) {
	for _, tc := range []struct {
		name, cell string
		deleted    bool
		problem    bool
	}{
		{"yes in Russian", "да", true, false},
		{"yes in English", "Yes", true, false},
		{"one", "1", true, false},
		{"true", "true", true, false},
		{"latin x", "x", true, false},
		{"cyrillic x", "Х", true, false},
		{"blank", "", false, false},
		{"no", "нет", false, false},
		{"garbage", "может быть", false, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := writeFile(t, t.TempDir(), "homework.csv", []byte(csvLines(
				"код,ученик,предмет,срок,задание,удалена",
				"HW1,S1,MATH,2026-09-10,Упражнение 5,"+tc.cell,
			)))
			b, _, err := Load([]string{path}, testOptions())
			if got := err != nil; got != tc.problem {
				t.Fatalf("Load error = %v, want a problem: %v", err, tc.problem)
			}
			if tc.problem {
				return
			}
			if got := len(b.Homework) == 1 && b.Homework[0].Deleted; got != tc.deleted {
				t.Errorf("deleted = %v, want %v (%+v)", got, tc.deleted, b.Homework)
			}
		})
	}
}
