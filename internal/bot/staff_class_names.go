package bot

import (
	"context"
	"strings"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/i18n"
)

// kindClassNames is the full list Action (listUnlinked, listUnseen) of
// class Arg, opened from its glance by «Показать всех».
const kindClassNames = "s.cnames"

// The glance's lists that can be opened in full.
const (
	listUnlinked = "unlinked" // students whose families have not linked
	listUnseen   = "unseen"   // linked families not seen for a week
)

// glanceInline is how many names a glance's list shows in its line; a
// longer one is a count with a button to the full list.
const glanceInline = 3

// init registers the full lists in staffActions.
func init() { staffActions[kindClassNames] = (*B).staffClassNames }

// list writes the names of ss for a glance's line: the names when there
// are few, else their count, adding the button to the full list to g.
func (g *glance) list(lang i18n.Lang, cl diary.Class, ss []diary.Student, which string) string {
	if len(ss) <= glanceInline {
		return names(lang, ss)
	}
	key := i18n.BtnStaffShowUnlinked
	if which == listUnseen {
		key = i18n.BtnStaffShowUnseen
	}
	g.rows = append(g.rows, []button{{Kind: kindClassNames, Arg: cl.ID, Action: which,
		Text: i18n.Plain(lang, key, "n", len(ss))}})
	return i18n.Plain(lang, i18n.StaffClassCount, "n", len(ss))
}

// staffClassNames shows one of a class glance's lists in full, one name a
// line, to those who see the glance.
func (b *B) staffClassNames(ctx context.Context, r *req, btn button) error {
	head := map[string]i18n.Key{listUnlinked: i18n.StaffClassUnlinkedAll, listUnseen: i18n.StaffClassUnseenAll}[btn.Action]
	if head == "" {
		return errStale
	}
	sc, cl, err := b.classScope(ctx, r, btn.Arg)
	if err != nil || sc == nil {
		return b.orRefuse(ctx, r, err)
	}
	students, err := b.d.Store.StudentsOfClass(ctx, cl.ID)
	if err != nil {
		return err
	}
	ca, err := b.accessOf(ctx, sc, cl, students)
	if err != nil {
		return err
	}
	ss := ca.unlinked
	if btn.Action == listUnseen {
		ss = ca.unseen
	}
	if err := b.recordStaffVisit(ctx, r, sc, 0, "staff.class_names"); err != nil {
		return err
	}
	text := i18n.T(r.lang, head, "class", cl.Name, "n", len(ss)) + "\n\n" + numbered(r.lang, ss)
	back := []button{{Kind: kindClass, Arg: cl.ID, Text: i18n.Plain(r.lang, i18n.BtnStaffToClass, "class", cl.Name)}}
	return b.sendButtons(ctx, r, text, [][]button{back, staffHomeButton(r.lang)})
}

// numbered writes the full names of ss, one a line, numbered.
func numbered(lang i18n.Lang, ss []diary.Student) string {
	if len(ss) == 0 {
		return i18n.Plain(lang, i18n.StaffNone)
	}
	lines := make([]string, len(ss))
	for i, s := range ss {
		lines[i] = i18n.Plain(lang, i18n.StaffRosterLine, "i", i+1, "name", s.Name.Full())
	}
	return strings.Join(lines, "\n")
}

// shortName is a student's short name, «Анисимова А. И.», with no-break
// spaces so a phone never wraps it inside.
func shortName(s diary.Student) string {
	return strings.ReplaceAll(s.Name.Short(), " ", "\u00a0")
}
