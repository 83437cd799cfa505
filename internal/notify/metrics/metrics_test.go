package metrics_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/notify"
	"github.com/schooldiary/diary/internal/notify/metrics"
)

// downStore is a store that does not answer.
type downStore struct{}

func (downStore) NoticeCounts(context.Context) ([]diary.NoticeCount, error) {
	return nil, errors.New("connection refused")
}

func (downStore) NoticeJobs(context.Context, string, string) (diary.NoticeJobs, error) {
	return diary.NoticeJobs{}, errors.New("connection refused")
}

// A store that does not answer leaves its figures out and is counted; the
// process's counters are still served.
func TestStoreDown(t *testing.T) {
	c := metrics.New(downStore{}, metrics.Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	c.Sent(notify.Telegram, notify.OutcomeRetryAfter)
	reg := prometheus.NewRegistry()
	reg.MustRegister(c)
	body := scrape(t, reg)
	for _, want := range []string{"\ndiary_notice_scrape_errors_total 2\n",
		"\n" + `diary_notice_sends_total{channel="telegram",outcome="retry_after"} 1` + "\n",
		"\n" + `diary_notice_sends_total{channel="email",outcome="sent"} 0` + "\n"} {
		if !strings.Contains(body, want) {
			t.Errorf("/metrics lacks %q:\n%s", want, body)
		}
	}
	for _, absent := range []string{metrics.NameNotices + "{", metrics.NameJobs + "{", metrics.NameOldestAge + " "} {
		if strings.Contains(body, absent) {
			t.Errorf("/metrics has %q of a store that did not answer:\n%s", absent, body)
		}
	}
}

// scrape returns what /metrics serves for reg.
func scrape(t *testing.T, reg *prometheus.Registry) string {
	t.Helper()
	rec := httptest.NewRecorder()
	promhttp.HandlerFor(reg, promhttp.HandlerOpts{}).ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	if rec.Code != 200 {
		t.Fatalf("/metrics: %d %s", rec.Code, rec.Body)
	}
	return rec.Body.String()
}
