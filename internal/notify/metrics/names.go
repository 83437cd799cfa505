package metrics

import (
	"github.com/prometheus/client_golang/prometheus"

	"github.com/schooldiary/diary/internal/notify"
)

// The metrics' names, as the README lists them.
const (
	NameNotices      = "diary_notices"
	NameJobs         = "diary_notice_jobs"
	NameOldestAge    = "diary_notice_oldest_queued_age_seconds"
	NameSends        = "diary_notice_sends_total"
	NameRetries      = "diary_notice_retries_total"
	NameScrapeErrors = "diary_notice_scrape_errors_total"
)

// counters makes the process's counters, every channel × outcome of the
// two channels at zero so that rate() sees their start.
func (c *Collector) counters() {
	c.sends = prometheus.NewCounterVec(prometheus.CounterOpts{Name: NameSends,
		Help: "Sends of notices by this process, by channel and outcome (sent, blocked, retry_after, undeliverable, transient)."},
		[]string{"channel", "outcome"})
	for _, ch := range []string{notify.Telegram, notify.Email} {
		for _, o := range notify.Outcomes {
			c.sends.WithLabelValues(ch, string(o))
		}
	}
	c.retries = prometheus.NewCounter(prometheus.CounterOpts{Name: NameRetries,
		Help: "Delivery jobs this process ran again after a failed attempt (an error, a time-out, a killed process)."})
	c.failed = prometheus.NewCounter(prometheus.CounterOpts{Name: NameScrapeErrors,
		Help: "Scrapes whose read of the notices or jobs from the store failed (those figures were left out)."})
}

// descs describes the figures read from the store.
func (c *Collector) descs() {
	c.notices = prometheus.NewDesc(NameNotices,
		"Notices in the store by kind and status (queued, held, sent, sent_email, failed), read at the scrape.",
		[]string{"kind", "status"}, nil)
	c.jobs = prometheus.NewDesc(NameJobs,
		"Delivery jobs waiting in River's table by state (available, scheduled, retryable), read at the scrape.",
		[]string{"state"}, nil)
	c.age = prometheus.NewDesc(NameOldestAge,
		"Seconds since the oldest notice still queued was created (0 when none is), read at the scrape.", nil, nil)
}
