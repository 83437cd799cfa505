package bot

import (
	"crypto/subtle"
	"encoding/json"
	"errors"
	"net/http"

	"github.com/go-telegram/bot/models"
)

// maxUpdateBytes bounds a webhook request body; updates are small.
const maxUpdateBytes = 1 << 20

// Webhook returns the handler Telegram posts updates to. A request without
// the X-Telegram-Bot-Api-Secret-Token header equal to secret gets 401 before
// anything of it is read; a body that is no update 400; during Shutdown, or
// before Attach, 503 (Telegram delivers it again later). An accepted update
// gets 200 at once and is handled in the background. An empty secret
// refuses every request.
func (b *B) Webhook(secret string) http.Handler {
	want := []byte(secret)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got := []byte(r.Header.Get("X-Telegram-Bot-Api-Secret-Token"))
		if len(want) == 0 || subtle.ConstantTimeCompare(got, want) != 1 {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		if r.Method != http.MethodPost {
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		if b.client.Load() == nil {
			http.Error(w, "not ready", http.StatusServiceUnavailable)
			return
		}
		b.serveUpdate(w, r)
	})
}

// serveUpdate decodes one update and receives it.
func (b *B) serveUpdate(w http.ResponseWriter, r *http.Request) {
	var u models.Update
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxUpdateBytes)).Decode(&u); err != nil || u.ID == 0 {
		http.Error(w, "bad update", http.StatusBadRequest)
		return
	}
	if err := b.Receive(r.Context(), &u); err != nil {
		status := http.StatusInternalServerError
		if errors.Is(err, ErrClosing) {
			status = http.StatusServiceUnavailable
		}
		http.Error(w, "not accepted", status)
		return
	}
	w.WriteHeader(http.StatusOK)
}
