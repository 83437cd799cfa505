package diary

import (
	"context"
	"strings"
	"time"
)

// Notifications keeps what each chat chose about the notices it gets and the
// chat each staff member is reached in. They are store rows, not
// conversation state: the bot writes them, the scheduler (another process)
// reads them before it sends, and a restart keeps them.
type Notifications interface {
	// SetNotifyChoice turns notices of kind k on or off for the chat (with
	// NotifyAll, every kind at once, those added later too, the required
	// ones excepted), keeping its other choices. EInvalid for a kind not in
	// NotifyKinds or a required kind turned off (CheckNotifyChoice);
	// ErrNotFound for a chat the store does not know (UpsertChat it first).
	SetNotifyChoice(ctx context.Context, chatID int64, k NotifyKind, on bool) error
	// SetNotifyChannel sets how the chat's notices go and the email address
	// they fall back to when the chat is blocked (trimmed; "" for none).
	// EInvalid for an unknown channel, an implausible address, or
	// ChannelEmail without an address; ErrNotFound for an unknown chat.
	SetNotifyChannel(ctx context.Context, chatID int64, ch NotifyChannel, email string) error
	// NotifyChoices returns the chat's choices; a chat that chose nothing
	// gets the defaults (every kind on, ChannelTelegram, no email).
	// ErrNotFound for an unknown chat.
	NotifyChoices(ctx context.Context, chatID int64) (NotifyChoices, error)
	// SetStaffChat records chatID as the chat staff member staffID is
	// reached in, replacing an earlier one (UpdatedAt now). ErrNotFound for
	// an unknown staff member or chat.
	SetStaffChat(ctx context.Context, staffID, chatID int64) error
	// StaffChat returns the chat last recorded for the staff member;
	// ErrNotFound when there is none. It does not tell whether the chat is
	// blocked or the staff member still linked in it: ask ChatByID and
	// ActiveLinks.
	StaffChat(ctx context.Context, staffID int64) (StaffChat, error)
}

// NotifyKind is a kind of notice a chat may turn off, unless it is
// Required.
type NotifyKind string

// Notice kinds. NotifyAll is the one switch for every kind.
const (
	NotifyAll           NotifyKind = "all"            // every kind, those added later too
	NotifyExpectedGrade NotifyKind = "expected_grade" // an expected period grade below the average (3.6.4)
	NotifyVisitReminder NotifyKind = "visit_reminder" // the weekly reminder to open the diary (3.6.8)
	NotifyPeriodReport  NotifyKind = "period_report"  // the report on the student at a period's end (3.6.10)
	NotifyReply         NotifyKind = "reply"          // a teacher's answer to a parent's message (3.6.5)
)

// NotifyKinds lists the kinds a chat may switch, NotifyAll first.
func NotifyKinds() []NotifyKind {
	return []NotifyKind{NotifyAll, NotifyExpectedGrade, NotifyVisitReminder, NotifyPeriodReport, NotifyReply}
}

// Valid reports whether k is one of NotifyKinds.
func (k NotifyKind) Valid() bool {
	for _, v := range NotifyKinds() {
		if k == v {
			return true
		}
	}
	return false
}

// Required reports whether the regulation requires the notices of kind k
// to reach the family (the warning of clause 3.6.4 about an expected
// period grade below the average): a chat cannot turn them off, only move
// them to email.
func (k NotifyKind) Required() bool { return k == NotifyExpectedGrade }

// NotifyChannel is how a chat's notices go.
type NotifyChannel string

// Channels.
const (
	ChannelTelegram NotifyChannel = "telegram" // to the chat (the default), email when it is blocked
	ChannelEmail    NotifyChannel = "email"    // to the email address only
)

// NotifyChoices is what a chat chose about its notices.
type NotifyChoices struct {
	ChatID int64
	// Switches holds the kinds the chat switched: true on, false off. A
	// kind missing from it is on.
	Switches  map[NotifyKind]bool
	Channel   NotifyChannel // ChannelTelegram unless chosen
	Email     string        // "" when none given
	UpdatedAt time.Time     // the last choice; zero when none was made
}

// switchedOn reports whether kind k is on by itself.
func (c NotifyChoices) switchedOn(k NotifyKind) bool {
	on, set := c.Switches[k]
	return on || !set
}

// Wants reports whether the chat gets notices of kind k: a required kind
// always, another when neither k nor NotifyAll is switched off.
func (c NotifyChoices) Wants(k NotifyKind) bool {
	return k.Required() || c.switchedOn(NotifyAll) && c.switchedOn(k)
}

// Muted reports whether the chat switched every notice off (NotifyAll):
// only the required kinds still come.
func (c NotifyChoices) Muted() bool { return !c.switchedOn(NotifyAll) }

// CheckNotifyChoice checks a SetNotifyChoice switch: a known kind, and a
// required kind only turned on. The error has code EInvalid.
func CheckNotifyChoice(k NotifyKind, on bool) error {
	switch {
	case !k.Valid():
		return Errorf(EInvalid, "notify choice: unknown kind %q", k)
	case k.Required() && !on:
		return Errorf(EInvalid, "notify choice: %q is required by the regulation and cannot be turned off", k)
	}
	return nil
}

// CheckNotifyChannel checks a SetNotifyChannel channel and address and
// returns the address trimmed; the error has code EInvalid.
func CheckNotifyChannel(ch NotifyChannel, email string) (string, error) {
	email = strings.TrimSpace(email)
	switch {
	case ch != ChannelTelegram && ch != ChannelEmail:
		return "", Errorf(EInvalid, "notify channel: unknown channel %q", ch)
	case email != "" && !PlausibleEmail(email):
		return "", Errorf(EInvalid, "notify channel: %q is not an email address", email)
	case ch == ChannelEmail && email == "":
		return "", Errorf(EInvalid, "notify channel: email needs an address")
	}
	return email, nil
}

// StaffChat is the chat a staff member is reached in (access requests to a
// class teacher, reminders and alerts of the scheduler).
type StaffChat struct {
	StaffID   int64
	ChatID    int64
	UpdatedAt time.Time
}
