package metrics

import (
	"context"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/notify"
)

// Sent counts a send on channel with its outcome.
func (c *Collector) Sent(channel string, o notify.Outcome) {
	c.sends.WithLabelValues(channel, string(o)).Inc()
}

// Retried counts a delivery job run again after a failed attempt.
func (c *Collector) Retried() { c.retries.Inc() }

// Describe sends the descriptions of every metric.
func (c *Collector) Describe(ch chan<- *prometheus.Desc) {
	c.sends.Describe(ch)
	c.retries.Describe(ch)
	c.failed.Describe(ch)
	ch <- c.notices
	ch <- c.jobs
	ch <- c.age
}

// Collect sends the counters and the figures read from the store now; a
// failed read leaves its figures out, is logged and counted.
func (c *Collector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), c.opt.Timeout)
	defer cancel()
	if err := c.collectNotices(ctx, ch); err != nil {
		c.scrapeFailed(err)
	}
	if err := c.collectJobs(ctx, ch); err != nil {
		c.scrapeFailed(err)
	}
	c.sends.Collect(ch)
	c.retries.Collect(ch)
	c.failed.Collect(ch)
}

// scrapeFailed logs and counts a failed read of the store.
func (c *Collector) scrapeFailed(err error) {
	c.failed.Inc()
	c.opt.Logger.Warn("notice metrics: the store did not answer", "error", err)
}

// collectNotices sends the notices by kind and status and the oldest
// queued one's age.
func (c *Collector) collectNotices(ctx context.Context, ch chan<- prometheus.Metric) error {
	counts, err := c.store.NoticeCounts(ctx)
	if err != nil {
		return err
	}
	var age float64
	now := c.opt.Now()
	for _, n := range counts {
		ch <- prometheus.MustNewConstMetric(c.notices, prometheus.GaugeValue, float64(n.Count), n.Kind, string(n.Status))
		if n.Status == diary.NoticeQueued {
			age = max(age, now.Sub(n.Oldest).Seconds())
		}
	}
	ch <- prometheus.MustNewConstMetric(c.age, prometheus.GaugeValue, age)
	return nil
}

// collectJobs sends the waiting delivery jobs by state.
func (c *Collector) collectJobs(ctx context.Context, ch chan<- prometheus.Metric) error {
	j, err := c.store.NoticeJobs(ctx, notify.QueueName, notify.DeliverArgs{}.Kind())
	if err != nil {
		return err
	}
	for state, n := range map[string]int{"available": j.Available, "scheduled": j.Scheduled, "retryable": j.Retryable} {
		ch <- prometheus.MustNewConstMetric(c.jobs, prometheus.GaugeValue, float64(n), state)
	}
	return nil
}
