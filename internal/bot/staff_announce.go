package bot

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/schooldiary/diary/internal/announce"
	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/i18n"
)

// Announcer is what the staff's announcements need: the store's
// announcements and the notices' outbox (notify.Service's Enqueue).
// NewAnnouncer joins the two.
type Announcer interface {
	announce.Store
	announce.Enqueuer
	// Announcements lists a staff member's latest announcements, newest
	// first, with the counts of their notices.
	Announcements(ctx context.Context, schoolID, staffID int64, limit int) ([]diary.Announcement, error)
}

// AnnounceStore is the store's part of an Announcer.
type AnnounceStore interface {
	announce.Store
	Announcements(ctx context.Context, schoolID, staffID int64, limit int) ([]diary.Announcement, error)
}

// NewAnnouncer returns the Announcer of a store and of the notices'
// Enqueue (a *notify.Service).
func NewAnnouncer(st AnnounceStore, q announce.Enqueuer) Announcer {
	return announcer{st, q}
}

// announcer is an AnnounceStore with an Enqueuer.
type announcer struct {
	AnnounceStore
	announce.Enqueuer
}

// The announcements' button kinds.
const (
	kindAnnounce     = "s.ann"    // choose the scope of a new announcement
	kindAnnScope     = "s.ann.sc" // Action: the scope ("s", "l5-9", "c<class id>"); Arg: the staff id
	kindAnnSend      = "s.ann.ok" // send the chat's previewed announcement
	kindAnnCancel    = "s.ann.no" // drop it
	kindAnnounceList = "s.ann.ls" // the sender's latest announcements
)

// announceRoles are the roles that send announcements.
var announceRoles = []diary.Role{diary.RoleClassTeacher, diary.RoleDeputy, diary.RoleDirector, diary.RoleJournalAdmin}

// init registers the announcements' entry of the staff home and its buttons.
func init() {
	homeEntries = append(homeEntries, homeEntry{Roles: announceRoles, Help: i18n.HelpStaffAnnounce,
		Buttons: announceButtons, Offered: func(b *B) bool { return b.d.Announce != nil }})
	staffActions[kindAnnounce] = (*B).staffAnnounce
	staffActions[kindAnnScope] = (*B).staffAnnScope
	staffActions[kindAnnSend] = (*B).staffAnnSend
	staffActions[kindAnnCancel] = (*B).staffAnnCancel
	staffActions[kindAnnounceList] = (*B).staffAnnList
}

// announceButtons are the entry's buttons in the staff home.
func announceButtons(lang i18n.Lang, _ *staffScope) []button {
	return []button{
		{Kind: kindAnnounce, Text: i18n.Plain(lang, i18n.BtnStaffAnnounce)},
		{Kind: kindAnnounceList, Text: i18n.Plain(lang, i18n.BtnStaffAnnounces)},
	}
}

// announcing reports whether the scope may send announcements now.
func (sc *staffScope) announcing() bool { return sc.has(announceRoles...) }

// mayAnnounce reports whether the scope may announce to s, cl being s's
// class when s is one: the whole school for the director and the journal
// administrator; levels of their own stages for a deputy; a class they
// oversee for a class teacher or a deputy.
func (sc *staffScope) mayAnnounce(s diary.AnnounceScope, cl diary.Class) bool {
	switch {
	case s.WholeSchool():
		return sc.whole()
	case s.ClassID != 0:
		return cl.ID == s.ClassID && sc.oversees(cl)
	case s.From < 1 || s.To > 11 || s.From > s.To:
		return false
	}
	for g := s.From; g <= s.To; g++ {
		if !sc.whole() && !slices.Contains(sc.levels(), diary.LevelOf(g)) {
			return false
		}
	}
	return true
}

// stages are the grade ranges of the school's stages.
var stages = [][2]int{{1, 4}, {5, 9}, {10, 11}}

// announceChoices are the scopes sc may announce to, as buttons: the
// school, its stages and parallels, the classes it oversees.
func announceChoices(lang i18n.Lang, sc *staffScope, classes []diary.Class) []button {
	staff := sc.member.staff.ID
	var out []button
	add := func(s diary.AnnounceScope, action, className string) {
		out = append(out, button{Kind: kindAnnScope, Arg: staff, Action: action,
			Text: i18n.Plain(lang, i18n.BtnAnnounceScope, "scope", i18n.Safe(scopeLabel(lang, s, className)))})
	}
	if sc.whole() {
		add(diary.AnnounceScope{}, "s", "")
	}
	for _, st := range stages {
		if s := (diary.AnnounceScope{From: st[0], To: st[1]}); sc.mayAnnounce(s, diary.Class{}) {
			add(s, fmt.Sprintf("l%d-%d", st[0], st[1]), "")
		}
	}
	for _, g := range parallels(classes) {
		if s := (diary.AnnounceScope{From: g, To: g}); sc.mayAnnounce(s, diary.Class{}) {
			add(s, fmt.Sprintf("l%d-%d", g, g), "")
		}
	}
	for _, cl := range classes {
		add(diary.AnnounceScope{ClassID: cl.ID}, "c"+strconv.FormatInt(cl.ID, 10), cl.Name)
	}
	return out
}

// parallels are the distinct levels of classes, in order.
func parallels(classes []diary.Class) []int {
	var out []int
	for _, cl := range classes {
		if !slices.Contains(out, cl.Level) {
			out = append(out, cl.Level)
		}
	}
	slices.Sort(out)
	return out
}

// parseScope reads a scope button's Action; false when it is malformed.
func parseScope(action string) (diary.AnnounceScope, bool) {
	switch {
	case action == "s":
		return diary.AnnounceScope{}, true
	case strings.HasPrefix(action, "c"):
		id, err := strconv.ParseInt(action[1:], 10, 64)
		return diary.AnnounceScope{ClassID: id}, err == nil && id > 0
	case strings.HasPrefix(action, "l"):
		from, to, _ := strings.Cut(action[1:], "-")
		f, errF := strconv.Atoi(from)
		t, errT := strconv.Atoi(to)
		return diary.AnnounceScope{From: f, To: t}, errF == nil && errT == nil && f > 0
	}
	return diary.AnnounceScope{}, false
}

// scopeLabel names a scope: «вся школа», «5–9 классы», «класс 7А»; escaped.
func scopeLabel(lang i18n.Lang, s diary.AnnounceScope, className string) string {
	switch {
	case s.ClassID != 0:
		return i18n.T(lang, i18n.AnnounceScopeClass, "class", className)
	case s.WholeSchool():
		return i18n.T(lang, i18n.AnnounceScopeSchool)
	case s.From == s.To:
		return i18n.T(lang, i18n.AnnounceScopeLevel, "n", s.From)
	}
	return i18n.T(lang, i18n.AnnounceScopeLevels, "from", s.From, "to", s.To)
}
