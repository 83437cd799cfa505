package httpapi

import (
	"context"
	"fmt"
	"net/http"
	"time"
)

// readyTimeout bounds one readiness check.
const readyTimeout = 3 * time.Second

// healthz answers 200 while the process serves requests at all.
func (s *server) healthz(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

// readyz answers 200 when the store answers and its migrations are applied,
// 503 with the reason otherwise.
func (s *server) readyz(w http.ResponseWriter, r *http.Request) {
	if s.cfg.Ready != nil {
		ctx, cancel := context.WithTimeout(r.Context(), readyTimeout)
		defer cancel()
		if err := s.cfg.Ready(ctx); err != nil {
			s.log.Warn("not ready", "reason", err.Error())
			writeJSON(w, http.StatusServiceUnavailable, readiness{Status: "unavailable", Reason: err.Error()})
			return
		}
	}
	writeJSON(w, http.StatusOK, readiness{Status: "ready"})
}

// readiness is the body of /readyz.
type readiness struct {
	Status string `json:"status"`
	Reason string `json:"reason,omitempty"`
}

// Versioner is a store that reports its migrations.
type Versioner interface {
	// Version returns the applied and the latest known migration numbers.
	Version(ctx context.Context) (applied, latest int, err error)
}

// StoreReady returns a Config.Ready that needs the store to answer and every
// migration this binary knows to be applied.
func StoreReady(v Versioner) func(ctx context.Context) error {
	return func(ctx context.Context) error {
		applied, latest, err := v.Version(ctx)
		if err != nil {
			return fmt.Errorf("store does not answer: %w", err)
		}
		if applied < latest {
			return fmt.Errorf("migrations pending: %d of %d applied", applied, latest)
		}
		return nil
	}
}
