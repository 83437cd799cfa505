package httpapi_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/schooldiary/diary/internal/httpapi"
	"github.com/schooldiary/diary/internal/store"
)

func TestReadyzFollowsMigrations(t *testing.T) {
	forEachStore(t, func(t *testing.T, db store.DB) {
		srv, _ := newServer(t, db)
		a := get(t, srv, "/readyz")
		wantCode(t, a, http.StatusServiceUnavailable)
		if !strings.Contains(a.raw, `"reason":"migrations pending: 0 of `) {
			t.Errorf("503 without the pending migrations as the reason: %s", a.raw)
		}
		if err := db.Migrate(context.Background()); err != nil {
			t.Fatalf("migrate: %v", err)
		}
		wantCode(t, get(t, srv, "/readyz"), http.StatusOK)
		wantCode(t, get(t, srv, "/healthz"), http.StatusOK)
	})
}

func TestReadyzReason(t *testing.T) {
	h := httpapi.New(httpapi.Config{Ready: func(context.Context) error { return errors.New("store is down") }})
	srv := httptest.NewServer(h)
	defer srv.Close()
	a := get(t, srv, "/readyz")
	wantCode(t, a, http.StatusServiceUnavailable)
	if !strings.Contains(a.raw, "store is down") {
		t.Errorf("reason missing from %s", a.raw)
	}
	wantCode(t, get(t, srv, "/healthz"), http.StatusOK)
}

func TestOpsOnlyWithoutStore(t *testing.T) {
	srv := httptest.NewServer(httpapi.New(httpapi.Config{}))
	defer srv.Close()
	wantCode(t, get(t, srv, "/readyz"), http.StatusOK)
	wantCode(t, get(t, srv, "/metrics"), http.StatusOK)
	wantCode(t, post(t, srv, "/api/v1/grades", "x", items()), http.StatusNotFound)
}

func TestMetricsExposed(t *testing.T) {
	forEachStore(t, func(t *testing.T, db store.DB) {
		token := seeded(t, db)
		srv, _ := newServer(t, db)
		wantCode(t, post(t, srv, "/api/v1/grades", token, items(gradeItem, gradeItem2)), http.StatusOK)
		wantCode(t, post(t, srv, "/api/v1/grades", token, items(gradeItem)), http.StatusOK)
		wantCode(t, post(t, srv, "/api/v1/grades", "", items(gradeItem)), http.StatusUnauthorized)
		a := get(t, srv, "/metrics")
		wantCode(t, a, http.StatusOK)
		for _, want := range []string{
			`diary_http_requests_total{code="200",route="POST /api/v1/grades"} 2`,
			`diary_http_requests_total{code="401",route="POST /api/v1/grades"} 1`,
			`diary_http_request_duration_seconds_count{code="200",route="POST /api/v1/grades"} 2`,
			`diary_api_items_total{kind="grades",result="added"} 2`,
			`diary_api_items_total{kind="grades",result="unchanged"} 1`,
		} {
			if !strings.Contains(a.raw, want) {
				t.Errorf("metrics lack %s", want)
			}
		}
	})
}

func TestNewTwiceOnOneRegistry(t *testing.T) {
	reg := prometheus.NewRegistry()
	first := httptest.NewServer(httpapi.New(httpapi.Config{Registry: reg}))
	defer first.Close()
	second := httptest.NewServer(httpapi.New(httpapi.Config{Registry: reg})) // must not panic
	defer second.Close()
	wantCode(t, get(t, first, "/healthz"), http.StatusOK)
	wantCode(t, get(t, second, "/healthz"), http.StatusOK)
	a := get(t, second, "/metrics")
	if want := `diary_http_requests_total{code="200",route="GET /healthz"} 2`; !strings.Contains(a.raw, want) {
		t.Errorf("shared registry lacks %s:\n%s", want, a.raw)
	}
}
