package importer

import (
	"fmt"
	"strings"

	"github.com/schooldiary/diary/internal/diary"
)

// agree merges a cell into a merged record's value: blank takes the cell, an
// equal cell is fine, a different one is a problem naming the first row.
func agree(r *row, fld string, dst *string, v string, first diary.Source) {
	switch {
	case v == "" || v == *dst:
	case *dst == "":
		*dst = v
	default:
		r.fail(fld, fmt.Sprintf("«%s» не совпадает с «%s» в %s (тот же код)", v, *dst, place(first, r.t.name)))
	}
}

// agreeName merges a name like agree, on the name's column.
func agreeName(r *row, dst *diary.Name, n diary.Name, first diary.Source) {
	if n == *dst || n == (diary.Name{}) {
		return
	}
	fld := "full_name"
	if !r.has(fld) {
		fld = "last_name"
	}
	r.fail(fld, fmt.Sprintf("«%s» не совпадает с «%s» в %s (тот же код)", n.Full(), dst.Full(), place(first, r.t.name)))
}

// parseStaff maps a row of a staff file. Rows with the same id are one
// person: their roles add up, so one row per role works as well.
func parseStaff(r *row, bl *builder) {
	id := r.need("id")
	st := diary.Staff{ExtID: id, Name: r.name(), Phone: r.phone(), Email: r.email(),
		ActiveFrom: r.date("active_from"), ActiveTo: r.date("active_to")}
	roles, err := parseRoles(r.str("roles"))
	if err != nil {
		r.fail("roles", err.Error())
	}
	if r.bad {
		return
	}
	i := bl.mergeIndex(diary.KindStaff, id)
	if i < 0 {
		bl.remember(diary.KindStaff, id, len(bl.b.Staff))
		bl.b.Staff = append(bl.b.Staff, diary.StaffIn{Src: r.src(), Staff: st, Roles: roles})
		return
	}
	mergeStaff(r, &bl.b.Staff[i], st, roles)
}

// mergeStaff adds a later row of the same staff member.
func mergeStaff(r *row, dst *diary.StaffIn, st diary.Staff, roles []diary.StaffRoleIn) {
	agreeName(r, &dst.Staff.Name, st.Name, dst.Src)
	agree(r, "phone", &dst.Staff.Phone, st.Phone, dst.Src)
	agree(r, "email", &dst.Staff.Email, st.Email, dst.Src)
	from, to := dst.Staff.ActiveFrom.String(), dst.Staff.ActiveTo.String()
	agree(r, "active_from", &from, st.ActiveFrom.String(), dst.Src)
	agree(r, "active_to", &to, st.ActiveTo.String(), dst.Src)
	dst.Staff.ActiveFrom, _ = parseDate(from, false, false)
	dst.Staff.ActiveTo, _ = parseDate(to, false, false)
	for _, role := range roles {
		if !hasRole(dst.Roles, role) {
			dst.Roles = append(dst.Roles, role)
		}
	}
}

// hasRole reports whether roles holds r.
func hasRole(roles []diary.StaffRoleIn, r diary.StaffRoleIn) bool {
	for _, x := range roles {
		if x == r {
			return true
		}
	}
	return false
}

// leftReasons maps folded words of why a student left.
var leftReasons = []struct {
	word   string
	reason string
}{
	{"отчисл", diary.LeftExpelled}, {"expelled", diary.LeftExpelled},
	{"перевед", diary.LeftTransferred}, {"перевод", diary.LeftTransferred}, {"transferred", diary.LeftTransferred},
	{"выпущ", diary.LeftGraduated}, {"выпуск", diary.LeftGraduated}, {"окончил", diary.LeftGraduated}, {"graduated", diary.LeftGraduated},
}

// matchReason maps a written reason to diary.Left*.
func matchReason(s string) (string, bool) {
	for _, w := range leftReasons {
		if strings.HasPrefix(norm(s), w.word) {
			return w.reason, true
		}
	}
	return "", false
}

// leftReason reads the reason column; blank gives "".
func (r *row) leftReason() string {
	v := r.str("left_reason")
	if v == "" {
		return ""
	}
	reason, ok := matchReason(v)
	if !ok {
		r.fail("left_reason", fmt.Sprintf("неизвестная причина выбытия «%s»: ожидается отчислен, переведён или выпущен", v))
	}
	return reason
}

// enrolledWords are the statuses of a student still at school.
var enrolledWords = []string{"обучается", "учится", "зачислен", "enrolled", "active", "активен"}

// status reads the status column: enrolled, or left (выбыл, отчислен,
// переведён, выпущен); blank means left when a leaving date or reason is
// filled. The reason may come from the status word.
func status(r *row) (diary.StudentStatus, string) {
	v := norm(r.str("status"))
	reason := r.leftReason()
	switch {
	case v == "" && (r.str("left_on") != "" || reason != ""):
		return diary.Left, reason
	case v == "" || hasPrefixAny(v, enrolledWords):
		if reason != "" {
			r.fail("left_reason", "причина выбытия у обучающегося ученика: укажите статус «выбыл» или очистите причину")
		}
		return diary.Enrolled, ""
	case hasPrefixAny(v, []string{"выбыл", "left"}):
		return diary.Left, reason
	}
	if rs, ok := matchReason(v); ok {
		return diary.Left, firstOf(reason, rs)
	}
	r.fail("status", fmt.Sprintf("неизвестный статус «%s»: ожидается обучается или выбыл (отчислен, переведён, выпущен)", r.str("status")))
	return "", ""
}

// hasPrefixAny reports whether s starts with any of the words.
func hasPrefixAny(s string, words []string) bool {
	for _, w := range words {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

// parseStudent maps a row of a students file. A student who left without a
// date left on the import's AsOf date.
func parseStudent(r *row, bl *builder) {
	s := diary.Student{ExtID: r.need("id"), Name: r.name(), BirthDate: r.date("birth_date"),
		Phone: r.phone(), Email: r.email()}
	class := r.need("class")
	s.Status, s.LeftReason = status(r)
	s.LeftOn = r.date("left_on")
	switch {
	case s.Status == diary.Enrolled && !s.LeftOn.IsZero():
		r.fail("left_on", "дата выбытия у обучающегося ученика: укажите статус «выбыл» или очистите дату")
	case s.Status == diary.Left && s.LeftOn.IsZero():
		s.LeftOn = bl.opt.AsOf
	}
	if !bl.first(r, diary.KindStudents, s.ExtID, "id") || r.bad {
		return
	}
	bl.b.Students = append(bl.b.Students, diary.StudentIn{Src: r.src(), Student: s, ClassRef: class})
}

// splitRefs splits a list of ids separated by «;», «,» or spaces.
func splitRefs(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == ',' || r == ' ' || r == '\n' })
}

// parseGroup maps a row of a groups file: members as a list in «ученики»,
// one per row in «ученик» (rows with the same id add up), or both.
func parseGroup(r *row, bl *builder) {
	id, name, class := r.need("id"), r.need("name"), r.need("class")
	refs := append(splitRefs(r.str("students")), splitRefs(r.str("student"))...)
	if r.bad {
		return
	}
	i := bl.mergeIndex(diary.KindGroups, id)
	if i < 0 {
		if r.has("students") || r.has("student") {
			refs = append([]string{}, refs...)
		}
		bl.remember(diary.KindGroups, id, len(bl.b.Groups))
		bl.b.Groups = append(bl.b.Groups, diary.GroupIn{Src: r.src(), ClassRef: class, StudentRefs: refs,
			Group: diary.Group{ExtID: id, Name: name}})
		bl.cols.noteRefs(r.src(), r.src(), refs)
		return
	}
	g := &bl.b.Groups[i]
	agree(r, "name", &g.Group.Name, name, g.Src)
	agree(r, "class", &g.ClassRef, class, g.Src)
	g.StudentRefs = addRefs(g.StudentRefs, refs)
	bl.cols.noteRefs(g.Src, r.src(), refs)
}

// addRefs appends the refs not yet in list.
func addRefs(list, refs []string) []string {
	for _, ref := range refs {
		found := false
		for _, x := range list {
			found = found || x == ref
		}
		if !found {
			list = append(list, ref)
		}
	}
	return list
}

// guardianKind reads who the guardian is: a parent (родитель, мать, отец) or
// a legal representative (опекун, попечитель, законный представитель).
func guardianKind(r *row) diary.GuardianKind {
	v := norm(r.str("kind"))
	switch {
	case v == "" || hasPrefixAny(v, []string{"родит", "мать", "отец", "мама", "папа", "parent", "mother", "father"}):
		return diary.Parent
	case hasPrefixAny(v, []string{"законн", "представ", "опекун", "попечит", "representative", "guardian"}):
		return diary.Representative
	}
	r.fail("kind", fmt.Sprintf("неизвестный вид «%s»: ожидается родитель или законный представитель", r.str("kind")))
	return ""
}

// parseGuardian maps a row of a guardians file: one row per guardian and
// student; rows with the same guardian id are one guardian.
func parseGuardian(r *row, bl *builder) {
	g := diary.Guardian{ExtID: r.need("id"), Name: r.name(), Kind: guardianKind(r), Phone: r.phone(), Email: r.email()}
	student := r.need("student")
	if r.bad {
		return
	}
	i := bl.mergeIndex(diary.KindGuardians, g.ExtID)
	if i < 0 {
		bl.remember(diary.KindGuardians, g.ExtID, len(bl.b.Guardians))
		bl.b.Guardians = append(bl.b.Guardians, diary.GuardianIn{Src: r.src(), Guardian: g, StudentRefs: []string{student}})
		bl.cols.noteRefs(r.src(), r.src(), []string{student})
		return
	}
	dst := &bl.b.Guardians[i]
	agreeName(r, &dst.Guardian.Name, g.Name, dst.Src)
	kind := string(dst.Guardian.Kind)
	if r.str("kind") != "" {
		agree(r, "kind", &kind, string(g.Kind), dst.Src)
	}
	agree(r, "phone", &dst.Guardian.Phone, g.Phone, dst.Src)
	agree(r, "email", &dst.Guardian.Email, g.Email, dst.Src)
	if len(addRefs(dst.StudentRefs, []string{student})) == len(dst.StudentRefs) {
		r.fail("student", fmt.Sprintf("пара представитель–ученик «%s»–«%s» повторяется", g.ExtID, student))
	}
	dst.StudentRefs = addRefs(dst.StudentRefs, []string{student})
	bl.cols.noteRefs(dst.Src, r.src(), []string{student})
}
