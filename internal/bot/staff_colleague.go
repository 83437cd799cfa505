package bot

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/i18n"
	"github.com/schooldiary/diary/internal/letters"
	"github.com/schooldiary/diary/internal/linkcodes"
)

// A colleague's code (clause 3.2: access within 3 days of starting work),
// for the director and the journal administrator: the school's staff
// working today from offset Arg, then for staff member Arg the way to hand
// the code over, a letter (PDF) or a link to forward.
const (
	kindColleagues    = "s.col"
	kindColleague     = "s.colof"
	kindColleaguePDF  = "s.colpdf"
	kindColleagueLink = "s.collink"
)

// colleaguePage is how many staff members one page of the list shows.
const colleaguePage = 12

// init registers the colleague's code's buttons in staffActions.
func init() {
	staffActions[kindColleagues] = (*B).colleaguePick
	staffActions[kindColleague] = (*B).colleagueHow
	staffActions[kindColleaguePDF] = (*B).colleagueLetter
	staffActions[kindColleagueLink] = (*B).colleagueLink
}

// colleagueButton opens the list of colleagues to issue a code for.
func colleagueButton(lang i18n.Lang) button {
	return button{Kind: kindColleagues, Text: i18n.Plain(lang, i18n.BtnStaffColleague)}
}

// wholeScope is the user's scope over the whole school (director, journal
// administrator), nil when they hold none.
func (b *B) wholeScope(ctx context.Context, r *req) (*staffScope, error) {
	return b.scopeWhere(ctx, r, (*staffScope).whole)
}

// colleaguePick lists a page of the school's staff working today, each with
// their roles.
func (b *B) colleaguePick(ctx context.Context, r *req, btn button) error {
	sc, err := b.wholeScope(ctx, r)
	if err != nil || sc == nil {
		return b.orRefuse(ctx, r, err)
	}
	staff, err := linkcodes.ActiveStaff(ctx, b.d.Store, sc.school, sc.today)
	if err != nil {
		return fmt.Errorf("colleague code: %w", err)
	}
	from := min(max(int(btn.Arg), 0), len(staff))
	to := min(from+colleaguePage, len(staff))
	var rows [][]button
	for _, s := range staff[from:to] {
		roles, err := b.rolesText(ctx, r.lang, s, sc.today)
		if err != nil {
			return err
		}
		text := i18n.Plain(r.lang, i18n.BtnStaffColleagueOf, "name", s.Name.Full(), "roles", roles)
		rows = append(rows, []button{{Kind: kindColleague, Arg: s.ID, Text: text}})
	}
	if to < len(staff) {
		rows = append(rows, []button{{Kind: kindColleagues, Arg: int64(to), Text: i18n.Plain(r.lang, i18n.BtnStaffMore)}})
	}
	rows = append(rows, staffHomeButton(r.lang))
	return b.sendButtons(ctx, r, i18n.T(r.lang, i18n.StaffColleaguePick, "n", len(staff)), rows)
}

// rolesText names the roles s holds today, «учитель, классный
// руководитель 7А».
func (b *B) rolesText(ctx context.Context, lang i18n.Lang, s diary.Staff, today diary.Date) (string, error) {
	var names []string
	for _, role := range diary.StaffViewer(s, today).Roles {
		class := ""
		if role.Role == diary.RoleClassTeacher {
			cl, err := b.d.Store.Class(ctx, role.ClassID)
			if err != nil {
				return "", fmt.Errorf("colleague roles: %w", err)
			}
			class = cl.Name
		}
		if n := i18n.RoleName(lang, role, class); !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	return strings.Join(names, ", "), nil
}

// colleagueScope finds the staff member of the button and the user's scope
// over their school; a nil scope when there is none (unknown, of another
// school, not working today, or the user is no director or administrator).
func (b *B) colleagueScope(ctx context.Context, r *req, staffID int64) (*staffScope, diary.Staff, error) {
	sc, err := b.wholeScope(ctx, r)
	if err != nil || sc == nil {
		return nil, diary.Staff{}, err
	}
	s, err := b.d.Store.Staff(ctx, staffID)
	if errors.Is(err, diary.ErrNotFound) {
		return nil, s, nil
	}
	if err != nil {
		return nil, s, fmt.Errorf("colleague code: %w", err)
	}
	if s.SchoolID != sc.school.ID || !s.Active(sc.today) {
		return nil, s, nil
	}
	return sc, s, nil
}

// colleagueHow asks how to hand the colleague's new code over.
func (b *B) colleagueHow(ctx context.Context, r *req, btn button) error {
	sc, s, err := b.colleagueScope(ctx, r, btn.Arg)
	if err != nil || sc == nil {
		return b.orRefuse(ctx, r, err)
	}
	roles, err := b.rolesText(ctx, r.lang, s, sc.today)
	if err != nil {
		return err
	}
	return b.sendButtons(ctx, r, i18n.T(r.lang, i18n.StaffColleagueHow, "name", s.Name.Full(), "roles", roles), [][]button{{
		{Kind: kindColleaguePDF, Arg: s.ID, Text: i18n.Plain(r.lang, i18n.BtnCodeLetter)},
		{Kind: kindColleagueLink, Arg: s.ID, Text: i18n.Plain(r.lang, i18n.BtnCodeLink)},
	}, {colleagueButton(r.lang)}, staffHomeButton(r.lang)})
}

// colleagueCode issues the colleague's new code as the user of sc; the
// code exists only in the letter returned.
func (b *B) colleagueCode(ctx context.Context, sc *staffScope, s diary.Staff) (letters.Letter, error) {
	l, err := linkcodes.ForStaffMember(ctx, b.d.Store, sc.school, s, linkcodes.Options{
		BotUsername: b.botUsername(), Now: b.now(), IssuedBy: sc.member.staff.ID, Rand: b.d.Random,
	})
	if err != nil {
		return l, fmt.Errorf("colleague code: %w", err)
	}
	b.log.Info("staff link code issued", "staff_id", s.ID, "by", sc.member.staff.ID)
	return l, nil
}

// colleagueLetter sends the colleague's letter as a PDF.
func (b *B) colleagueLetter(ctx context.Context, r *req, btn button) error {
	sc, s, err := b.colleagueScope(ctx, r, btn.Arg)
	if err != nil || sc == nil {
		return b.orRefuse(ctx, r, err)
	}
	l, err := b.colleagueCode(ctx, sc, s)
	if err != nil {
		return err
	}
	var pdf bytes.Buffer
	if err := letters.PDF(&pdf, []letters.Letter{l}); err != nil {
		return fmt.Errorf("colleague code: letters: %w", err)
	}
	caption := i18n.T(r.lang, i18n.StaffColleagueLetter, "name", s.Name.Full(), "date", b.codesLastDay(sc))
	return b.sendDocument(ctx, r.chatID, fmt.Sprintf("code-%s.pdf", s.Name.Last), pdf.Bytes(), caption)
}

// colleagueLink sends the colleague's deep link to forward.
func (b *B) colleagueLink(ctx context.Context, r *req, btn button) error {
	sc, s, err := b.colleagueScope(ctx, r, btn.Arg)
	if err != nil || sc == nil {
		return b.orRefuse(ctx, r, err)
	}
	roles, err := b.rolesText(ctx, r.lang, s, sc.today)
	if err != nil {
		return err
	}
	l, err := b.colleagueCode(ctx, sc, s)
	if err != nil {
		return err
	}
	text := i18n.T(r.lang, i18n.StaffColleagueLink, "name", s.Name.Full(), "roles", roles,
		"date", b.codesLastDay(sc), "link", l.DeepLink)
	return b.sendButtons(ctx, r, text, [][]button{{colleagueButton(r.lang)}, staffHomeButton(r.lang)})
}
