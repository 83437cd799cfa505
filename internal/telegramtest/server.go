package telegramtest

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Default option values.
const (
	DefaultToken             = "100200300:emulator-test-token"
	DefaultBotUsername       = "diary_test_bot"
	DefaultBotName           = "Дневник"
	DefaultWebhookRetryDelay = time.Second
	DefaultMaxUploadBytes    = 50 << 20
)

// Options configure a Server. The zero value is usable.
type Options struct {
	// Token is the bot token, "<bot id>:<secret>"; DefaultToken when empty.
	Token string
	// BotUsername and BotName are what getMe reports.
	BotUsername string
	BotName     string
	// Now is the clock for message dates and rate limits; time.Now when nil.
	Now func() time.Time
	// Limits are the sending limits; DefaultLimits() when zero.
	Limits Limits
	// NoLimits turns rate limiting off.
	NoLimits bool
	// Addr is the address to listen on; "127.0.0.1:0" when empty.
	Addr string
	// BaseURL, when set, means New opens no listener: the caller mounts the
	// Server (an http.Handler) itself, and URL returns BaseURL.
	BaseURL string
	// WebhookRetryDelay is how long a failed webhook delivery waits before the
	// next attempt (real time); DefaultWebhookRetryDelay when zero.
	WebhookRetryDelay time.Duration
	// WebhookClient posts updates to the webhook; a client with a 30 s timeout when nil.
	WebhookClient *http.Client
	// MaxUploadBytes bounds a request body; DefaultMaxUploadBytes when zero.
	MaxUploadBytes int64
}

// Server is a running emulator. It is an http.Handler serving both the Bot API
// (/bot<token>/<method>) and the user side (/emulator/...).
type Server struct {
	opt   Options
	botID int64
	now   func() time.Time
	mux   *http.ServeMux
	state

	hookMu sync.Mutex // serialises setWebhook and deleteWebhook
	wg     sync.WaitGroup
	done   chan struct{}
	life   context.Context // ends at Close
	end    context.CancelFunc
	once   sync.Once
	ln     net.Listener
	http   *http.Server
	url    string
}

// New starts an emulator. Unless opt.BaseURL is set it listens on opt.Addr and
// serves in the background until Close. Like httptest.NewServer it panics when
// it cannot listen or when the token is malformed.
func New(opt Options) *Server {
	opt = withDefaults(opt)
	id, err := botIDOf(opt.Token)
	if err != nil {
		panic(fmt.Sprintf("telegramtest: %v", err))
	}
	s := &Server{opt: opt, botID: id, now: opt.Now, done: make(chan struct{})}
	s.life, s.end = context.WithCancel(context.Background())
	s.state = newState(opt)
	s.mux = s.emulatorMux()
	if opt.BaseURL != "" {
		s.url = strings.TrimRight(opt.BaseURL, "/")
		return s
	}
	s.listen()
	return s
}

func withDefaults(opt Options) Options {
	if opt.Token == "" {
		opt.Token = DefaultToken
	}
	if opt.BotUsername == "" {
		opt.BotUsername = DefaultBotUsername
	}
	if opt.BotName == "" {
		opt.BotName = DefaultBotName
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.Limits == (Limits{}) {
		opt.Limits = DefaultLimits()
	}
	if opt.WebhookRetryDelay <= 0 {
		opt.WebhookRetryDelay = DefaultWebhookRetryDelay
	}
	if opt.WebhookClient == nil {
		opt.WebhookClient = &http.Client{Timeout: 30 * time.Second}
	}
	if opt.MaxUploadBytes <= 0 {
		opt.MaxUploadBytes = DefaultMaxUploadBytes
	}
	return opt
}

func botIDOf(token string) (int64, error) {
	head, _, ok := strings.Cut(token, ":")
	id, err := strconv.ParseInt(head, 10, 64)
	if !ok || err != nil || id <= 0 {
		return 0, fmt.Errorf("token %q must look like <bot id>:<secret>", "***")
	}
	return id, nil
}

func (s *Server) listen() {
	addr := s.opt.Addr
	if addr == "" {
		addr = "127.0.0.1:0"
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		panic(fmt.Sprintf("telegramtest: listen on %s: %v", addr, err))
	}
	s.ln = ln
	s.url = "http://" + ln.Addr().String()
	s.http = &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		_ = s.http.Serve(ln) // returns http.ErrServerClosed after Close
	}()
}

// URL is the base URL to give go-telegram/bot's WithServerURL, without a trailing slash.
func (s *Server) URL() string { return s.url }

// Token is the bot token the emulator accepts.
func (s *Server) Token() string { return s.opt.Token }

// BotID is the bot's user id (the token's prefix).
func (s *Server) BotID() int64 { return s.botID }

// Close stops the listener, the webhook deliveries and any waiting long polls.
// It is safe to call more than once.
func (s *Server) Close() {
	s.once.Do(func() {
		s.hookMu.Lock()
		close(s.done)
		s.end()
		s.stopWebhook()
		s.hookMu.Unlock()
		if s.http != nil {
			_ = s.http.Close() // closing a listener we own; its error says nothing useful
		}
		s.wg.Wait()
	})
}

// ServeHTTP routes Bot API requests and emulator (user side) requests.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.URL.Path, "/bot") {
		s.serveBotAPI(w, r)
		return
	}
	if strings.HasPrefix(r.URL.Path, "/file/bot") {
		s.serveFile(w, r)
		return
	}
	s.mux.ServeHTTP(w, r)
}
