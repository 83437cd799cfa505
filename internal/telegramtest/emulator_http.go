package telegramtest

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"strconv"
	"time"
)

// The user side over HTTP, JSON in and out, for the sandbox's chat page:
//
//	GET  /emulator/users                        → []User
//	POST /emulator/users            User        → User
//	POST /emulator/groups           {title, members} → Chat
//	POST /emulator/users/{id}/text  {text, chat_id?} → Message
//	POST /emulator/users/{id}/start {payload}   → Message
//	POST /emulator/users/{id}/contact           → Message (the user's own contact)
//	POST /emulator/users/{id}/keyboard {text}   → Message (a reply keyboard button)
//	POST /emulator/users/{id}/press {chat_id?, message_id, data} → {callback_query_id}
//	POST /emulator/users/{id}/block, /unblock   → {}
//	GET  /emulator/chats/{id}                   → ChatView
//	GET  /emulator/chats/{id}/wait?version=N&timeout=S → ChatView once version > N (long poll, S ≤ 60)
//	GET  /emulator/callbacks/{id}               → CallbackAnswer
//	GET  /emulator/files/{id}                   → the file's bytes
//
// chat_id defaults to the user's private chat. Errors are {"error": "..."}
// with 400, or 404 for an unknown user, chat, message, button or file.

// emulatorMux routes the user side.
func (s *Server) emulatorMux() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /emulator/users", s.httpUsers)
	mux.HandleFunc("POST /emulator/users", s.httpAddUser)
	mux.HandleFunc("POST /emulator/groups", s.httpAddGroup)
	mux.HandleFunc("POST /emulator/users/{id}/{action}", s.httpUserAction)
	mux.HandleFunc("GET /emulator/chats/{id}", s.httpChat)
	mux.HandleFunc("GET /emulator/chats/{id}/wait", s.httpWait)
	mux.HandleFunc("GET /emulator/callbacks/{id}", s.httpCallback)
	mux.HandleFunc("GET /emulator/files/{id}", s.httpFile)
	return mux
}

// actionRequest is the body of a user action; each action reads its fields.
type actionRequest struct {
	Text      string `json:"text"`
	Payload   string `json:"payload"`
	ChatID    int64  `json:"chat_id"`
	MessageID int    `json:"message_id"`
	Data      string `json:"data"`
}

func (s *Server) httpUsers(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, s.Users())
}

func (s *Server) httpAddUser(w http.ResponseWriter, r *http.Request) {
	var u User
	if !decodeBody(w, r, &u) {
		return
	}
	u, err := s.AddUser(u)
	respond(w, u, err)
}

func (s *Server) httpAddGroup(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Title   string  `json:"title"`
		Members []int64 `json:"members"`
	}
	if !decodeBody(w, r, &req) {
		return
	}
	c, err := s.AddGroup(req.Title, req.Members...)
	respond(w, c, err)
}

func (s *Server) httpUserAction(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(w, r)
	var req actionRequest
	if !ok || !decodeBody(w, r, &req) {
		return
	}
	if req.ChatID == 0 {
		req.ChatID = id
	}
	result, err := s.userAction(id, r.PathValue("action"), req)
	respond(w, result, err)
}

// Refusals of the HTTP user side only.
var (
	errNoAction = errors.New("unknown action")
	errNoFile   = errors.New("no such file")
)

// userAction runs one user action by name.
func (s *Server) userAction(id int64, action string, req actionRequest) (any, error) {
	switch action {
	case "text":
		return s.SendGroupText(req.ChatID, id, req.Text)
	case "start":
		return s.Start(id, req.Payload)
	case "contact":
		return s.ShareContact(id)
	case "keyboard":
		return s.PressKeyboard(id, req.Text)
	case "press":
		q, err := s.Press(id, req.ChatID, req.MessageID, req.Data)
		return map[string]string{"callback_query_id": q}, err
	case "block":
		return struct{}{}, s.Block(id)
	case "unblock":
		return struct{}{}, s.Unblock(id)
	}
	return nil, errNoAction
}

func (s *Server) httpChat(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(w, r)
	if !ok {
		return
	}
	v, err := s.View(id)
	respond(w, v, err)
}

func (s *Server) httpWait(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(w, r)
	if !ok {
		return
	}
	after, _ := strconv.ParseInt(r.URL.Query().Get("version"), 10, 64)
	secs, err := strconv.Atoi(r.URL.Query().Get("timeout"))
	if err != nil || secs <= 0 || secs > 60 {
		secs = 25
	}
	ctx, cancel := context.WithTimeout(r.Context(), time.Duration(secs)*time.Second)
	defer cancel()
	v, err := s.WaitVersion(ctx, id, after)
	respond(w, v, err)
}

func (s *Server) httpCallback(w http.ResponseWriter, r *http.Request) {
	a, ok := s.CallbackAnswer(r.PathValue("id"))
	if !ok {
		respond(w, nil, ErrNoQuery)
		return
	}
	respond(w, a, nil)
}

func (s *Server) httpFile(w http.ResponseWriter, r *http.Request) {
	f, ok := s.File(r.PathValue("id"))
	if !ok {
		respond(w, nil, errNoFile)
		return
	}
	w.Header().Set("Content-Type", f.MimeType)
	w.Header().Set("Content-Disposition", mime.FormatMediaType("inline", map[string]string{"filename": f.Name}))
	_, _ = w.Write(f.Data) // the client may be gone
}

func pathID(w http.ResponseWriter, r *http.Request) (int64, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "bad id"})
		return 0, false
	}
	return id, true
}

// decodeBody reads a JSON body; an empty body leaves dst as it is.
func decodeBody(w http.ResponseWriter, r *http.Request, dst any) bool {
	err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(dst)
	if err != nil && !errors.Is(err, io.EOF) {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "bad JSON: " + err.Error()})
		return false
	}
	return true
}

// respond writes v, or err with its status.
func respond(w http.ResponseWriter, v any, err error) {
	if err == nil {
		writeJSON(w, http.StatusOK, v)
		return
	}
	status := http.StatusBadRequest
	for _, e := range []error{ErrNoUser, ErrNoChat, ErrNoMessage, ErrNoButton, ErrNoQuery, errNoAction, errNoFile} {
		if errors.Is(err, e) {
			status = http.StatusNotFound
		}
	}
	writeJSON(w, status, map[string]string{"error": err.Error()})
}
