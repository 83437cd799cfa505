package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/schooldiary/diary/internal/cluster"
)

// stateTTL is how long a chat's state lives without a change: the selected
// child and the notification switch outlast a school year.
const stateTTL = 400 * 24 * time.Hour

// stepTTL is how long a half-done conversation waits for the next answer.
const stepTTL = time.Hour

// Steps of the access request conversation.
const (
	stepName   = "name"
	stepChild  = "child"
	stepClass  = "class"
	stepSchool = "school"
)

// state is what the bot remembers about a chat between updates, kept in the
// cluster's Sessions so that every replica sees it.
type state struct {
	Selected  int64     `json:"sel,omitempty"`   // the student a guardian looks at
	NotifyOff bool      `json:"mute,omitempty"`  // notifications turned off
	Step      string    `json:"step,omitempty"`  // the access request's next question
	StepAt    time.Time `json:"at,omitzero"`     // when the step was asked
	Name      string    `json:"name,omitempty"`  // the access request's answers so far
	Child     string    `json:"child,omitempty"` //
	Class     string    `json:"class,omitempty"` //
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
	return st, nil
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
}

// NotificationsOff reports whether the user of chatID turned notifications
// off in the settings; the notification sender asks it before a message.
func (b *B) NotificationsOff(ctx context.Context, chatID int64) (bool, error) {
	st, err := b.loadState(ctx, chatID)
	return st.NotifyOff, err
}
