package storetest

import (
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/diary"
)

// workflowTests is the contract of diary.AccessWorkflow.
func workflowTests() []contractTest {
	return []contractTest{
		{"Identity/Workflow/RequestMatchKeptAndListed", testRequestMatchListed},
		{"Identity/Workflow/ApproveLinksOnce", testRequestApprove},
		{"Identity/Workflow/RefuseKeepsReason", testRequestRefuse},
		{"Identity/Workflow/ApproveRefusedStaysOpen", testRequestApproveRefused},
		{"Identity/Workflow/GuardianConsentOnly", testGuardianConsent},
		{"Identity/Workflow/StudentLinks", testStudentLinks},
	}
}

// matched records a request of user about Белов Антон of 5А, matched to
// Белова Ирина, at the clock's time.
func (f *fixture) matched(t *testing.T, r *Refs, user int64) diary.AccessRequest {
	t.Helper()
	in := diary.AccessRequest{SchoolID: r.School.ID, TelegramUserID: user, ChatID: chatOf(user),
		Name: "Белова Ирина", Relation: "мама", Phone: PhoneBelova, ChildName: "Белов Антон", ClassName: "5А",
		ClassID: id(t, r.Classes, Class5A), StudentID: id(t, r.Students, StudentBelov),
		GuardianID: id(t, r.Guardians, GuardianBelova)}
	got, err := f.s.CreateAccessRequest(t.Context(), in)
	must(t, err, "create access request")
	in.ID, in.CreatedAt = got.ID, f.clock.Now()
	equal(t, "created request", normRequests(got), normRequests(in))
	return got
}

// A request keeps who the requester is and the roster's match; the open
// ones of a class are listed by date, a user's newest first; people of
// another school are refused.
func testRequestMatchListed(t *testing.T, f *fixture) {
	r, other := f.small2(t)
	ctx := t.Context()
	first := f.matched(t, r, userBelova)
	f.clock.Advance(time.Hour)
	unmatched, err := f.s.CreateAccessRequest(ctx, diary.AccessRequest{SchoolID: r.School.ID, TelegramUserID: userStranger,
		ChatID: chatOf(userStranger), Name: "Кто-то", ChildName: "Никто", ClassName: "5А", ClassID: id(t, r.Classes, Class5A)})
	must(t, err, "create unmatched request")
	f.clock.Advance(time.Hour)
	f.request(t, r.School.ID, userStranger, "Без класса")
	again := f.matched(t, r, userBelova)
	got, err := f.s.AccessRequest(ctx, first.ID)
	must(t, err, "access request")
	equal(t, "request by id", normRequests(got), normRequests(first))
	_, err = f.s.AccessRequest(ctx, 1<<40)
	wantNotFound(t, err, "unknown request")
	pending, err := f.s.PendingAccessRequests(ctx, id(t, r.Classes, Class5A))
	must(t, err, "pending requests")
	equal(t, "pending of 5А", normRequests(pending...), normRequests(first, unmatched, again))
	pending, err = f.s.PendingAccessRequests(ctx, id(t, r.Classes, Class10B))
	must(t, err, "pending requests")
	equal(t, "pending of 10Б", len(pending), 0)
	mine, err := f.s.UserAccessRequests(ctx, userBelova)
	must(t, err, "user's requests")
	equal(t, "user's requests, newest first", normRequests(mine...), normRequests(again, first))
	foreign := diary.AccessRequest{SchoolID: r.School.ID, TelegramUserID: userStranger, Name: "А", ChildName: "Б",
		ClassID: id(t, other.Classes, Class5A)}
	_, err = f.s.CreateAccessRequest(ctx, foreign)
	wantNotFound(t, err, "a class of another school")
	foreign.ClassID, foreign.GuardianID = 0, id(t, other.Guardians, GuardianBelova)
	_, err = f.s.CreateAccessRequest(ctx, foreign)
	wantNotFound(t, err, "a guardian of another school")
}

// An approval links the requester at once, records who decided and when,
// and can be made once.
func testRequestApprove(t *testing.T, f *fixture) {
	r := f.small(t)
	ctx := t.Context()
	ar := f.matched(t, r, userBelova)
	f.clock.Advance(24 * time.Hour)
	teacher := id(t, r.Staff, StaffIvanova)
	d := diary.AccessDecision{RequestID: ar.ID, StaffID: teacher, Approve: true, GuardianID: ar.GuardianID, StudentID: ar.StudentID}
	got, link, err := f.s.DecideAccessRequest(ctx, d)
	must(t, err, "approve")
	ar.ResolvedAt, ar.Resolution, ar.DecidedBy = f.clock.Now(), diary.RequestApproved, teacher
	equal(t, "approved request", normRequests(got), normRequests(ar))
	want := diary.Link{ID: link.ID, SchoolID: r.School.ID, Kind: diary.LinkGuardian, TelegramUserID: userBelova,
		ChatID: chatOf(userBelova), GuardianID: ar.GuardianID, StudentID: ar.StudentID, CreatedAt: f.clock.Now()}
	equal(t, "link of the approval", normLinks(link), normLinks(want))
	equal(t, "active links", normLinks(f.activeLinks(t, userBelova)...), normLinks(want))
	_, _, err = f.s.DecideAccessRequest(ctx, d)
	wantErr(t, "approve twice", err, diary.ErrConflict)
	d.Approve, d.Reason = false, "передумали"
	_, _, err = f.s.DecideAccessRequest(ctx, d)
	wantErr(t, "refuse after approval", err, diary.ErrConflict)
	pending, err := f.s.PendingAccessRequests(ctx, id(t, r.Classes, Class5A))
	must(t, err, "pending requests")
	equal(t, "pending after the approval", len(pending), 0)
	stored, err := f.s.AccessRequest(ctx, ar.ID)
	must(t, err, "access request")
	equal(t, "stored approval", normRequests(stored), normRequests(ar))
}

// A refusal keeps its reason and links nobody; a refusal needs a reason, a
// decision a known request and staff of its school.
func testRequestRefuse(t *testing.T, f *fixture) {
	r, other := f.small2(t)
	ctx := t.Context()
	ar := f.matched(t, r, userBelova)
	teacher := id(t, r.Staff, StaffIvanova)
	_, _, err := f.s.DecideAccessRequest(ctx, diary.AccessDecision{RequestID: ar.ID, StaffID: teacher})
	if !isInvalid(err) {
		t.Errorf("refusal without a reason: err = %v, want EInvalid", err)
	}
	_, _, err = f.s.DecideAccessRequest(ctx, diary.AccessDecision{RequestID: ar.ID, StaffID: teacher, Approve: true})
	if !isInvalid(err) {
		t.Errorf("approval without people: err = %v, want EInvalid", err)
	}
	_, _, err = f.s.DecideAccessRequest(ctx, diary.AccessDecision{RequestID: 1 << 40, StaffID: teacher, Reason: "нет"})
	wantNotFound(t, err, "decide an unknown request")
	_, _, err = f.s.DecideAccessRequest(ctx, diary.AccessDecision{RequestID: ar.ID, StaffID: id(t, other.Staff, StaffIvanova), Reason: "нет"})
	wantNotFound(t, err, "staff of another school")
	f.clock.Advance(time.Hour)
	got, link, err := f.s.DecideAccessRequest(ctx, diary.AccessDecision{RequestID: ar.ID, StaffID: teacher,
		Reason: "Номер телефона не совпадает с записанным в школе"})
	must(t, err, "refuse")
	ar.ResolvedAt, ar.Resolution, ar.DecidedBy = f.clock.Now(), diary.RequestRefused, teacher
	ar.Reason = "Номер телефона не совпадает с записанным в школе"
	equal(t, "refused request", normRequests(got), normRequests(ar))
	equal(t, "no link of a refusal", link.ID, int64(0))
	equal(t, "active links", len(f.activeLinks(t, userBelova)), 0)
}

// An approval the roster does not allow (a child who left, a guardian not
// of the child) links nobody and leaves the request open.
func testRequestApproveRefused(t *testing.T, f *fixture) {
	r := f.small(t)
	ctx := t.Context()
	ar := f.matched(t, r, userBelova)
	teacher := id(t, r.Staff, StaffIvanova)
	d := diary.AccessDecision{RequestID: ar.ID, StaffID: teacher, Approve: true,
		GuardianID: id(t, r.Guardians, GuardianZhukova), StudentID: id(t, r.Students, StudentZhukova)}
	_, _, err := f.s.DecideAccessRequest(ctx, d)
	wantErr(t, "approve a child who left", err, diary.ErrStudentLeft)
	if reason, _ := diary.DepartureOf(err); reason != diary.LeftTransferred {
		t.Errorf("departure of the refusal = %q, want %q", reason, diary.LeftTransferred)
	}
	d.GuardianID, d.StudentID = id(t, r.Guardians, GuardianVolkova), id(t, r.Students, StudentBelov)
	_, _, err = f.s.DecideAccessRequest(ctx, d)
	wantNotFound(t, err, "approve a guardian not of the child")
	stored, err := f.s.AccessRequest(ctx, ar.ID)
	must(t, err, "access request")
	equal(t, "request after refused approvals", normRequests(stored), normRequests(ar))
	equal(t, "active links", len(f.activeLinks(t, userBelova)), 0)
}

// A student's access follows a guardian's consent: the student's own
// consent does not count, a withdrawn one no longer does.
func testGuardianConsent(t *testing.T, f *fixture) {
	r := f.small(t)
	ctx := t.Context()
	belov := id(t, r.Students, StudentBelov)
	_, err := f.s.GuardianConsent(ctx, belov)
	wantNotFound(t, err, "no consent")
	f.consent(t, diary.Consent{TelegramUserID: userVolkov, StudentID: belov, Version: "1"})
	_, err = f.s.GuardianConsent(ctx, belov)
	wantNotFound(t, err, "the student's own consent")
	f.clock.Advance(time.Minute)
	first := f.consent(t, diary.Consent{TelegramUserID: userBelova, GuardianID: id(t, r.Guardians, GuardianBelova),
		StudentID: belov, Version: "1"})
	f.clock.Advance(time.Minute)
	second := f.consent(t, diary.Consent{TelegramUserID: userSmirnova, GuardianID: id(t, r.Guardians, GuardianSmirnova),
		StudentID: belov, Version: "1"})
	got, err := f.s.GuardianConsent(ctx, belov)
	must(t, err, "guardian consent")
	equal(t, "latest guardian consent", normConsents(got), normConsents(second))
	must(t, f.s.WithdrawConsent(ctx, userSmirnova, belov), "withdraw")
	got, err = f.s.GuardianConsent(ctx, belov)
	must(t, err, "guardian consent")
	equal(t, "the other guardian's consent", normConsents(got), normConsents(first))
	must(t, f.s.WithdrawConsent(ctx, userBelova, belov), "withdraw")
	_, err = f.s.GuardianConsent(ctx, belov)
	wantNotFound(t, err, "every guardian withdrew")
	_, err = f.s.GuardianConsent(ctx, id(t, r.Students, StudentVolkov))
	wantNotFound(t, err, "another child")
}

// The active links to a student are listed, guardians' and the student's
// own, by id; ended ones and other children's are not.
func testStudentLinks(t *testing.T, f *fixture) {
	r := f.small(t)
	ctx := t.Context()
	belov := id(t, r.Students, StudentBelov)
	byPhone, err := f.s.LinkByPhone(ctx, r.School.ID, PhoneBelova, userBelova, chatOf(userBelova))
	must(t, err, "link by phone")
	code, _ := f.issue(t, studentCode(t, r, StudentBelov))
	_, own := f.redeem(t, code, userVolkov)
	code, _ = f.issue(t, guardianCode(t, r, GuardianSmirnova, StudentBelov))
	_, smirnova := f.redeem(t, code, userSmirnova)
	got, err := f.s.StudentLinks(ctx, belov)
	must(t, err, "student links")
	equal(t, "links to the student", linkIDs(got), []int64{byPhone[0].ID, own.ID, smirnova.ID})
	must(t, f.s.EndLink(ctx, smirnova.ID, diary.EndUnlinked), "end link")
	got, err = f.s.StudentLinks(ctx, belov)
	must(t, err, "student links")
	equal(t, "after an end", linkIDs(got), []int64{byPhone[0].ID, own.ID})
	got, err = f.s.StudentLinks(ctx, id(t, r.Students, StudentErshov))
	must(t, err, "student links")
	equal(t, "a child without links", len(got), 0)
}
