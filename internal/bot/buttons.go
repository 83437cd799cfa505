package bot

import (
	"cmp"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/go-telegram/bot/models"

	"github.com/schooldiary/diary/internal/cluster"
)

// buttonTTL is how long an inline button works after it was sent: a week,
// so that a family's menu of yesterday still opens today's grades (a press
// re-authorises everything; a message over 48 hours old answers anew).
const buttonTTL = 7 * 24 * time.Hour

// buttonIDBytes is the randomness of a button id: 72 bits, 12 characters.
const buttonIDBytes = 9

// Kinds of button.
const (
	btnView          = "view"     // a diary view of Student: Action
	btnMenu          = "menu"     // the main menu
	btnChildren      = "children" // the child switcher
	btnChild         = "child"    // select Student
	btnConsent       = "consent"  // Action accept/decline for Student
	btnSettings      = "settings"
	btnLangs         = "langs"      // the language choice
	btnLang          = "lang"       // Action: the language
	btnNotify        = "notify"     // the notification view; Action on/off switches NotifyAll first
	btnConsentStatus = "consent_st" // the consent of the selected child
	btnWithdrawAsk   = "withdraw?"  // ask to confirm the withdrawal for Student
	btnWithdraw      = "withdraw"   // withdraw the consent for Student
	btnCodes         = "codes"      // issue the codes of class Arg
	btnNoCode        = "nocode"     // begin an access request
)

// button is what a button's callback data stands for, stored server-side
// under a short random id: the action, and the chat and user it was sent
// to. Pressing it re-authorises the action for that user now.
type button struct {
	Chat    int64  `json:"c"`
	User    int64  `json:"u"`
	Kind    string `json:"k"`
	Student int64  `json:"s,omitempty"`
	Action  string `json:"a,omitempty"`
	Arg     int64  `json:"x,omitempty"`
	// Group is the id of the keyboard's first button, shared by every
	// button of that keyboard: replacing the message revokes the group.
	Group string `json:"g,omitempty"`
	Text  string `json:"-"` // the label, not stored
}

// errStale is a button whose id does not resolve for this chat and user.
var errStale = errors.New("bot: stale button")

// buttonKey is the Sessions key of a button id.
func buttonKey(id string) string { return "btn:" + id }

// revokedKey is the Sessions key marking a keyboard's group revoked.
func revokedKey(group string) string { return "btn-revoked:" + group }

// keyboard turns rows of buttons into an inline keyboard, storing each
// under a new id with the keyboard's group.
func (b *B) keyboard(ctx context.Context, r *req, rows [][]button) (*models.InlineKeyboardMarkup, error) {
	kb := &models.InlineKeyboardMarkup{InlineKeyboard: make([][]models.InlineKeyboardButton, 0, len(rows))}
	group := ""
	for _, row := range rows {
		out := make([]models.InlineKeyboardButton, 0, len(row))
		for _, btn := range row {
			id, err := b.newButtonID()
			if err != nil {
				return nil, err
			}
			if group == "" {
				group = id
			}
			btn.Group = group
			if err := b.issue(ctx, r, id, btn); err != nil {
				return nil, err
			}
			out = append(out, models.InlineKeyboardButton{Text: btn.Text, CallbackData: id})
		}
		kb.InlineKeyboard = append(kb.InlineKeyboard, out)
	}
	return kb, nil
}

// newButtonID returns a new random button id.
func (b *B) newButtonID() (string, error) {
	var id [buttonIDBytes]byte
	if _, err := io.ReadFull(b.d.Random, id[:]); err != nil {
		return "", fmt.Errorf("issue button: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(id[:]), nil
}

// issue stores btn for r's chat and user under id.
func (b *B) issue(ctx context.Context, r *req, id string, btn button) error {
	btn.Chat, btn.User = r.chatID, r.userID
	raw, err := json.Marshal(btn)
	if err != nil {
		return fmt.Errorf("issue button: %w", err)
	}
	if err := b.d.Cluster.Sessions.Set(ctx, buttonKey(id), raw, buttonTTL); err != nil {
		return fmt.Errorf("issue button: %w", err)
	}
	return nil
}

// revoke makes every button of a keyboard's group stale: its message now
// shows another view.
func (b *B) revoke(ctx context.Context, group string) error {
	if group == "" {
		return nil
	}
	if err := b.d.Cluster.Sessions.Set(ctx, revokedKey(group), []byte{1}, buttonTTL); err != nil {
		return fmt.Errorf("revoke buttons: %w", err)
	}
	return nil
}

// revoked reports whether the group of btn was revoked.
func (b *B) revoked(ctx context.Context, btn button) (bool, error) {
	if btn.Group == "" {
		return false, nil
	}
	_, err := b.d.Cluster.Sessions.Get(ctx, revokedKey(btn.Group))
	switch {
	case errors.Is(err, cluster.ErrNotFound):
		return false, nil
	case err != nil:
		return false, fmt.Errorf("resolve button: %w", err)
	}
	return true, nil
}

// resolve returns the button data stands for when it was sent to r's chat
// and user; errStale otherwise (unknown, expired, forged, someone else's, or
// of a message since replaced by another view).
func (b *B) resolve(ctx context.Context, r *req, data string) (button, error) {
	var btn button
	if len(data) != base64.RawURLEncoding.EncodedLen(buttonIDBytes) {
		return btn, errStale
	}
	raw, err := b.d.Cluster.Sessions.Get(ctx, buttonKey(data))
	switch {
	case errors.Is(err, cluster.ErrNotFound):
		return btn, errStale
	case err != nil:
		return btn, fmt.Errorf("resolve button: %w", err)
	}
	if json.Unmarshal(raw, &btn) != nil || btn.Chat != r.chatID || btn.User != r.userID {
		return button{}, errStale
	}
	if gone, err := b.revoked(ctx, btn); gone || err != nil {
		return button{}, cmp.Or(err, errStale)
	}
	return btn, nil
}
