// Command scheduler runs the service's scheduled duties and sends the
// notices. It opens and migrates the store, delivers the notices (River
// jobs) through Telegram, paced by the limiter it shares with the bot
// through REDIS_URL, and email when SMTP_URL is set, and serves /healthz,
// /readyz and /metrics on SCHEDULER_HTTP_ADDR. The cron duties come next.
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

	"github.com/prometheus/client_golang/prometheus"

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

Планировщик электронного дневника: рассылает уведомления (Telegram с общим
с ботом ограничителем через REDIS_URL, почта при SMTP_URL) и отвечает на
/healthz, /readyz и /metrics на SCHEDULER_HTTP_ADDR; регламентные задания —
следующая задача. Нужны REDIS_URL и TELEGRAM_BOT_TOKEN. Настройки — README.md.

Usage: scheduler

The school diary's scheduler: sends the notices (Telegram, sharing the bot's
rate limiter through REDIS_URL; email with SMTP_URL) and serves /healthz,
/readyz and /metrics on SCHEDULER_HTTP_ADDR; the scheduled duties come next.
Needs REDIS_URL and TELEGRAM_BOT_TOKEN. Settings are in README.md.
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
	snd, err := startSenders(ctx, cfg, db, log)
	if err != nil {
		return err
	}
	err = serve(ctx, cfg, db, snd.metrics, log)
	snd.stop(ctx, log)
	return err
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

// serve answers /healthz, /readyz and /metrics (with the delivery's
// figures) until ctx is done.
func serve(ctx context.Context, cfg config.Scheduler, db schedulerStore, delivery prometheus.Collector, log *slog.Logger) error {
	reg := httpapi.NewRegistry()
	reg.MustRegister(delivery)
	h := httpapi.New(httpapi.Config{Ready: httpapi.StoreReady(db), Logger: log, Registry: reg})
	return httpapi.Serve(ctx, cfg.HTTPAddr, h, log, nil)
}
