package storetest

import (
	"context"
	"testing"

	"github.com/schooldiary/diary/internal/diary"
)

// Refs maps the journal ids of an applied batch to the stored records' ids,
// found through the store's own read methods.
type Refs struct {
	School    diary.School
	Years     map[string]int64        // by Name
	Periods   map[string]diary.Period // by ExtID
	Subjects  map[string]int64
	Classes   map[string]int64
	Groups    map[string]int64
	Staff     map[string]int64
	Students  map[string]int64 // enrolled ones, and left ones a guardian of the batch has
	Guardians map[string]int64 // those of the batch, found by phone
	Lessons   map[string]int64
}

// wideFrom and wideTo bound every date the suite uses.
var wideFrom, wideTo = d("2000-01-01"), d("2099-12-31")

// Resolve looks up the ids of the records of batch b, which has been applied
// to s; it fails the test when a read fails.
func Resolve(t *testing.T, s diary.Store, b *diary.Batch) *Refs {
	t.Helper()
	ctx := t.Context()
	school, err := s.SchoolByCode(ctx, b.School.Code)
	must(t, err, "resolve: school %q", b.School.Code)
	r := &Refs{School: school}
	must(t, r.schools(ctx, s), "resolve: calendar")
	must(t, r.roster(ctx, s), "resolve: roster")
	must(t, r.people(ctx, s, b), "resolve: people")
	return r
}

// must fails the test when err is not nil.
func must(t *testing.T, err error, format string, args ...any) {
	t.Helper()
	if err != nil {
		t.Fatalf(format+": %v", append(args, err)...)
	}
}

func (r *Refs) schools(ctx context.Context, s diary.Store) error {
	years, err := s.Years(ctx, r.School.ID)
	if err != nil {
		return err
	}
	r.Years = map[string]int64{}
	for _, y := range years {
		r.Years[y.Name] = y.ID
	}
	periods, err := s.Periods(ctx, r.School.ID, 0)
	if err != nil {
		return err
	}
	r.Periods = map[string]diary.Period{}
	for _, p := range periods {
		r.Periods[p.ExtID] = p
	}
	return nil
}

func (r *Refs) roster(ctx context.Context, s diary.Store) error {
	subjects, err := s.Subjects(ctx, r.School.ID)
	if err != nil {
		return err
	}
	r.Subjects = map[string]int64{}
	for _, x := range subjects {
		r.Subjects[x.ExtID] = x.ID
	}
	classes, err := s.Classes(ctx, r.School.ID)
	if err != nil {
		return err
	}
	r.Classes, r.Lessons, r.Students = map[string]int64{}, map[string]int64{}, map[string]int64{}
	for _, c := range classes {
		r.Classes[c.ExtID] = c.ID
		if err := r.class(ctx, s, c.ID); err != nil {
			return err
		}
	}
	return r.staff(ctx, s)
}

func (r *Refs) class(ctx context.Context, s diary.Store, classID int64) error {
	lessons, err := s.ClassLessons(ctx, classID, 0, wideFrom, wideTo)
	if err != nil {
		return err
	}
	for _, l := range lessons {
		r.Lessons[l.ExtID] = l.ID
	}
	students, err := s.StudentsOfClass(ctx, classID)
	if err != nil {
		return err
	}
	for _, st := range students {
		r.Students[st.ExtID] = st.ID
	}
	return nil
}

func (r *Refs) staff(ctx context.Context, s diary.Store) error {
	r.Staff = map[string]int64{}
	for _, role := range allRoles {
		staff, err := s.StaffWithRole(ctx, r.School.ID, role)
		if err != nil {
			return err
		}
		for _, x := range staff {
			r.Staff[x.ExtID] = x.ID
		}
	}
	return nil
}

// allRoles lists every staff role.
var allRoles = []diary.Role{
	diary.RoleTeacher, diary.RoleClassTeacher, diary.RoleDeputy,
	diary.RoleDirector, diary.RoleJournalAdmin, diary.RoleSysAdmin,
}

func (r *Refs) people(ctx context.Context, s diary.Store, b *diary.Batch) error {
	r.Guardians = map[string]int64{}
	for _, gi := range b.Guardians {
		gs, err := s.GuardiansByPhone(ctx, gi.Guardian.Phone)
		if err != nil {
			return err
		}
		for _, g := range gs {
			if g.SchoolID == r.School.ID {
				r.Guardians[g.ExtID] = g.ID
			}
		}
	}
	for _, id := range r.Guardians {
		students, err := s.StudentsOfGuardian(ctx, id)
		if err != nil {
			return err
		}
		for _, st := range students {
			r.Students[st.ExtID] = st.ID
		}
	}
	return r.groups(ctx, s)
}

func (r *Refs) groups(ctx context.Context, s diary.Store) error {
	r.Groups = map[string]int64{}
	for _, id := range r.Students {
		groups, err := s.GroupsOfStudent(ctx, id)
		if err != nil {
			return err
		}
		for _, g := range groups {
			r.Groups[g.ExtID] = g.ID
		}
	}
	return nil
}

// Period returns the id of the period with ExtID ext, failing the test when
// there is none.
func (r *Refs) Period(t *testing.T, ext string) int64 {
	t.Helper()
	p, ok := r.Periods[ext]
	if !ok {
		t.Fatalf("no period %q", ext)
	}
	return p.ID
}
