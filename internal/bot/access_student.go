package bot

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/i18n"
)

// A student's access follows a guardian's consent to processing the
// child's data (clause 3.3.6, 152-ФЗ art. 9): the student is never asked to
// consent; while no guardian has, the student is told to ask a parent and
// the parents linked in the bot are asked, at most once a promptEvery.

// promptEvery spaces the prompts to a student's parents.
const promptEvery = 24 * time.Hour

// noFamilyConsent refuses a student whose family has not consented. It
// wraps diary.ErrNoConsent; tell it apart with isNoFamilyConsent, as
// errors.Is would match any wrapper of ErrNoConsent's code.
type noFamilyConsent struct{}

// Error implements error.
func (*noFamilyConsent) Error() string {
	return "no guardian has consented: " + diary.ErrNoConsent.Error()
}

// Unwrap returns diary.ErrNoConsent.
func (*noFamilyConsent) Unwrap() error { return diary.ErrNoConsent }

// errNoFamilyConsent is the refusal of a student whose family has not consented.
var errNoFamilyConsent error = &noFamilyConsent{}

// isNoFamilyConsent reports whether err is errNoFamilyConsent.
func isNoFamilyConsent(err error) bool {
	var nf *noFamilyConsent
	return errors.As(err, &nf)
}

// familyConsent reports whether a guardian's consent about the student is
// on record: what a student's own access needs.
func (b *B) familyConsent(ctx context.Context, studentID int64) (bool, error) {
	_, err := b.d.Store.GuardianConsent(ctx, studentID)
	switch {
	case errors.Is(err, diary.ErrNotFound):
		return false, nil
	case err != nil:
		return false, fmt.Errorf("guardian consent: %w", err)
	}
	return true, nil
}

// consentOf reports whether the consent link l's access needs is on
// record: a guardian's own, or for a student a guardian's.
func (b *B) consentOf(ctx context.Context, userID int64, l diary.Link) (bool, error) {
	if l.Kind == diary.LinkStudent {
		return b.familyConsent(ctx, l.StudentID)
	}
	return b.ownConsent(ctx, userID, l.StudentID)
}

// studentDenied turns a student's missing consent into errNoFamilyConsent
// and asks the parents; other refusals pass unchanged.
func (b *B) studentDenied(ctx context.Context, l diary.Link, st diary.Student, err error) error {
	if l.Kind != diary.LinkStudent || !errors.Is(err, diary.ErrNoConsent) {
		return err
	}
	b.promptParents(ctx, st)
	return errNoFamilyConsent
}

// askParent tells the student, in a student's words, to ask a parent for
// the consent, and asks the parents.
func (b *B) askParent(ctx context.Context, r *req, c child) error {
	if err := b.send(ctx, r.chatID, i18n.T(r.lang, i18n.ConsentStudentAsk), nil); err != nil {
		return err
	}
	b.promptParents(ctx, c.student)
	return nil
}

// promptParents asks each parent linked to the student without consent to
// give it, in their chat, unless they were asked within promptEvery.
// Failures are logged: the student's answer does not depend on them.
func (b *B) promptParents(ctx context.Context, st diary.Student) {
	first, err := b.d.Cluster.Dedup.Seen(ctx, "consent-prompt:"+strconv.FormatInt(st.ID, 10), promptEvery)
	if err != nil || !first {
		return
	}
	links, err := b.d.Store.StudentLinks(ctx, st.ID)
	if err != nil {
		b.log.Warn("prompt parents", "student_id", st.ID, "err", err)
		return
	}
	for _, l := range links {
		if l.Kind != diary.LinkGuardian {
			continue
		}
		if err := b.promptParent(ctx, l, st); err != nil {
			b.log.Warn("prompt parent", "student_id", st.ID, "link_id", l.ID, "err", err)
		}
	}
}

// promptParent asks the parent of link l for consent about st, unless it
// is on record.
func (b *B) promptParent(ctx context.Context, l diary.Link, st diary.Student) error {
	if has, err := b.ownConsent(ctx, l.TelegramUserID, st.ID); err != nil || has {
		return err
	}
	pr, err := b.chatReq(ctx, l.ChatID)
	if err != nil {
		return err
	}
	pr.userID = l.TelegramUserID
	cl, err := b.d.Store.Class(ctx, st.ClassID)
	if err != nil {
		return fmt.Errorf("class: %w", err)
	}
	if err := b.send(ctx, pr.chatID, i18n.T(pr.lang, i18n.ConsentParentPrompt, "child", st.Name.Full()), nil); err != nil {
		return err
	}
	return b.askConsent(ctx, pr, child{link: l, student: st, class: cl})
}

// tellStudentsOpen tells the student's own linked chats that a parent
// consented and the diary is open.
func (b *B) tellStudentsOpen(ctx context.Context, studentID int64) {
	links, err := b.d.Store.StudentLinks(ctx, studentID)
	if err != nil {
		b.log.Warn("tell students", "student_id", studentID, "err", err)
		return
	}
	for _, l := range links {
		if l.Kind != diary.LinkStudent {
			continue
		}
		pr, err := b.chatReq(ctx, l.ChatID)
		if err == nil {
			err = b.send(ctx, pr.chatID, i18n.T(pr.lang, i18n.ConsentStudentOpen), nil)
		}
		if err != nil {
			b.log.Warn("tell student", "link_id", l.ID, "err", err)
		}
	}
}

// studentConsentStatus shows a student when a parent consented, or asks
// them to ask one.
func (b *B) studentConsentStatus(ctx context.Context, r *req, c child) error {
	con, err := b.d.Store.GuardianConsent(ctx, c.student.ID)
	if errors.Is(err, diary.ErrNotFound) {
		return b.askParent(ctx, r, c)
	}
	if err != nil {
		return fmt.Errorf("consent status: %w", err)
	}
	_, school, err := b.today(ctx, c.student.SchoolID)
	if err != nil {
		return err
	}
	text := i18n.T(r.lang, i18n.ConsentStudentGiven, "date", diary.DateIn(con.AcceptedAt, school.Location()))
	return b.sendButtons(ctx, r, text, [][]button{{{Kind: btnMenu, Text: i18n.Plain(r.lang, i18n.BtnBack)}}})
}
