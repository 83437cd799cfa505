package telegramtest

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
)

// Fault is how a Bot API method fails while Fail has switched it on: an
// answer with Status (and parameters.retry_after when RetryAfter is set), or
// a connection closed without an answer when Drop is set.
type Fault struct {
	// Status is the HTTP status and error_code; 500 when zero.
	Status int
	// RetryAfter is parameters.retry_after in seconds, as Telegram sends
	// with 429.
	RetryAfter int
	// Drop closes the connection instead of answering.
	Drop bool
	// Times is how many calls fail before the method works again; zero
	// means every call until Heal.
	Times int
}

// errDrop makes serveBotAPI close the connection without an answer.
var errDrop = errors.New("telegramtest: connection dropped")

// Fail makes method (any case, as in Telegram) fail as f says, for f.Times
// calls or until Heal. A getUpdates already waiting when getUpdates is
// switched to fail returns that failure at once (it counts as one call).
// Fail replaces an earlier fault of the method.
func (s *Server) Fail(method string, f Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults[strings.ToLower(method)] = &f
	s.wakePollersLocked()
}

// Heal makes method work again.
func (s *Server) Heal(method string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.faults, strings.ToLower(method))
}

// Failed is how many calls of method a Fault has failed so far.
func (s *Server) Failed(method string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.failed[strings.ToLower(method)]
}

// takeFault returns the failure of one call of method, nil when it works.
func (s *Server) takeFault(method string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.takeFaultLocked(method)
}

// takeFaultLocked counts one failing call of method (lower case) and
// returns its error: errDrop or an *apiError.
func (s *Server) takeFaultLocked(method string) error {
	f, ok := s.faults[method]
	if !ok {
		return nil
	}
	if f.Times > 0 {
		if f.Times--; f.Times == 0 {
			delete(s.faults, method)
		}
	}
	s.failed[method]++
	if f.Drop {
		return errDrop
	}
	return faultError(*f)
}

// faultError is the answer of a Fault that does not drop the connection.
func faultError(f Fault) *apiError {
	code := f.Status
	if code == 0 {
		code = http.StatusInternalServerError
	}
	if code == http.StatusTooManyRequests {
		return tooManyRequests(f.RetryAfter)
	}
	desc := fmt.Sprintf("%s (telegramtest fault)", http.StatusText(code))
	return &apiError{Code: code, Description: desc, RetryAfter: f.RetryAfter}
}

// drop closes the request's connection without an answer.
func drop(w http.ResponseWriter) {
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		panic(http.ErrAbortHandler) // HTTP/2 or a test recorder: abort the stream instead
	}
	_ = conn.Close() // closing is the point; its error says nothing
}
