package notify_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/notify"
	"github.com/schooldiary/diary/internal/store/storetest"
)

// enqueueTarget is the bound for enqueueing a 10,000-recipient
// announcement.
const enqueueTarget = 2 * time.Second

// BenchmarkEnqueue10000 enqueues an announcement to 10,000 guardians: the
// notices, their first events and their River jobs, in one transaction.
// It reports the ratio of one enqueue's time to the 2 s target.
func BenchmarkEnqueue10000(b *testing.B) {
	for _, kind := range kinds {
		b.Run(kind, func(b *testing.B) {
			_, _, school, svc := benchSchool(b, kind)
			b.ResetTimer()
			for i := 0; b.Loop(); i++ {
				if _, err := svc.Enqueue(b.Context(), announcement(school.ID, i, 10_000)); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed())/float64(b.N)/float64(enqueueTarget), "of-2s")
		})
	}
}

// announcement is an announcement number i to n guardians of school.
func announcement(school int64, i, n int) []diary.Notice {
	ns := make([]diary.Notice, n)
	for r := range ns {
		ns[r] = diary.Notice{Key: fmt.Sprintf("announcement:%d:guardian:%d", i, r+1), Kind: "announcement",
			SchoolID: school, Recipient: diary.Recipient{Kind: diary.LinkGuardian, ID: int64(r + 1)}, Language: "ru",
			Subject: "Родительское собрание", HTML: "<b>Собрание</b> в четверг в 18:00, актовый зал",
			Text: "Собрание в четверг в 18:00, актовый зал"}
	}
	return ns
}

// benchSchool opens a store of kind with the small school at noon of the
// next day (no quiet hours), its clock, and a delivery service over it,
// not started.
func benchSchool(b *testing.B, kind string) (noticeDB, *tickClock, diary.School, *notify.Service) {
	b.Helper()
	clock := &tickClock{}
	clock.offset = time.Until(nextDay(12, 0))
	db := openStore(b, kind, clock.Now)
	if _, err := db.Apply(b.Context(), storetest.SmallSchool(), diary.ApplyOptions{}); err != nil {
		b.Fatal(err)
	}
	school, err := db.SchoolByCode(b.Context(), storetest.SchoolCode)
	if err != nil {
		b.Fatal(err)
	}
	return db, clock, school, newService(b, db, clock.Now, nil, nil)
}
