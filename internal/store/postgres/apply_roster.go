package postgres

import (
	"context"
	"reflect"
	"slices"

	"github.com/schooldiary/diary/internal/diary"
)

var (
	subjectsTable = newTable("subjects", "ext_id", "ext_id text, name text, short text")
	classesTable  = newTable("classes", "ext_id", "ext_id text, name text, level int")
	staffTable    = newTable("staff", "ext_id", `ext_id text, last_name text, first_name text, middle_name text,
		phone text, email text, active_from date, active_to date`)
	studentsTable = newTable("students", "ext_id", `ext_id text, last_name text, first_name text,
		middle_name text, class_id nbigint, birth_date date, phone text, email text, status text, left_on date,
		left_reason text, updated_at timestamptz`)
	groupsTable    = newTable("groups", "ext_id", "ext_id text, class_id bigint, name text")
	guardiansTable = newTable("guardians", "ext_id", `ext_id text, last_name text, first_name text,
		middle_name text, kind text, phone text, email text`)
)

// roleRef is a staff role with its class resolved.
type roleRef struct {
	role  diary.Role
	class *ent
	level diary.Level
}

func (a *applier) resolveSubjects() {
	for _, x := range a.b.Subjects {
		a.subjects.add(x.Subject.ExtID)
	}
}

func (a *applier) resolveClasses() {
	for _, x := range a.b.Classes {
		a.classes.add(x.Class.ExtID).level = x.Class.Level
	}
}

func (a *applier) resolveStaff() {
	a.rs.staffRoles = make([][]roleRef, len(a.b.Staff))
	for i, x := range a.b.Staff {
		a.staff.add(x.Staff.ExtID)
		for _, r := range x.Roles {
			c := a.ref(a.classes, r.ClassRef, x.Src, "class", r.Role == diary.RoleClassTeacher)
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
			c = a.ref(a.classes, x.ClassRef, x.Src, "class", true)
		}
		a.rs.studentClass[i], e.class = c, c
	}
}

func (a *applier) resolveGroups() {
	a.rs.groupClass = make([]*ent, len(a.b.Groups))
	a.rs.groupMembers = make([][]*ent, len(a.b.Groups))
	for i, x := range a.b.Groups {
		c := a.ref(a.classes, x.ClassRef, x.Src, "class", true)
		a.rs.groupClass[i] = c
		a.groups.add(x.Group.ExtID).class = c
		a.rs.groupMembers[i] = a.refs(a.students, x.StudentRefs, x.Src, "student")
	}
}

func (a *applier) resolveGuardians() {
	a.rs.guardianStudents = make([][]*ent, len(a.b.Guardians))
	for i, x := range a.b.Guardians {
		a.guardians.add(x.Guardian.ExtID)
		a.rs.guardianStudents[i] = a.refs(a.students, x.StudentRefs, x.Src, "student")
	}
}

// refs resolves a list of references, skipping unknown ones (a problem each).
func (a *applier) refs(m ents, keys []string, src diary.Source, field string) []*ent {
	var out []*ent
	for _, k := range keys {
		if e := a.ref(m, k, src, field, true); e != nil {
			out = append(out, e)
		}
	}
	return out
}

func (a *applier) writeSubjects(ctx context.Context) error {
	var p pending
	for _, x := range a.b.Subjects {
		n := x.Subject
		old, ok := a.st.subjects[n.ExtID]
		n.ID, n.SchoolID = old.ID, a.school
		p.put(old.ID, ok && n == old, []any{n.ExtID, n.Name, n.Short})
	}
	return a.flush(ctx, diary.KindSubjects, subjectsTable, &p, a.subjects)
}

func (a *applier) writeClasses(ctx context.Context) error {
	var p pending
	for _, x := range a.b.Classes {
		n := x.Class
		old, ok := a.st.classes[n.ExtID]
		n.ID, n.SchoolID = old.ID, a.school
		p.put(old.ID, ok && n == old, []any{n.ExtID, n.Name, n.Level})
	}
	return a.flush(ctx, diary.KindClasses, classesTable, &p, a.classes)
}

func (a *applier) writeStaff(ctx context.Context) error {
	var p pending
	var replace []int // indexes of staff whose roles are replaced
	for i, x := range a.b.Staff {
		n := x.Staff
		old, ok := a.st.staff[n.ExtID]
		roles := a.roles(i)
		sameRoles := slices.Equal(roles, old.Roles)
		if !sameRoles {
			replace = append(replace, i)
		}
		n.ID, n.SchoolID, n.Roles, old.Roles = old.ID, a.school, nil, nil
		p.put(old.ID, ok && reflect.DeepEqual(n, old) && sameRoles, []any{n.ExtID, n.Name.Last, n.Name.First, n.Name.Middle,
			n.Phone, n.Email, dateArg(n.ActiveFrom), dateArg(n.ActiveTo)})
	}
	if err := a.flush(ctx, diary.KindStaff, staffTable, &p, a.staff); err != nil {
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
	var staff, ids, classes []int64
	var roles, levels []string
	for _, i := range idx {
		id := a.staff[a.b.Staff[i].Staff.ExtID].id
		staff = append(staff, id)
		for _, r := range a.roles(i) {
			ids, roles, levels = append(ids, id), append(roles, string(r.Role)), append(levels, string(r.Level))
			classes = append(classes, r.ClassID)
		}
	}
	if _, err := a.tx.Exec(ctx, `DELETE FROM staff_roles WHERE staff_id = ANY($1)`, staff); err != nil {
		return wrap("replace roles", err)
	}
	_, err := a.tx.Exec(ctx, `INSERT INTO staff_roles (staff_id, role, class_id, level)
		SELECT s, r, nullif(c, 0), l FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::text[]) AS u(s, r, c, l)`,
		ids, roles, classes, levels)
	return wrap("replace roles", err)
}

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
		p.put(old.ID, ok && n == old, []any{n.ExtID, n.Name.Last, n.Name.First, n.Name.Middle, idArg(n.ClassID),
			dateArg(n.BirthDate), n.Phone, n.Email, string(n.Status), dateArg(n.LeftOn), n.LeftReason, a.now})
	}
	return a.flush(ctx, diary.KindStudents, studentsTable, &p, a.students)
}

// markLeft marks left, on AsOf, every enrolled student of the school a
// roster batch does not list.
func (a *applier) markLeft(ctx context.Context) error {
	if !a.b.Roster {
		return nil
	}
	listed := make([]string, len(a.b.Students))
	for i, x := range a.b.Students {
		listed[i] = x.Student.ExtID
	}
	rows, err := a.tx.Query(ctx, `UPDATE students SET status = 'left', left_on = $2, left_reason = $3, updated_at = $4
		WHERE school_id = $1 AND status = 'enrolled' AND NOT (ext_id = ANY($5))
		RETURNING `+studentCols, a.school, dateArg(a.b.AsOf), diary.LeftNotInRoster, a.now, listed)
	if err != nil {
		return wrap("mark left", err)
	}
	left, err := collect(rows, scanStudent)
	slices.SortFunc(left, func(x, y diary.Student) int { return compareNames(x.Name, y.Name, x.ID, y.ID) })
	a.res.MarkedLeft = left
	return wrap("mark left", err)
}

// compareNames orders people as byName does.
func compareNames(x, y diary.Name, xid, yid int64) int {
	for _, c := range [][2]string{{x.Last, y.Last}, {x.First, y.First}, {x.Middle, y.Middle}} {
		if c[0] != c[1] {
			if c[0] < c[1] {
				return -1
			}
			return 1
		}
	}
	return int(xid - yid)
}

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
		p.put(old.ID, ok && n == old && same, []any{n.ExtID, n.ClassID, n.Name})
	}
	if err := a.flush(ctx, diary.KindGroups, groupsTable, &p, a.groups); err != nil {
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
	var groups, gs, ss []int64
	for _, i := range idx {
		g := a.groups[a.b.Groups[i].Group.ExtID].id
		groups = append(groups, g)
		for _, s := range a.memberIDs(i) {
			gs, ss = append(gs, g), append(ss, s)
		}
	}
	if _, err := a.tx.Exec(ctx, `DELETE FROM group_members WHERE group_id = ANY($1)`, groups); err != nil {
		return wrap("replace members", err)
	}
	_, err := a.tx.Exec(ctx, `INSERT INTO group_members (group_id, student_id)
		SELECT * FROM unnest($1::bigint[], $2::bigint[])`, gs, ss)
	return wrap("replace members", err)
}

func (a *applier) writeGuardians(ctx context.Context) error {
	var p pending
	type link struct{ g, s *ent }
	var add []link
	for i, x := range a.b.Guardians {
		n := x.Guardian
		old, ok := a.st.guardians[n.ExtID]
		have := a.st.links[old.ID]
		g := a.guardians[n.ExtID]
		same := true
		for _, s := range a.rs.guardianStudents[i] {
			if s.id == 0 || !have[s.id] {
				add, same = append(add, link{g, s}), false
			}
		}
		n.ID, n.SchoolID = old.ID, a.school
		p.put(old.ID, ok && n == old && same, []any{n.ExtID, n.Name.Last, n.Name.First, n.Name.Middle,
			string(n.Kind), n.Phone, n.Email})
	}
	if err := a.flush(ctx, diary.KindGuardians, guardiansTable, &p, a.guardians); err != nil {
		return err
	}
	if len(add) == 0 {
		return nil
	}
	gs, ss := make([]int64, len(add)), make([]int64, len(add))
	for i, l := range add {
		gs[i], ss[i] = l.g.id, l.s.id
	}
	_, err := a.tx.Exec(ctx, `INSERT INTO guardian_students (guardian_id, student_id)
		SELECT * FROM unnest($1::bigint[], $2::bigint[]) ON CONFLICT DO NOTHING`, gs, ss)
	return wrap("link guardians", err)
}
