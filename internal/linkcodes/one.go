package linkcodes

import (
	"context"
	"fmt"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/letters"
)

// ForFamily makes fresh codes for one enrolled student of the class (the
// class teacher's one-family code): the student's own and one for each
// guardian, stores their hashes in one transaction and returns the letters,
// the student's first. EInvalid when the student is not of the class; the
// codes exist only in the returned letters.
func ForFamily(ctx context.Context, st Store, class diary.Class, s diary.Student, opt Options) ([]letters.Letter, error) {
	if s.ClassID != class.ID || s.SchoolID != class.SchoolID {
		return nil, fmt.Errorf("issue family codes: %w", diary.Errorf(diary.EInvalid, "student %d is not of class %s", s.ID, class.Name))
	}
	school, err := st.School(ctx, class.SchoolID)
	if err != nil {
		return nil, fmt.Errorf("issue family codes: %w", err)
	}
	is := issuer{opt: opt, school: school, class: class}
	if err := is.addStudent(ctx, st, s); err != nil {
		return nil, err
	}
	if err := st.ReplaceLinkCodes(ctx, is.codes); err != nil {
		return nil, fmt.Errorf("issue family codes: %w", err)
	}
	return is.letters, nil
}

// ActiveStaff lists the school's staff working on today (clause 3.2), by
// role (StaffRoles' order), then name, each once.
func ActiveStaff(ctx context.Context, st StaffStore, school diary.School, today diary.Date) ([]diary.Staff, error) {
	return staffOf(ctx, st, school, "", today)
}

// ForStaffMember makes a fresh one-time code for one staff member of the
// school working today (a new colleague's code, clause 3.2), stores its
// hash and returns its letter. EInvalid when s is not of the school or not
// working today; the code exists only in the returned letter.
func ForStaffMember(ctx context.Context, st StaffStore, school diary.School, s diary.Staff, opt Options) (letters.Letter, error) {
	if s.SchoolID != school.ID || !s.Active(diary.DateIn(opt.Now, school.Location())) {
		return letters.Letter{}, fmt.Errorf("issue staff code: %w", diary.Errorf(diary.EInvalid, "staff %d does not work at school %s today", s.ID, school.Code))
	}
	is := issuer{opt: opt, school: school}
	if err := is.addStaff(ctx, st, s); err != nil {
		return letters.Letter{}, err
	}
	if err := st.ReplaceLinkCodes(ctx, is.codes); err != nil {
		return letters.Letter{}, fmt.Errorf("issue staff code: %w", err)
	}
	return is.letters[0], nil
}
