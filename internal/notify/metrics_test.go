package notify_test

import (
	"errors"
	"fmt"
	"io"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/schooldiary/diary/internal/notify"
	"github.com/schooldiary/diary/internal/notify/metrics"
	"github.com/schooldiary/diary/internal/store/postgres"
	"github.com/schooldiary/diary/internal/store/sqlite"
	"github.com/schooldiary/diary/internal/store/storetest"
)

// Both SQL stores are what the metrics read.
var (
	_ metrics.Store = (*postgres.DB)(nil)
	_ metrics.Store = (*sqlite.DB)(nil)
)

// scrape returns the registry's exposition as /metrics serves it, by
// series ("name{labels}") to value.
func scrape(t *testing.T, reg *prometheus.Registry) map[string]float64 {
	t.Helper()
	rec := httptest.NewRecorder()
	promhttp.HandlerFor(reg, promhttp.HandlerOpts{}).ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	body, _ := io.ReadAll(rec.Body)
	if rec.Code != 200 {
		t.Fatalf("/metrics: %d %s", rec.Code, body)
	}
	got := map[string]float64{}
	for line := range strings.Lines(string(body)) {
		i := strings.LastIndexByte(line, ' ')
		if strings.HasPrefix(line, "#") || i < 0 {
			continue
		}
		v, err := strconv.ParseFloat(strings.TrimSpace(line[i+1:]), 64)
		if err != nil {
			t.Fatalf("/metrics line %q: %v", line, err)
		}
		got[line[:i]] = v
	}
	return got
}

// wantSeries checks the values of series in a scrape; a series missing from
// it counts as absent, which want states as -1.
func wantSeries(t *testing.T, stage string, got map[string]float64, want map[string]float64) {
	t.Helper()
	for series, w := range want {
		g, ok := got[series]
		if !ok {
			g = -1
		}
		if g != w {
			t.Errorf("%s: %s = %v, want %v", stage, series, g, w)
		}
	}
}

// waitFinal waits until the jobs of all the notices ids have ended.
func (e *env) waitFinal(t *testing.T, ids ...int64) {
	t.Helper()
	left := map[int64]bool{}
	for _, id := range ids {
		left[id] = true
	}
	timeout := time.NewTimer(time.Minute)
	defer timeout.Stop()
	for len(left) > 0 {
		select {
		case ev := <-e.events:
			if ev.Job != nil && finalState(ev.Job.State) {
				delete(left, jobNotice(t, ev.Job))
			}
		case <-timeout.C:
			t.Fatalf("the jobs of notices %v did not end within a minute", left)
		}
	}
}

// The metrics say what the store holds (notices by kind and status, the
// waiting jobs by state, the oldest queued notice's age) and what delivery
// did (sends by channel and outcome, retries), as /metrics serves them.
func TestMetrics(t *testing.T) {
	for _, kind := range kinds {
		t.Run(kind, func(t *testing.T) {
			t.Parallel()
			reg := prometheus.NewRegistry()
			var clock func() time.Time
			e := openObservedEnv(t, kind, func(db noticeDB) notify.Observer {
				c := metrics.New(db.(metrics.Store), metrics.Options{Now: func() time.Time { return clock() }})
				reg.MustRegister(c)
				return c
			})
			clock = e.clock.Now
			testMetrics(t, e, reg)
		})
	}
}

// testMetrics enqueues, delivers and scrapes in stages.
func testMetrics(t *testing.T, e *env, reg *prometheus.Registry) {
	e.link(t, storetest.PhoneBelova, userBelova)
	var ids []int64
	for i := range 3 {
		ids = append(ids, e.enqueue(t, e.notice(t, fmt.Sprint("k-", i), storetest.GuardianBelova)).New[0].ID)
	}
	e.clock.Jump(t, e.clock.Now().Add(time.Hour))
	got := scrape(t, reg)
	wantSeries(t, "queued", got, map[string]float64{
		`diary_notices{kind="announcement",status="queued"}`: 3, `diary_notices{kind="announcement",status="sent"}`: -1,
		`diary_notice_jobs{state="available"}`: 3, `diary_notice_jobs{state="scheduled"}`: 0,
		`diary_notice_jobs{state="retryable"}`: 0, `diary_notice_sends_total{channel="telegram",outcome="sent"}`: 0,
		`diary_notice_retries_total`: 0, `diary_notice_scrape_errors_total`: 0})
	if age := got["diary_notice_oldest_queued_age_seconds"]; age < 3600 || age >= 3660 {
		t.Errorf("oldest queued age = %v s, want an hour", age)
	}
	deliverMetrics(t, e, reg, ids)
}

// deliverMetrics delivers the three queued notices through a 429, a 502
// and an undeliverable chat, then a fourth to a chat that blocked the bot
// (it goes by email), and holds a fifth for the night.
func deliverMetrics(t *testing.T, e *env, reg *prometheus.Registry, ids []int64) {
	e.tg.failWith(&notify.RetryAfterError{After: 100 * time.Millisecond, Err: errors.New("429 Too Many Requests")},
		errors.New("502 Bad Gateway"), fmt.Errorf("400 chat not found: %w", notify.ErrUndeliverable))
	e.start(t)
	e.waitFinal(t, ids...)
	e.tg.failWith(fmt.Errorf("403: %w", notify.ErrBlocked))
	e.waitFinal(t, e.enqueue(t, e.notice(t, "k-blocked", storetest.GuardianBelova)).New[0].ID)
	wantSeries(t, "delivered", scrape(t, reg), map[string]float64{
		`diary_notices{kind="announcement",status="queued"}`: -1, `diary_notices{kind="announcement",status="sent"}`: 2,
		`diary_notices{kind="announcement",status="failed"}`: 1, `diary_notices{kind="announcement",status="sent_email"}`: 1,
		`diary_notice_jobs{state="available"}`: 0, `diary_notice_oldest_queued_age_seconds`: 0,
		`diary_notice_sends_total{channel="telegram",outcome="sent"}`:          2,
		`diary_notice_sends_total{channel="telegram",outcome="retry_after"}`:   1,
		`diary_notice_sends_total{channel="telegram",outcome="transient"}`:     1,
		`diary_notice_sends_total{channel="telegram",outcome="undeliverable"}`: 1,
		`diary_notice_sends_total{channel="telegram",outcome="blocked"}`:       1,
		`diary_notice_sends_total{channel="email",outcome="sent"}`:             1,
		`diary_notice_retries_total`:                                           1})
	e.clock.Jump(t, nextDay(22, 0))
	e.enqueue(t, e.notice(t, "k-night", storetest.GuardianBelova))
	wantSeries(t, "held", scrape(t, reg), map[string]float64{
		`diary_notices{kind="announcement",status="held"}`: 1, `diary_notice_jobs{state="scheduled"}`: 1,
		`diary_notice_jobs{state="available"}`: 0, `diary_notice_oldest_queued_age_seconds`: 0})
}
