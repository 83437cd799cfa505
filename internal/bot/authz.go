package bot

import (
	"context"
	"fmt"
	"slices"

	"github.com/schooldiary/diary/internal/diary"
)

// access is one authorised look at a student's records.
type access struct {
	viewer  diary.Viewer
	link    diary.Link
	student diary.Student
	school  diary.School
	today   diary.Date
}

// authorize is the one gate of every diary view (clauses 2.7, 2.12.3): the
// user must have an active link to the student now (a guardian's or the
// student's own), the guardian must still represent the student, consent
// must be on record (a student's access follows a guardian's, clause
// 3.3.6), and diary.CanView must allow it today in the school's zone. Refusals are the diary's errors (ErrNotGuardian, ErrNotStudent,
// ErrStudentLeft, ErrNoConsent…).
func (b *B) authorize(ctx context.Context, userID, studentID int64) (access, error) {
	link, err := b.familyLink(ctx, userID, studentID)
	if err != nil {
		return access{}, err
	}
	st, err := b.d.Store.Student(ctx, studentID)
	if err != nil {
		return access{}, fmt.Errorf("authorize: %w", err)
	}
	today, school, err := b.today(ctx, st.SchoolID)
	if err != nil {
		return access{}, fmt.Errorf("authorize: %w", err)
	}
	facts, err := b.facts(ctx, userID, link, st)
	if err != nil {
		return access{}, err
	}
	v := viewerOf(link)
	if err := diary.CanView(v, facts, today); err != nil {
		return access{}, b.studentDenied(ctx, link, st, err)
	}
	return access{viewer: v, link: link, student: st, school: school, today: today}, nil
}

// familyLink returns the user's active guardian or student link to the
// student; ErrNotGuardian when there is none.
func (b *B) familyLink(ctx context.Context, userID, studentID int64) (diary.Link, error) {
	links, err := b.d.Store.ActiveLinks(ctx, userID)
	if err != nil {
		return diary.Link{}, fmt.Errorf("authorize: %w", err)
	}
	for _, l := range links {
		if l.StudentID == studentID && (l.Kind == diary.LinkGuardian || l.Kind == diary.LinkStudent) {
			return l, nil
		}
	}
	return diary.Link{}, diary.ErrNotGuardian
}

// viewerOf returns the viewer a family link makes its user.
func viewerOf(l diary.Link) diary.Viewer {
	if l.Kind == diary.LinkStudent {
		return diary.Viewer{Kind: diary.ViewerStudent, ID: l.StudentID, SchoolID: l.SchoolID}
	}
	return diary.Viewer{Kind: diary.ViewerGuardian, ID: l.GuardianID, SchoolID: l.SchoolID}
}

// facts gathers what CanView needs: whether the guardian still represents
// the student and whether the consent the link needs is on record.
func (b *B) facts(ctx context.Context, userID int64, l diary.Link, st diary.Student) (diary.AccessFacts, error) {
	f := diary.AccessFacts{Student: st}
	if l.Kind == diary.LinkGuardian {
		gs, err := b.d.Store.GuardiansOfStudent(ctx, st.ID)
		if err != nil {
			return f, fmt.Errorf("authorize: guardians: %w", err)
		}
		f.Linked = slices.ContainsFunc(gs, func(g diary.Guardian) bool { return g.ID == l.GuardianID })
	}
	consent, err := b.consentOf(ctx, userID, l)
	if err != nil {
		return f, fmt.Errorf("authorize: %w", err)
	}
	f.Consent = consent
	return f, nil
}

// recordVisit records that the user saw view of the authorised student.
func (b *B) recordVisit(ctx context.Context, userID int64, a access, view string) error {
	v := diary.Visit{SchoolID: a.student.SchoolID, TelegramUserID: userID, StudentID: a.student.ID, View: view}
	if a.link.Kind == diary.LinkGuardian {
		v.GuardianID = a.link.GuardianID
	}
	if err := b.d.Store.RecordVisit(ctx, v); err != nil {
		return fmt.Errorf("record visit: %w", err)
	}
	return nil
}
