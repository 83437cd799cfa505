package httpapi_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/httpapi"
	"github.com/schooldiary/diary/internal/store"
	"github.com/schooldiary/diary/internal/store/storetest"
	"github.com/schooldiary/diary/internal/testenv"
)

// testNow is the clock of every test: a Monday of the first quarter.
var testNow = time.Date(2026, 10, 5, 9, 0, 0, 0, time.UTC)

// testMaxBody is the body limit of the test servers.
const testMaxBody = 64 << 10

// backends are the stores every API test runs against.
var backends = []struct {
	name string
	dsn  func(t *testing.T) string
}{
	{"sqlite", func(t *testing.T) string { return "sqlite:" + filepath.Join(t.TempDir(), "diary.db") }},
	{"postgres", func(t *testing.T) string { return testenv.PostgresURL(t) }},
}

// forEachStore runs fn against a fresh, unmigrated store of each backend.
func forEachStore(t *testing.T, fn func(t *testing.T, db store.DB)) {
	t.Helper()
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			ctx := context.Background()
			db, err := store.Open(ctx, b.dsn(t), store.Options{Now: func() time.Time { return testNow }})
			if err != nil {
				t.Fatalf("open %s: %v", b.name, err)
			}
			t.Cleanup(func() { db.Close() })
			fn(t, db)
		})
	}
}

// seeded migrates db, loads the small school and returns a live token's secret.
func seeded(t *testing.T, db store.DB) string {
	t.Helper()
	ctx := context.Background()
	if err := db.Migrate(ctx); err != nil {
		t.Fatalf("migrate: %v", err)
	}
	res, err := db.Apply(ctx, storetest.SmallSchool(), diary.ApplyOptions{})
	if err != nil {
		t.Fatalf("apply small school: %v", err)
	}
	secret, _ := newToken(t, db, res.SchoolID)
	return secret
}

// newToken stores a new token of a school and returns its secret and id.
func newToken(t *testing.T, db store.DB, schoolID int64) (string, int64) {
	t.Helper()
	secret, hash, err := httpapi.NewToken()
	if err != nil {
		t.Fatal(err)
	}
	tok, err := db.CreateToken(context.Background(), diary.APIToken{SchoolID: schoolID, Name: "test", Hash: hash})
	if err != nil {
		t.Fatalf("create token: %v", err)
	}
	return secret, tok.ID
}

// newServer serves the API over db with its own metrics registry.
func newServer(t *testing.T, db store.DB) (*httptest.Server, *prometheus.Registry) {
	t.Helper()
	reg := prometheus.NewRegistry()
	h := httpapi.New(httpapi.Config{
		Store: db, Ready: httpapi.StoreReady(db), Now: func() time.Time { return testNow },
		MaxBody: testMaxBody, Registry: reg,
	})
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv, reg
}

// answer is a decoded API answer.
type answer struct {
	code   int
	header http.Header
	err    httpapi.ErrorBody
	result httpapi.ResultBody
	raw    string
}

// post sends body to path with the token (none when empty).
func post(t *testing.T, srv *httptest.Server, path, token, body string) answer {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, srv.URL+path, bytes.NewBufferString(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	return do(t, req)
}

// get fetches path.
func get(t *testing.T, srv *httptest.Server, path string) answer {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, srv.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	return do(t, req)
}

func do(t *testing.T, req *http.Request) answer {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", req.Method, req.URL.Path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	a := answer{code: resp.StatusCode, header: resp.Header, raw: string(b)}
	if resp.StatusCode == http.StatusOK {
		_ = json.Unmarshal(b, &a.result)
	} else {
		_ = json.Unmarshal(b, &a.err)
	}
	return a
}

// items wraps item objects into an API body.
func items(objs ...string) string {
	return `{"items":[` + join(objs) + `]}`
}

func join(objs []string) string {
	var b bytes.Buffer
	for i, o := range objs {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(o)
	}
	return b.String()
}

// wantCode fails the test when the answer's status is not want.
func wantCode(t *testing.T, a answer, want int) {
	t.Helper()
	if a.code != want {
		t.Fatalf("status = %d, want %d; body: %s", a.code, want, a.raw)
	}
}
