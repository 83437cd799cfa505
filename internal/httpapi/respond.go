package httpapi

import (
	"encoding/json"
	"net/http"
)

// ItemProblem is one bad item of an API call as the client sees it.
type ItemProblem struct {
	Index int    `json:"index"`           // 0-based position in "items"
	Field string `json:"field,omitempty"` // the item's field, when one is at fault
	Error string `json:"error"`           // what is wrong, in Russian
}

// ErrorBody is the JSON body of every error answer.
type ErrorBody struct {
	Error string        `json:"error"`
	Items []ItemProblem `json:"items,omitempty"`
}

// ResultBody is the JSON body of a successful API call.
type ResultBody struct {
	Kind      string `json:"kind"`
	Added     int    `json:"added"`
	Changed   int    `json:"changed"`
	Unchanged int    `json:"unchanged"`
	Removed   int    `json:"removed"`
}

// writeJSON writes v as the JSON answer with the status code.
func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

// writeError writes an ErrorBody with one message.
func writeError(w http.ResponseWriter, code int, msg string) {
	writeJSON(w, code, ErrorBody{Error: msg})
}
