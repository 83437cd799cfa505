package httpapi

import "github.com/schooldiary/diary/internal/diary"

// dropItems removes from b the items whose index (Src.Line) is in bad.
func dropItems(b *diary.Batch, bad map[int]bool) {
	b.Lessons = keep(b.Lessons, bad, func(x diary.LessonIn) int { return x.Src.Line })
	b.Grades = keep(b.Grades, bad, func(x diary.GradeIn) int { return x.Src.Line })
	b.Attendance = keep(b.Attendance, bad, func(x diary.AttendanceIn) int { return x.Src.Line })
	b.Homework = keep(b.Homework, bad, func(x diary.HomeworkIn) int { return x.Src.Line })
}

// keep returns the items whose index is not in bad.
func keep[T any](items []T, bad map[int]bool, index func(T) int) []T {
	out := items[:0]
	for _, it := range items {
		if !bad[index(it)] {
			out = append(out, it)
		}
	}
	return out
}
