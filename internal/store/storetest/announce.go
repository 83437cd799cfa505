package storetest

import (
	"context"
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/diary"
)

// announceStore is the announcements' part of the SQL stores (the bot and
// diaryctl declare the methods they call).
type announceStore interface {
	AnnouncementAudience(ctx context.Context, schoolID int64, sc diary.AnnounceScope) (diary.AnnounceAudience, error)
	CreateAnnouncement(ctx context.Context, a diary.Announcement, guardians []int64) (diary.Announcement, error)
	DeleteAnnouncement(ctx context.Context, id int64) error
	Announcement(ctx context.Context, id int64) (diary.Announcement, error)
	Announcements(ctx context.Context, schoolID, staffID int64, limit int) ([]diary.Announcement, error)
}

func announceTests() []contractTest {
	return []contractTest{
		{"Announcements/Audience", testAnnounceAudience},
		{"Announcements/RecordAndCounts", testAnnounceCounts},
	}
}

// announcements returns the fixture's store as an announceStore.
func (f *fixture) announcements(t *testing.T) announceStore {
	t.Helper()
	as, ok := f.s.(announceStore)
	if !ok {
		t.Fatalf("%T keeps no announcements", f.s)
	}
	return as
}

// linkGuardian links user to guardian's child student and, when consent,
// records the user's consent about the child.
func (f *fixture) linkGuardian(t *testing.T, r *Refs, user int64, guardian, student string, consent bool) {
	t.Helper()
	code, _ := f.issue(t, guardianCode(t, r, guardian, student))
	f.redeem(t, code, user)
	if consent {
		f.consent(t, diary.Consent{TelegramUserID: user, GuardianID: id(t, r.Guardians, guardian),
			StudentID: id(t, r.Students, student), Version: "v1"})
	}
}

// audienceFixture links the small school's families: Белова (English chat)
// to both her children with consent, Волкова to Волков with consent,
// Смирнова to Белов without consent, and the student Волков himself.
// Гусева (5А) and Ершов (10Б) have no linked family; Жукова has left.
func (f *fixture) audienceFixture(t *testing.T) *Refs {
	t.Helper()
	r := f.small(t)
	f.linkGuardian(t, r, userBelova, GuardianBelova, StudentBelov, true)
	f.linkGuardian(t, r, userBelova, GuardianBelova, StudentBelova, true)
	f.linkGuardian(t, r, userVolkova, GuardianVolkova, StudentVolkov, true)
	f.linkGuardian(t, r, userSmirnova, GuardianSmirnova, StudentBelov, false)
	code, _ := f.issue(t, studentCode(t, r, StudentVolkov))
	f.redeem(t, code, userVolkov)
	must(t, f.s.UpsertChat(t.Context(), diary.Chat{ChatID: chatOf(userBelova), TelegramUserID: userBelova, Language: "en"}), "chat")
	return r
}

// member is a recipient of an audience.
func member(g int64, lang string) diary.AudienceMember {
	return diary.AudienceMember{GuardianID: g, Language: lang}
}

// An announcement reaches each linked, consenting guardian of an enrolled
// student of its scope once (a mother of two once), never a guardian
// without consent nor a student; the enrolled students of the scope
// without such a guardian are counted as unreachable.
func testAnnounceAudience(t *testing.T, f *fixture) {
	r := f.audienceFixture(t)
	belova, volkova := id(t, r.Guardians, GuardianBelova), id(t, r.Guardians, GuardianVolkova)
	both := []diary.AudienceMember{member(belova, "en"), member(volkova, "")}
	if belova > volkova {
		both[0], both[1] = both[1], both[0]
	}
	for _, tt := range []struct {
		name  string
		scope diary.AnnounceScope
		want  diary.AnnounceAudience
	}{
		{"school", diary.AnnounceScope{}, diary.AnnounceAudience{Recipients: both, Unreachable: 2}},
		{"5А", diary.AnnounceScope{ClassID: id(t, r.Classes, Class5A)}, diary.AnnounceAudience{Recipients: both, Unreachable: 1}},
		{"5Б", diary.AnnounceScope{ClassID: id(t, r.Classes, Class5B)}, diary.AnnounceAudience{}},
		{"level 5", diary.AnnounceScope{From: 5, To: 5}, diary.AnnounceAudience{Recipients: both, Unreachable: 1}},
		{"levels 10–11", diary.AnnounceScope{From: 10, To: 11}, diary.AnnounceAudience{
			Recipients: []diary.AudienceMember{member(belova, "en")}, Unreachable: 1}},
		{"levels 1–4", diary.AnnounceScope{From: 1, To: 4}, diary.AnnounceAudience{}},
	} {
		got, err := f.announcements(t).AnnouncementAudience(t.Context(), r.School.ID, tt.scope)
		must(t, err, "audience of %s", tt.name)
		if len(got.Recipients) == 0 {
			got.Recipients = nil
		}
		equal(t, tt.name, got, tt.want)
	}
	must(t, f.s.WithdrawConsent(t.Context(), userVolkova, id(t, r.Students, StudentVolkov)), "withdraw")
	got, err := f.announcements(t).AnnouncementAudience(t.Context(), r.School.ID, diary.AnnounceScope{ClassID: id(t, r.Classes, Class5A)})
	must(t, err, "audience after withdrawal")
	equal(t, "5А after Волкова withdrew", got, diary.AnnounceAudience{
		Recipients: []diary.AudienceMember{member(belova, "en")}, Unreachable: 2})
}

// An announcement is recorded with its keys; its counts follow its
// notices' statuses; the sender's list is newest first; a deleted one is
// gone.
func testAnnounceCounts(t *testing.T, f *fixture) {
	r := f.small(t)
	ctx := t.Context()
	as := f.announcements(t)
	staff := id(t, r.Staff, StaffIvanova)
	gs := []int64{id(t, r.Guardians, GuardianBelova), id(t, r.Guardians, GuardianVolkova), id(t, r.Guardians, GuardianSmirnova)}
	a := diary.Announcement{SchoolID: r.School.ID, StaffID: staff, Scope: diary.AnnounceScope{ClassID: id(t, r.Classes, Class5A)},
		Text: "Собрание в 18:00", Recipients: 3, Unreachable: 1,
		File: diary.NoticeFile{Name: "План.pdf", MIME: "application/pdf", Data: []byte("%PDF-1.4\x00\xff")}}
	got, err := as.CreateAnnouncement(ctx, a, gs)
	must(t, err, "create")
	a.ID, a.CreatedAt = got.ID, us(Start)
	equal(t, "created", got, a)
	file := a.File
	a.File.Data = nil
	var ns []diary.Notice
	for _, g := range gs[:2] {
		n := newNotice(t, r, diary.AnnouncementKey(a.ID, g))
		n.Recipient.ID = g
		ns = append(ns, n)
	}
	res, _ := f.enqueue(t, ns...)
	n, err := f.notices(t).Notice(ctx, res.New[0].ID)
	must(t, err, "notice")
	equal(t, "the notice's files", n.Files, []diary.NoticeFile{file})
	must(t, f.notices(t).RecordNotice(ctx, res.New[0].ID, diary.NoticeUpdate{Status: diary.NoticeSent, Event: "sent", Channel: "telegram"}), "sent")
	a.Counts = diary.AnnounceCounts{Sent: 1, Waiting: 1}
	read, err := as.Announcement(ctx, a.ID)
	must(t, err, "read")
	read.CreatedAt = us(read.CreatedAt)
	equal(t, "read", read, a)
	must(t, f.notices(t).RecordNotice(ctx, res.New[1].ID, diary.NoticeUpdate{Status: diary.NoticeSentEmail, Event: "sent", Channel: "email"}), "email")
	b := f.wantAnnounceList(t, r, staff, a.ID)
	_, err = as.CreateAnnouncement(ctx, diary.Announcement{SchoolID: r.School.ID, Text: "  "}, nil)
	if diary.ErrorCode(err) != diary.EInvalid {
		t.Errorf("empty text: err = %v, want EInvalid", err)
	}
	must(t, as.DeleteAnnouncement(ctx, b.ID), "delete")
	_, err = as.Announcement(ctx, b.ID)
	wantNotFound(t, err, "deleted announcement")
	wantNotFound(t, as.DeleteAnnouncement(ctx, b.ID), "delete twice")
}

// wantAnnounceList records a second announcement of staff a minute later
// and one of diaryctl, and checks the staff member's list: the second, then
// first with 1 sent and 1 by email. It returns the second.
func (f *fixture) wantAnnounceList(t *testing.T, r *Refs, staff, first int64) diary.Announcement {
	t.Helper()
	ctx, as := t.Context(), f.announcements(t)
	f.clock.Advance(time.Minute)
	b, err := as.CreateAnnouncement(ctx, diary.Announcement{SchoolID: r.School.ID, StaffID: staff, Text: "Каникулы"}, nil)
	must(t, err, "create second")
	_, err = as.CreateAnnouncement(ctx, diary.Announcement{SchoolID: r.School.ID, Text: "От diaryctl"}, nil)
	must(t, err, "create by diaryctl")
	list, err := as.Announcements(ctx, r.School.ID, staff, 10)
	must(t, err, "list")
	if len(list) != 2 || list[0].ID != b.ID || list[1].ID != first || list[1].Counts != (diary.AnnounceCounts{Sent: 1, Email: 1}) {
		t.Errorf("list = %+v, want the second then the first with 1 sent and 1 by email", list)
	}
	return b
}
