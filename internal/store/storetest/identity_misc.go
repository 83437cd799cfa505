package storetest

import (
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/diary"
)

// normRequests truncates the instants of requests for comparison.
func normRequests(rs ...diary.AccessRequest) []diary.AccessRequest {
	out := make([]diary.AccessRequest, len(rs))
	for i, r := range rs {
		r.CreatedAt, r.ResolvedAt = us(r.CreatedAt), us(r.ResolvedAt)
		out[i] = r
	}
	return out
}

// request records an access request for a school and checks it.
func (f *fixture) request(t *testing.T, schoolID, user int64, child string) diary.AccessRequest {
	t.Helper()
	in := diary.AccessRequest{SchoolID: schoolID, TelegramUserID: user, ChatID: chatOf(user),
		Name: "Кузьмина Ольга", Phone: "+79125550000", ChildName: child, ClassName: "5А"}
	got, err := f.s.CreateAccessRequest(t.Context(), in)
	must(t, err, "create access request")
	in.ID, in.CreatedAt = got.ID, f.clock.Now()
	equal(t, "created request", normRequests(got), normRequests(in))
	return got
}

// Requests are listed by date, open ones alone on demand; a request is
// resolved once; errors name what is wrong.
func testAccessRequests(t *testing.T, f *fixture) {
	r, other := f.small2(t)
	ctx := t.Context()
	r1 := f.request(t, r.School.ID, userStranger, "Кузьмин Пётр")
	f.request(t, other.School.ID, userStranger, "Кузьмин Павел")
	f.clock.Advance(24 * time.Hour)
	r2 := f.request(t, r.School.ID, userVolkova, "Волкова Вера")
	f.clock.Advance(time.Hour)
	must(t, f.s.ResolveAccessRequest(ctx, r1.ID, "выданы коды"), "resolve")
	r1.ResolvedAt, r1.Resolution = f.clock.Now(), "выданы коды"
	all, err := f.s.AccessRequests(ctx, r.School.ID, false)
	must(t, err, "access requests")
	equal(t, "all requests", normRequests(all...), normRequests(r1, r2))
	open, err := f.s.AccessRequests(ctx, r.School.ID, true)
	must(t, err, "open access requests")
	equal(t, "open requests", normRequests(open...), normRequests(r2))
	wantErr(t, "resolve twice", f.s.ResolveAccessRequest(ctx, r1.ID, "отказ"), diary.ErrConflict)
	wantNotFound(t, f.s.ResolveAccessRequest(ctx, 1<<40, "отказ"), "resolve unknown")
	if err := f.s.ResolveAccessRequest(ctx, r2.ID, ""); !isInvalid(err) {
		t.Errorf("empty resolution: err = %v, want EInvalid", err)
	}
	if _, err := f.s.CreateAccessRequest(ctx, diary.AccessRequest{SchoolID: r.School.ID, TelegramUserID: 1}); !isInvalid(err) {
		t.Errorf("request without names: err = %v, want EInvalid", err)
	}
	_, err = f.s.CreateAccessRequest(ctx, diary.AccessRequest{SchoolID: 1 << 40, TelegramUserID: 1, Name: "А", ChildName: "Б"})
	wantNotFound(t, err, "request to an unknown school")
}

// Visits are kept with their time and listed by school in [from, to).
func testVisits(t *testing.T, f *fixture) {
	r, other := f.small2(t)
	ctx := t.Context()
	belov := id(t, r.Students, StudentBelov)
	guardian := id(t, r.Guardians, GuardianBelova)
	v1 := diary.Visit{SchoolID: r.School.ID, TelegramUserID: userBelova, GuardianID: guardian, StudentID: belov, View: "grades"}
	v2 := diary.Visit{SchoolID: r.School.ID, TelegramUserID: userIvanova, StaffID: id(t, r.Staff, StaffIvanova),
		StudentID: belov, View: "attendance", At: Start.Add(time.Hour)}
	v3 := diary.Visit{SchoolID: r.School.ID, TelegramUserID: userVolkov, StudentID: id(t, r.Students, StudentVolkov),
		View: "homework", At: Start.Add(2 * time.Hour)}
	elsewhere := diary.Visit{SchoolID: other.School.ID, TelegramUserID: userStranger, View: "grades", At: Start.Add(time.Hour)}
	for _, v := range []diary.Visit{v1, v2, v3, elsewhere} {
		must(t, f.s.RecordVisit(ctx, v), "record visit")
	}
	v1.At = Start
	got, err := f.s.Visits(ctx, r.School.ID, Start, Start.Add(2*time.Hour))
	must(t, err, "visits")
	if len(got) == 2 && (got[0].ID == 0 || got[1].ID <= got[0].ID) {
		t.Errorf("visit ids %d, %d: want increasing", got[0].ID, got[1].ID)
	}
	for i := range got {
		got[i].ID, got[i].At = 0, us(got[i].At)
	}
	v1.At, v2.At = us(v1.At), us(v2.At)
	equal(t, "visits in [from, to)", got, []diary.Visit{v1, v2})
	got, err = f.s.Visits(ctx, r.School.ID, Start.Add(time.Hour), Start.Add(time.Hour))
	must(t, err, "visits")
	equal(t, "visits in an empty span", len(got), 0)
	if err := f.s.RecordVisit(ctx, diary.Visit{SchoolID: r.School.ID, TelegramUserID: 1}); !isInvalid(err) {
		t.Errorf("visit without a view: err = %v, want EInvalid", err)
	}
	wantNotFound(t, f.s.RecordVisit(ctx, diary.Visit{SchoolID: 1 << 40, TelegramUserID: 1, View: "grades"}), "visit to an unknown school")
}

// Chats are stored and updated by id; blocking keeps its first time and
// unblocking, or a fresh upsert, clears it.
func testChats(t *testing.T, f *fixture) {
	ctx := t.Context()
	chat := chatOf(userBelova)
	_, err := f.s.ChatByID(ctx, chat)
	wantNotFound(t, err, "unknown chat")
	want := diary.Chat{ChatID: chat, TelegramUserID: userBelova, Language: "ru"}
	must(t, f.s.UpsertChat(ctx, want), "upsert chat")
	want.UpdatedAt = f.clock.Now()
	f.wantChat(t, "new chat", want)
	f.clock.Advance(time.Minute)
	must(t, f.s.MarkChatBlocked(ctx, chat, true), "block")
	want.BlockedAt, want.UpdatedAt = f.clock.Now(), f.clock.Now()
	f.wantChat(t, "blocked chat", want)
	f.clock.Advance(time.Minute)
	must(t, f.s.MarkChatBlocked(ctx, chat, true), "block again")
	want.UpdatedAt = f.clock.Now()
	f.wantChat(t, "blocked again", want)
	must(t, f.s.MarkChatBlocked(ctx, chat, false), "unblock")
	want.BlockedAt = time.Time{}
	f.wantChat(t, "unblocked chat", want)
	must(t, f.s.MarkChatBlocked(ctx, chat, true), "block once more")
	f.clock.Advance(time.Minute)
	want.Language = "en"
	must(t, f.s.UpsertChat(ctx, want), "upsert chat again")
	want.UpdatedAt = f.clock.Now()
	f.wantChat(t, "revived chat", want)
	if err := f.s.UpsertChat(ctx, diary.Chat{TelegramUserID: 1, Language: "ru"}); !isInvalid(err) {
		t.Errorf("chat without an id: err = %v, want EInvalid", err)
	}
	wantNotFound(t, f.s.MarkChatBlocked(ctx, 1<<40, true), "block an unknown chat")
}

// wantChat checks the stored chat.
func (f *fixture) wantChat(t *testing.T, what string, want diary.Chat) {
	t.Helper()
	got, err := f.s.ChatByID(t.Context(), want.ChatID)
	must(t, err, "%s", what)
	got.BlockedAt, got.UpdatedAt = us(got.BlockedAt), us(got.UpdatedAt)
	want.BlockedAt, want.UpdatedAt = us(want.BlockedAt), us(want.UpdatedAt)
	equal(t, what, got, want)
}

// The family's last visit of a student: the guardian's from any chat, or
// the student's own; staff views, other students and visits outside
// [from, to) do not count; none is the zero time.
func testLastFamilyVisit(t *testing.T, f *fixture) {
	r := f.small(t)
	ctx := t.Context()
	belov, volkov := id(t, r.Students, StudentBelov), id(t, r.Students, StudentVolkov)
	guardian := id(t, r.Guardians, GuardianBelova)
	at := func(h int) time.Time { return Start.Add(time.Duration(h) * time.Hour) }
	for _, v := range []diary.Visit{
		{TelegramUserID: userBelova, GuardianID: guardian, StudentID: belov, At: at(1)},
		{TelegramUserID: userBelova + 1, GuardianID: guardian, StudentID: belov, At: at(2)}, // another chat of hers
		{TelegramUserID: userIvanova, StaffID: id(t, r.Staff, StaffIvanova), StudentID: belov, At: at(3)},
		{TelegramUserID: userBelova, GuardianID: guardian, StudentID: volkov, At: at(4)},
		{TelegramUserID: userVolkov, StudentID: belov, At: at(5)},                       // the student themself
		{TelegramUserID: userBelova, GuardianID: guardian, StudentID: belov, At: at(9)}, // after to
	} {
		v.SchoolID, v.View = r.School.ID, "grades"
		must(t, f.s.RecordVisit(ctx, v), "record visit")
	}
	last := func(guardianID, user int64, to time.Time) time.Time {
		t.Helper()
		got, err := f.s.LastFamilyVisit(ctx, belov, guardianID, user, Start, to)
		must(t, err, "last family visit")
		return got
	}
	equal(t, "guardian's last, any chat, staff not counted", last(guardian, userBelova, at(8)), us(at(2)))
	equal(t, "the student's own last", last(0, userVolkov, at(8)), us(at(5)))
	equal(t, "before the first", last(guardian, userBelova, at(1)).IsZero(), true)
	equal(t, "a user who never looked", last(0, userStranger, at(8)).IsZero(), true)
}

// LinkSyntheticChats gives each guardian of one school a chat, linked to
// their enrolled children with consent; a second run adds nothing; another
// school is untouched; a bad base or version is refused.
func testSyntheticChats(t *testing.T, f *fixture) {
	r, other := f.small2(t)
	ctx := t.Context()
	const base int64 = 9_000_000_000
	got, err := f.s.LinkSyntheticChats(ctx, r.School.ID, base, "v1")
	must(t, err, "synthetic chats")
	equal(t, "first run", got, diary.SyntheticChats{Chats: 4, Links: 4, Consents: 4})
	again, err := f.s.LinkSyntheticChats(ctx, r.School.ID, base, "v1")
	must(t, err, "synthetic chats again")
	equal(t, "second run", again, diary.SyntheticChats{})
	belova := base + id(t, r.Guardians, GuardianBelova)
	var kids []int64
	for _, l := range f.activeLinks(t, belova) {
		if l.ChatID != belova || l.Kind != diary.LinkGuardian || l.SchoolID != r.School.ID {
			t.Errorf("link %+v: want a guardian link of chat %d", l, belova)
		}
		kids = append(kids, l.StudentID)
		_, err := f.s.ActiveConsent(ctx, belova, l.StudentID)
		must(t, err, "consent of the synthetic chat")
	}
	equal(t, "Белова's children", kids, []int64{id(t, r.Students, StudentBelov), id(t, r.Students, StudentBelova)})
	equal(t, "left child's family", len(f.activeLinks(t, base+id(t, r.Guardians, GuardianZhukova))), 0)
	equal(t, "other school", len(f.activeLinks(t, base+id(t, other.Guardians, GuardianBelova))), 0)
	if _, err := f.s.ChatByID(ctx, belova); err != nil {
		t.Errorf("chat of the synthetic user: %v", err)
	}
	for _, bad := range []struct {
		base    int64
		version string
	}{{0, "v1"}, {base, ""}} {
		if _, err := f.s.LinkSyntheticChats(ctx, r.School.ID, bad.base, bad.version); !isInvalid(err) {
			t.Errorf("base %d version %q: err = %v, want EInvalid", bad.base, bad.version, err)
		}
	}
}
