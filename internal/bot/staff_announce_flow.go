package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/schooldiary/diary/internal/announce"
	"github.com/schooldiary/diary/internal/cluster"
	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/i18n"
)

// pendingAnnounce is a chat's announcement being written: its sender and
// scope, then its text once typed (Text "" while the bot waits for it).
type pendingAnnounce struct {
	Staff int64  `json:"st"`
	Class int64  `json:"c,omitempty"`
	From  int    `json:"f,omitempty"`
	To    int    `json:"t,omitempty"`
	Text  string `json:"x,omitempty"`
	// File is the attached file, nil for none (staff_announce_file.go).
	File *pendingFile `json:"file,omitempty"`
}

// scope is the pending announcement's scope.
func (p pendingAnnounce) scope() diary.AnnounceScope {
	return diary.AnnounceScope{ClassID: p.Class, From: p.From, To: p.To}
}

// announceKey is the Sessions key of a chat's pending announcement.
func announceKey(chatID int64) string { return "staff-announce:" + strconv.FormatInt(chatID, 10) }

// authorized is a pending announcement re-checked for its user now: the
// sender's scope and the scope's class (zero for the school or levels).
type authorized struct {
	sc    *staffScope
	class diary.Class
}

// authorizeAnnounce finds the user's scope of staff member staffID that may
// announce to s now; nil when there is none (refuse, naming nothing).
func (b *B) authorizeAnnounce(ctx context.Context, r *req, staffID int64, s diary.AnnounceScope) (*authorized, error) {
	var a authorized
	if s.ClassID != 0 {
		cl, err := b.d.Store.Class(ctx, s.ClassID)
		if errors.Is(err, diary.ErrNotFound) {
			return nil, nil
		}
		if err != nil {
			return nil, fmt.Errorf("announce: %w", err)
		}
		a.class = cl
	}
	sc, err := b.scopeWhere(ctx, r, func(sc *staffScope) bool {
		return sc.member.staff.ID == staffID && sc.mayAnnounce(s, a.class)
	})
	if err != nil || sc == nil || b.d.Announce == nil {
		return nil, err
	}
	a.sc = sc
	return &a, nil
}

// staffAnnounce offers the scopes the user may announce to.
func (b *B) staffAnnounce(ctx context.Context, r *req, _ button) error {
	sc, err := b.scopeWhere(ctx, r, (*staffScope).announcing)
	if err != nil || sc == nil || b.d.Announce == nil {
		return b.orRefuse(ctx, r, err)
	}
	classes, err := b.classesOf(ctx, sc)
	if err != nil {
		return err
	}
	rows := append(pairs(announceChoices(r.lang, sc, classes)), staffHomeButton(r.lang))
	return b.sendButtons(ctx, r, i18n.T(r.lang, i18n.AnnounceChoose), rows)
}

// staffAnnScope keeps the chosen scope, re-checked, and asks for the text.
func (b *B) staffAnnScope(ctx context.Context, r *req, btn button) error {
	s, ok := parseScope(btn.Action)
	if !ok {
		return b.refuseStaff(ctx, r)
	}
	a, err := b.authorizeAnnounce(ctx, r, btn.Arg, s)
	if err != nil || a == nil {
		return b.orRefuse(ctx, r, err)
	}
	p := pendingAnnounce{Staff: a.sc.member.staff.ID, Class: s.ClassID, From: s.From, To: s.To}
	if err := b.keepAnnounce(ctx, r, p); err != nil {
		return err
	}
	return b.send(ctx, r.chatID, i18n.T(r.lang, i18n.AnnounceAskText,
		"scope", i18n.Safe(scopeLabel(r.lang, s, a.class.Name)), "max", announce.MaxText), nil)
}

// keepAnnounce stores the chat's pending announcement.
func (b *B) keepAnnounce(ctx context.Context, r *req, p pendingAnnounce) error {
	raw, err := json.Marshal(p)
	if err != nil {
		return fmt.Errorf("announce: %w", err)
	}
	if err := b.d.Cluster.Sessions.Set(ctx, announceKey(r.chatID), raw, stepTTL); err != nil {
		return fmt.Errorf("announce: %w", err)
	}
	return nil
}

// pendingOf returns the chat's pending announcement; false when none.
func (b *B) pendingOf(ctx context.Context, r *req) (pendingAnnounce, bool, error) {
	var p pendingAnnounce
	raw, err := b.d.Cluster.Sessions.Get(ctx, announceKey(r.chatID))
	switch {
	case errors.Is(err, cluster.ErrNotFound):
		return p, false, nil
	case err != nil:
		return p, false, fmt.Errorf("announce: %w", err)
	}
	return p, json.Unmarshal(raw, &p) == nil, nil
}

// announceReply takes a message as the text of the chat's pending
// announcement and shows its preview; it reports false when nothing was
// pending. A new message while the preview waits replaces the text.
func (b *B) announceReply(ctx context.Context, r *req, text string) (bool, error) {
	p, ok, err := b.pendingOf(ctx, r)
	if err != nil || !ok {
		return err != nil, err
	}
	return true, b.announceText(ctx, r, p, text)
}

// announceText takes text as the text of the pending announcement p and
// shows its preview; too long a text is refused, p (and its file) kept.
func (b *B) announceText(ctx context.Context, r *req, p pendingAnnounce, text string) error {
	text = strings.TrimSpace(text)
	if n := utf8.RuneCountInString(text); n > announce.MaxText {
		if err := b.keepAnnounce(ctx, r, p); err != nil {
			return err
		}
		return b.send(ctx, r.chatID, i18n.T(r.lang, i18n.AnnounceTooLong, "n", n, "max", announce.MaxText), nil)
	}
	p.Text = text
	return b.previewPending(ctx, r, p)
}

// previewPending re-checks the sender of p now and shows its preview; a
// sender who may no longer announce loses the draft.
func (b *B) previewPending(ctx context.Context, r *req, p pendingAnnounce) error {
	a, err := b.authorizeAnnounce(ctx, r, p.Staff, p.scope())
	if err != nil || a == nil {
		return errors.Join(b.dropAnnounce(ctx, r), b.orRefuse(ctx, r, err))
	}
	return b.preview(ctx, r, a, p)
}

// preview shows what the families will get and how many will, with
// «Отправить» and «Отменить»; nobody to reach drops the announcement.
func (b *B) preview(ctx context.Context, r *req, a *authorized, p pendingAnnounce) error {
	aud, err := b.d.Announce.AnnouncementAudience(ctx, a.sc.school.ID, p.scope())
	if err != nil {
		return fmt.Errorf("announce: %w", err)
	}
	label := i18n.Safe(scopeLabel(r.lang, p.scope(), a.class.Name))
	if len(aud.Recipients) == 0 {
		if err := b.dropAnnounce(ctx, r); err != nil {
			return err
		}
		return b.sendButtons(ctx, r, i18n.T(r.lang, i18n.AnnounceNobody, "scope", label, "unreachable", aud.Unreachable),
			[][]button{staffHomeButton(r.lang)})
	}
	if err := b.keepAnnounce(ctx, r, p); err != nil {
		return err
	}
	text := i18n.T(r.lang, i18n.AnnouncePreview, "scope", label, "n", len(aud.Recipients), "unreachable", aud.Unreachable,
		"notice", i18n.Safe(announce.Render(r.lang, a.sc.school, p.Text))) + fileLine(r.lang, p.File)
	return b.sendButtons(ctx, r, text, [][]button{{
		{Kind: kindAnnSend, Text: i18n.Plain(r.lang, i18n.BtnAnnounceSend)},
		{Kind: kindAnnCancel, Text: i18n.Plain(r.lang, i18n.BtnAnnounceCancel)},
	}})
}

// dropAnnounce forgets the chat's pending announcement.
func (b *B) dropAnnounce(ctx context.Context, r *req) error {
	if err := b.d.Cluster.Sessions.Delete(ctx, announceKey(r.chatID)); err != nil {
		return fmt.Errorf("announce: %w", err)
	}
	return nil
}
