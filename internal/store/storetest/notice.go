package storetest

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/diary"
)

// noticeStore is the notices' part of the SQL stores (internal/notify
// declares the same methods as its port).
type noticeStore interface {
	EnqueueNotices(ctx context.Context, ns []diary.Notice,
		schedule func(ctx context.Context, driverTx any, stored []diary.Notice) error) (diary.EnqueueResult, error)
	Notice(ctx context.Context, id int64) (diary.Notice, error)
	NoticeEvents(ctx context.Context, id int64) ([]diary.NoticeEvent, error)
	NoticeAddresses(ctx context.Context, r diary.Recipient) (diary.NoticeAddresses, error)
	RecordNotice(ctx context.Context, id int64, u diary.NoticeUpdate) error
	AcknowledgeNotice(ctx context.Context, id int64) error
}

func noticeTests() []contractTest {
	return []contractTest{
		{"Notices/EnqueueAndRead", testNoticeEnqueue},
		{"Notices/Duplicates", testNoticeDuplicates},
		{"Notices/ScheduleFailureRollsBack", testNoticeRollback},
		{"Notices/Record", testNoticeRecord},
		{"Notices/Addresses", testNoticeAddresses},
		{"Notices/Acknowledge", testNoticeAcknowledge},
	}
}

// notices returns the fixture's store as a noticeStore.
func (f *fixture) notices(t *testing.T) noticeStore {
	t.Helper()
	ns, ok := f.s.(noticeStore)
	if !ok {
		t.Fatalf("%T keeps no notices", f.s)
	}
	return ns
}

// newNotice is a notice for the guardian Белова of r under key.
func newNotice(t *testing.T, r *Refs, key string) diary.Notice {
	t.Helper()
	return diary.Notice{Key: key, Kind: "announcement", SchoolID: r.School.ID,
		Recipient: diary.Recipient{Kind: diary.LinkGuardian, ID: id(t, r.Guardians, GuardianBelova)},
		Language:  "ru", Subject: "Собрание", HTML: "<b>Собрание</b> в 18:00", Text: "Собрание в 18:00"}
}

// enqueue enqueues ns, scheduling nothing, and returns the result and the
// notices schedule saw.
func (f *fixture) enqueue(t *testing.T, ns ...diary.Notice) (diary.EnqueueResult, []diary.Notice) {
	t.Helper()
	var seen []diary.Notice
	res, err := f.notices(t).EnqueueNotices(t.Context(), ns, func(_ context.Context, tx any, stored []diary.Notice) error {
		if tx == nil {
			t.Error("schedule got no driver transaction")
		}
		seen = append(seen, stored...)
		return nil
	})
	must(t, err, "enqueue")
	return res, seen
}

// A stored notice reads back as written, with its files, the school's zone,
// the store's now and its first event; schedule sees exactly the new ones.
func testNoticeEnqueue(t *testing.T, f *fixture) {
	r := f.small(t)
	a, b := newNotice(t, r, "k-a"), newNotice(t, r, "k-b")
	a.Files = []diary.NoticeFile{{Name: "Табель.pdf", MIME: "application/pdf", Data: []byte("%PDF-1.4\x00\xff")}}
	b.Urgent, b.AckRequired = true, true
	b.Status, b.NotBefore = diary.NoticeHeld, Start.Add(22*time.Hour)
	res, seen := f.enqueue(t, a, b)
	if len(res.New) != 2 || len(res.Duplicates) != 0 || len(seen) != 2 || res.New[0].ID == 0 || res.New[1].ID == 0 {
		t.Fatalf("enqueue = %+v, schedule saw %d, want 2 new with ids", res, len(seen))
	}
	got, err := f.notices(t).Notice(t.Context(), res.New[0].ID)
	must(t, err, "notice")
	a.ID, a.Status, a.CreatedAt, a.NotBefore, a.TimeZone = res.New[0].ID, diary.NoticeQueued, us(Start), us(Start), r.School.TimeZone
	equal(t, "notice a", got, a)
	stored := res.New[0]
	stored.TimeZone = a.TimeZone
	equal(t, "enqueue's notice a", stored, a)
	got, err = f.notices(t).Notice(t.Context(), res.New[1].ID)
	must(t, err, "notice")
	b.ID, b.CreatedAt, b.NotBefore, b.TimeZone = res.New[1].ID, us(Start), us(b.NotBefore), r.School.TimeZone
	equal(t, "notice b", got, b)
	f.wantEvents(t, res.New[1].ID, string(diary.NoticeHeld))
	_, err = f.notices(t).Notice(t.Context(), res.New[1].ID+100)
	wantNotFound(t, err, "unknown notice")
}

// wantEvents checks the statuses of a notice's history.
func (f *fixture) wantEvents(t *testing.T, id int64, want ...string) []diary.NoticeEvent {
	t.Helper()
	evs, err := f.notices(t).NoticeEvents(t.Context(), id)
	must(t, err, "history")
	var got []string
	for _, e := range evs {
		got = append(got, e.Status)
	}
	equal(t, "history", got, want)
	return evs
}

// A key stored once is a duplicate afterwards, and a key given twice in one
// enqueue is stored once; invalid notices are refused.
func testNoticeDuplicates(t *testing.T, f *fixture) {
	r := f.small(t)
	f.enqueue(t, newNotice(t, r, "k-1"))
	res, seen := f.enqueue(t, newNotice(t, r, "k-1"), newNotice(t, r, "k-2"), newNotice(t, r, "k-2"))
	if len(res.New) != 1 || res.New[0].Key != "k-2" || len(seen) != 1 {
		t.Errorf("new = %+v, schedule saw %d, want only k-2", res.New, len(seen))
	}
	equal(t, "duplicates", res.Duplicates, []string{"k-1", "k-2"})
	bad := newNotice(t, r, "")
	_, err := f.notices(t).EnqueueNotices(t.Context(), []diary.Notice{bad}, func(context.Context, any, []diary.Notice) error { return nil })
	if !isInvalid(err) {
		t.Errorf("a notice without a key: err = %v, want EInvalid", err)
	}
}

// When scheduling fails, nothing is stored: a notice exists only with its job.
func testNoticeRollback(t *testing.T, f *fixture) {
	r := f.small(t)
	boom := errors.New("no job")
	var ids []int64
	_, err := f.notices(t).EnqueueNotices(t.Context(), []diary.Notice{newNotice(t, r, "k-1")},
		func(_ context.Context, _ any, stored []diary.Notice) error {
			ids = append(ids, stored[0].ID)
			return boom
		})
	if !errors.Is(err, boom) || len(ids) != 1 {
		t.Fatalf("enqueue: err = %v, want the schedule's", err)
	}
	_, err = f.notices(t).Notice(t.Context(), ids[0])
	wantNotFound(t, err, "notice of a failed schedule")
	if res, _ := f.enqueue(t, newNotice(t, r, "k-1")); len(res.New) != 1 {
		t.Errorf("enqueue again: %+v, want it stored", res)
	}
}

// Delivery steps update the status, attempts, error, channel and sent_at
// and append to the history; a sent notice stays sent.
func testNoticeRecord(t *testing.T, f *fixture) {
	ctx, ns := t.Context(), f.notices(t)
	r := f.small(t)
	res, _ := f.enqueue(t, newNotice(t, r, "k-1"))
	n := res.New[0].ID
	f.clock.Advance(time.Minute)
	must(t, ns.RecordNotice(ctx, n, diary.NoticeUpdate{Event: "retry", Detail: "telegram: 502", Error: "502", Attempt: true}), "retry")
	f.clock.Advance(time.Minute)
	sent := diary.NoticeUpdate{Status: diary.NoticeSentEmail, Event: "sent_email", Detail: "sent by email", Channel: "email", Attempt: true}
	must(t, ns.RecordNotice(ctx, n, sent), "sent")
	sentAt := f.clock.Now()
	f.clock.Advance(time.Minute)
	must(t, ns.RecordNotice(ctx, n, diary.NoticeUpdate{Status: diary.NoticeFailed, Event: "failed", Error: "late"}), "failed after sent")
	got, err := ns.Notice(ctx, n)
	must(t, err, "notice")
	equal(t, "status", got.Status, diary.NoticeSentEmail)
	equal(t, "attempts, channel, error", []any{got.Attempts, got.Channel, got.LastError}, []any{2, "email", ""})
	sameInstant(t, "sent at", got.SentAt, sentAt)
	evs := f.wantEvents(t, n, "queued", "retry", "sent_email", "failed")
	equal(t, "detail", evs[1].Detail, "telegram: 502")
	sameInstant(t, "event at", evs[2].At, sentAt)
	wantNotFound(t, ns.RecordNotice(ctx, n+100, sent), "record an unknown notice")
}

// A guardian is reached in the chat of their latest link, unless blocked,
// and by the email the chat chose or else the roster's; a staff member in
// the chat recorded for them.
func testNoticeAddresses(t *testing.T, f *fixture) {
	ctx, ns := t.Context(), f.notices(t)
	r := f.small(t)
	belova := diary.Recipient{Kind: diary.LinkGuardian, ID: id(t, r.Guardians, GuardianBelova)}
	f.wantAddresses(t, belova, diary.NoticeAddresses{Email: "belova@mail.test", Name: "Белова Ирина Олеговна"})
	chat := f.openChat(t, userBelova)
	code, _ := f.issue(t, guardianCode(t, r, GuardianBelova, StudentBelov))
	f.redeem(t, code, userBelova)
	f.wantAddresses(t, belova, diary.NoticeAddresses{ChatID: chat, Email: "belova@mail.test", Name: "Белова Ирина Олеговна"})
	must(t, f.s.MarkChatBlocked(ctx, chat, true), "block")
	must(t, f.s.SetNotifyChannel(ctx, chat, diary.ChannelEmail, "irina@mail.test"), "email channel")
	f.wantAddresses(t, belova, diary.NoticeAddresses{ChatID: chat, ChatBlocked: true, Email: "irina@mail.test",
		Name: "Белова Ирина Олеговна", PreferEmail: true})
	smirnova := diary.Recipient{Kind: diary.LinkGuardian, ID: id(t, r.Guardians, GuardianSmirnova)}
	f.wantAddresses(t, smirnova, diary.NoticeAddresses{Name: "Смирнова Галина Петровна"})
	staff := diary.Recipient{Kind: diary.LinkStaff, ID: id(t, r.Staff, StaffIvanova)}
	staffChat := f.openChat(t, userVolkova)
	must(t, f.s.SetStaffChat(ctx, staff.ID, staffChat), "staff chat")
	got, err := ns.NoticeAddresses(ctx, staff)
	must(t, err, "staff addresses")
	equal(t, "staff chat", got.ChatID, staffChat)
	_, err = ns.NoticeAddresses(ctx, diary.Recipient{Kind: diary.LinkGuardian, ID: belova.ID + 1000})
	wantNotFound(t, err, "unknown guardian")
}

// wantAddresses checks a recipient's addresses.
func (f *fixture) wantAddresses(t *testing.T, r diary.Recipient, want diary.NoticeAddresses) {
	t.Helper()
	got, err := f.notices(t).NoticeAddresses(t.Context(), r)
	must(t, err, "addresses")
	equal(t, "addresses", got, want)
}

// A notice that asks for it is acknowledged once; another refuses.
func testNoticeAcknowledge(t *testing.T, f *fixture) {
	ctx, ns := t.Context(), f.notices(t)
	r := f.small(t)
	plain, asks := newNotice(t, r, "k-plain"), newNotice(t, r, "k-ack")
	asks.AckRequired = true
	res, _ := f.enqueue(t, plain, asks)
	if err := ns.AcknowledgeNotice(ctx, res.New[0].ID); !isInvalid(err) {
		t.Errorf("acknowledge a notice that asks for none: err = %v, want EInvalid", err)
	}
	f.clock.Advance(time.Hour)
	must(t, ns.AcknowledgeNotice(ctx, res.New[1].ID), "acknowledge")
	at := f.clock.Now()
	f.clock.Advance(time.Hour)
	must(t, ns.AcknowledgeNotice(ctx, res.New[1].ID), "acknowledge again")
	got, err := ns.Notice(ctx, res.New[1].ID)
	must(t, err, "notice")
	sameInstant(t, "acknowledged at", got.AcknowledgedAt, at)
	f.wantEvents(t, res.New[1].ID, "queued", "acknowledged")
	wantNotFound(t, ns.AcknowledgeNotice(ctx, res.New[1].ID+100), "acknowledge an unknown notice")
}
