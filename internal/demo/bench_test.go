package demo

import (
	"context"
	"fmt"
	"testing"

	"github.com/schooldiary/diary/internal/diary"
)

// BenchmarkGenerate measures generation alone, into a writer that discards,
// up to mid-October (about 30 school days). Reported: students and records
// generated per second.
func BenchmarkGenerate(b *testing.B) {
	for _, size := range []struct{ schools, students int }{{1, DefaultStudents}, {10, 10_000}, {100, 100_000}} {
		b.Run(fmt.Sprintf("schools=%d/students=%d", size.schools, size.students), func(b *testing.B) {
			opt := Options{Seed: 1, Schools: size.schools, Students: size.students, Until: diary.MustDate("2025-10-15")}
			var sum Summary
			for b.Loop() {
				var err error
				if sum, err = Generate(context.Background(), discard{}, opt); err != nil {
					b.Fatal(err)
				}
			}
			sec := b.Elapsed().Seconds() / float64(b.N)
			b.ReportMetric(float64(sum.Students)/sec, "students/s")
			b.ReportMetric(float64(sum.Records)/sec, "records/s")
			b.ReportMetric(float64(sum.Records), "records")
		})
	}
}
