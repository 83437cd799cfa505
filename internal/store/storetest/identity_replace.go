package storetest

import (
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/diary"
)

// replaceTests is the contract of ReplaceLinkCodes: one live code per
// person.
func replaceTests() []contractTest {
	return []contractTest{
		{"Identity/Codes/ReplaceEndsEarlier", testReplaceEndsEarlier},
		{"Identity/Codes/ReplaceRefusedKeepsEarlier", testReplaceRefusedKeepsEarlier},
	}
}

// Replacing a person's code ends their earlier unused codes now (redeeming
// one is ErrCodeExpired); used codes, other people's codes (the same
// guardian's for another role, the child's own) and the batch's own codes,
// two for one person included, keep working.
func testReplaceEndsEarlier(t *testing.T, f *fixture) {
	r := f.small(t)
	earlier, _ := f.issue(t, guardianCode(t, r, GuardianBelova, StudentBelov))
	used, _ := f.issue(t, guardianCode(t, r, GuardianBelova, StudentBelov))
	_, usedLink := f.redeem(t, used, userBelova)
	staffEarlier, _ := f.issue(t, staffCode(t, r, StaffIvanova))
	child, _ := f.issue(t, studentCode(t, r, StudentBelov))
	other, _ := f.issue(t, guardianCode(t, r, GuardianVolkova, StudentVolkov))
	f.clock.Advance(time.Minute)
	fresh := []string{newCode(t), newCode(t), newCode(t), newCode(t)}
	batch := []diary.LinkCode{guardianCode(t, r, GuardianBelova, StudentBelov), staffCode(t, r, StaffIvanova),
		studentCode(t, r, StudentVolkov), studentCode(t, r, StudentVolkov)}
	for i := range batch {
		batch[i].Hash = diary.HashCode(fresh[i])
	}
	must(t, f.s.ReplaceLinkCodes(t.Context(), batch), "replace link codes")
	if batch[0].ID == 0 || batch[3].ID == 0 {
		t.Fatalf("replaced codes have no ids: %+v", batch)
	}
	wantErr(t, "earlier guardian code", f.redeemErr(t, earlier, userSmirnova), diary.ErrCodeExpired)
	wantErr(t, "earlier staff code", f.redeemErr(t, staffEarlier, userIvanova), diary.ErrCodeExpired)
	wantErr(t, "used code by another", f.redeemErr(t, used, userSmirnova), diary.ErrCodeUsed)
	_, again := f.redeem(t, used, userBelova)
	equal(t, "used code by its user", again.ID, usedLink.ID)
	f.redeem(t, child, userStranger)
	f.redeem(t, other, userVolkova)
	f.redeem(t, fresh[0], userSmirnova)
	f.redeem(t, fresh[1], userIvanova)
	f.redeem(t, fresh[2], userVolkov)
	f.redeem(t, fresh[3], userVolkov)
}

// A refused replacement stores nothing and ends nothing: the earlier code
// still works.
func testReplaceRefusedKeepsEarlier(t *testing.T, f *fixture) {
	r, other := f.small2(t)
	earlier, _ := f.issue(t, studentCode(t, r, StudentGuseva))
	good, foreign := studentCode(t, r, StudentGuseva), studentCode(t, other, StudentBelov)
	foreign.SchoolID = r.School.ID
	good.Hash, foreign.Hash = diary.HashCode(newCode(t)), diary.HashCode(newCode(t))
	wantNotFound(t, f.s.ReplaceLinkCodes(t.Context(), []diary.LinkCode{good, foreign}), "replace with a foreign student")
	_, l := f.redeem(t, earlier, userStranger)
	equal(t, "earlier code after a refused replacement", l.StudentID, id(t, r.Students, StudentGuseva))
}
