package bot

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/i18n"
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
	sc, cl, err := b.classScope(ctx, r, btn.Arg)
	if err != nil || sc == nil {
		return b.orRefuse(ctx, r, err)
	}
	g, err := b.classGlance(ctx, r.lang, sc, cl)
	if err != nil {
		return err
	}
	if err := b.recordStaffVisit(ctx, r, sc, 0, "staff.class"); err != nil {
		return err
	}
	return b.sendButtons(ctx, r, strings.Join(g.parts, "\n\n"), append(g.rows, glanceWayBack(r.lang, sc, cl)...))
}

// classScope reads class classID and the user's scope overseeing it now;
// a nil scope when there is none.
func (b *B) classScope(ctx context.Context, r *req, classID int64) (*staffScope, diary.Class, error) {
	cl, err := b.d.Store.Class(ctx, classID)
	if errors.Is(err, diary.ErrNotFound) {
		return nil, cl, nil
	}
	if err != nil {
		return nil, cl, fmt.Errorf("staff class: %w", err)
	}
	sc, err := b.scopeWhere(ctx, r, func(sc *staffScope) bool { return sc.oversees(cl) })
	return sc, cl, err
}

// glanceWayBack are the glance's last rows: the one-family code for its
// class teacher, «← К ступеням» for a deputy of its level, the staff menu.
func glanceWayBack(lang i18n.Lang, sc *staffScope, cl diary.Class) [][]button {
	var rows [][]button
	if sc.leads(cl.ID) {
		rows = append(rows, []button{familyButton(lang, cl)})
	}
	if slices.Contains(sc.levels(), diary.LevelOf(cl.Level)) {
		rows = append(rows, []button{{Kind: kindLevels, Text: i18n.Plain(lang, i18n.BtnStaffToLevels)}})
	}
	return append(rows, staffHomeButton(lang))
}

// glance is a class glance being written: its paragraphs and the buttons
// its parts add.
type glance struct {
	parts []string
	rows  [][]button
}

// classGlance writes the class's linking, consent, visits, requests,
// today's absences and students at risk.
func (b *B) classGlance(ctx context.Context, lang i18n.Lang, sc *staffScope, cl diary.Class) (*glance, error) {
	students, err := b.d.Store.StudentsOfClass(ctx, cl.ID)
	if err != nil {
		return nil, fmt.Errorf("class glance: %w", err)
	}
	g := &glance{parts: []string{i18n.T(lang, i18n.StaffClassHead, "class", cl.Name, "n", len(students))}}
	for _, part := range []func(context.Context, i18n.Lang, *staffScope, diary.Class, []diary.Student, *glance) error{
		b.glanceAccess, b.glanceRequests, b.glanceAbsent, b.glanceRisk,
	} {
		if err := part(ctx, lang, sc, cl, students, g); err != nil {
			return nil, err
		}
	}
	return g, nil
}

// classAccess is who of a class linked, who consented and who of the
// linked families has not opened the diary for a week.
type classAccess struct {
	unlinked, unseen  []diary.Student
	linked, consented int
}

// accessOf splits the class's students by their families' access now.
func (b *B) accessOf(ctx context.Context, sc *staffScope, cl diary.Class, students []diary.Student) (classAccess, error) {
	acc, err := b.d.Store.StudentAccess(ctx, sc.school.ID, cl.ID, b.now().Add(-unseenFor))
	if err != nil {
		return classAccess{}, fmt.Errorf("class access: %w", err)
	}
	byID := map[int64]diary.StudentAccess{}
	for _, a := range acc {
		byID[a.StudentID] = a
	}
	var ca classAccess
	for _, s := range students {
		a := byID[s.ID]
		switch {
		case !a.Linked:
			ca.unlinked = append(ca.unlinked, s)
		case !a.Seen():
			ca.unseen = append(ca.unseen, s)
		}
		ca.linked += boolInt(a.Linked)
		ca.consented += boolInt(a.Consented)
	}
	return ca, nil
}

// boolInt is 1 for true, 0 for false.
func boolInt(ok bool) int {
	if ok {
		return 1
	}
	return 0
}

// glanceAccess writes who linked, who consented and which linked families
// have not been seen for a week; a long list is a count with a button.
func (b *B) glanceAccess(ctx context.Context, lang i18n.Lang, sc *staffScope, cl diary.Class, students []diary.Student, g *glance) error {
	ca, err := b.accessOf(ctx, sc, cl, students)
	if err != nil {
		return err
	}
	total := len(students)
	lines := []string{
		i18n.T(lang, i18n.StaffClassLinked, "linked", ca.linked, "total", total),
		i18n.T(lang, i18n.StaffClassUnlinked, "names", g.list(lang, cl, ca.unlinked, listUnlinked)),
		i18n.T(lang, i18n.StaffClassConsented, "consented", ca.consented, "total", total),
	}
	switch {
	case ca.linked == 0:
		lines = append(lines, i18n.T(lang, i18n.StaffClassNoLinked))
	case len(ca.unseen) == 0:
		lines = append(lines, i18n.T(lang, i18n.StaffClassAllSeen, "linked", ca.linked))
	default:
		lines = append(lines, i18n.T(lang, i18n.StaffClassUnseen, "linked", ca.linked,
			"names", g.list(lang, cl, ca.unseen, listUnseen)))
	}
	g.parts = append(g.parts, strings.Join(lines, "\n"))
	return nil
}

// glanceRequests lists the class's open access requests, the ones «Заявки
// на доступ» shows, with that button for its class teacher.
func (b *B) glanceRequests(ctx context.Context, lang i18n.Lang, sc *staffScope, cl diary.Class, _ []diary.Student, g *glance) error {
	open, err := b.d.Store.PendingAccessRequests(ctx, cl.ID)
	if err != nil {
		return fmt.Errorf("class glance: %w", err)
	}
	var lines []string
	for _, q := range open {
		lines = append(lines, i18n.T(lang, i18n.StaffClassRequest, "name", q.Name, "child", q.ChildName,
			"date", diary.DateIn(q.CreatedAt, sc.school.Location())))
	}
	if len(lines) > 0 && sc.leads(cl.ID) {
		g.rows = append(g.rows, []button{requestsButton(lang)})
	}
	g.parts = append(g.parts, strings.Join(append([]string{i18n.T(lang, i18n.StaffClassRequests, "n", len(lines))}, lines...), "\n"))
	return nil
}

// glanceAbsent lists the students marked absent at a lesson today.
func (b *B) glanceAbsent(ctx context.Context, lang i18n.Lang, sc *staffScope, cl diary.Class, students []diary.Student, g *glance) error {
	marks, err := b.d.Store.ClassAttendance(ctx, cl.ID, sc.today, sc.today)
	if err != nil {
		return fmt.Errorf("class glance: %w", err)
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
	g.parts = append(g.parts, i18n.T(lang, i18n.StaffClassAbsent, "names", names(lang, out)))
	return nil
}

// glanceRisk lists, one line a student, the subjects whose weighted
// average is below 2,5 in the current period.
func (b *B) glanceRisk(ctx context.Context, lang i18n.Lang, sc *staffScope, cl diary.Class, students []diary.Student, g *glance) error {
	risks, err := b.risksOf(ctx, sc, cl)
	if err != nil {
		return err
	}
	nm := newNamer(b)
	var lines []string
	for _, s := range students {
		var subjects []string
		for _, a := range risks[s.ID] {
			subj, err := nm.subject(ctx, a.SubjectID)
			if err != nil {
				return err
			}
			subjects = append(subjects, i18n.T(lang, i18n.StaffClassRiskSubject, "subject", subj, "average", a))
		}
		if len(subjects) > 0 {
			lines = append(lines, i18n.T(lang, i18n.StaffClassRiskLine, "name", shortName(s),
				"subjects", i18n.Safe(strings.Join(subjects, "; "))))
		}
	}
	head := i18n.T(lang, i18n.StaffClassRisk, "n", len(lines))
	g.parts = append(g.parts, strings.Join(append([]string{head}, lines...), "\n"))
	return nil
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
