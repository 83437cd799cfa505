package linkcodes

import (
	"context"
	"fmt"
	"strings"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/i18n"
	"github.com/schooldiary/diary/internal/letters"
)

// StaffStore is what issuing staff codes reads and writes.
type StaffStore interface {
	Store
	// StaffWithRole lists a school's staff having role r, by name.
	StaffWithRole(ctx context.Context, schoolID int64, r diary.Role) ([]diary.Staff, error)
	// Class returns the class with id; diary.ErrNotFound.
	Class(ctx context.Context, id int64) (diary.Class, error)
}

// The whole store issues staff codes.
var _ StaffStore = diary.Store(nil)

// StaffRoles are the staff roles in the order staff letters come in:
// the administration first.
var StaffRoles = []diary.Role{
	diary.RoleDirector, diary.RoleJournalAdmin, diary.RoleDeputy, diary.RoleClassTeacher,
	diary.RoleTeacher, diary.RoleSysAdmin,
}

// ForStaff makes a code for every staff member of the school who works
// there today (clause 3.2: access within 3 days of starting work), of role r
// only when r is not empty, stores their hashes in one transaction and
// returns the letters, by role (StaffRoles' order), then name. The codes exist
// only in the returned letters.
func ForStaff(ctx context.Context, st StaffStore, school diary.School, r diary.Role, opt Options) ([]letters.Letter, error) {
	staff, err := staffOf(ctx, st, school, r, diary.DateIn(opt.Now, school.Location()))
	if err != nil {
		return nil, err
	}
	is := issuer{opt: opt, school: school}
	for _, s := range staff {
		if err := is.addStaff(ctx, st, s); err != nil {
			return nil, err
		}
	}
	if err := st.ReplaceLinkCodes(ctx, is.codes); err != nil {
		return nil, fmt.Errorf("issue staff codes: %w", err)
	}
	return is.letters, nil
}

// staffOf lists the school's staff of role r (of every role when r is
// empty) working today, each once.
func staffOf(ctx context.Context, st StaffStore, school diary.School, r diary.Role, today diary.Date) ([]diary.Staff, error) {
	roles := StaffRoles
	if r != "" {
		roles = []diary.Role{r}
	}
	var out []diary.Staff
	seen := map[int64]bool{}
	for _, role := range roles {
		list, err := st.StaffWithRole(ctx, school.ID, role)
		if err != nil {
			return nil, fmt.Errorf("issue staff codes: %w", err)
		}
		for _, s := range list {
			if !seen[s.ID] && s.Active(today) {
				seen[s.ID] = true
				out = append(out, s)
			}
		}
	}
	return out, nil
}

// addStaff adds a staff member's code and letter.
func (is *issuer) addStaff(ctx context.Context, st StaffStore, s diary.Staff) error {
	role, class, err := roleText(ctx, st, s)
	if err != nil {
		return err
	}
	before := len(is.letters)
	if err := is.add(diary.LinkCode{Kind: diary.LinkStaff, StaffID: s.ID}, diary.Student{}, s.Name.Full()); err != nil {
		return err
	}
	l := &is.letters[before]
	l.Kind, l.Child, l.Class, l.Role = letters.KindStaff, "", class, role
	return nil
}

// roleText says in Russian what s does, «учитель, классный руководитель
// 7А», and names the class they lead.
func roleText(ctx context.Context, st StaffStore, s diary.Staff) (string, string, error) {
	var parts, classes []string
	for _, r := range s.Roles {
		text, class, err := oneRole(ctx, st, r)
		if err != nil {
			return "", "", err
		}
		parts = append(parts, text)
		if class != "" {
			classes = append(classes, class)
		}
	}
	return strings.Join(parts, ", "), strings.Join(classes, ", "), nil
}

// oneRole says in Russian what role r is, with the class it leads.
func oneRole(ctx context.Context, st StaffStore, r diary.StaffRole) (string, string, error) {
	if r.Role != diary.RoleClassTeacher {
		return i18n.RoleName(i18n.RU, r, ""), "", nil
	}
	cl, err := st.Class(ctx, r.ClassID)
	if err != nil {
		return "", "", fmt.Errorf("issue staff codes: %w", err)
	}
	return i18n.RoleName(i18n.RU, r, cl.Name), cl.Name, nil
}
