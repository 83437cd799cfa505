package bot

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/i18n"
	"github.com/schooldiary/diary/internal/letters"
	"github.com/schooldiary/diary/internal/linkcodes"
)

// The class teacher's one-family code: class Arg's students to choose
// from, then for Student the way to hand the codes over, a letter (PDF) or
// links to forward.
const (
	kindFamily     = "s.fam"
	kindFamilyOf   = "s.famof"
	kindFamilyPDF  = "s.fampdf"
	kindFamilyLink = "s.famlink"
)

// init registers the one-family code's buttons in staffActions.
func init() {
	staffActions[kindFamily] = (*B).familyPick
	staffActions[kindFamilyOf] = (*B).familyHow
	staffActions[kindFamilyPDF] = (*B).familyLetter
	staffActions[kindFamilyLink] = (*B).familyLinks
}

// familyButton opens the one-family code of class cl.
func familyButton(lang i18n.Lang, cl diary.Class) button {
	return button{Kind: kindFamily, Arg: cl.ID, Text: i18n.Plain(lang, i18n.BtnStaffFamily, "class", cl.Name)}
}

// familyPick lists the enrolled students of a class its class teacher
// leads now, one button each.
func (b *B) familyPick(ctx context.Context, r *req, btn button) error {
	sc, err := b.scopeWhere(ctx, r, func(sc *staffScope) bool { return sc.leads(btn.Arg) })
	if err != nil || sc == nil {
		return b.orRefuse(ctx, r, err)
	}
	cl, err := b.d.Store.Class(ctx, btn.Arg)
	if err != nil {
		return fmt.Errorf("family code: %w", err)
	}
	students, err := b.d.Store.StudentsOfClass(ctx, cl.ID)
	if err != nil {
		return fmt.Errorf("family code: %w", err)
	}
	btns := make([]button, len(students))
	for i, s := range students {
		btns[i] = button{Kind: kindFamilyOf, Student: s.ID, Text: s.Name.Full()}
	}
	if err := b.recordStaffVisit(ctx, r, sc, 0, "staff.family"); err != nil {
		return err
	}
	rows := append(pairs(btns), staffHomeButton(r.lang))
	return b.sendButtons(ctx, r, i18n.T(r.lang, i18n.StaffFamilyPick, "class", cl.Name), rows)
}

// familyScope finds the student of the button and the scope of the user
// leading the student's class now; a nil scope when there is none (the
// student unknown, left, or of another class).
func (b *B) familyScope(ctx context.Context, r *req, studentID int64) (*staffScope, diary.Student, diary.Class, error) {
	s, err := b.d.Store.Student(ctx, studentID)
	if errors.Is(err, diary.ErrNotFound) || err == nil && s.Status != diary.Enrolled {
		return nil, s, diary.Class{}, nil
	}
	if err != nil {
		return nil, s, diary.Class{}, fmt.Errorf("family code: %w", err)
	}
	sc, err := b.scopeWhere(ctx, r, func(sc *staffScope) bool { return s.ClassID != 0 && sc.leads(s.ClassID) })
	if err != nil || sc == nil {
		return nil, s, diary.Class{}, err
	}
	for _, cl := range sc.led {
		if cl.ID == s.ClassID {
			return sc, s, cl, nil
		}
	}
	return nil, s, diary.Class{}, nil
}

// familyHow asks how to hand the family's new codes over.
func (b *B) familyHow(ctx context.Context, r *req, btn button) error {
	sc, s, cl, err := b.familyScope(ctx, r, btn.Student)
	if err != nil || sc == nil {
		return b.orRefuse(ctx, r, err)
	}
	guardians, err := b.d.Store.GuardiansOfStudent(ctx, s.ID)
	if err != nil {
		return fmt.Errorf("family code: %w", err)
	}
	text := i18n.T(r.lang, i18n.StaffFamilyHow, "name", s.Name.Full(), "class", cl.Name, "n", 1+len(guardians))
	return b.sendButtons(ctx, r, text, [][]button{{
		{Kind: kindFamilyPDF, Student: s.ID, Text: i18n.Plain(r.lang, i18n.BtnCodeLetter)},
		{Kind: kindFamilyLink, Student: s.ID, Text: i18n.Plain(r.lang, i18n.BtnCodeLink)},
	}, {familyButton(r.lang, cl)}, staffHomeButton(r.lang)})
}

// familyCodes issues the family's new codes as the class teacher of sc and
// records it for the audit; the codes exist only in the letters returned.
func (b *B) familyCodes(ctx context.Context, r *req, sc *staffScope, s diary.Student, cl diary.Class) ([]letters.Letter, error) {
	ls, err := linkcodes.ForFamily(ctx, b.d.Store, cl, s, linkcodes.Options{
		BotUsername: b.botUsername(), Now: b.now(), IssuedBy: sc.member.staff.ID, Rand: b.d.Random,
	})
	if err != nil {
		return nil, fmt.Errorf("family code: %w", err)
	}
	b.log.Info("family link codes issued", "class_id", cl.ID, "codes", len(ls), "staff_id", sc.member.staff.ID)
	return ls, b.recordStaffVisit(ctx, r, sc, s.ID, "staff.family_code")
}

// familyLetter sends the family's letters as one PDF.
func (b *B) familyLetter(ctx context.Context, r *req, btn button) error {
	sc, s, cl, err := b.familyScope(ctx, r, btn.Student)
	if err != nil || sc == nil {
		return b.orRefuse(ctx, r, err)
	}
	ls, err := b.familyCodes(ctx, r, sc, s, cl)
	if err != nil {
		return err
	}
	var pdf bytes.Buffer
	if err := letters.PDF(&pdf, ls); err != nil {
		return fmt.Errorf("family code: letters: %w", err)
	}
	caption := i18n.T(r.lang, i18n.StaffFamilyLetter, "name", s.Name.Full(), "class", cl.Name, "n", len(ls),
		"date", b.codesLastDay(sc))
	return b.sendDocument(ctx, r.chatID, fmt.Sprintf("codes-%s-%s.pdf", cl.Name, s.Name.Last), pdf.Bytes(), caption)
}

// familyLinks sends the family's deep links to forward, one a person.
func (b *B) familyLinks(ctx context.Context, r *req, btn button) error {
	sc, s, cl, err := b.familyScope(ctx, r, btn.Student)
	if err != nil || sc == nil {
		return b.orRefuse(ctx, r, err)
	}
	ls, err := b.familyCodes(ctx, r, sc, s, cl)
	if err != nil {
		return err
	}
	lines := make([]string, len(ls))
	for i, l := range ls {
		kind := i18n.StaffCodeForParent
		if l.Kind == letters.KindStudent {
			kind = i18n.StaffCodeForChild
		}
		lines[i] = i18n.T(r.lang, i18n.StaffCodeLinkLine, "recipient", l.Recipient, "kind", i18n.Plain(r.lang, kind), "link", l.DeepLink)
	}
	text := i18n.T(r.lang, i18n.StaffFamilyLinks, "name", s.Name.Full(), "class", cl.Name,
		"date", b.codesLastDay(sc), "links", i18n.Safe(strings.Join(lines, "\n\n")))
	return b.sendButtons(ctx, r, text, [][]button{{familyButton(r.lang, cl)}, staffHomeButton(r.lang)})
}

// codesLastDay is the last day a code issued now works, in sc's school.
func (b *B) codesLastDay(sc *staffScope) diary.Date {
	return diary.DateIn(b.now().Add(diary.DefaultCodeTTL-1), sc.school.Location())
}
