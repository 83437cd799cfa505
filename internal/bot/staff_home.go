package bot

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/i18n"
)

// homeEntry is one part of the staff home: the buttons a staff member
// holding any of Roles finds in their menu, and the help paragraph that
// says what they do. Later features add an entry to homeEntries (and their
// button kinds to staffActions): a button, not a menu.
type homeEntry struct {
	Roles   []diary.Role
	Help    i18n.Key
	Buttons func(lang i18n.Lang, sc *staffScope) []button
	// Offered says whether the bot was given what the entry needs; nil:
	// always.
	Offered func(b *B) bool
}

// shown reports whether the entry is in sc's home on bot b.
func (e homeEntry) shown(b *B, sc *staffScope) bool {
	return sc.has(e.Roles...) && (e.Offered == nil || e.Offered(b))
}

// homeEntries are the staff home's parts, in the menu's order.
var homeEntries = []homeEntry{
	{Roles: []diary.Role{diary.RoleTeacher}, Help: i18n.HelpStaffTeacher, Buttons: teacherButtons},
	{Roles: []diary.Role{diary.RoleClassTeacher}, Help: i18n.HelpStaffClass, Buttons: classTeacherButtons},
	{Roles: []diary.Role{diary.RoleDeputy}, Help: i18n.HelpStaffDeputy, Buttons: deputyButtons},
	{Roles: []diary.Role{diary.RoleDirector, diary.RoleJournalAdmin}, Help: i18n.HelpStaffAdmin, Buttons: adminButtons},
}

// staffAction handles a pressed staff button, re-checking its scope now.
type staffAction func(b *B, ctx context.Context, r *req, btn button) error

// staffActions are the staff home's button kinds and their handlers.
var staffActions = map[string]staffAction{}

// staffScope is what one staff link lets its user see today: the roles
// (none past the active span, clause 3.2), the classes led, and what the
// journal says they teach this school year.
type staffScope struct {
	member   staffMember
	school   diary.School
	today    diary.Date
	viewer   diary.Viewer
	led      []diary.Class
	teaching []diary.Teaching
}

// has reports whether any role of the scope is one of roles.
func (sc *staffScope) has(roles ...diary.Role) bool {
	return slices.ContainsFunc(sc.viewer.Roles, func(r diary.StaffRole) bool { return slices.Contains(roles, r.Role) })
}

// whole reports whether the scope covers the whole school.
func (sc *staffScope) whole() bool { return sc.has(diary.RoleDirector, diary.RoleJournalAdmin) }

// levels returns the levels the scope's deputy roles cover.
func (sc *staffScope) levels() []diary.Level {
	var out []diary.Level
	for _, r := range sc.viewer.Roles {
		if r.Role == diary.RoleDeputy && !slices.Contains(out, r.Level) {
			out = append(out, r.Level)
		}
	}
	return out
}

// leads reports whether the scope leads class classID as its class teacher.
func (sc *staffScope) leads(classID int64) bool {
	return slices.ContainsFunc(sc.led, func(c diary.Class) bool { return c.ID == classID })
}

// oversees reports whether the scope sees class cl as a whole: its class
// teacher, a deputy of its level, the director or the journal administrator.
func (sc *staffScope) oversees(cl diary.Class) bool {
	return cl.SchoolID == sc.school.ID &&
		(sc.whole() || sc.leads(cl.ID) || slices.Contains(sc.levels(), diary.LevelOf(cl.Level)))
}

// teaches reports whether the scope teaches subject in class classID to a
// student of groups (the whole class, or one of the groups).
func (sc *staffScope) teaches(classID, subjectID int64, groups []int64) bool {
	if !sc.has(diary.RoleTeacher) {
		return false
	}
	return slices.ContainsFunc(sc.teaching, func(t diary.Teaching) bool {
		return t.ClassID == classID && t.SubjectID == subjectID && (t.GroupID == 0 || slices.Contains(groups, t.GroupID))
	})
}

// staffScopes returns the scope of each of the user's staff links now.
func (b *B) staffScopes(ctx context.Context, userID int64) ([]*staffScope, error) {
	w, err := b.people(ctx, userID)
	if err != nil {
		return nil, err
	}
	out := make([]*staffScope, 0, len(w.staff))
	for _, m := range w.staff {
		sc, err := b.scopeOf(ctx, m)
		if err != nil {
			return nil, err
		}
		out = append(out, sc)
	}
	return out, nil
}

// scopeOf reads what staff member m may see today.
func (b *B) scopeOf(ctx context.Context, m staffMember) (*staffScope, error) {
	today, school, err := b.today(ctx, m.staff.SchoolID)
	if err != nil {
		return nil, err
	}
	sc := &staffScope{member: m, school: school, today: today, viewer: diary.StaffViewer(m.staff, today)}
	if sc.led, err = b.classTeacherOf(ctx, m); err != nil {
		return nil, err
	}
	if sc.has(diary.RoleTeacher) {
		from, to := b.schoolYear(ctx, school.ID, today)
		if sc.teaching, err = b.d.Store.Teaching(ctx, m.staff.ID, from, to); err != nil {
			return nil, fmt.Errorf("staff scope: %w", err)
		}
	}
	return sc, nil
}

// schoolYear returns the span of the school year around today: the stored
// year that contains it, else the year up to today and a fortnight ahead.
func (b *B) schoolYear(ctx context.Context, schoolID int64, today diary.Date) (diary.Date, diary.Date) {
	years, err := b.d.Store.Years(ctx, schoolID)
	if err == nil {
		for _, y := range years {
			if !today.Before(y.Start) && !today.After(y.End) {
				return y.Start, y.End
			}
		}
	}
	return today.AddDays(-365), today.AddDays(14)
}

// staffMenu returns the staff home's buttons of every staff link of w, from
// homeEntries, and the menu's title.
func (b *B) staffMenu(ctx context.Context, r *req, w who) ([][]button, string, error) {
	var rows [][]button
	text := ""
	for _, m := range w.staff {
		b.rememberStaffChat(ctx, m.staff.ID, r.chatID)
		sc, err := b.scopeOf(ctx, m)
		if err != nil {
			return nil, "", err
		}
		text = i18n.T(r.lang, i18n.StaffMenu, "name", m.staff.Name.Full()) + "\n" + duties(r.lang, sc)
		rows = append(rows, b.homeRows(r.lang, sc)...)
	}
	return rows, text, nil
}

// duties says what the scope's roles are, or that there is none today.
func duties(lang i18n.Lang, sc *staffScope) string {
	if len(sc.viewer.Roles) == 0 {
		return i18n.T(lang, i18n.StaffNoRoles)
	}
	names := make([]string, 0, len(sc.viewer.Roles))
	for _, role := range sc.viewer.Roles {
		class := ""
		for _, cl := range sc.led {
			if cl.ID == role.ClassID {
				class = cl.Name
			}
		}
		if n := i18n.RoleName(lang, role, class); !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	return i18n.T(lang, i18n.StaffDuties, "roles", strings.Join(names, ", "))
}

// homeRows lays out the buttons of the entries of sc's roles, two a row.
func (b *B) homeRows(lang i18n.Lang, sc *staffScope) [][]button {
	var rows [][]button
	for _, e := range homeEntries {
		if e.shown(b, sc) {
			rows = append(rows, pairs(e.Buttons(lang, sc))...)
		}
	}
	return rows
}

// pairs lays buttons out two a row.
func pairs(btns []button) [][]button {
	var rows [][]button
	for i := 0; i < len(btns); i += 2 {
		rows = append(rows, btns[i:min(i+2, len(btns))])
	}
	return rows
}

// singles lays buttons out one a row: labels with a subject's name
// («1. 7Б · Вероятность и статистика») do not fit two a row on a phone.
func singles(btns []button) [][]button {
	rows := make([][]button, len(btns))
	for i, btn := range btns {
		rows[i] = []button{btn}
	}
	return rows
}

// staffHelp sends the help of the staff member's roles: what each can do.
func (b *B) staffHelp(ctx context.Context, r *req, w who) error {
	parts := []string{i18n.T(r.lang, i18n.HelpStaffHead)}
	for _, m := range w.staff {
		sc, err := b.scopeOf(ctx, m)
		if err != nil {
			return err
		}
		for _, e := range homeEntries {
			if p := i18n.T(r.lang, e.Help); e.shown(b, sc) && !slices.Contains(parts, p) {
				parts = append(parts, p)
			}
		}
	}
	parts = append(parts, i18n.T(r.lang, i18n.HelpStaffFoot))
	return b.send(ctx, r.chatID, strings.Join(parts, "\n\n"), nil)
}

// staffOnly reports whether the user's links are staff links only.
func (w who) staffOnly() bool { return len(w.staff) > 0 && len(w.children) == 0 }

// familyView opens a family's view of the selected child; a linked staff
// member without children gets their own home instead of the parents' wording.
func (b *B) familyView(ctx context.Context, r *req, action string) error {
	w, err := b.people(ctx, r.userID)
	if err != nil {
		return err
	}
	if w.staffOnly() {
		return b.showMenu(ctx, r, w)
	}
	return b.viewSelected(ctx, r, action)
}

// dispatchStaff runs a staff home button; any other kind is errStale.
func (b *B) dispatchStaff(ctx context.Context, r *req, btn button) error {
	if act, ok := staffActions[btn.Kind]; ok {
		return act(b, ctx, r, btn)
	}
	return errStale
}

// staffHomeButton is the way back to the staff home.
func staffHomeButton(lang i18n.Lang) []button {
	return []button{{Kind: btnMenu, Text: i18n.Plain(lang, i18n.BtnStaffHome)}}
}

// recordStaffVisit records a staff member's view for the audit (clause
// 2.12.3): who, through which Telegram user, saw which view (of studentID
// when not 0).
func (b *B) recordStaffVisit(ctx context.Context, r *req, sc *staffScope, studentID int64, view string) error {
	v := diary.Visit{SchoolID: sc.school.ID, TelegramUserID: r.userID, StaffID: sc.member.staff.ID,
		StudentID: studentID, View: view}
	if err := b.d.Store.RecordVisit(ctx, v); err != nil {
		return fmt.Errorf("record staff visit: %w", err)
	}
	return nil
}

// refuseStaff says a view lies outside the user's rights, telling nothing
// of what it would have shown.
func (b *B) refuseStaff(ctx context.Context, r *req) error {
	return b.sendButtons(ctx, r, i18n.T(r.lang, i18n.StaffNotYours), [][]button{staffHomeButton(r.lang)})
}

// names joins the short names of students (each unbroken), or says there
// is none.
func names(lang i18n.Lang, ss []diary.Student) string {
	if len(ss) == 0 {
		return i18n.Plain(lang, i18n.StaffNone)
	}
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = shortName(s)
	}
	return strings.Join(out, ", ")
}
