package bot

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/i18n"
)

// The administration's button kinds.
const (
	kindLevels = "s.levels" // the deputy's classes by level
	kindCover  = "s.cover"  // the school's linking and consent by class
	kindActive = "s.active" // the families' activity of the week by class
)

// init registers the buttons of this file in staffActions.
func init() {
	staffActions[kindLevels] = (*B).staffLevels
	staffActions[kindCover] = (*B).staffCover
	staffActions[kindActive] = (*B).staffActive
}

// deputyButtons are the deputy director's entries of the staff home.
func deputyButtons(lang i18n.Lang, _ *staffScope) []button {
	return []button{{Kind: kindLevels, Text: i18n.Plain(lang, i18n.BtnStaffLevels)}}
}

// adminButtons are the director's and journal administrator's entries.
func adminButtons(lang i18n.Lang, _ *staffScope) []button {
	return []button{
		{Kind: kindCover, Text: i18n.Plain(lang, i18n.BtnStaffCover)},
		{Kind: kindActive, Text: i18n.Plain(lang, i18n.BtnStaffActive)},
		colleagueButton(lang),
	}
}

// classesOf returns the school's classes the scope oversees.
func (b *B) classesOf(ctx context.Context, sc *staffScope) ([]diary.Class, error) {
	all, err := b.d.Store.Classes(ctx, sc.school.ID)
	if err != nil {
		return nil, fmt.Errorf("staff classes: %w", err)
	}
	return slices.DeleteFunc(all, func(c diary.Class) bool { return !sc.oversees(c) }), nil
}

// staffLevels shows a deputy the classes of their levels: the period's
// average, the share of students at risk and the week's absences, each
// class a button to its glance.
func (b *B) staffLevels(ctx context.Context, r *req, _ button) error {
	sc, err := b.scopeWhere(ctx, r, func(sc *staffScope) bool { return len(sc.levels()) > 0 })
	if err != nil || sc == nil {
		return b.orRefuse(ctx, r, err)
	}
	classes, err := b.classesOf(ctx, sc)
	if err != nil {
		return err
	}
	from := sc.today.AddDays(-6)
	parts := []string{i18n.T(r.lang, i18n.StaffLevelsHead, "range", i18n.DateRange(r.lang, from, sc.today))}
	if len(classes) == 0 {
		parts = []string{i18n.T(r.lang, i18n.StaffLevelsNone)}
	}
	var btns []button
	var level diary.Level
	for _, cl := range classes {
		line, err := b.levelLine(ctx, r.lang, sc, cl, from)
		if err != nil {
			return err
		}
		if l := diary.LevelOf(cl.Level); l != level || len(btns) == 0 {
			level = l
			parts = append(parts, "", i18n.T(r.lang, levelTitles[l]))
		}
		parts = append(parts, line)
		btns = append(btns, button{Kind: kindClass, Arg: cl.ID, Text: i18n.Plain(r.lang, i18n.BtnStaffClass, "class", cl.Name)})
	}
	if err := b.recordStaffVisit(ctx, r, sc, 0, "staff.levels"); err != nil {
		return err
	}
	return b.sendButtons(ctx, r, strings.Join(parts, "\n"), append(pairs(btns), staffHomeButton(r.lang)))
}

// levelTitles are the titles of the levels' groups in the deputy's view.
var levelTitles = map[diary.Level]i18n.Key{
	diary.LevelPrimary:   i18n.StaffLevelPrimary,
	diary.LevelBasic:     i18n.StaffLevelBasic,
	diary.LevelSecondary: i18n.StaffLevelSecondary,
}

// levelLine writes one class of a deputy's levels.
func (b *B) levelLine(ctx context.Context, lang i18n.Lang, sc *staffScope, cl diary.Class, from diary.Date) (string, error) {
	sum, _, err := b.classSummary(ctx, sc, cl)
	if err != nil {
		return "", err
	}
	var all diary.Aggregate
	risk := map[int64]bool{}
	for _, a := range sum.Aggregates {
		all.Sum, all.Weights, all.Count = all.Sum+a.Sum, all.Weights+a.Weights, all.Count+a.Count
		if h, ok := a.Hundredths(); ok && h < riskBelow {
			risk[a.StudentID] = true
		}
	}
	marks, err := b.d.Store.ClassAttendance(ctx, cl.ID, from, sc.today)
	if err != nil {
		return "", fmt.Errorf("levels: %w", err)
	}
	absences := 0
	for _, a := range marks {
		if diary.Absence(a.Mark) {
			absences++
		}
	}
	return i18n.T(lang, i18n.StaffLevelLine, "class", cl.Name, "average", all,
		"risk", i18n.Percent(lang, share(len(risk), len(sum.Students))), "n", len(risk), "absences", absences), nil
}

// share returns part of whole in hundredths of a percent, rounded half up;
// 0 of nothing.
func share(part, whole int) int {
	if whole == 0 {
		return 0
	}
	return (part*10000*2 + whole) / (whole * 2)
}

// classCounts are a class's students and how many of their families
// linked, consented and opened the diary in the week.
type classCounts struct {
	class                          diary.Class
	total, linked, consented, seen int
}

// schoolCounts counts the access of every class the scope oversees.
func (b *B) schoolCounts(ctx context.Context, sc *staffScope) ([]classCounts, classCounts, error) {
	classes, err := b.classesOf(ctx, sc)
	if err != nil {
		return nil, classCounts{}, err
	}
	acc, err := b.d.Store.StudentAccess(ctx, sc.school.ID, 0, b.now().Add(-unseenFor))
	if err != nil {
		return nil, classCounts{}, fmt.Errorf("school counts: %w", err)
	}
	byClass := map[int64]*classCounts{}
	out := make([]classCounts, len(classes))
	for i, cl := range classes {
		out[i].class = cl
		byClass[cl.ID] = &out[i]
	}
	var total classCounts
	for _, a := range acc {
		if c := byClass[a.ClassID]; c != nil {
			c.add(a)
			total.add(a)
		}
	}
	return out, total, nil
}

// add counts one student's access in c.
func (c *classCounts) add(a diary.StudentAccess) {
	c.total++
	for _, x := range []struct {
		n  *int
		ok bool
	}{{&c.linked, a.Linked}, {&c.consented, a.Consented}, {&c.seen, a.Seen()}} {
		if x.ok {
			*x.n++
		}
	}
}

// adminScope returns the user's first scope covering the whole school.
func (b *B) adminScope(ctx context.Context, r *req) (*staffScope, error) {
	return b.scopeWhere(ctx, r, (*staffScope).whole)
}

// staffCover shows the school's linking and consent coverage by class.
func (b *B) staffCover(ctx context.Context, r *req, _ button) error {
	sc, err := b.adminScope(ctx, r)
	if err != nil || sc == nil {
		return b.orRefuse(ctx, r, err)
	}
	counts, total, err := b.schoolCounts(ctx, sc)
	if err != nil {
		return err
	}
	lines := []string{i18n.T(r.lang, i18n.StaffCoverHead)}
	for _, c := range counts {
		lines = append(lines, i18n.T(r.lang, i18n.StaffCoverLine, "class", c.class.Name, "linked", c.linked,
			"consented", c.consented, "total", c.total))
	}
	lines = append(lines, "", i18n.T(r.lang, i18n.StaffCoverTotal, "linked", total.linked, "consented", total.consented,
		"total", total.total, "percent", i18n.Percent(r.lang, share(total.linked, total.total))))
	if err := b.recordStaffVisit(ctx, r, sc, 0, "staff.cover"); err != nil {
		return err
	}
	return b.sendButtons(ctx, r, strings.Join(lines, "\n"), [][]button{staffHomeButton(r.lang)})
}

// staffActive shows which share of each class's families opened the diary
// in the last seven days (clause 3.3.2).
func (b *B) staffActive(ctx context.Context, r *req, _ button) error {
	sc, err := b.adminScope(ctx, r)
	if err != nil || sc == nil {
		return b.orRefuse(ctx, r, err)
	}
	counts, total, err := b.schoolCounts(ctx, sc)
	if err != nil {
		return err
	}
	week := i18n.DateRange(r.lang, sc.today.AddDays(-6), sc.today)
	lines := []string{i18n.T(r.lang, i18n.StaffActiveHead, "range", week)}
	for _, c := range counts {
		lines = append(lines, i18n.T(r.lang, i18n.StaffActiveLine, "class", c.class.Name, "seen", c.seen,
			"total", c.total, "percent", i18n.Percent(r.lang, share(c.seen, c.total))))
	}
	lines = append(lines, "", i18n.T(r.lang, i18n.StaffActiveTotal, "seen", total.seen, "total", total.total,
		"percent", i18n.Percent(r.lang, share(total.seen, total.total))))
	if err := b.recordStaffVisit(ctx, r, sc, 0, "staff.active"); err != nil {
		return err
	}
	return b.sendButtons(ctx, r, strings.Join(lines, "\n"), [][]button{staffHomeButton(r.lang)})
}
