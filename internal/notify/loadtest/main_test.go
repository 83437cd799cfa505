package loadtest_test

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	tgbot "github.com/go-telegram/bot"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"

	"github.com/schooldiary/diary/internal/cluster"
	"github.com/schooldiary/diary/internal/notify"
	"github.com/schooldiary/diary/internal/notify/email"
	"github.com/schooldiary/diary/internal/notify/telegram"
	"github.com/schooldiary/diary/internal/store"
)

// The environment of a sender process.
const (
	envSender      = "LOADTEST_SENDER" // set: the test binary runs as a sender
	envDatabase    = "DATABASE_URL"
	envRedis       = "REDIS_URL"
	envRedisPrefix = "REDIS_PREFIX"
	envAPI         = "TELEGRAM_API_URL"
	envToken       = "TELEGRAM_TOKEN"
	envRate        = "TELEGRAM_RATE"
	envSMTP        = "SMTP_URL"
	envJobTimeout  = "SENDER_JOB_TIMEOUT"
	envRescue      = "SENDER_RESCUE_AFTER"
)

// TestMain runs the tests, or a sender when the environment says so.
func TestMain(m *testing.M) {
	if os.Getenv(envSender) != "" {
		if err := runSender(); err != nil {
			fmt.Fprintln(os.Stderr, "sender:", err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// runSender delivers notices from DATABASE_URL to TELEGRAM_API_URL until
// SIGTERM, printing "ready" once started and "left <unix ns>" for every
// message as it leaves the process.
func runSender() error {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	db, err := store.Open(ctx, os.Getenv(envDatabase), store.Options{})
	if err != nil {
		return err
	}
	defer db.Close()
	out := &lines{w: os.Stdout}
	svc, err := newSender(ctx, db.(notify.Store), out)
	if err != nil {
		return err
	}
	if err := svc.Start(ctx); err != nil {
		return err
	}
	events, cancel := svc.Subscribe(river.EventKindJobCompleted, river.EventKindJobCancelled, river.EventKindJobFailed)
	defer cancel()
	go reportDone(events, out)
	out.line("ready")
	<-ctx.Done()
	stopCtx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	return svc.Stop(stopCtx)
}

// newSender is the delivery service of a sender process.
func newSender(ctx context.Context, db notify.Store, out *lines) (*notify.Service, error) {
	log := slog.New(warnLines{slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}), out})
	chans, err := senderChannels(ctx, out, log)
	if err != nil {
		return nil, err
	}
	return notify.New(db, notify.Config{Channels: chans, Logger: log,
		JobTimeout: envDuration(envJobTimeout), RescueAfter: envDuration(envRescue)})
}

// senderChannels are Telegram through the shared limiter and, when
// SMTP_URL is set, email.
func senderChannels(ctx context.Context, out *lines, log *slog.Logger) (map[string]notify.Channel, error) {
	limiter, err := senderLimiter(ctx)
	if err != nil {
		return nil, err
	}
	client, err := tgbot.New(os.Getenv(envToken), tgbot.WithServerURL(os.Getenv(envAPI)), tgbot.WithSkipGetMe(),
		tgbot.WithErrorsHandler(func(error) {}), tgbot.WithHTTPClient(time.Minute, leaving{out}))
	if err != nil {
		return nil, err
	}
	rate, _ := strconv.Atoi(cmp.Or(os.Getenv(envRate), "25"))
	chans := map[string]notify.Channel{notify.Telegram: telegram.NewChannel(client,
		telegram.NewPacer(limiter, telegram.DefaultLimits(rate), telegram.WithLog(log)))}
	if u := os.Getenv(envSMTP); u != "" {
		cfg, err := email.ParseConfig(u, "Школа <school@diary.test>")
		if err != nil {
			return nil, err
		}
		chans[notify.Email] = email.New(cfg)
	}
	return chans, nil
}

// senderLimiter is the Redis limiter of REDIS_URL, or a memory one.
func senderLimiter(ctx context.Context) (cluster.Limiter, error) {
	u := os.Getenv(envRedis)
	if u == "" {
		return cluster.NewMemory(nil).Limiter, nil
	}
	set, err := cluster.OpenRedis(ctx, u, os.Getenv(envRedisPrefix))
	if err != nil {
		return nil, err
	}
	return set.Limiter, nil
}

// reportDone prints "done <notice id>" for each delivery job that ends.
func reportDone(events <-chan *river.Event, out *lines) {
	for ev := range events {
		if ev.Job == nil || (ev.Job.State != rivertype.JobStateCompleted && ev.Job.State != rivertype.JobStateCancelled &&
			ev.Job.State != rivertype.JobStateDiscarded) {
			continue
		}
		var a notify.DeliverArgs
		if json.Unmarshal(ev.Job.EncodedArgs, &a) == nil {
			out.line("done " + strconv.FormatInt(a.NoticeID, 10))
		}
	}
}

// envDuration reads a duration from the environment; zero when unset.
func envDuration(name string) time.Duration {
	d, _ := time.ParseDuration(os.Getenv(name))
	return d
}

// warnLines tells the parent of every warning (a limiter or a database
// that does not answer) with a line "warn", and logs it to stderr.
type warnLines struct {
	slog.Handler
	out *lines
}

// Handle reports r to the parent, then logs it.
func (h warnLines) Handle(ctx context.Context, r slog.Record) error {
	if r.Level >= slog.LevelWarn {
		h.out.line("warn")
	}
	return h.Handler.Handle(ctx, r)
}

// WithAttrs keeps reporting to the parent.
func (h warnLines) WithAttrs(as []slog.Attr) slog.Handler {
	return warnLines{h.Handler.WithAttrs(as), h.out}
}

// WithGroup keeps reporting to the parent.
func (h warnLines) WithGroup(name string) slog.Handler {
	return warnLines{h.Handler.WithGroup(name), h.out}
}

// lines writes whole lines to the parent, one writer at a time.
type lines struct {
	mu sync.Mutex
	w  io.Writer
}

// line writes s and a newline.
func (l *lines) line(s string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	fmt.Fprintln(l.w, s)
}

// leaving is the sender's HTTP client: it reports the instant each message
// leaves the process, as its request starts.
type leaving struct{ out *lines }

// transport keeps a connection for each of River's workers: with
// http.DefaultTransport's two idle connections a host, most sends would
// dial anew, and the dials' varying delays bunch messages that left the
// pacer evenly spaced.
var transport = func() *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = 64
	return t
}()

// Do reports a sendMessage and sends the request.
func (l leaving) Do(r *http.Request) (*http.Response, error) {
	if strings.HasSuffix(r.URL.Path, "/sendMessage") {
		l.out.line("left " + strconv.FormatInt(time.Now().UnixNano(), 10))
	}
	return transport.RoundTrip(r)
}
