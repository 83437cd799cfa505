package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/schooldiary/diary/internal/cluster"
	"github.com/schooldiary/diary/internal/diary"
)

// stateTTL is how long a chat's state lives without a change: the selected
// child outlasts a school year. What the scheduler needs (the notification
// choices, a staff member's chat) is in the store instead.
const stateTTL = 400 * 24 * time.Hour

// stepTTL is how long a half-done conversation waits for the next answer.
const stepTTL = time.Hour

// Steps of the access request conversation.
const (
	stepName     = "name"
	stepRelation = "relation"
	stepChild    = "child"
	stepClass    = "class"
	stepSchool   = "school"
	stepPhone    = "phone"  // the contact Telegram verified
	stepReason   = "reason" // a class teacher's reason for refusing Request
)

// state is what the bot remembers about a chat between updates, kept in the
// cluster's Sessions so that every replica sees it.
type state struct {
	Selected  int64     `json:"sel,omitempty"`   // the student a guardian looks at
	NotifyOff bool      `json:"mute,omitempty"`  // read only: an older bot's switch, moved to the store
	Step      string    `json:"step,omitempty"`  // the access request's next question
	StepAt    time.Time `json:"at,omitzero"`     // when the step was asked
	Name      string    `json:"name,omitempty"`  // the access request's answers so far
	Child     string    `json:"child,omitempty"` //
	Class     string    `json:"class,omitempty"` //
	Relation  string    `json:"rel,omitempty"`   //
	School    int64     `json:"school,omitempty"`
	Request   int64     `json:"req,omitempty"` // the request a class teacher is refusing
}

// stateKey is the Sessions key of a chat's state.
func stateKey(chatID int64) string { return "state:" + strconv.FormatInt(chatID, 10) }

// loadState returns the chat's state; a missing one is the zero state, and
// a step asked too long ago is forgotten.
func (b *B) loadState(ctx context.Context, chatID int64) (state, error) {
	var st state
	raw, err := b.d.Cluster.Sessions.Get(ctx, stateKey(chatID))
	switch {
	case errors.Is(err, cluster.ErrNotFound):
		return st, nil
	case err != nil:
		return st, fmt.Errorf("load state: %w", err)
	}
	if err := json.Unmarshal(raw, &st); err != nil {
		return state{}, nil // a state of an older version: start afresh
	}
	if st.Step != "" && b.now().Sub(st.StepAt) > stepTTL {
		st.clearStep()
	}
	if st.NotifyOff {
		return st, b.moveMute(ctx, chatID, &st)
	}
	return st, nil
}

// moveMute moves the notification switch an older bot kept in the chat's
// state into the store, then drops it from the state.
func (b *B) moveMute(ctx context.Context, chatID int64, st *state) error {
	if err := b.d.Store.SetNotifyChoice(ctx, chatID, diary.NotifyAll, false); err != nil {
		return fmt.Errorf("load state: move the notification switch: %w", err)
	}
	st.NotifyOff = false
	return b.saveState(ctx, chatID, *st)
}

// saveState stores the chat's state.
func (b *B) saveState(ctx context.Context, chatID int64, st state) error {
	raw, err := json.Marshal(st)
	if err != nil {
		return fmt.Errorf("save state: %w", err)
	}
	if err := b.d.Cluster.Sessions.Set(ctx, stateKey(chatID), raw, stateTTL); err != nil {
		return fmt.Errorf("save state: %w", err)
	}
	return nil
}

// clearStep ends the conversation in progress.
func (st *state) clearStep() {
	st.Step, st.StepAt, st.Name, st.Child, st.Class = "", time.Time{}, "", "", ""
	st.Relation, st.School, st.Request = "", 0, 0
}

// NotificationsOff reports whether the user of chatID turned notifications
// off in the settings (a chat the store does not know has not). The
// scheduler reads the same store row through diary.Notifications.
func (b *B) NotificationsOff(ctx context.Context, chatID int64) (bool, error) {
	c, err := b.d.Store.NotifyChoices(ctx, chatID)
	switch {
	case errors.Is(err, diary.ErrNotFound):
		return false, nil
	case err != nil:
		return false, fmt.Errorf("notifications off: %w", err)
	}
	return c.Muted(), nil
}
