package linkcodes_test

import (
	"context"
	"crypto/rand"
	"errors"
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/letters"
	"github.com/schooldiary/diary/internal/linkcodes"
	"github.com/schooldiary/diary/internal/store/storetest"
)

// TestForFamilyIssuesOneFamily issues the student's letter and one per
// guardian, each redeemable once for its person; a student of another
// class gets nothing stored.
func TestForFamilyIssuesOneFamily(t *testing.T) {
	db, class := openSchool(t)
	ctx := context.Background()
	students, _ := db.StudentsOfClass(ctx, class.ID)
	s := students[0]
	guardians, _ := db.GuardiansOfStudent(ctx, s.ID)
	got, err := linkcodes.ForFamily(ctx, db, class, s, linkcodes.Options{BotUsername: "diary_bot", Now: time.Now(), Rand: rand.Reader})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1+len(guardians) || got[0].Kind != letters.KindStudent || got[0].Child != s.Name.Full() {
		t.Fatalf("letters = %+v, want the student's and %d guardians'", got, len(guardians))
	}
	for i, l := range got {
		code, link, err := db.RedeemLinkCode(ctx, diary.HashCode(l.Code), int64(2000+i), int64(2000+i))
		if err != nil || code.StudentID != s.ID || link.StudentID != s.ID {
			t.Errorf("letter %d (%s): %+v, %v", i, l.Recipient, link, err)
		}
	}
	other := s
	other.ClassID = class.ID + 1000
	if _, err := linkcodes.ForFamily(ctx, db, class, other, linkcodes.Options{Now: time.Now(), Rand: rand.Reader}); diary.ErrorCode(err) != diary.EInvalid {
		t.Errorf("a student of another class: err = %v, want invalid", err)
	}
}

// TestForStaffMemberIssuesOneCode issues one staff letter for a member
// working today and refuses one not yet hired.
func TestForStaffMemberIssuesOneCode(t *testing.T) {
	db, school := openStaffSchool(t, storetest.NewClock(storetest.Start).Now)
	ctx := context.Background()
	today := diary.DateIn(storetest.Start, school.Location())
	staff, err := linkcodes.ActiveStaff(ctx, db, school, today)
	if err != nil || len(staff) == 0 {
		t.Fatalf("active staff: %v, %v", staff, err)
	}
	opt := linkcodes.Options{BotUsername: "b", Now: storetest.Start, Rand: rand.Reader}
	l, err := linkcodes.ForStaffMember(ctx, db, school, staff[0], opt)
	if err != nil || l.Kind != letters.KindStaff || l.Recipient != staff[0].Name.Full() || l.Role == "" {
		t.Fatalf("letter = %+v, %v", l, err)
	}
	code, link, err := db.RedeemLinkCode(ctx, diary.HashCode(l.Code), 7000, 7000)
	if err != nil || link.Kind != diary.LinkStaff || code.StaffID != staff[0].ID {
		t.Errorf("redeem: %+v, %+v, %v", code, link, err)
	}
	opt.Now = time.Date(2026, 8, 1, 9, 0, 0, 0, time.UTC)
	late, _ := linkcodes.ActiveStaff(ctx, db, school, diary.DateIn(storetest.Start, school.Location()))
	for _, s := range late {
		if !s.Active(diary.DateIn(opt.Now, school.Location())) {
			if _, err := linkcodes.ForStaffMember(ctx, db, school, s, opt); diary.ErrorCode(err) != diary.EInvalid {
				t.Errorf("%s not yet hired: err = %v, want invalid", s.Name.Full(), err)
			}
			return
		}
	}
	t.Fatal("no staff member hired after 1 August in the fixture")
}

// TestIssuingAgainEndsEarlierCodes checks one live code per person: a
// family's letters stop working once the class's letters are printed again
// (diaryctl codes), and those once the family's are issued again (the bot).
func TestIssuingAgainEndsEarlierCodes(t *testing.T) {
	db, class := openSchool(t)
	ctx := context.Background()
	students, _ := db.StudentsOfClass(ctx, class.ID)
	opt := linkcodes.Options{BotUsername: "diary_bot", Now: time.Now(), Rand: rand.Reader}
	family, err := linkcodes.ForFamily(ctx, db, class, students[0], opt)
	if err != nil {
		t.Fatal(err)
	}
	all, err := linkcodes.ForClass(ctx, db, class, opt)
	if err != nil {
		t.Fatal(err)
	}
	for i, l := range family {
		if _, _, err := db.RedeemLinkCode(ctx, diary.HashCode(l.Code), int64(3000+i), int64(3000+i)); !errors.Is(err, diary.ErrCodeExpired) {
			t.Errorf("family letter %d after the class's: %v, want ErrCodeExpired", i, err)
		}
	}
	if _, err := linkcodes.ForFamily(ctx, db, class, students[0], opt); err != nil {
		t.Fatal(err)
	}
	for i, l := range all {
		_, _, err := db.RedeemLinkCode(ctx, diary.HashCode(l.Code), int64(4000+i), int64(4000+i))
		if mine := l.Child == students[0].Name.Full(); mine != errors.Is(err, diary.ErrCodeExpired) || !mine && err != nil {
			t.Errorf("class letter %d (%s, %s): %v", i, l.Child, l.Recipient, err)
		}
	}
}
