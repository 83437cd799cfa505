package main

import (
	"github.com/schooldiary/diary/internal/config"

	"github.com/schooldiary/diary/internal/testenv"

	"context"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestRunServesOpsAndStops(t *testing.T) {
	env := map[string]string{
		"DATABASE_URL":        "sqlite:" + filepath.Join(t.TempDir(), "diary.db"),
		"SCHEDULER_HTTP_ADDR": "127.0.0.1:0",
		"LOG_FORMAT":          "json",
		"REDIS_URL":           testenv.RedisURL(t),
		"TELEGRAM_BOT_TOKEN":  "123456:test",
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	log := testenv.NewLogWatch()
	errc := make(chan error, 1)
	go func() { errc <- run(ctx, nil, func(k string) string { return env[k] }, io.Discard, log) }()
	var base string
	select {
	case addr := <-log.Addr:
		base = "http://" + addr
	case err := <-errc:
		t.Fatalf("run ended before listening: %v\n%s", err, log)
	case <-time.After(time.Minute):
		t.Fatalf("run did not listen in time\n%s", log)
	}
	tests := []struct {
		path string
		want int
	}{
		{"/healthz", http.StatusOK}, {"/readyz", http.StatusOK}, {"/metrics", http.StatusOK},
		{"/api/v1/grades", http.StatusNotFound},
	}
	for _, tt := range tests {
		resp, err := http.Get(base + tt.path)
		if err != nil {
			t.Fatalf("GET %s: %v", tt.path, err)
		}
		resp.Body.Close()
		if resp.StatusCode != tt.want {
			t.Errorf("GET %s = %d, want %d", tt.path, resp.StatusCode, tt.want)
		}
	}
	cancel()
	if err := <-errc; err != nil {
		t.Errorf("run after cancel = %v, want nil", err)
	}
	if !strings.Contains(log.String(), `"msg":"shutting down"`) {
		t.Errorf("no shutdown line:\n%s", log)
	}
}

func TestRunRefusesBadSettings(t *testing.T) {
	env := map[string]string{"SCHEDULER_HTTP_ADDR": "nowhere", "REDIS_URL": "redis://127.0.0.1:6379/0"}
	err := run(context.Background(), nil, func(k string) string { return env[k] }, io.Discard, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "SCHEDULER_HTTP_ADDR") {
		t.Errorf("run = %v, want an error naming SCHEDULER_HTTP_ADDR", err)
	}
	if got := config.ExitCode(err); got != config.ExitConfig {
		t.Errorf("exit code %d, want %d", got, config.ExitConfig)
	}
}
