// Command bot is the service's front on one HTTP listener (HTTP_ADDR): the
// Telegram bot (internal/bot), fed by long polling or, when WEBHOOK_URL is
// set, by Telegram's webhook on that URL's path; the journal API
// (POST /api/v1/...); /healthz, /readyz (the store answers, every migration
// applied) and Prometheus /metrics. It opens the store DATABASE_URL names and
// applies its migrations at start, and shares rate limits, locks and
// conversation state with its replicas through REDIS_URL (memory when empty).
//
// With -sandbox it needs no Telegram token: it runs on its own SQLite file
// (-sandbox-db, never DATABASE_URL) holding the demo school, gives that school
// an API token, serves a Bot API emulator and the web chat of
// internal/sandbox on the same listener, points the bot at the emulator, and
// prints how to try it all.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	_ "time/tzdata" // school zones work without the system's zoneinfo

	"github.com/schooldiary/diary/internal/bot"
	"github.com/schooldiary/diary/internal/config"
	"github.com/schooldiary/diary/internal/httpapi"
	"github.com/schooldiary/diary/internal/store"
	"github.com/schooldiary/diary/internal/telegramtest"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr)
	code := config.ExitCode(err)
	if code != 0 {
		fmt.Fprintln(os.Stderr, "bot:", err)
	}
	config.WaitOnInvalid(ctx, err, os.Getenv, os.Stderr)
	stop()
	os.Exit(code)
}

// usage is the help text, Russian first.
const usage = `Использование: bot [-sandbox [-sandbox-db ФАЙЛ]]

Сервис электронного дневника: Telegram-бот (long polling или вебхук
WEBHOOK_URL), API журнала (POST /api/v1/...), /healthz, /readyz и /metrics
на HTTP_ADDR. Настройки — переменные окружения (README.md).

  -sandbox          песочница: своя встроенная база с демонстрационной школой,
                    токен API и веб-чат с ботом через эмулятор Telegram;
                    DATABASE_URL не используется, TELEGRAM_BOT_TOKEN не нужен
  -sandbox-db ФАЙЛ  база песочницы (по умолчанию ./data/sandbox.db); токен
                    хранится рядом, в ФАЙЛ.token

Usage: bot [-sandbox [-sandbox-db FILE]]

The school diary service: the Telegram bot (long polling, or the WEBHOOK_URL
webhook), the journal API, /healthz, /readyz and /metrics on HTTP_ADDR.
Settings are environment variables (README.md).

  -sandbox          sandbox: its own embedded store with the demo school, an API
                    token and a web chat with the bot through a Telegram
                    emulator; DATABASE_URL is ignored, no TELEGRAM_BOT_TOKEN needed
  -sandbox-db FILE  the sandbox's store (default ./data/sandbox.db); its token
                    is kept next to it, in FILE.token
`

// options are the command-line flags, and the retry clock tests inject.
type options struct {
	sandbox   bool
	sandboxDB string // the sandbox's SQLite file

	backoff bot.Backoff // not a flag: the bot's defaults unless a test sets it
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
	return runWith(ctx, opt, getenv, stdout, stderr)
}

// runWith is run with the flags parsed.
func runWith(ctx context.Context, opt options, getenv func(string) string, stdout, stderr io.Writer) error {
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
// serves HTTP and the Telegram bot until ctx is done.
func serve(ctx context.Context, cfg config.Bot, opt options, log *slog.Logger, stdout io.Writer) error {
	if cfg.TelegramToken.Value() == "" && !opt.sandbox {
		return config.Invalid(errNoToken)
	}
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
		if err := sb.startMail(&cfg, log); err != nil {
			return err
		}
		defer sb.mail.Close() // after the senders stopped
	}
	ln, err := httpapi.Listen(ctx, cfg.HTTPAddr)
	if err != nil {
		return err
	}
	base := "http://" + ln.Addr().String()
	mux, tg, err := routes(ctx, cfg, db, sb, base, opt.backoff, log)
	if err != nil {
		ln.Close()
		return err
	}
	return serveAll(ctx, ln, mux, tg, cfg, log, func() {
		if sb != nil {
			sb.print(stdout, base)
		}
	})
}

// routes builds the HTTP routes (journal API, health, metrics; the sandbox's
// web chat and emulator; the webhook) and the bot and senders behind them.
func routes(ctx context.Context, cfg config.Bot, db store.DB, sb *sandbox, base string, bo bot.Backoff, log *slog.Logger) (*http.ServeMux, *telegram, error) {
	mux := http.NewServeMux()
	apiURL, token := cfg.TelegramAPIURL, cfg.TelegramToken.Value()
	var emu *telegramtest.Server
	if sb != nil {
		emu = sb.mountChat(mux, db, base, log)
		apiURL, token = base, emu.Token()
	}
	tg, err := newSenders(ctx, cfg, db, telegramAPI{apiURL, token, bo}, log)
	if err != nil {
		return nil, nil, err
	}
	if emu != nil {
		tg.onClose = append(tg.onClose, emu.Close)
	}
	mountAPI(mux, cfg, db, tg, sb == nil, log)
	if tg.webhook {
		if err := tg.mountWebhook(mux, cfg); err != nil {
			tg.close()
			return nil, nil, err
		}
	}
	return mux, tg, nil
}

// newSenders builds the bot and the notice service sharing its client and
// limiter, and starts the senders in the embedded setup; closing the bot
// stops them (deliveries in flight finish) before the shared state closes.
func newSenders(ctx context.Context, cfg config.Bot, db store.DB, api telegramAPI, log *slog.Logger) (*telegram, error) {
	mail, err := mailChannel(cfg.Mail)
	if err != nil {
		return nil, err
	}
	ann, ok := db.(bot.AnnounceStore)
	if !ok {
		return nil, fmt.Errorf("announcements: the store %T keeps none", db)
	}
	enq := &enqueuer{}
	tg, err := newTelegram(ctx, cfg, db, mail, bot.NewAnnouncer(ann, enq), api, log)
	if err != nil {
		return nil, err
	}
	dl, err := newDelivery(db, cfg, tg.client, tg.cluster, mail, log)
	if err == nil {
		enq.svc.Store(dl.svc)
		err = dl.start(ctx, log, mail != nil)
	}
	if err != nil {
		tg.close()
		return nil, err
	}
	tg.delivery = dl
	tg.onClose = append(tg.onClose, func() { dl.stop(ctx, log) })
	return tg, nil
}

// mountAPI mounts the journal API, health and metrics on mux (and on "/"
// too when root). /readyz needs the store and the bot's Telegram updates.
func mountAPI(mux *http.ServeMux, cfg config.Bot, db store.DB, tg *telegram, root bool, log *slog.Logger) {
	reg := httpapi.NewRegistry()
	reg.MustRegister(tg.delivery.metrics)
	api := httpapi.New(httpapi.Config{
		Store: db, Ready: allReady(httpapi.StoreReady(db), tg.bot.Ready), Logger: log,
		MaxBody: int64(cfg.APIMaxBody), Registry: reg,
	})
	for _, p := range []string{"/api/", "/healthz", "/readyz", "/metrics"} {
		mux.Handle(p, api)
	}
	if root {
		mux.Handle("/", api)
	}
}

// allReady is ready when every check is, else the first one's reason.
func allReady(checks ...func(context.Context) error) func(context.Context) error {
	return func(ctx context.Context) error {
		for _, c := range checks {
			if err := c(ctx); err != nil {
				return err
			}
		}
		return nil
	}
}

// serveAll serves HTTP on ln and runs the bot until ctx is done or either
// fails. Then the bot stops first (updates in flight finished), the sandbox's
// emulator ends its long polls, and HTTP shuts down last.
func serveAll(ctx context.Context, ln net.Listener, h http.Handler, tg *telegram, cfg config.Bot, log *slog.Logger, ready func()) error {
	botCtx, stopBot := context.WithCancel(ctx)
	defer stopBot()
	httpCtx, stopHTTP := context.WithCancel(context.WithoutCancel(ctx))
	defer stopHTTP()
	ready() // the listener is bound: what it prints is true before the "listening" line
	httpErr, botErr := make(chan error, 1), make(chan error, 1)
	go func() { httpErr <- httpapi.ServeOn(httpCtx, ln, h, log) }()
	go func() { botErr <- tg.run(botCtx, cfg, log) }()
	var err error
	botDone := false
	select {
	case <-ctx.Done():
	case err = <-httpErr:
		stopBot()
		err = errors.Join(err, <-botErr)
		tg.close()
		return err
	case err = <-botErr:
		botDone = true
	}
	stopBot()
	if !botDone {
		err = errors.Join(err, <-botErr)
	}
	tg.close()
	stopHTTP()
	return errors.Join(err, <-httpErr)
}
