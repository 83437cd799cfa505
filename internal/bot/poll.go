package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"time"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"github.com/schooldiary/diary/internal/redact"
)

// pollTimeout is how long one getUpdates waits for an update.
const pollTimeout = 50 * time.Second

// poll fetches updates until ctx ends and receives them in order. After a
// failure it pauses with the backoff and asks again from the first update
// not yet fetched; the first call, and the first after a failure, does not
// wait (timeout 0), so Ready turns nil as soon as Telegram answers.
func (b *B) poll(ctx context.Context, p *poller) {
	var offset int64
	failures := 0
	for ctx.Err() == nil {
		timeout := pollTimeout
		if !b.ready.ok() {
			timeout = 0
		}
		updates, err := p.getUpdates(ctx, offset, timeout)
		if err != nil {
			failures++
			if ctx.Err() != nil || b.pause(ctx, "getUpdates", failures, err) != nil {
				return
			}
			continue
		}
		b.pollAnswered(failures)
		failures = 0
		for _, u := range updates {
			offset = u.ID + 1
			b.onUpdate(ctx, nil, u)
		}
	}
}

// pollAnswered marks the bot ready after a getUpdates answered, logging the
// first time and every recovery.
func (b *B) pollAnswered(failures int) {
	if b.ready.ok() || !b.ready.set("") {
		return
	}
	b.log.Info("telegram long polling: taking updates", "failed_tries_before", failures)
}

// poller calls getUpdates. go-telegram/bot's own loop retries on real time
// without a cap we choose and tells nobody when it works again, so the bot
// polls itself.
type poller struct {
	url   string // …/bot<token>/getUpdates
	token string
	http  *http.Client
}

// newPoller polls the Bot API at apiURL with token.
func newPoller(apiURL, token string) *poller {
	return &poller{
		url:   strings.TrimRight(apiURL, "/") + "/bot" + token + "/getUpdates",
		token: token,
		http:  &http.Client{Timeout: pollTimeout + 15*time.Second},
	}
}

// pollReply is the Bot API's answer to getUpdates.
type pollReply struct {
	OK          bool             `json:"ok"`
	Result      []*models.Update `json:"result"`
	ErrorCode   int              `json:"error_code"`
	Description string           `json:"description"`
	Parameters  struct {
		RetryAfter int `json:"retry_after"`
	} `json:"parameters"`
}

// getUpdates asks for the updates from offset on, waiting up to timeout.
// Errors name no token; a 429 is a *tgbot.TooManyRequestsError, a 401 wraps
// tgbot.ErrorUnauthorized, a 409 tgbot.ErrorConflict.
func (p *poller) getUpdates(ctx context.Context, offset int64, timeout time.Duration) ([]*models.Update, error) {
	body, _ := json.Marshal(map[string]int64{"offset": offset, "timeout": int64(timeout / time.Second)}) // ints always encode
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, p.url, bytes.NewReader(body))
	if err != nil {
		return nil, redact.Secret(fmt.Errorf("getUpdates: %w", err), p.token)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := p.http.Do(req)
	if err != nil {
		return nil, redact.Secret(fmt.Errorf("getUpdates: %w", err), p.token)
	}
	defer resp.Body.Close()
	var r pollReply
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		return nil, fmt.Errorf("getUpdates: HTTP %d, undecodable answer: %w", resp.StatusCode, err)
	}
	if !r.OK {
		return nil, replyError(r)
	}
	return r.Result, nil
}

// replyError is a refusal as go-telegram/bot reports it.
func replyError(r pollReply) error {
	switch r.ErrorCode {
	case http.StatusTooManyRequests:
		return &tgbot.TooManyRequestsError{Message: "getUpdates: " + r.Description, RetryAfter: r.Parameters.RetryAfter}
	case http.StatusUnauthorized:
		return fmt.Errorf("getUpdates: %w, %s", tgbot.ErrorUnauthorized, r.Description)
	case http.StatusConflict:
		return fmt.Errorf("getUpdates: %w, %s", tgbot.ErrorConflict, r.Description)
	}
	return fmt.Errorf("getUpdates: %d %s", r.ErrorCode, r.Description)
}
