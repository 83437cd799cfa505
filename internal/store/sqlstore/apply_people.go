package sqlstore

import (
	"context"
	"reflect"
	"slices"

	"github.com/schooldiary/diary/internal/diary"
)

// roleRef is a staff role with its class resolved.
type roleRef struct {
	role  diary.Role
	class *ent
	level diary.Level
}

// resolveSubjects makes the records of the batch's subjects.
func (a *applier) resolveSubjects() {
	for _, x := range a.b.Subjects {
		a.subjects.add(x.Subject.ExtID)
	}
}

// resolveClasses makes the records of the batch's classes, with their levels.
func (a *applier) resolveClasses() {
	for _, x := range a.b.Classes {
		a.classes.add(x.Class.ExtID).level = x.Class.Level
	}
}

// resolveStaff resolves the classes of the staff's roles.
func (a *applier) resolveStaff() {
	a.rs.staffRoles = make([][]roleRef, len(a.b.Staff))
	for i, x := range a.b.Staff {
		a.staff.add(x.Staff.ExtID)
		for _, r := range x.Roles {
			c := a.ref(a.classes, r.ClassRef, x.Src, "class")
			a.rs.staffRoles[i] = append(a.rs.staffRoles[i], roleRef{r.Role, c, r.Level})
		}
	}
}

// resolveStudents resolves the students' classes. A student who left may
// come without one: they keep the stored class, or none.
func (a *applier) resolveStudents() {
	a.rs.studentClass = make([]*ent, len(a.b.Students))
	for i, x := range a.b.Students {
		e := a.students.add(x.Student.ExtID)
		c := e.class // the stored class, nil for a new student
		if x.ClassRef != "" || x.Student.Status != diary.Left {
			c = a.ref(a.classes, x.ClassRef, x.Src, "class")
			e.broken = e.broken || !known(x.ClassRef, c)
		}
		a.rs.studentClass[i], e.class = c, c
	}
}

// resolveGroups resolves the groups' classes and members.
func (a *applier) resolveGroups() {
	a.rs.groupClass = make([]*ent, len(a.b.Groups))
	a.rs.groupMembers = make([][]*ent, len(a.b.Groups))
	for i, x := range a.b.Groups {
		c := a.ref(a.classes, x.ClassRef, x.Src, "class")
		a.rs.groupClass[i] = c
		g := a.groups.add(x.Group.ExtID)
		g.class, g.broken = c, g.broken || !known(x.ClassRef, c)
		a.rs.groupMembers[i], _ = a.refs(a.students, x.StudentRefs, x.Src, "student")
	}
}

// resolveGuardians resolves the guardians' students.
func (a *applier) resolveGuardians() {
	a.rs.guardianStudents = make([][]*ent, len(a.b.Guardians))
	for i, x := range a.b.Guardians {
		a.guardians.add(x.Guardian.ExtID)
		a.rs.guardianStudents[i], _ = a.refs(a.students, x.StudentRefs, x.Src, "student")
	}
}

// writeSubjects writes the batch's subjects.
func (a *applier) writeSubjects(ctx context.Context) error {
	var p pending
	for _, x := range a.b.Subjects {
		n := x.Subject
		old, ok := a.st.subjects[n.ExtID]
		n.ID, n.SchoolID = old.ID, a.school
		p.put(old.ID, ok && n == old, []any{a.school, n.ExtID, n.Name, n.Short})
	}
	return a.flush(ctx, diary.KindSubjects, subjectsTable, &p, &a.subjects)
}

// writeClasses writes the batch's classes.
func (a *applier) writeClasses(ctx context.Context) error {
	var p pending
	for _, x := range a.b.Classes {
		n := x.Class
		old, ok := a.st.classes[n.ExtID]
		n.ID, n.SchoolID = old.ID, a.school
		p.put(old.ID, ok && n == old, []any{a.school, n.ExtID, n.Name, n.Level})
	}
	return a.flush(ctx, diary.KindClasses, classesTable, &p, &a.classes)
}

// writeStaff writes the batch's staff; their roles replace the stored ones.
func (a *applier) writeStaff(ctx context.Context) error {
	var p pending
	var replace []int // indexes of staff whose roles are replaced
	for i, x := range a.b.Staff {
		n := x.Staff
		old, ok := a.st.staff[n.ExtID]
		sameRoles := slices.Equal(a.roles(i), old.Roles)
		if !sameRoles {
			replace = append(replace, i)
		}
		n.ID, n.SchoolID, n.Roles, old.Roles = old.ID, a.school, nil, nil
		p.put(old.ID, ok && reflect.DeepEqual(n, old) && sameRoles, []any{a.school, n.ExtID, n.Name.Last,
			n.Name.First, n.Name.Middle, n.Phone, n.Email, n.ActiveFrom, n.ActiveTo})
	}
	if err := a.flush(ctx, diary.KindStaff, staffTable, &p, &a.staff); err != nil {
		return err
	}
	return a.replaceRoles(ctx, replace)
}

// roles returns the resolved roles of the i-th staff member.
func (a *applier) roles(i int) []diary.StaffRole {
	var out []diary.StaffRole
	for _, r := range a.rs.staffRoles[i] {
		out = append(out, diary.StaffRole{Role: r.role, ClassID: idOf(r.class), Level: r.level})
	}
	return out
}

// replaceRoles rewrites the roles of the staff at indexes idx.
func (a *applier) replaceRoles(ctx context.Context, idx []int) error {
	if len(idx) == 0 {
		return nil
	}
	var staff []int64
	var rows [][]any
	for _, i := range idx {
		id := a.staff.ext[a.b.Staff[i].Staff.ExtID].id
		staff = append(staff, id)
		for _, r := range a.roles(i) {
			rows = append(rows, []any{id, kindText(r.Role), r.ClassID, kindText(r.Level)})
		}
	}
	return a.replace(ctx, "staff_roles", "staff_id", staff, rolesTable, rows)
}

// replace deletes the rows of table whose column col is among ids and
// inserts rows into t instead.
func (a *applier) replace(ctx context.Context, table, col string, ids []int64, t Table, rows [][]any) error {
	_, err := a.tx.Exec(ctx, `DELETE FROM `+table+` WHERE `+col+` IN (`+a.s.d.InList(1, "bigint")+`)`, a.s.d.List(ids))
	if err != nil {
		return a.s.wrap(err, "replace %s", table)
	}
	if len(rows) == 0 {
		return nil
	}
	return a.s.wrap(a.tx.Insert(ctx, t, rows, nil), "replace %s", table)
}

// writeStudents writes the batch's students; an enrolled student has no
// leaving date or reason.
func (a *applier) writeStudents(ctx context.Context) error {
	var p pending
	for i, x := range a.b.Students {
		n := x.Student
		if n.Status == "" {
			n.Status = diary.Enrolled
		}
		if n.Status == diary.Enrolled {
			n.LeftOn, n.LeftReason = diary.Date{}, ""
		}
		old, ok := a.st.students[n.ExtID]
		n.ID, n.SchoolID, n.ClassID, n.UpdatedAt = old.ID, a.school, idOf(a.rs.studentClass[i]), old.UpdatedAt
		if ok && n.ClassID != old.ClassID {
			a.moved = append(a.moved, old.ID)
		}
		p.put(old.ID, ok && n == old, []any{a.school, n.ExtID, n.Name.Last, n.Name.First, n.Name.Middle, n.ClassID,
			n.BirthDate, n.Phone, n.Email, kindText(n.Status), n.LeftOn, n.LeftReason, a.now})
	}
	return a.flush(ctx, diary.KindStudents, studentsTable, &p, &a.students)
}

// markLeft marks left, on AsOf, every enrolled student of the school a
// roster batch does not list (clause 3.2).
func (a *applier) markLeft(ctx context.Context) error {
	if !a.b.Roster {
		return nil
	}
	listed := make([]string, len(a.b.Students))
	for i, x := range a.b.Students {
		listed[i] = x.Student.ExtID
	}
	left, err := list(ctx, a.s, a.tx, "mark left", scanStudent, `UPDATE students
		SET status = 'left', left_on = $2, left_reason = $3, updated_at = $4
		WHERE school_id = $1 AND status = 'enrolled' AND ext_id NOT IN (`+a.s.d.InList(5, "text")+`)
		RETURNING `+studentCols, a.school, a.s.date(a.asOf()), diary.LeftNotInRoster, a.s.instant(a.now), a.s.d.List(listed))
	sortByName(left, func(x diary.Student) diary.Name { return x.Name }, func(x diary.Student) int64 { return x.ID })
	a.res.MarkedLeft = left
	return err
}

// writeGroups writes the batch's groups; members, when given, replace the
// stored ones.
func (a *applier) writeGroups(ctx context.Context) error {
	var p pending
	var replace []int
	for i, x := range a.b.Groups {
		n := x.Group
		old, ok := a.st.groups[n.ExtID]
		same := true
		if x.StudentRefs != nil && !slices.Equal(a.memberIDs(i), a.st.members[old.ID]) {
			replace, same = append(replace, i), false
		}
		n.ID, n.SchoolID, n.ClassID = old.ID, a.school, a.rs.groupClass[i].id
		p.put(old.ID, ok && n == old && same, []any{a.school, n.ExtID, n.ClassID, n.Name})
	}
	if err := a.flush(ctx, diary.KindGroups, groupsTable, &p, &a.groups); err != nil {
		return err
	}
	return a.replaceMembers(ctx, replace)
}

// memberIDs returns the sorted, distinct student ids of the i-th group.
func (a *applier) memberIDs(i int) []int64 {
	var ids []int64
	for _, e := range a.rs.groupMembers[i] {
		ids = append(ids, e.id)
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// replaceMembers rewrites the members of the groups at indexes idx.
func (a *applier) replaceMembers(ctx context.Context, idx []int) error {
	if len(idx) == 0 {
		return nil
	}
	var groups []int64
	var rows [][]any
	for _, i := range idx {
		g := a.groups.ext[a.b.Groups[i].Group.ExtID].id
		groups = append(groups, g)
		for _, s := range a.memberIDs(i) {
			rows = append(rows, []any{g, s})
		}
	}
	return a.replace(ctx, "group_members", "group_id", groups, membersTable, rows)
}

// writeGuardians writes the batch's guardians and adds their missing links
// to students (a batch never removes one).
func (a *applier) writeGuardians(ctx context.Context) error {
	var p pending
	type link struct{ g, s *ent }
	var add []link
	for i, x := range a.b.Guardians {
		n := x.Guardian
		old, ok := a.st.guardians[n.ExtID]
		have := a.st.links[old.ID]
		g := a.guardians.ext[n.ExtID]
		same := true
		for _, s := range a.rs.guardianStudents[i] {
			if s.id == 0 || !have[s.id] {
				add, same = append(add, link{g, s}), false
			}
		}
		n.ID, n.SchoolID = old.ID, a.school
		p.put(old.ID, ok && n == old && same, []any{a.school, n.ExtID, n.Name.Last, n.Name.First, n.Name.Middle,
			kindText(n.Kind), n.Phone, n.Email})
	}
	if err := a.flush(ctx, diary.KindGuardians, guardiansTable, &p, &a.guardians); err != nil {
		return err
	}
	if len(add) == 0 {
		return nil
	}
	rows := make([][]any, len(add))
	for i, l := range add {
		rows[i] = []any{l.g.id, l.s.id}
	}
	return a.s.wrap(a.tx.Insert(ctx, guardianLinksTable, rows, nil), "link guardians")
}
