package sandbox

import (
	"embed"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/schooldiary/diary/internal/demo"
	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/telegramtest"
)

// Config is what the sandbox's web chat needs.
type Config struct {
	// Emulator is the Bot API emulator the page talks to; it is mounted
	// under /emulator/ and /bot on the same handler.
	Emulator *telegramtest.Server
	// Store holds the demo school; link codes are created in it.
	Store Store
	// SchoolCode is the demo school's code; demo.DemoSchoolCode when empty.
	SchoolCode string
	// BotUsername is shown in the chat's header.
	BotUsername string
	// Now is the clock for link codes; time.Now when nil.
	Now func() time.Time
	// Log gets a line per persona choice (never the code); slog.Default when nil.
	Log *slog.Logger
	// Rand is the source of link codes; crypto/rand when nil.
	Rand io.Reader
	// Mail is the SMTP catcher the sandbox's email goes to; the page shows
	// each persona's inbox from it. Nil: the page has no mail panel.
	Mail Inboxes
}

//go:embed static
var static embed.FS

// contentPolicy lets the page load only its own script, style and files.
const contentPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// server is the state behind Handler.
type server struct {
	cfg Config
	mu  sync.Mutex // one persona choice at a time: users are created once
}

// Handler returns the sandbox's web chat with the emulator mounted beside it.
func Handler(cfg Config) http.Handler {
	if cfg.SchoolCode == "" {
		cfg.SchoolCode = demo.DemoSchoolCode
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	s := &server{cfg: cfg}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.servePage)
	mux.HandleFunc("GET /sandbox/app.js", s.serveFile("static/app.js", "text/javascript; charset=utf-8"))
	mux.HandleFunc("GET /sandbox/app.css", s.serveFile("static/app.css", "text/css; charset=utf-8"))
	mux.HandleFunc("GET /sandbox/icon.svg", s.serveFile("static/icon.svg", "image/svg+xml"))
	mux.HandleFunc("GET /favicon.ico", s.serveFile("static/icon.svg", "image/svg+xml"))
	mux.HandleFunc("GET /sandbox/personas", s.personas)
	mux.HandleFunc("POST /sandbox/persona/{id}", s.choose)
	mux.HandleFunc("GET /sandbox/mail/{id}", s.mail)
	mux.Handle("/emulator/", cfg.Emulator)
	mux.HandleFunc("/", s.botAPI)
	return mux
}

func (s *server) servePage(w http.ResponseWriter, r *http.Request) {
	s.serveFile("static/index.html", "text/html; charset=utf-8")(w, r)
}

// serveFile serves an embedded file, not cached: the page changes with the code.
func (s *server) serveFile(name, contentType string) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		b, err := static.ReadFile(name)
		if err != nil {
			http.Error(w, "not found", http.StatusNotFound)
			return
		}
		h := w.Header()
		h.Set("Content-Type", contentType)
		h.Set("Content-Security-Policy", contentPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Cache-Control", "no-cache")
		_, _ = w.Write(b) // the client may be gone
	}
}

// botAPI passes /bot<token>/… to the emulator, so the bot can use this
// listener as its TELEGRAM_API_URL; anything else is not found.
func (s *server) botAPI(w http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.URL.Path, "/bot") {
		s.cfg.Emulator.ServeHTTP(w, r)
		return
	}
	http.NotFound(w, r)
}

// personasReply is the body of GET /sandbox/personas.
type personasReply struct {
	Bot      string    `json:"bot"`
	Personas []Persona `json:"personas"`
	Mail     bool      `json:"mail"` // the page has a mail panel
}

func (s *server) personas(w http.ResponseWriter, r *http.Request) {
	list, err := s.list(r.Context())
	if err != nil {
		s.fail(w, "personas", err)
		return
	}
	writeJSON(w, http.StatusOK, personasReply{Bot: s.cfg.BotUsername, Personas: list, Mail: s.cfg.Mail != nil})
}

func (s *server) choose(w http.ResponseWriter, r *http.Request) {
	c, err := s.pick(r.Context(), r.PathValue("id"))
	if err != nil {
		s.fail(w, "persona", err)
		return
	}
	s.cfg.Log.Info("sandbox persona chosen", "persona", c.ID, "user", c.UserID, "codes_issued", len(c.More)+min(len(c.Start), 1))
	writeJSON(w, http.StatusOK, c)
}

// fail answers an error as {"error": …}: 404 for an unknown persona or a
// record missing from the store, 500 otherwise.
func (s *server) fail(w http.ResponseWriter, what string, err error) {
	status := http.StatusInternalServerError
	if errors.Is(err, errNoPersona) || errors.Is(err, diary.ErrNotFound) {
		status = http.StatusNotFound
	}
	s.cfg.Log.Error("sandbox "+what, "err", err)
	writeJSON(w, status, map[string]string{"error": err.Error()})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v) // the client may be gone
}
