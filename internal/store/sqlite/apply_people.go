package sqlite

import (
	"reflect"
	"slices"

	"github.com/schooldiary/diary/internal/diary"
)

// applyStaff writes the batch's staff, matched by ext id; their roles replace
// the stored ones.
func (a *applier) applyStaff() error {
	ins := a.b.Staff
	if len(ins) == 0 {
		return nil
	}
	var refs []string
	for _, in := range ins {
		for _, r := range in.Roles {
			refs = append(refs, r.ClassRef)
		}
	}
	if err := a.loadClasses(refs); err != nil {
		return err
	}
	old, err := loadByExt(a, "staff", `SELECT `+staffCols+` FROM staff s
		WHERE s.school_id = ?1 AND s.ext_id IN (SELECT value FROM json_each(?2))`,
		keysOf(ins, func(in diary.StaffIn) string { return in.Staff.ExtID }),
		scanStaff, func(s diary.Staff) string { return s.ExtID })
	if err != nil {
		return err
	}
	roles, err := a.storedRoles(old)
	for i := 0; err == nil && i < len(ins); i++ {
		err = a.applyStaffMember(ins[i], old, roles)
	}
	return err
}

// storedRoles returns the stored roles of the staff in old, by staff id.
func (a *applier) storedRoles(old map[string]diary.Staff) (map[int64][]diary.StaffRole, error) {
	list := make([]diary.Staff, 0, len(old))
	for _, s := range old {
		list = append(list, s)
	}
	if err := fillRoles(a.ctx, a.q, list); err != nil {
		return nil, err
	}
	out := make(map[int64][]diary.StaffRole, len(list))
	for _, s := range list {
		out[s.ID] = s.Roles
	}
	return out, nil
}

// applyStaffMember writes one staff member and their roles.
func (a *applier) applyStaffMember(in diary.StaffIn, old map[string]diary.Staff, roles map[int64][]diary.StaffRole) error {
	want := in.Staff
	want.SchoolID, want.Roles = a.school.ID, nil
	newRoles, ok := a.staffRoles(in)
	if !a.requireExt(in.Src, want.ExtID) || !ok || a.skip[in.Src] {
		a.staff[want.ExtID] = idRef{badID}
		return nil
	}
	prev, found := old[want.ExtID]
	want.ID = prev.ID
	oldRoles := roles[prev.ID]
	prev.Roles = nil
	same := slices.Equal(oldRoles, newRoles)
	wrote, err := a.put(diary.KindStaff, found, same && sameStaff(want, prev), func() (err error) {
		want.ID, err = a.insert("insert staff", `INSERT INTO staff (school_id, ext_id, last_name,
			first_name, middle_name, phone, email, active_from, active_to)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, staffArgs(want)...)
		return err
	}, func() error {
		return a.exec("update staff", `UPDATE staff SET school_id = ?, ext_id = ?, last_name = ?,
			first_name = ?, middle_name = ?, phone = ?, email = ?, active_from = ?, active_to = ?
			WHERE id = ?`, append(staffArgs(want), want.ID)...)
	})
	if err == nil && wrote && !same {
		err = a.replaceRoles(want.ID, newRoles)
	}
	old[want.ExtID], roles[want.ID], a.staff[want.ExtID] = want, newRoles, idRef{want.ID}
	return err
}

// sameStaff reports whether x and y are equal but for their roles.
func sameStaff(x, y diary.Staff) bool {
	x.Roles, y.Roles = nil, nil
	return reflect.DeepEqual(x, y)
}

// staffArgs returns the stored columns of s from school_id to active_to.
func staffArgs(s diary.Staff) []any {
	return []any{s.SchoolID, s.ExtID, s.Name.Last, s.Name.First, s.Name.Middle, s.Phone, s.Email,
		dialect.Date(s.ActiveFrom), dialect.Date(s.ActiveTo)}
}

// staffRoles resolves the classes of a staff member's roles.
func (a *applier) staffRoles(in diary.StaffIn) ([]diary.StaffRole, bool) {
	out := make([]diary.StaffRole, 0, len(in.Roles))
	ok := true
	for _, r := range in.Roles {
		c, found := optional(a, a.classes, in.Src, nounClass, r.ClassRef)
		if r.Role == diary.RoleClassTeacher && r.ClassRef == "" {
			a.fail(in.Src, nounClass.field, "не указан класс классного руководителя")
			found = false
		}
		ok = ok && found
		out = append(out, diary.StaffRole{Role: r.Role, ClassID: c.id, Level: r.Level})
	}
	return out, ok
}

// replaceRoles replaces the stored roles of staff member id.
func (a *applier) replaceRoles(id int64, roles []diary.StaffRole) error {
	err := a.exec("delete staff roles", `DELETE FROM staff_roles WHERE staff_id = ?`, id)
	for i := 0; err == nil && i < len(roles); i++ {
		r := roles[i]
		err = a.exec("insert staff role", `INSERT INTO staff_roles (staff_id, role, class_id, level)
			VALUES (?, ?, ?, ?)`, id, r.Role, nullID(r.ClassID), r.Level)
	}
	return err
}

// applyGroups writes the batch's groups, matched by ext id; members, when
// given, replace the stored ones.
func (a *applier) applyGroups() error {
	ins := a.b.Groups
	if len(ins) == 0 {
		return nil
	}
	var classes, students []string
	for _, in := range ins {
		classes = append(classes, in.ClassRef)
		students = append(students, in.StudentRefs...)
	}
	if err := a.loadClasses(classes); err != nil {
		return err
	}
	if err := a.loadStudents(students); err != nil {
		return err
	}
	old, err := loadByExt(a, "groups", `SELECT id, school_id, ext_id, class_id, name FROM groups
		WHERE school_id = ?1 AND`+inKeys, keysOf(ins, func(in diary.GroupIn) string { return in.Group.ExtID }),
		scanGroup, func(g diary.Group) string { return g.ExtID })
	for i := 0; err == nil && i < len(ins); i++ {
		err = a.applyGroup(ins[i], old)
	}
	return err
}

// scanGroup reads id, school_id, ext_id, class_id, name.
func scanGroup(r scanner) (diary.Group, error) {
	var g diary.Group
	err := r.Scan(&g.ID, &g.SchoolID, &g.ExtID, &g.ClassID, &g.Name)
	return g, err
}

// applyGroup writes one group and, when given, its members.
func (a *applier) applyGroup(in diary.GroupIn, old map[string]diary.Group) error {
	want := in.Group
	want.SchoolID = a.school.ID
	c, okClass := resolve(a, a.classes, in.Src, nounClass, in.ClassRef)
	members, okMembers := a.studentIDs(in.Src, in.StudentRefs)
	if !a.requireExt(in.Src, want.ExtID) || !okClass || !okMembers || a.skip[in.Src] {
		a.groups[want.ExtID] = groupRef{id: badID}
		return nil
	}
	want.ClassID = c.id
	prev, found := old[want.ExtID]
	want.ID = prev.ID
	same := true
	if in.StudentRefs != nil {
		stored, err := a.groupMembers(prev.ID)
		if err != nil {
			return err
		}
		same = found && slices.Equal(stored, members)
	}
	wrote, err := a.put(diary.KindGroups, found, same && want == prev, func() (err error) {
		want.ID, err = a.insert("insert group", `INSERT INTO groups (school_id, ext_id, class_id, name)
			VALUES (?, ?, ?, ?)`, want.SchoolID, want.ExtID, want.ClassID, want.Name)
		return err
	}, func() error {
		return a.exec("update group", `UPDATE groups SET class_id = ?, name = ? WHERE id = ?`,
			want.ClassID, want.Name, want.ID)
	})
	if err == nil && wrote && !same {
		err = a.replaceMembers(want.ID, members)
	}
	old[want.ExtID], a.groups[want.ExtID] = want, groupRef{want.ID, want.ClassID}
	return err
}

// studentIDs resolves student refs to sorted distinct ids.
func (a *applier) studentIDs(src diary.Source, refs []string) ([]int64, bool) {
	ids := make([]int64, 0, len(refs))
	ok := true
	for _, ref := range refs {
		s, found := resolve(a, a.students, src, nounStudent, ref)
		ok = ok && found
		ids = append(ids, s.id)
	}
	slices.Sort(ids)
	return slices.Compact(ids), ok
}

// groupMembers returns the sorted student ids of group id (none for 0).
func (a *applier) groupMembers(id int64) ([]int64, error) {
	rows, err := a.q.QueryContext(a.ctx, `SELECT student_id FROM group_members
		WHERE group_id = ? ORDER BY student_id`, id)
	return collect(rows, err, "load group members", func(r scanner) (int64, error) {
		var v int64
		return v, r.Scan(&v)
	})
}

// replaceMembers replaces the members of group id.
func (a *applier) replaceMembers(id int64, members []int64) error {
	err := a.exec("delete group members", `DELETE FROM group_members WHERE group_id = ?`, id)
	for i := 0; err == nil && i < len(members); i++ {
		err = a.exec("insert group member", `INSERT INTO group_members (group_id, student_id)
			VALUES (?, ?)`, id, members[i])
	}
	return err
}

// applyGuardians writes the batch's guardians, matched by ext id, and adds
// their links to students (links are never removed by a batch).
func (a *applier) applyGuardians() error {
	ins := a.b.Guardians
	if len(ins) == 0 {
		return nil
	}
	var students []string
	for _, in := range ins {
		students = append(students, in.StudentRefs...)
	}
	if err := a.loadStudents(students); err != nil {
		return err
	}
	old, err := loadByExt(a, "guardians", `SELECT `+guardianCols+` FROM guardians s
		WHERE s.school_id = ?1 AND s.ext_id IN (SELECT value FROM json_each(?2))`,
		keysOf(ins, func(in diary.GuardianIn) string { return in.Guardian.ExtID }),
		scanGuardian, func(g diary.Guardian) string { return g.ExtID })
	if err != nil {
		return err
	}
	links, err := a.guardianLinks(old)
	for i := 0; err == nil && i < len(ins); i++ {
		err = a.applyGuardian(ins[i], old, links)
	}
	return err
}

// guardianLink is one guardian–student link.
type guardianLink struct{ guardian, student int64 }

// guardianLinks returns the stored links of the guardians in old.
func (a *applier) guardianLinks(old map[string]diary.Guardian) (map[guardianLink]bool, error) {
	ids := make([]int64, 0, len(old))
	for _, g := range old {
		ids = append(ids, g.ID)
	}
	out := map[guardianLink]bool{}
	rows, err := a.q.QueryContext(a.ctx, `SELECT guardian_id, student_id FROM guardian_students
		WHERE guardian_id IN (SELECT value FROM json_each(?))`, jsonArray(ids))
	_, err = collect(rows, err, "load guardian links", func(r scanner) (guardianLink, error) {
		var l guardianLink
		err := r.Scan(&l.guardian, &l.student)
		out[l] = true
		return l, err
	})
	return out, err
}

// applyGuardian writes one guardian and adds their missing links.
func (a *applier) applyGuardian(in diary.GuardianIn, old map[string]diary.Guardian, links map[guardianLink]bool) error {
	want := in.Guardian
	want.SchoolID = a.school.ID
	students, ok := a.studentIDs(in.Src, in.StudentRefs)
	if !a.requireExt(in.Src, want.ExtID) || !ok || a.skip[in.Src] {
		return nil
	}
	prev, found := old[want.ExtID]
	want.ID = prev.ID
	var added []int64
	for _, id := range students {
		if !links[guardianLink{prev.ID, id}] {
			added = append(added, id)
		}
	}
	_, err := a.put(diary.KindGuardians, found, len(added) == 0 && want == prev, func() (err error) {
		want.ID, err = a.insert("insert guardian", `INSERT INTO guardians (school_id, ext_id,
			last_name, first_name, middle_name, kind, phone, email) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			want.SchoolID, want.ExtID, want.Name.Last, want.Name.First, want.Name.Middle,
			want.Kind, want.Phone, want.Email)
		return err
	}, func() error {
		return a.exec("update guardian", `UPDATE guardians SET last_name = ?, first_name = ?,
			middle_name = ?, kind = ?, phone = ?, email = ? WHERE id = ?`, want.Name.Last,
			want.Name.First, want.Name.Middle, want.Kind, want.Phone, want.Email, want.ID)
	})
	for i := 0; err == nil && i < len(added); i++ {
		links[guardianLink{want.ID, added[i]}] = true
		err = a.exec("link guardian", `INSERT INTO guardian_students (guardian_id, student_id)
			VALUES (?, ?) ON CONFLICT DO NOTHING`, want.ID, added[i])
	}
	old[want.ExtID] = want
	return err
}
