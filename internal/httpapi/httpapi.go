// Package httpapi is the HTTP face of the service on the bot's listener: the
// journal API (POST /api/v1/{lessons,grades,attendance,homework}), /healthz,
// /readyz and Prometheus /metrics.
package httpapi

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/schooldiary/diary/internal/diary"
)

// DefaultMaxBody limits an API request body when Config.MaxBody is 0: 8 MiB.
const DefaultMaxBody = 8 << 20

// Store is what the journal API needs of the store.
type Store interface {
	// TokenByHash returns the live token with the hex SHA-256 hash; ErrNotFound.
	TokenByHash(ctx context.Context, hash string) (diary.APIToken, error)
	// School returns the school with id; ErrNotFound.
	School(ctx context.Context, id int64) (diary.School, error)
	// Apply writes a batch; a *diary.ValidationError lists every bad item.
	Apply(ctx context.Context, b *diary.Batch, opt diary.ApplyOptions) (diary.ApplyResult, error)
}

// Config wires the handler.
type Config struct {
	// Store serves the journal API; without it only health, readiness and
	// metrics are served (the scheduler's listener).
	Store Store
	// Ready reports why the service cannot take work yet; nil means always ready.
	Ready func(ctx context.Context) error
	// Logger gets one line per request; discarded when nil.
	Logger *slog.Logger
	// Now is the clock (the API's "today" in the school's zone); time.Now when nil.
	Now func() time.Time
	// MaxBody limits an API request body in bytes; DefaultMaxBody when 0.
	MaxBody int64
	// Registry receives the metrics and is served at /metrics; a new one when nil.
	Registry *prometheus.Registry
}

// server holds the handler's dependencies.
type server struct {
	cfg     Config
	log     *slog.Logger
	metrics *metrics
}

// New returns the handler of the service's HTTP listener.
func New(cfg Config) http.Handler {
	cfg = withDefaults(cfg)
	s := &server{cfg: cfg, log: cfg.Logger, metrics: newMetrics(cfg.Registry)}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", s.healthz)
	mux.HandleFunc("GET /readyz", s.readyz)
	mux.Handle("GET /metrics", promhttp.HandlerFor(cfg.Registry, promhttp.HandlerOpts{Registry: cfg.Registry}))
	if cfg.Store != nil {
		for _, k := range kinds {
			mux.Handle("POST /api/v1/"+k.name, s.apiHandler(k))
		}
	}
	return s.observe(mux)
}

func withDefaults(cfg Config) Config {
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = DefaultMaxBody
	}
	if cfg.Registry == nil {
		cfg.Registry = prometheus.NewRegistry()
	}
	return cfg
}
