package bot

import (
	"context"
	"fmt"
	"strings"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/i18n"
)

// The notification view (Settings → «Уведомления»): a line per kind with
// its state and a switch, the regulation's required warning without one,
// the channel and the confirmed email address. Every press stores the
// choice and shows the view again in place of the pressed message.

// Kinds of button of the notification view.
const (
	btnNotifyKind = "nkind" // Action: the kind; Arg 1 turns it on, 0 off
	btnNotifyVia  = "nvia"  // Action: the channel
	btnEmail      = "email" // ask for an address to confirm
)

// kindKeys name the kinds in the view.
var kindKeys = map[diary.NotifyKind]i18n.Key{
	diary.NotifyExpectedGrade: i18n.NotifyKindExpected,
	diary.NotifyVisitReminder: i18n.NotifyKindVisit,
	diary.NotifyPeriodReport:  i18n.NotifyKindReport,
	diary.NotifyReply:         i18n.NotifyKindReply,
}

// viewKinds are the kinds the view lists: every kind but NotifyAll that
// has a name.
func viewKinds() []diary.NotifyKind {
	var out []diary.NotifyKind
	for _, k := range diary.NotifyKinds() {
		if _, named := kindKeys[k]; named {
			out = append(out, k)
		}
	}
	return out
}

// dispatchNotify runs the notification view's buttons.
func (b *B) dispatchNotify(ctx context.Context, r *req, btn button) error {
	switch btn.Kind {
	case btnNotifyKind:
		return b.onNotifyKind(ctx, r, btn)
	case btnNotifyVia:
		return b.onNotifyVia(ctx, r, btn)
	case btnEmail:
		return b.emailBegin(ctx, r)
	}
	return b.onNotify(ctx, r, btn)
}

// choices returns the chat's notification choices.
func (b *B) choices(ctx context.Context, chatID int64) (diary.NotifyChoices, error) {
	c, err := b.d.Store.NotifyChoices(ctx, chatID)
	if err != nil {
		return c, fmt.Errorf("notifications: %w", err)
	}
	return c, nil
}

// notifyView shows the chat's notification choices with their buttons.
func (b *B) notifyView(ctx context.Context, r *req) error {
	c, err := b.choices(ctx, r.chatID)
	if err != nil {
		return err
	}
	mail := b.d.Mail != nil
	return b.sendButtons(ctx, r, notifyText(r.lang, c, mail), notifyRows(r.lang, c, mail))
}

// notifyText is the view's text: the kinds, then where they go.
func notifyText(lang i18n.Lang, c diary.NotifyChoices, mail bool) string {
	lines := []string{i18n.T(lang, i18n.NotifyTitle), ""}
	for _, k := range viewKinds() {
		lines = append(lines, kindLine(lang, c, k))
	}
	if c.Muted() {
		lines = append(lines, "", i18n.T(lang, i18n.NotifyMuted))
	}
	lines = append(lines, "")
	return strings.Join(append(lines, channelLines(lang, c, mail)...), "\n")
}

// kindLine is a kind's line: required, on or off.
func kindLine(lang i18n.Lang, c diary.NotifyChoices, k diary.NotifyKind) string {
	name := i18n.Safe(i18n.T(lang, kindKeys[k]))
	switch {
	case k.Required():
		return i18n.T(lang, i18n.NotifyLineRequired, "kind", name)
	case c.Wants(k):
		return i18n.T(lang, i18n.NotifyLineOn, "kind", name)
	}
	return i18n.T(lang, i18n.NotifyLineOff, "kind", name)
}

// channelLines say where the notices go and to which address, or that the
// school has no email.
func channelLines(lang i18n.Lang, c diary.NotifyChoices, mail bool) []string {
	via := i18n.T(lang, i18n.NotifyViaTelegram)
	if c.Channel == diary.ChannelEmail {
		via = i18n.T(lang, i18n.NotifyViaEmail)
	}
	switch {
	case c.Email != "":
		return []string{via, i18n.T(lang, i18n.NotifyEmailLine, "email", diary.MaskEmail(c.Email))}
	case !mail:
		return []string{via, i18n.T(lang, i18n.NotifyEmailOff)}
	}
	return []string{via, i18n.T(lang, i18n.NotifyEmailNone)}
}

// notifyRows are the view's buttons: the switches (only «turn on» while
// every optional kind is off), the channel, the address, the way back.
func notifyRows(lang i18n.Lang, c diary.NotifyChoices, mail bool) [][]button {
	var rows [][]button
	if c.Muted() {
		rows = append(rows, []button{{Kind: btnNotify, Action: "on", Text: i18n.Plain(lang, i18n.BtnNotifyOn)}})
	} else {
		rows = append(rows, kindRows(lang, c)...)
		rows = append(rows, []button{{Kind: btnNotify, Action: "off", Text: i18n.Plain(lang, i18n.BtnNotifyAllOff)}})
	}
	rows = append(rows, channelRows(lang, c, mail)...)
	return append(rows, []button{{Kind: btnSettings, Text: i18n.Plain(lang, i18n.BtnBack)},
		{Kind: btnMenu, Text: i18n.Plain(lang, i18n.MenuMain)}})
}

// kindRows are a switch per optional kind, saying what a press does.
func kindRows(lang i18n.Lang, c diary.NotifyChoices) [][]button {
	var rows [][]button
	for _, k := range viewKinds() {
		if k.Required() {
			continue
		}
		name := i18n.Plain(lang, kindKeys[k])
		btn := button{Kind: btnNotifyKind, Action: string(k), Arg: 1, Text: i18n.Plain(lang, i18n.BtnNotifyKindOn, "kind", name)}
		if c.Wants(k) {
			btn.Arg, btn.Text = 0, i18n.Plain(lang, i18n.BtnNotifyKindOff, "kind", name)
		}
		rows = append(rows, []button{btn})
	}
	return rows
}

// channelRows offer the other channel (email only with a confirmed address
// and email set up) and adding or changing the address.
func channelRows(lang i18n.Lang, c diary.NotifyChoices, mail bool) [][]button {
	var rows [][]button
	switch {
	case c.Channel == diary.ChannelEmail:
		rows = append(rows, []button{{Kind: btnNotifyVia, Action: string(diary.ChannelTelegram), Text: i18n.Plain(lang, i18n.BtnViaTelegram)}})
	case mail && c.Email != "":
		rows = append(rows, []button{{Kind: btnNotifyVia, Action: string(diary.ChannelEmail), Text: i18n.Plain(lang, i18n.BtnViaEmail)}})
	}
	if !mail {
		return rows
	}
	key := i18n.BtnEmailAdd
	if c.Email != "" {
		key = i18n.BtnEmailChange
	}
	return append(rows, []button{{Kind: btnEmail, Text: i18n.Plain(lang, key)}})
}

// onNotify opens the view (the settings' entry) or, with Action on/off,
// turns every optional kind on or off first (NotifyAll).
func (b *B) onNotify(ctx context.Context, r *req, btn button) error {
	if btn.Action == "on" || btn.Action == "off" {
		if err := b.d.Store.SetNotifyChoice(ctx, r.chatID, diary.NotifyAll, btn.Action == "on"); err != nil {
			return fmt.Errorf("notifications: %w", err)
		}
	}
	return b.notifyView(ctx, r)
}

// onNotifyKind switches one kind; a required kind is never turned off,
// whatever the button says.
func (b *B) onNotifyKind(ctx context.Context, r *req, btn button) error {
	k, on := diary.NotifyKind(btn.Action), btn.Arg == 1
	if k.Required() && !on {
		return b.send(ctx, r.chatID, i18n.T(r.lang, i18n.NotifyRequired), nil)
	}
	err := b.d.Store.SetNotifyChoice(ctx, r.chatID, k, on)
	switch {
	case diary.ErrorCode(err) == diary.EInvalid:
		return errStale // a kind this bot no longer has
	case err != nil:
		return fmt.Errorf("notifications: %w", err)
	}
	return b.notifyView(ctx, r)
}

// onNotifyVia sets the channel, keeping the address: email only when one
// is confirmed and the school has email set up.
func (b *B) onNotifyVia(ctx context.Context, r *req, btn button) error {
	c, err := b.choices(ctx, r.chatID)
	if err != nil {
		return err
	}
	ch := diary.NotifyChannel(btn.Action)
	if ch == diary.ChannelEmail && b.d.Mail == nil {
		return b.send(ctx, r.chatID, i18n.T(r.lang, i18n.NotifyEmailOff), nil)
	}
	if ch == diary.ChannelEmail && c.Email == "" {
		return b.send(ctx, r.chatID, i18n.T(r.lang, i18n.NotifyEmailFirst), nil)
	}
	err = b.d.Store.SetNotifyChannel(ctx, r.chatID, ch, c.Email)
	if diary.ErrorCode(err) == diary.EInvalid {
		return errStale
	}
	if err != nil {
		return fmt.Errorf("notifications: %w", err)
	}
	return b.notifyView(ctx, r)
}
