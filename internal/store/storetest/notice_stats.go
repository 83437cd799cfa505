package storetest

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/diary"
)

// noticeStatsStore is what the metrics and diaryctl notices read of the
// SQL stores.
type noticeStatsStore interface {
	NoticeCounts(ctx context.Context) ([]diary.NoticeCount, error)
	NoticeJobs(ctx context.Context, queue, kind string) (diary.NoticeJobs, error)
	Notices(ctx context.Context, f diary.NoticeFilter) ([]diary.NoticeEntry, error)
}

func noticeStatsTests() []contractTest {
	return []contractTest{
		{"Notices/Counts", testNoticeCounts},
		{"Notices/Jobs", testNoticeJobs},
		{"Notices/List", testNoticeList},
	}
}

// stats returns the fixture's store as a noticeStatsStore.
func (f *fixture) stats(t *testing.T) noticeStatsStore {
	t.Helper()
	ns, ok := f.s.(noticeStatsStore)
	if !ok {
		t.Fatalf("%T counts no notices", f.s)
	}
	return ns
}

// kindNotice is newNotice of kind under key, held when held is set.
func kindNotice(t *testing.T, r *Refs, key, kind string, held bool) diary.Notice {
	t.Helper()
	n := newNotice(t, r, key)
	n.Kind = kind
	if held {
		n.Status, n.NotBefore = diary.NoticeHeld, Start.Add(20*time.Hour)
	}
	return n
}

// Notices are counted by status and kind, each group with its oldest
// creation; a notice recorded sent or failed moves to that group.
func testNoticeCounts(t *testing.T, f *fixture) {
	r := f.small(t)
	ctx := t.Context()
	got, err := f.stats(t).NoticeCounts(ctx)
	must(t, err, "counts of none")
	equal(t, "counts of none", len(got), 0)
	res, _ := f.enqueue(t, kindNotice(t, r, "a1", "announcement", false), kindNotice(t, r, "g1", "grade", false))
	f.clock.Advance(time.Minute)
	f.enqueue(t, kindNotice(t, r, "a2", "announcement", false), kindNotice(t, r, "a3", "announcement", true))
	must(t, f.notices(t).RecordNotice(ctx, res.New[1].ID, diary.NoticeUpdate{Status: diary.NoticeFailed, Event: "failed"}), "fail g1")
	got, err = f.stats(t).NoticeCounts(ctx)
	must(t, err, "counts")
	equal(t, "counts", got, []diary.NoticeCount{
		{Kind: "grade", Status: diary.NoticeFailed, Count: 1, Oldest: us(Start)},
		{Kind: "announcement", Status: diary.NoticeHeld, Count: 1, Oldest: us(Start.Add(time.Minute))},
		{Kind: "announcement", Status: diary.NoticeQueued, Count: 2, Oldest: us(Start)},
	})
}

// Only the waiting jobs of the given queue and kind are counted, by state.
func testNoticeJobs(t *testing.T, f *fixture) {
	p := portOf(t, f)
	ctx := t.Context()
	for _, j := range []struct{ queue, kind, state string }{
		{"notices", "notice_deliver", "available"}, {"notices", "notice_deliver", "available"},
		{"notices", "notice_deliver", "scheduled"}, {"notices", "notice_deliver", "retryable"},
		{"notices", "notice_deliver", "running"}, {"notices", "other", "available"},
		{"default", "notice_deliver", "scheduled"},
	} {
		_, err := p.Exec(ctx, fmt.Sprintf(`INSERT INTO river_job (kind, args, max_attempts, queue, state)
			VALUES ('%s', '{}', 20, '%s', '%s')`, j.kind, j.queue, j.state))
		must(t, err, "insert a job")
	}
	got, err := f.stats(t).NoticeJobs(ctx, "notices", "notice_deliver")
	must(t, err, "jobs")
	equal(t, "jobs", got, diary.NoticeJobs{Available: 2, Scheduled: 1, Retryable: 1})
	got, err = f.stats(t).NoticeJobs(ctx, "notices", "nothing")
	must(t, err, "jobs of no kind")
	equal(t, "jobs of no kind", got, diary.NoticeJobs{})
}

// A list is newest first, filtered by school, status and kind, limited,
// each notice with its latest event; an unknown status is refused.
func testNoticeList(t *testing.T, f *fixture) {
	r := f.small(t)
	ctx := t.Context()
	res, _ := f.enqueue(t, kindNotice(t, r, "a1", "announcement", false))
	f.clock.Advance(time.Minute)
	f.enqueue(t, kindNotice(t, r, "g1", "grade", false))
	f.clock.Advance(time.Minute)
	f.enqueue(t, kindNotice(t, r, "a2", "announcement", true))
	must(t, f.notices(t).RecordNotice(ctx, res.New[0].ID, diary.NoticeUpdate{Event: "retry", Detail: "telegram: 502"}), "retry a1")
	f.wantList(t, diary.NoticeFilter{}, "a2 held held", "g1 queued queued", "a1 queued retry")
	f.wantList(t, diary.NoticeFilter{Limit: 2}, "a2 held held", "g1 queued queued")
	f.wantList(t, diary.NoticeFilter{Status: diary.NoticeQueued, Kind: "announcement"}, "a1 queued retry")
	f.wantList(t, diary.NoticeFilter{SchoolID: r.School.ID, Kind: "grade"}, "g1 queued queued")
	f.wantList(t, diary.NoticeFilter{SchoolID: r.School.ID + 100})
	got, err := f.stats(t).Notices(ctx, diary.NoticeFilter{Kind: "announcement", Limit: 1})
	must(t, err, "list")
	equal(t, "last event", []any{got[0].Last.Detail, got[0].Recipient, got[0].TimeZone},
		[]any{"held for quiet hours until " + Start.Add(20*time.Hour).UTC().Format("2006-01-02T15:04:05Z"),
			res.New[0].Recipient, r.School.TimeZone})
	sameInstant(t, "last event at", got[0].Last.At, Start.Add(2*time.Minute))
	_, err = f.stats(t).Notices(ctx, diary.NoticeFilter{Status: "lost"})
	if !isInvalid(err) {
		t.Errorf("list of status lost: err = %v, want EInvalid", err)
	}
}

// wantList checks the keys, statuses and last events a filter lists.
func (f *fixture) wantList(t *testing.T, nf diary.NoticeFilter, want ...string) {
	t.Helper()
	got, err := f.stats(t).Notices(t.Context(), nf)
	must(t, err, "list")
	lines := []string{}
	for _, e := range got {
		lines = append(lines, fmt.Sprintf("%s %s %s", e.Key, e.Status, e.Last.Status))
	}
	equal(t, fmt.Sprintf("list %+v", nf), lines, append([]string{}, want...))
}
