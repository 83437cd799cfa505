package telegramtest

import (
	"encoding/json"
	"fmt"
	"net/http"
)

// apiError is a Bot API refusal; Code is both the HTTP status and error_code.
type apiError struct {
	Code        int
	Description string
	RetryAfter  int
}

func (e *apiError) Error() string { return e.Description }

func badRequest(desc string) *apiError {
	return &apiError{Code: http.StatusBadRequest, Description: "Bad Request: " + desc}
}

func forbidden(desc string) *apiError {
	return &apiError{Code: http.StatusForbidden, Description: "Forbidden: " + desc}
}

func conflict(desc string) *apiError {
	return &apiError{Code: http.StatusConflict, Description: "Conflict: " + desc}
}

func tooManyRequests(retryAfter int) *apiError {
	return &apiError{
		Code:        http.StatusTooManyRequests,
		Description: fmt.Sprintf("Too Many Requests: retry after %d", retryAfter),
		RetryAfter:  retryAfter,
	}
}

// Refusals used in several places.
var (
	errUnauthorized    = &apiError{Code: http.StatusUnauthorized, Description: "Unauthorized"}
	errMethodNotFound  = &apiError{Code: http.StatusNotFound, Description: "Not Found"}
	errChatNotFound    = badRequest("chat not found")
	errBlocked         = forbidden("bot was blocked by the user")
	errCantInitiate    = forbidden("bot can't initiate conversation with a user")
	errWebhookConflict = conflict("can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first")
	errPollConflict    = conflict("terminated by other getUpdates request; make sure that only one bot instance is running")
)

type okReply struct {
	OK     bool `json:"ok"`
	Result any  `json:"result"`
}

type errReply struct {
	OK          bool         `json:"ok"`
	ErrorCode   int          `json:"error_code"`
	Description string       `json:"description"`
	Parameters  *replyParams `json:"parameters,omitempty"`
}

type replyParams struct {
	RetryAfter int `json:"retry_after"`
}

// writeResult answers a Bot API request with its result or refusal.
func writeResult(w http.ResponseWriter, result any, err error) {
	if err == nil {
		writeJSON(w, http.StatusOK, okReply{OK: true, Result: result})
		return
	}
	e, ok := err.(*apiError)
	if !ok {
		e = &apiError{Code: http.StatusInternalServerError, Description: "Internal Server Error: " + err.Error()}
	}
	r := errReply{ErrorCode: e.Code, Description: e.Description}
	if e.RetryAfter > 0 {
		r.Parameters = &replyParams{RetryAfter: e.RetryAfter}
	}
	writeJSON(w, e.Code, r)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v) // the client may be gone; nothing to do then
}
