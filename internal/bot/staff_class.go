package bot

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/i18n"
	"github.com/schooldiary/diary/internal/importer"
)

// kindClass is the class at a glance of class Arg.
const kindClass = "s.class"

// unseenFor is how long a family that has not opened the diary is listed
// (clause 3.6.8: the class teacher reminds them weekly).
const unseenFor = 7 * 24 * time.Hour

// riskBelow is the average, in hundredths, under which a student is at risk.
const riskBelow = 250

// init registers the class glance in staffActions.
func init() { staffActions[kindClass] = (*B).staffClass }

// classTeacherButtons are each led class's glance, letters and one-family
// code.
func classTeacherButtons(lang i18n.Lang, sc *staffScope) []button {
	var out []button
	for _, cl := range sc.led {
		out = append(out, button{Kind: kindClass, Arg: cl.ID, Text: i18n.Plain(lang, i18n.BtnStaffClass, "class", cl.Name)})
		out = append(out, codesButtons(lang, []diary.Class{cl})[0]...)
		out = append(out, familyButton(lang, cl))
	}
	if len(sc.led) > 0 {
		out = append(out, requestsButton(lang))
	}
	return out
}

// staffClass shows a class at a glance to its class teacher, a deputy of
// its level, the director or the journal administrator.
func (b *B) staffClass(ctx context.Context, r *req, btn button) error {
	cl, err := b.d.Store.Class(ctx, btn.Arg)
	if errors.Is(err, diary.ErrNotFound) {
		return b.refuseStaff(ctx, r)
	}
	if err != nil {
		return fmt.Errorf("staff class: %w", err)
	}
	sc, err := b.scopeWhere(ctx, r, func(sc *staffScope) bool { return sc.oversees(cl) })
	if err != nil || sc == nil {
		return b.orRefuse(ctx, r, err)
	}
	text, err := b.classGlance(ctx, r.lang, sc, cl)
	if err != nil {
		return err
	}
	if err := b.recordStaffVisit(ctx, r, sc, 0, "staff.class"); err != nil {
		return err
	}
	rows := [][]button{staffHomeButton(r.lang)}
	if sc.leads(cl.ID) {
		rows = [][]button{{familyButton(r.lang, cl)}, staffHomeButton(r.lang)}
	}
	return b.sendButtons(ctx, r, text, rows)
}

// classGlance writes the class's linking, consent, visits, requests,
// today's absences and students at risk.
func (b *B) classGlance(ctx context.Context, lang i18n.Lang, sc *staffScope, cl diary.Class) (string, error) {
	students, err := b.d.Store.StudentsOfClass(ctx, cl.ID)
	if err != nil {
		return "", fmt.Errorf("class glance: %w", err)
	}
	parts := []string{i18n.T(lang, i18n.StaffClassHead, "class", cl.Name, "n", len(students))}
	for _, part := range []func(context.Context, i18n.Lang, *staffScope, diary.Class, []diary.Student) (string, error){
		b.glanceAccess, b.glanceRequests, b.glanceAbsent, b.glanceRisk,
	} {
		s, err := part(ctx, lang, sc, cl, students)
		if err != nil {
			return "", err
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "\n\n"), nil
}

// glanceAccess writes who linked, who consented and who has not been seen
// for a week.
func (b *B) glanceAccess(ctx context.Context, lang i18n.Lang, sc *staffScope, cl diary.Class, students []diary.Student) (string, error) {
	acc, err := b.d.Store.StudentAccess(ctx, sc.school.ID, cl.ID, b.now().Add(-unseenFor))
	if err != nil {
		return "", fmt.Errorf("class glance: %w", err)
	}
	byID := map[int64]diary.StudentAccess{}
	for _, a := range acc {
		byID[a.StudentID] = a
	}
	var unlinked, unseen []diary.Student
	consented := 0
	for _, s := range students {
		a := byID[s.ID]
		if !a.Linked {
			unlinked = append(unlinked, s)
		} else if !a.Seen() {
			unseen = append(unseen, s)
		}
		if a.Consented {
			consented++
		}
	}
	total := len(students)
	return strings.Join([]string{
		i18n.T(lang, i18n.StaffClassLinked, "linked", total-len(unlinked), "total", total, "names", names(lang, unlinked)),
		i18n.T(lang, i18n.StaffClassConsented, "consented", consented, "total", total),
		i18n.T(lang, i18n.StaffClassUnseen, "names", names(lang, unseen)),
	}, "\n"), nil
}

// glanceRequests lists the open access requests naming the class (the
// workflow of answering them is the access requests').
func (b *B) glanceRequests(ctx context.Context, lang i18n.Lang, sc *staffScope, cl diary.Class, _ []diary.Student) (string, error) {
	all, err := b.d.Store.AccessRequests(ctx, sc.school.ID, true)
	if err != nil {
		return "", fmt.Errorf("class glance: %w", err)
	}
	var lines []string
	for _, q := range all {
		if importer.ClassKey(q.ClassName) != importer.ClassKey(cl.Name) {
			continue
		}
		lines = append(lines, i18n.T(lang, i18n.StaffClassRequest, "name", q.Name, "child", q.ChildName,
			"date", diary.DateIn(q.CreatedAt, sc.school.Location())))
	}
	return strings.Join(append([]string{i18n.T(lang, i18n.StaffClassRequests, "n", len(lines))}, lines...), "\n"), nil
}

// glanceAbsent lists the students marked absent at a lesson today.
func (b *B) glanceAbsent(ctx context.Context, lang i18n.Lang, sc *staffScope, cl diary.Class, students []diary.Student) (string, error) {
	marks, err := b.d.Store.ClassAttendance(ctx, cl.ID, sc.today, sc.today)
	if err != nil {
		return "", fmt.Errorf("class glance: %w", err)
	}
	absent := map[int64]bool{}
	for _, a := range marks {
		absent[a.StudentID] = absent[a.StudentID] || diary.Absence(a.Mark)
	}
	var out []diary.Student
	for _, s := range students {
		if absent[s.ID] {
			out = append(out, s)
		}
	}
	return i18n.T(lang, i18n.StaffClassAbsent, "names", names(lang, out)), nil
}

// glanceRisk lists the students whose weighted average in a subject is
// below 2,5 in the current period.
func (b *B) glanceRisk(ctx context.Context, lang i18n.Lang, sc *staffScope, cl diary.Class, students []diary.Student) (string, error) {
	risks, err := b.risksOf(ctx, sc, cl)
	if err != nil {
		return "", err
	}
	nm := newNamer(b)
	var lines []string
	seen := map[int64]bool{}
	for _, s := range students {
		for _, a := range risks[s.ID] {
			subj, err := nm.subject(ctx, a.SubjectID)
			if err != nil {
				return "", err
			}
			seen[s.ID] = true
			lines = append(lines, i18n.T(lang, i18n.StaffClassRiskLine, "name", s.Name.Short(), "subject", subj, "average", a))
		}
	}
	return strings.Join(append([]string{i18n.T(lang, i18n.StaffClassRisk, "n", len(seen))}, lines...), "\n"), nil
}

// risksOf returns, by student, the class's subject averages of the current
// period below riskBelow; none when no period runs today.
func (b *B) risksOf(ctx context.Context, sc *staffScope, cl diary.Class) (map[int64][]diary.Aggregate, error) {
	sum, ok, err := b.classSummary(ctx, sc, cl)
	if err != nil || !ok {
		return nil, err
	}
	out := map[int64][]diary.Aggregate{}
	for _, a := range sum.Aggregates {
		if h, ok := a.Hundredths(); ok && h < riskBelow {
			out[a.StudentID] = append(out[a.StudentID], a)
		}
	}
	return out, nil
}

// classSummary reads the class's summary of the period running today;
// false when none runs.
func (b *B) classSummary(ctx context.Context, sc *staffScope, cl diary.Class) (diary.ClassSummary, bool, error) {
	p, err := b.d.Store.PeriodAt(ctx, sc.school.ID, cl.Level, sc.today)
	if errors.Is(err, diary.ErrNotFound) {
		return diary.ClassSummary{}, false, nil
	}
	if err != nil {
		return diary.ClassSummary{}, false, fmt.Errorf("class summary: %w", err)
	}
	sum, err := b.d.Store.ClassSummary(ctx, cl.ID, p.ID)
	if err != nil {
		return sum, false, fmt.Errorf("class summary: %w", err)
	}
	return sum, true, nil
}
