package notify_test

import (
	"testing"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/schooldiary/diary/internal/notify/metrics"
)

// BenchmarkScrape100000 times one scrape of the delivery metrics over
// 100,000 queued notices with their 100,000 available jobs: the store's
// two reads at a scrape.
func BenchmarkScrape100000(b *testing.B) {
	for _, kind := range kinds {
		b.Run(kind, func(b *testing.B) {
			db, clock, school, svc := benchSchool(b, kind)
			for i := range 10 {
				if _, err := svc.Enqueue(b.Context(), announcement(school.ID, i, 10_000)); err != nil {
					b.Fatal(err)
				}
			}
			if err := db.Optimize(b.Context()); err != nil {
				b.Fatal(err)
			}
			reg := prometheus.NewRegistry()
			reg.MustRegister(metrics.New(db.(metrics.Store), metrics.Options{Now: clock.Now}))
			b.ResetTimer()
			for b.Loop() {
				if _, err := reg.Gather(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
