package bot

import (
	"context"
	"strings"

	"github.com/schooldiary/diary/internal/announce"
	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/i18n"
)

// announceListed is how many of a sender's announcements «Мои объявления»
// shows.
const announceListed = 10

// staffAnnSend sends the chat's previewed announcement, re-checked for its
// sender now: one notice to each family it reaches. The per-chat order of
// updates makes a second press find nothing pending.
func (b *B) staffAnnSend(ctx context.Context, r *req, _ button) error {
	p, ok, err := b.pendingOf(ctx, r)
	if err != nil {
		return err
	}
	if !ok || p.Text == "" {
		return b.sendButtons(ctx, r, i18n.T(r.lang, i18n.AnnounceExpired), [][]button{staffHomeButton(r.lang)})
	}
	file, err := b.attachment(ctx, p)
	if err != nil {
		b.log.Warn("announcement file not fetched", "err", b.redact(err))
		return b.send(ctx, r.chatID, i18n.T(r.lang, i18n.AnnounceFileFailed), nil)
	}
	if err := b.dropAnnounce(ctx, r); err != nil {
		return err
	}
	a, err := b.authorizeAnnounce(ctx, r, p.Staff, p.scope())
	if err != nil || a == nil {
		return b.orRefuse(ctx, r, err)
	}
	sent, err := announce.Send(ctx, b.d.Announce, b.d.Announce,
		announce.Draft{School: a.sc.school, StaffID: p.Staff, Scope: p.scope(), Text: p.Text, File: file})
	if err != nil {
		return err
	}
	b.log.Info("announcement sent", "staff_id", p.Staff, "announcement_id", sent.ID, "recipients", sent.Recipients,
		"file_bytes", len(file.Data))
	if err := b.recordStaffVisit(ctx, r, a.sc, 0, "staff.announce"); err != nil {
		return err
	}
	return b.sendButtons(ctx, r, i18n.T(r.lang, i18n.AnnounceSent, "n", sent.Recipients, "unreachable", sent.Unreachable),
		[][]button{{{Kind: kindAnnounceList, Text: i18n.Plain(r.lang, i18n.BtnStaffAnnounces)}}, staffHomeButton(r.lang)})
}

// staffAnnCancel drops the chat's previewed announcement: nothing is sent.
func (b *B) staffAnnCancel(ctx context.Context, r *req, _ button) error {
	if err := b.dropAnnounce(ctx, r); err != nil {
		return err
	}
	return b.sendButtons(ctx, r, i18n.T(r.lang, i18n.AnnounceCancelled), [][]button{staffHomeButton(r.lang)})
}

// cancelAnnounce drops the chat's pending announcement on /cancel; it
// reports false when nothing was pending.
func (b *B) cancelAnnounce(ctx context.Context, r *req) (bool, error) {
	if _, ok, err := b.pendingOf(ctx, r); err != nil || !ok {
		return err != nil, err
	}
	return true, b.staffAnnCancel(ctx, r, button{})
}

// staffAnnList shows the sender's latest announcements with how their
// delivery stands: sent, by email, failed, waiting.
func (b *B) staffAnnList(ctx context.Context, r *req, _ button) error {
	sc, err := b.scopeWhere(ctx, r, (*staffScope).announcing)
	if err != nil || sc == nil || b.d.Announce == nil {
		return b.orRefuse(ctx, r, err)
	}
	list, err := b.d.Announce.Announcements(ctx, sc.school.ID, sc.member.staff.ID, announceListed)
	if err != nil {
		return err
	}
	lines := []string{i18n.T(r.lang, i18n.AnnounceListHead)}
	if len(list) == 0 {
		lines = append(lines, i18n.T(r.lang, i18n.AnnounceListNone))
	}
	for _, a := range list {
		line, err := b.announceLine(ctx, r.lang, sc, a)
		if err != nil {
			return err
		}
		lines = append(lines, line)
	}
	return b.sendButtons(ctx, r, strings.Join(lines, "\n\n"), [][]button{staffHomeButton(r.lang)})
}

// announceLine writes one announcement of the list: when, to whom, the
// start of its text and its counts.
func (b *B) announceLine(ctx context.Context, lang i18n.Lang, sc *staffScope, a diary.Announcement) (string, error) {
	className := ""
	if a.Scope.ClassID != 0 {
		cl, err := b.d.Store.Class(ctx, a.Scope.ClassID)
		if err != nil {
			return "", err
		}
		className = cl.Name
	}
	c := a.Counts
	return i18n.T(lang, i18n.AnnounceListLine, "date", diary.DateIn(a.CreatedAt, sc.school.Location()),
		"scope", i18n.Safe(scopeLabel(lang, a.Scope, className)), "text", excerpt(a.Text, 60), "n", a.Recipients,
		"sent", c.Sent, "email", c.Email, "failed", c.Failed, "waiting", c.Waiting), nil
}

// excerpt is the first n characters of s, with «…» when cut.
func excerpt(s string, n int) string {
	r := []rune(strings.Join(strings.Fields(s), " "))
	if len(r) <= n {
		return string(r)
	}
	return string(r[:n]) + "…"
}
