package httpapi

import (
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/schooldiary/diary/internal/diary"
)

// metrics are the handler's Prometheus collectors.
type metrics struct {
	requests *prometheus.CounterVec   // by route, code
	latency  *prometheus.HistogramVec // by route, code
	items    *prometheus.CounterVec   // by kind, result
}

// newMetrics registers the collectors in reg, reusing those a previous New
// registered there.
func newMetrics(reg *prometheus.Registry) *metrics {
	return &metrics{
		requests: register(reg, prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "diary_http_requests_total",
			Help: "HTTP requests by route and status code.",
		}, []string{"route", "code"})),
		latency: register(reg, prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "diary_http_request_duration_seconds",
			Help:    "HTTP request latency by route and status code.",
			Buckets: prometheus.DefBuckets,
		}, []string{"route", "code"})),
		items: register(reg, prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "diary_api_items_total",
			Help: "Journal items the API applied, by kind and result (added, changed, unchanged, removed).",
		}, []string{"kind", "result"})),
	}
}

func register[C prometheus.Collector](reg *prometheus.Registry, c C) C {
	err := reg.Register(c)
	var are prometheus.AlreadyRegisteredError
	if errors.As(err, &are) {
		if existing, ok := are.ExistingCollector.(C); ok {
			return existing
		}
	}
	if err != nil {
		panic("httpapi: register metric: " + err.Error())
	}
	return c
}

// applied counts the items of one API call.
func (m *metrics) applied(kind string, c diary.Counts) {
	m.items.WithLabelValues(kind, "added").Add(float64(c.Added))
	m.items.WithLabelValues(kind, "changed").Add(float64(c.Changed))
	m.items.WithLabelValues(kind, "unchanged").Add(float64(c.Unchanged))
	m.items.WithLabelValues(kind, "removed").Add(float64(c.Removed))
}

// statusWriter remembers the status code written.
type statusWriter struct {
	http.ResponseWriter
	code int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.code == 0 {
		w.code = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.code == 0 {
		w.code = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the real writer.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// observe counts and times every request by its route pattern and logs it.
// Request bodies and query strings are never logged.
func (s *server) observe(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now() // wall-clock latency, not the injected domain clock
		sw := &statusWriter{ResponseWriter: w}
		next.ServeHTTP(sw, r)
		if sw.code == 0 {
			sw.code = http.StatusOK
		}
		route := r.Pattern
		if route == "" {
			route = "unmatched"
		}
		code := strconv.Itoa(sw.code)
		elapsed := time.Since(start)
		s.metrics.requests.WithLabelValues(route, code).Inc()
		s.metrics.latency.WithLabelValues(route, code).Observe(elapsed.Seconds())
		s.log.Debug("http request", "method", r.Method, "route", route, "code", sw.code,
			"duration", elapsed.Round(time.Microsecond))
	})
}

// NewRegistry returns a Prometheus registry with the Go runtime and process
// collectors, the one each binary serves on /metrics.
func NewRegistry() *prometheus.Registry {
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return reg
}
