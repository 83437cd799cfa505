package bot

import (
	"context"
	"fmt"

	"github.com/schooldiary/diary/internal/diary"
)

// child is a student the user is linked to: as a guardian or as the student.
type child struct {
	link    diary.Link
	student diary.Student
	class   diary.Class
}

// staffMember is a staff link of the user with the staff record.
type staffMember struct {
	link  diary.Link
	staff diary.Staff
}

// who is everything the user's active links make them.
type who struct {
	children []child
	staff    []staffMember
}

// linked reports whether the user has any active link.
func (w who) linked() bool { return len(w.children)+len(w.staff) > 0 }

// child returns the linked child with studentID.
func (w who) child(studentID int64) (child, bool) {
	for _, c := range w.children {
		if c.student.ID == studentID {
			return c, true
		}
	}
	return child{}, false
}

// people reads the user's active links and the people they name.
func (b *B) people(ctx context.Context, userID int64) (who, error) {
	links, err := b.d.Store.ActiveLinks(ctx, userID)
	if err != nil {
		return who{}, fmt.Errorf("people: %w", err)
	}
	var w who
	for _, l := range links {
		if err := b.addPerson(ctx, &w, l); err != nil {
			return who{}, err
		}
	}
	return w, nil
}

// addPerson adds the person of link l to w (a student once).
func (b *B) addPerson(ctx context.Context, w *who, l diary.Link) error {
	switch l.Kind {
	case diary.LinkGuardian, diary.LinkStudent:
		if _, dup := w.child(l.StudentID); dup {
			return nil
		}
		st, err := b.d.Store.Student(ctx, l.StudentID)
		if err != nil {
			return fmt.Errorf("people: student: %w", err)
		}
		cl, err := b.d.Store.Class(ctx, st.ClassID)
		if err != nil {
			return fmt.Errorf("people: class: %w", err)
		}
		w.children = append(w.children, child{link: l, student: st, class: cl})
	case diary.LinkStaff:
		s, err := b.d.Store.Staff(ctx, l.StaffID)
		if err != nil {
			return fmt.Errorf("people: staff: %w", err)
		}
		w.staff = append(w.staff, staffMember{link: l, staff: s})
	}
	return nil
}

// today returns the date in the school's zone.
func (b *B) today(ctx context.Context, schoolID int64) (diary.Date, diary.School, error) {
	s, err := b.d.Store.School(ctx, schoolID)
	if err != nil {
		return diary.Date{}, s, fmt.Errorf("school: %w", err)
	}
	return diary.DateIn(b.now(), s.Location()), s, nil
}

// classTeacherOf returns the classes the staff member leads today.
func (b *B) classTeacherOf(ctx context.Context, m staffMember) ([]diary.Class, error) {
	today, _, err := b.today(ctx, m.staff.SchoolID)
	if err != nil {
		return nil, err
	}
	v := diary.StaffViewer(m.staff, today)
	var out []diary.Class
	for _, r := range v.Roles {
		if r.Role != diary.RoleClassTeacher || r.ClassID == 0 {
			continue
		}
		cl, err := b.d.Store.Class(ctx, r.ClassID)
		if err != nil {
			return nil, fmt.Errorf("class of class teacher: %w", err)
		}
		out = append(out, cl)
	}
	return out, nil
}
