// Command scheduler runs the service's scheduled duties. Until the next issues
// add the cron jobs and the outbox senders it opens and migrates the store and
// serves /healthz, /readyz and /metrics on SCHEDULER_HTTP_ADDR.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
	_ "time/tzdata" // school zones work without the system's zoneinfo

	"github.com/schooldiary/diary/internal/config"
	"github.com/schooldiary/diary/internal/httpapi"
	"github.com/schooldiary/diary/internal/store"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr)
	code := config.ExitCode(err)
	if code != 0 {
		fmt.Fprintln(os.Stderr, "scheduler:", err)
	}
	config.WaitOnInvalid(ctx, err, os.Getenv, os.Stderr)
	stop()
	os.Exit(code)
}

// usage is the help text, Russian first.
const usage = `Использование: scheduler

Планировщик электронного дневника: регламентные задания и рассылки (следующие
задачи). Сейчас открывает базу, применяет миграции и отвечает на /healthz,
/readyz и /metrics на SCHEDULER_HTTP_ADDR. Настройки — в README.md.

Usage: scheduler

The school diary's scheduler: scheduled duties and delivery (next issues). For
now it opens the store, applies migrations and serves /healthz, /readyz and
/metrics on SCHEDULER_HTTP_ADDR. Settings are in README.md.
`

// schedulerStore is what the scheduler uses of the store: for now whether
// every migration it knows is applied (its readiness). The duties and senders
// of the next issues add the methods they call here.
type schedulerStore interface {
	httpapi.Versioner
}

// The opened store serves the scheduler.
var _ schedulerStore = store.DB(nil)

// run starts the scheduler and serves until ctx is done; logs go to stderr.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	if err := parseFlags(args, stderr); err != nil {
		return err
	}
	cfg, err := config.LoadScheduler(getenv)
	if err != nil {
		return err
	}
	log := cfg.NewLogger(stderr)
	log.Info("starting scheduler", "config", cfg)
	db, applied, err := store.OpenMigrated(ctx, cfg.DatabaseURL, store.Options{})
	if err != nil {
		return err
	}
	defer db.Close()
	log.Info("store ready", "migration", applied)
	return serve(ctx, cfg, db, log)
}

// parseFlags checks that there are no flags or arguments but -h.
func parseFlags(args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("scheduler", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, usage) }
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return fmt.Errorf("unexpected arguments: %v", fs.Args())
	}
	return nil
}

// serve answers /healthz, /readyz and /metrics until ctx is done.
func serve(ctx context.Context, cfg config.Scheduler, db schedulerStore, log *slog.Logger) error {
	h := httpapi.New(httpapi.Config{Ready: httpapi.StoreReady(db), Logger: log, Registry: httpapi.NewRegistry()})
	return httpapi.Serve(ctx, cfg.HTTPAddr, h, log, nil)
}
