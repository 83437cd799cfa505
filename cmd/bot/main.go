// Command bot is the service's front: the journal API, health and metrics
// today; the Telegram bot joins them with the next issue. With -sandbox it
// runs on an embedded store with the demo school, for trying it out.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
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
	stop()
	switch {
	case errors.Is(err, flag.ErrHelp):
	case err != nil:
		fmt.Fprintln(os.Stderr, "bot:", err)
		os.Exit(1)
	}
}

// usage is the help text, Russian first.
const usage = `Использование: bot [-sandbox [-sandbox-db ФАЙЛ]]

Сервис электронного дневника: API журнала (POST /api/v1/...), /healthz,
/readyz и /metrics на HTTP_ADDR. Настройки — переменные окружения (README.md).

  -sandbox          песочница: своя встроенная база с демонстрационной школой
                    и токеном API для проб; DATABASE_URL не используется
  -sandbox-db ФАЙЛ  база песочницы (по умолчанию ./data/sandbox.db); токен
                    хранится рядом, в ФАЙЛ.token

Usage: bot [-sandbox [-sandbox-db FILE]]

The school diary service: the journal API, /healthz, /readyz and /metrics on
HTTP_ADDR. Settings are environment variables (README.md).

  -sandbox          sandbox: its own embedded store with the demo school and an
                    API token to try things with; DATABASE_URL is ignored
  -sandbox-db FILE  the sandbox's store (default ./data/sandbox.db); its token
                    is kept next to it, in FILE.token
`

// options are the command-line flags.
type options struct {
	sandbox   bool
	sandboxDB string // the sandbox's SQLite file
}

func parseFlags(args []string, stderr io.Writer) (options, error) {
	var o options
	fs := flag.NewFlagSet("bot", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, usage) }
	fs.BoolVar(&o.sandbox, "sandbox", false, "")
	fs.StringVar(&o.sandboxDB, "sandbox-db", sandboxPath, "")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return o, fmt.Errorf("unexpected arguments: %v", fs.Args())
	}
	return o, nil
}

// run starts the service and serves until ctx is done. Logs go to stderr;
// the sandbox's instructions to stdout.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	opt, err := parseFlags(args, stderr)
	if err != nil {
		return err
	}
	dbURLSet := getenv("DATABASE_URL") != ""
	if opt.sandbox {
		getenv = withoutDatabaseURL(getenv)
	}
	cfg, err := config.LoadBot(getenv)
	if err != nil {
		return err
	}
	log := cfg.NewLogger(stderr)
	if opt.sandbox {
		cfg = sandboxConfig(cfg, opt.sandboxDB, dbURLSet, log)
	}
	log.Info("starting bot", "config", cfg, "sandbox", opt.sandbox)
	return serve(ctx, cfg, opt, log, stdout)
}

// serve opens and migrates the store, prepares the sandbox when asked, and
// serves HTTP until ctx is done.
func serve(ctx context.Context, cfg config.Bot, opt options, log *slog.Logger, stdout io.Writer) error {
	db, applied, err := store.OpenMigrated(ctx, cfg.DatabaseURL, store.Options{})
	if err != nil {
		return err
	}
	defer db.Close()
	log.Info("store ready", "migration", applied)
	var sb *sandbox
	if opt.sandbox {
		if sb, err = prepareSandbox(ctx, db, sandboxTokenPath(opt.sandboxDB), log); err != nil {
			return err
		}
	}
	if cfg.TelegramToken == "" && !opt.sandbox {
		// Until the Telegram bot lands (the next issue) the bot serves the
		// journal API, health and metrics without a token; that issue makes
		// TELEGRAM_BOT_TOKEN required outside the sandbox.
		log.Info("TELEGRAM_BOT_TOKEN is not set: serving the journal API, health and metrics only")
	}
	h := httpapi.New(httpapi.Config{
		Store: db, Ready: httpapi.StoreReady(db), Logger: log,
		MaxBody: int64(cfg.APIMaxBody), Registry: httpapi.NewRegistry(),
	})
	return httpapi.Serve(ctx, cfg.HTTPAddr, h, log, func(a net.Addr) {
		if sb != nil {
			sb.print(stdout, "http://"+a.String())
		}
	})
}
