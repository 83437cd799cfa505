package storetest

import (
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/diary"
)

// A roster that no longer lists a student ends every active link to them at
// once (clause 3.2), in the same transaction: a dry run ends none; other
// students and other schools keep theirs; the student's unused codes are
// then ErrStudentLeft.
func testRosterLeftEndsLinks(t *testing.T, f *fixture) {
	r, other := f.small2(t)
	parent, _ := f.issue(t, guardianCode(t, r, GuardianVolkova, StudentVolkov))
	spare, _ := f.issue(t, guardianCode(t, r, GuardianVolkova, StudentVolkov))
	own, _ := f.issue(t, studentCode(t, r, StudentVolkov))
	belov, _ := f.issue(t, guardianCode(t, r, GuardianBelova, StudentBelov))
	elsewhere, _ := f.issue(t, studentCode(t, other, StudentVolkov))
	f.redeem(t, parent, userVolkova)
	f.redeem(t, own, userVolkov)
	_, kept := f.redeem(t, belov, userBelova)
	_, keptElsewhere := f.redeem(t, elsewhere, userStranger)
	f.clock.Advance(time.Hour)
	f.applyOpt(t, rosterBatch(), diary.ApplyOptions{DryRun: true})
	equal(t, "guardian's links after a dry run", len(f.activeLinks(t, userVolkova)), 1)
	res := f.apply(t, rosterBatch())
	equal(t, "marked left", exts(res.MarkedLeft, studentExt), []string{StudentVolkov})
	equal(t, "guardian's links", len(f.activeLinks(t, userVolkova)), 0)
	equal(t, "student's links", len(f.activeLinks(t, userVolkov)), 0)
	n, err := f.s.EndStudentLinks(t.Context(), id(t, r.Students, StudentVolkov), diary.EndRevoked)
	must(t, err, "end student links")
	equal(t, "links left to end", n, 0)
	equal(t, "other child's links", normLinks(f.activeLinks(t, userBelova)...), normLinks(kept))
	equal(t, "other school's links", normLinks(f.activeLinks(t, userStranger)...), normLinks(keptElsewhere))
	wantErr(t, "spare code of the student who left", f.redeemErr(t, spare, userVolkova), diary.ErrStudentLeft)
	wantErr(t, "own used code", f.redeemErr(t, own, userVolkov), diary.ErrCodeUsed)
}

// A batch recording a student as left (expelled) ends their links at once;
// a batch listing students who stay ends nothing.
func testStatusLeftEndsLinks(t *testing.T, f *fixture) {
	r := f.small(t)
	ershov, _ := f.issue(t, studentCode(t, r, StudentErshov))
	belova, _ := f.issue(t, studentCode(t, r, StudentBelova))
	f.redeem(t, ershov, userVolkov)
	_, kept := f.redeem(t, belova, userVolkov)
	same := onlyCode(SchoolCode)
	same.Students = smallStudents()
	f.apply(t, same)
	equal(t, "links after an unchanged roster", len(f.activeLinks(t, userVolkov)), 2)
	b := onlyCode(SchoolCode)
	b.Students = smallStudents()[5:6]
	e := &b.Students[0].Student
	e.Status, e.LeftOn, e.LeftReason = diary.Left, d("2026-10-20"), diary.LeftExpelled
	f.apply(t, b)
	equal(t, "links after the expulsion", normLinks(f.activeLinks(t, userVolkov)...), normLinks(kept))
}

// A guardian's phone, in any roster form, links the user to each enrolled
// child of that school's guardian with the phone, never to another school's
// guardian with the same phone; linking again gives the same links.
func testLinkByPhone(t *testing.T, f *fixture) {
	r, other := f.small2(t)
	ctx := t.Context()
	links, err := f.s.LinkByPhone(ctx, r.School.ID, "8 (912) 000-11-22", userBelova, chatOf(userBelova))
	must(t, err, "link by phone")
	now := f.clock.Now()
	guardian := id(t, r.Guardians, GuardianBelova)
	var want []diary.Link
	for i, st := range []string{StudentBelov, StudentBelova} {
		l := diary.Link{SchoolID: r.School.ID, Kind: diary.LinkGuardian, TelegramUserID: userBelova,
			ChatID: chatOf(userBelova), GuardianID: guardian, StudentID: id(t, r.Students, st), CreatedAt: now}
		if i < len(links) {
			l.ID = links[i].ID
		}
		want = append(want, l)
	}
	equal(t, "links by phone", normLinks(links...), normLinks(want...))
	f.clock.Advance(time.Minute)
	again, err := f.s.LinkByPhone(ctx, r.School.ID, PhoneBelova, userBelova, chatOf(userBelova))
	must(t, err, "link by phone again")
	equal(t, "linked again", normLinks(again...), normLinks(want...))
	equal(t, "active links", normLinks(f.activeLinks(t, userBelova)...), normLinks(want...))
	theirs, err := f.s.LinkByPhone(ctx, other.School.ID, PhoneBelova, userStranger, chatOf(userStranger))
	must(t, err, "link by phone in the other school")
	for _, l := range theirs {
		if l.SchoolID != other.School.ID || l.GuardianID != id(t, other.Guardians, GuardianBelova) {
			t.Errorf("other school's link = %+v, want its own guardian", l)
		}
	}
	equal(t, "other school's links", len(theirs), 2)
}

// A phone no guardian of the school has is ErrNotFound (a staff member's or
// a student's, or a guardian's of another school, too); a guardian whose
// children all left is ErrStudentLeft; a malformed phone EInvalid.
func testLinkByPhoneRefused(t *testing.T, f *fixture) {
	r := f.small(t)
	ctx := t.Context()
	f.apply(t, &diary.Batch{School: diary.School{Code: "empty-school", Name: "Пустая школа"}, AsOf: d("2026-10-05")})
	empty, err := f.s.SchoolByCode(ctx, "empty-school")
	must(t, err, "empty school")
	for name, tc := range map[string]struct {
		school int64
		phone  string
	}{
		"unknown phone":       {r.School.ID, "+79990000000"},
		"teacher's phone":     {r.School.ID, "+79121110001"},
		"student's phone":     {r.School.ID, "+79123330001"},
		"guardian of another": {empty.ID, PhoneBelova},
		"unknown school":      {1 << 40, PhoneBelova},
	} {
		_, err := f.s.LinkByPhone(ctx, tc.school, tc.phone, userStranger, chatOf(userStranger))
		wantNotFound(t, err, name)
	}
	_, err = f.s.LinkByPhone(ctx, r.School.ID, PhoneZhukova, userStranger, chatOf(userStranger))
	wantErr(t, "children left", err, diary.ErrStudentLeft)
	if _, err := f.s.LinkByPhone(ctx, r.School.ID, "позвоните мне", userStranger, 1); !isInvalid(err) {
		t.Errorf("malformed phone: err = %v, want EInvalid", err)
	}
	equal(t, "links", len(f.activeLinks(t, userStranger)), 0)
}

// EndLink ends one link and keeps the first end; EndStudentLinks ends every
// active link to a student and counts them; an ended person can link anew.
func testEndLinks(t *testing.T, f *fixture) {
	r := f.small(t)
	ctx := t.Context()
	links, err := f.s.LinkByPhone(ctx, r.School.ID, PhoneBelova, userBelova, chatOf(userBelova))
	must(t, err, "link by phone")
	code, _ := f.issue(t, guardianCode(t, r, GuardianSmirnova, StudentBelov))
	f.redeem(t, code, userSmirnova)
	belov, belova := links[0], links[1]
	must(t, f.s.EndLink(ctx, belova.ID, diary.EndUnlinked), "end link")
	must(t, f.s.EndLink(ctx, belova.ID, diary.EndRevoked), "end an ended link")
	equal(t, "links after ending one", linkIDs(f.activeLinks(t, userBelova)), []int64{belov.ID})
	wantNotFound(t, f.s.EndLink(ctx, 1<<40, diary.EndUnlinked), "end an unknown link")
	n, err := f.s.EndStudentLinks(ctx, id(t, r.Students, StudentBelov), diary.EndRevoked)
	must(t, err, "end student links")
	equal(t, "ended links of the student", n, 2)
	n, err = f.s.EndStudentLinks(ctx, id(t, r.Students, StudentBelov), diary.EndRevoked)
	must(t, err, "end student links again")
	equal(t, "ended again", n, 0)
	equal(t, "links of the representative", len(f.activeLinks(t, userSmirnova)), 0)
	again, err := f.s.LinkByPhone(ctx, r.School.ID, PhoneBelova, userBelova, chatOf(userBelova))
	must(t, err, "link by phone again")
	for _, l := range again {
		if l.ID == belov.ID || l.ID == belova.ID {
			t.Errorf("relinked after the end with the ended link %d", l.ID)
		}
	}
}
