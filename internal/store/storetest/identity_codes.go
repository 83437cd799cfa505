package storetest

import (
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/diary"
)

// Each kind of code links its person: the redeemed code says when and by
// whom; the link carries the code's people, the user and the chat.
func testRedeemEachKind(t *testing.T, f *fixture) {
	r := f.small(t)
	issued := f.clock.Now()
	gc := guardianCode(t, r, GuardianBelova, StudentBelov)
	gc.CreatedBy = id(t, r.Staff, StaffIvanova)
	gCode, gStored := f.issue(t, gc)
	gc.ID, gc.Hash, gc.CreatedAt, gc.ExpiresAt = gStored.ID, gStored.Hash, issued, issued.Add(diary.DefaultCodeTTL)
	equal(t, "stored code", normCode(gStored), normCode(gc))
	sCode, _ := f.issue(t, studentCode(t, r, StudentVolkov))
	tCode, _ := f.issue(t, staffCode(t, r, StaffIvanova))
	f.clock.Advance(time.Minute)
	now := f.clock.Now()

	used, link := f.redeem(t, gCode, userBelova)
	gc.UsedAt, gc.UsedBy = now, userBelova
	equal(t, "used code", normCode(used), normCode(gc))
	want := diary.NewLink(gc, userBelova, chatOf(userBelova), now)
	want.ID = link.ID
	equal(t, "guardian link", normLinks(link), normLinks(want))
	equal(t, "active links of the guardian", normLinks(f.activeLinks(t, userBelova)...), normLinks(want))

	_, sLink := f.redeem(t, sCode, userVolkov)
	equal(t, "student link", []any{sLink.Kind, sLink.StudentID, sLink.GuardianID, sLink.StaffID, sLink.SchoolID},
		[]any{diary.LinkStudent, id(t, r.Students, StudentVolkov), int64(0), int64(0), r.School.ID})
	_, tLink := f.redeem(t, tCode, userIvanova)
	equal(t, "staff link", []any{tLink.Kind, tLink.StudentID, tLink.GuardianID, tLink.StaffID, tLink.ChatID},
		[]any{diary.LinkStaff, int64(0), int64(0), id(t, r.Staff, StaffIvanova), chatOf(userIvanova)})
	if link.ID == sLink.ID || sLink.ID == tLink.ID {
		t.Errorf("link ids not distinct: %d %d %d", link.ID, sLink.ID, tLink.ID)
	}
	equal(t, "links of a stranger", len(f.activeLinks(t, userStranger)), 0)
}

// A code that breaks its kind is EInvalid; one naming a person of another
// school, or a guardian of another child, is ErrNotFound; nothing of a
// refused batch is stored.
func testCreateCodesRefused(t *testing.T, f *fixture) {
	r, other := f.small2(t)
	ctx := t.Context()
	mixed := guardianCode(t, r, GuardianBelova, StudentBelov)
	mixed.StaffID = id(t, r.Staff, StaffIvanova)
	late := studentCode(t, r, StudentBelov)
	late.CreatedAt, late.ExpiresAt = Start, Start.Add(-time.Hour)
	for name, c := range map[string]diary.LinkCode{
		"guardian without student": {SchoolID: r.School.ID, Kind: diary.LinkGuardian, GuardianID: id(t, r.Guardians, GuardianBelova)},
		"guardian and staff":       mixed,
		"unknown kind":             {SchoolID: r.School.ID, Kind: "parent", StudentID: id(t, r.Students, StudentBelov)},
		"expires before created":   late,
	} {
		c.Hash = diary.HashCode(newCode(t))
		if err := f.s.CreateLinkCodes(ctx, []diary.LinkCode{c}); !isInvalid(err) {
			t.Errorf("%s: err = %v, want EInvalid", name, err)
		}
	}
	foreignStudent := studentCode(t, other, StudentBelov)
	foreignStudent.SchoolID = r.School.ID
	foreignStaff := staffCode(t, other, StaffIvanova)
	foreignStaff.SchoolID = r.School.ID
	for name, c := range map[string]diary.LinkCode{
		"not her child":         guardianCode(t, r, GuardianVolkova, StudentBelov),
		"guardian of the other": {SchoolID: r.School.ID, Kind: diary.LinkGuardian, GuardianID: id(t, other.Guardians, GuardianBelova), StudentID: id(t, r.Students, StudentBelov)},
		"student of the other":  foreignStudent,
		"staff of the other":    foreignStaff,
		"unknown student":       {SchoolID: r.School.ID, Kind: diary.LinkStudent, StudentID: 1 << 40},
	} {
		good := studentCode(t, r, StudentGuseva)
		code := newCode(t)
		good.Hash, c.Hash = diary.HashCode(code), diary.HashCode(newCode(t))
		codes := []diary.LinkCode{good, c}
		wantNotFound(t, f.s.CreateLinkCodes(ctx, codes), name)
		if codes[0].ID != 0 {
			t.Errorf("%s: a refused batch set ids: %+v", name, codes[0])
		}
		wantNotFound(t, f.redeemErr(t, code, userStranger), name+": the good code of the batch")
	}
}

// A hash stored already, or twice in one batch, is ErrConflict and nothing
// of the batch is stored.
func testCreateCodesConflict(t *testing.T, f *fixture) {
	r := f.small(t)
	ctx := t.Context()
	code, _ := f.issue(t, studentCode(t, r, StudentBelov))
	again := studentCode(t, r, StudentVolkov)
	again.Hash = diary.HashCode(code)
	wantErr(t, "stored hash", f.s.CreateLinkCodes(ctx, []diary.LinkCode{again}), diary.ErrConflict)
	twice, first := newCode(t), newCode(t)
	a, b, c := studentCode(t, r, StudentGuseva), studentCode(t, r, StudentBelova), studentCode(t, r, StudentErshov)
	a.Hash, b.Hash, c.Hash = diary.HashCode(first), diary.HashCode(twice), diary.HashCode(twice)
	wantErr(t, "hash twice in a batch", f.s.CreateLinkCodes(ctx, []diary.LinkCode{a, b, c}), diary.ErrConflict)
	wantNotFound(t, f.redeemErr(t, first, userStranger), "code of a conflicting batch")
	_, l := f.redeem(t, code, userBelova)
	equal(t, "the first code still links", l.StudentID, id(t, r.Students, StudentBelov))
}

// An unknown code is ErrNotFound; a used one ErrCodeUsed for anyone else;
// its own user gets the link back while it is active.
func testRedeemUnknownAndUsed(t *testing.T, f *fixture) {
	r := f.small(t)
	ctx := t.Context()
	wantNotFound(t, f.redeemErr(t, newCode(t), userBelova), "unknown code")
	_, _, err := f.s.RedeemLinkCode(ctx, "", userBelova, chatOf(userBelova))
	wantNotFound(t, err, "empty hash")
	code, _ := f.issue(t, guardianCode(t, r, GuardianBelova, StudentBelov))
	_, link := f.redeem(t, code, userBelova)
	f.clock.Advance(time.Hour)
	wantErr(t, "used by another", f.redeemErr(t, code, userSmirnova), diary.ErrCodeUsed)
	equal(t, "links of the other", len(f.activeLinks(t, userSmirnova)), 0)
	_, again := f.redeem(t, code, userBelova)
	equal(t, "own code again", normLinks(again), normLinks(link))
	equal(t, "links after own code again", len(f.activeLinks(t, userBelova)), 1)
	must(t, f.s.EndLink(ctx, link.ID, diary.EndUnlinked), "end link")
	wantErr(t, "own code after unlinking", f.redeemErr(t, code, userBelova), diary.ErrCodeUsed)
}

// Codes expire by the store's clock: at ExpiresAt (by default
// DefaultCodeTTL after creation) and after, not before. Used beats expired.
func testRedeemExpiry(t *testing.T, f *fixture) {
	r := f.small(t)
	ctx := t.Context()
	byDefault, _ := f.issue(t, studentCode(t, r, StudentBelov))
	hour := studentCode(t, r, StudentVolkov)
	hour.ExpiresAt = Start.Add(time.Hour)
	atEnd, _ := f.issue(t, hour)
	justBefore, _ := f.issue(t, hour)
	f.clock.Set(Start.Add(time.Hour - time.Microsecond))
	f.redeem(t, justBefore, userVolkov)
	f.clock.Set(Start.Add(time.Hour))
	wantErr(t, "at ExpiresAt", f.redeemErr(t, atEnd, userVolkova), diary.ErrCodeExpired)
	f.clock.Set(Start.Add(diary.DefaultCodeTTL - time.Microsecond))
	wantErr(t, "used, then expired", f.redeemErr(t, justBefore, userVolkova), diary.ErrCodeUsed)
	f.clock.Set(Start.Add(diary.DefaultCodeTTL))
	wantErr(t, "after the default TTL", f.redeemErr(t, byDefault, userBelova), diary.ErrCodeExpired)
	f.clock.Set(Start.Add(diary.DefaultCodeTTL - time.Microsecond))
	_, l, err := f.s.RedeemLinkCode(ctx, diary.HashCode(byDefault), userBelova, chatOf(userBelova))
	must(t, err, "an expired code is not used up: redeem before expiry")
	equal(t, "link of the default code", l.StudentID, id(t, r.Students, StudentBelov))
}

// Twenty users redeeming one code at once: exactly one wins, the others get
// ErrCodeUsed and no link.
func testRedeemConcurrent(t *testing.T, f *fixture) {
	r := f.small(t)
	code, _ := f.issue(t, studentCode(t, r, StudentVolkov))
	const n = 20
	errs := make([]error, n)
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			user := int64(3000 + i)
			_, _, errs[i] = f.s.RedeemLinkCode(t.Context(), diary.HashCode(code), user, chatOf(user))
		}()
	}
	close(start)
	wg.Wait()
	winners := 0
	for i, err := range errs {
		links := len(f.activeLinks(t, int64(3000+i)))
		switch {
		case err == nil:
			winners++
			equal(t, fmt.Sprintf("links of the winner %d", i), links, 1)
		case errors.Is(err, diary.ErrCodeUsed):
			equal(t, fmt.Sprintf("links of loser %d", i), links, 0)
		default:
			t.Errorf("redeem %d: %v, want nil or ErrCodeUsed", i, err)
		}
	}
	equal(t, "winners", winners, 1)
}

// A second code for a person the user is already linked to is used up and
// gives the same link; another user gets their own.
func testRelinkIdempotent(t *testing.T, f *fixture) {
	r := f.small(t)
	first, _ := f.issue(t, guardianCode(t, r, GuardianBelova, StudentBelov))
	second, _ := f.issue(t, guardianCode(t, r, GuardianBelova, StudentBelov))
	third, _ := f.issue(t, guardianCode(t, r, GuardianBelova, StudentBelov))
	_, l1 := f.redeem(t, first, userBelova)
	f.clock.Advance(time.Minute)
	c2, l2 := f.redeem(t, second, userBelova)
	equal(t, "relinked", normLinks(l2), normLinks(l1))
	sameInstant(t, "second code used at", c2.UsedAt, f.clock.Now())
	wantErr(t, "second code used up", f.redeemErr(t, second, userSmirnova), diary.ErrCodeUsed)
	equal(t, "links", linkIDs(f.activeLinks(t, userBelova)), []int64{l1.ID})
	_, l3 := f.redeem(t, third, userSmirnova)
	if l3.ID == l1.ID || l3.TelegramUserID != userSmirnova {
		t.Errorf("another user's link = %+v, want a link of their own", l3)
	}
}

// Staff codes work only while the staff member works at the school, by the
// date in the school's zone (clause 3.2); a refusal matches ErrNotFound.
func testRedeemStaffInactive(t *testing.T, f *fixture) {
	r := f.small(t)
	b := onlyCode(SchoolCode)
	b.Staff = smallStaff()[1:3] // Петров, Смирнова
	b.Staff[0].Staff.ActiveTo = d("2026-10-04")
	b.Staff[1].Staff.ActiveFrom = d("2026-10-06")
	f.apply(t, b)
	lastDayEve := time.Date(2026, 10, 4, 20, 30, 0, 0, time.UTC) // 23:30 in Moscow
	f.clock.Set(lastDayEve.Add(-time.Hour))
	left, _ := f.issue(t, staffCode(t, r, StaffPetrov))
	leftToo, _ := f.issue(t, staffCode(t, r, StaffPetrov))
	early, _ := f.issue(t, staffCode(t, r, StaffSmirnova))
	f.clock.Set(lastDayEve.Add(time.Hour)) // 00:30 on 5 October in Moscow, still 4 October in UTC
	err := f.redeemErr(t, left, userIvanova)
	wantErr(t, "staff who left", err, diary.ErrStaffInactive)
	wantNotFound(t, err, "staff who left")
	wantNotFound(t, f.redeemErr(t, early, userIvanova), "staff not started")
	f.clock.Set(lastDayEve)
	_, l := f.redeem(t, leftToo, userIvanova)
	equal(t, "link on the last day", l.StaffID, id(t, r.Staff, StaffPetrov))
	f.clock.Set(time.Date(2026, 10, 5, 21, 0, 0, 0, time.UTC)) // 6 October in Moscow
	_, l = f.redeem(t, early, userIvanova)
	equal(t, "link on the first day", l.StaffID, id(t, r.Staff, StaffSmirnova))
}

// Codes of a student who left are ErrStudentLeft for the student and their
// guardians, and stay unused: they work once the student is enrolled again.
func testRedeemStudentLeft(t *testing.T, f *fixture) {
	r := f.small(t)
	own, _ := f.issue(t, studentCode(t, r, StudentZhukova))
	parent, _ := f.issue(t, guardianCode(t, r, GuardianZhukova, StudentZhukova))
	wantErr(t, "student code", f.redeemErr(t, own, userVolkov), diary.ErrStudentLeft)
	wantErr(t, "guardian code", f.redeemErr(t, parent, userVolkova), diary.ErrStudentLeft)
	equal(t, "links", len(f.activeLinks(t, userVolkova)), 0)
	b := onlyCode(SchoolCode)
	b.Students = smallStudents()[3:4]
	z := &b.Students[0].Student
	z.Status, z.LeftOn, z.LeftReason = diary.Enrolled, diary.Date{}, ""
	f.apply(t, b)
	_, l := f.redeem(t, parent, userVolkova)
	equal(t, "link once enrolled again", l.StudentID, id(t, r.Students, StudentZhukova))
}
