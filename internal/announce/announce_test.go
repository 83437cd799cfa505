package announce_test

import (
	"context"
	"crypto/rand"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/schooldiary/diary/internal/announce"
	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/store/sqlite"
	"github.com/schooldiary/diary/internal/store/storetest"
)

// db is the SQLite store with the announcements' reads the tests check.
type db interface {
	announce.Store
	Announcements(ctx context.Context, schoolID, staffID int64, limit int) ([]diary.Announcement, error)
}

// openSmall returns a store with the contract suite's small school, whose
// guardian Белова linked both her children with consent in an English
// chat, and the school.
func openSmall(t *testing.T) (*sqlite.DB, diary.School) {
	t.Helper()
	ctx := t.Context()
	s, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "diary.db"), storetest.NewClock(storetest.Start).Now)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Apply(ctx, storetest.SmallSchool(), diary.ApplyOptions{}); err != nil {
		t.Fatal(err)
	}
	school, err := s.SchoolByCode(ctx, storetest.SchoolCode)
	if err != nil {
		t.Fatal(err)
	}
	linkBelova(t, s, school)
	return s, school
}

// linkBelova links user 7001 to each child of Белова with consent.
func linkBelova(t *testing.T, s *sqlite.DB, school diary.School) {
	t.Helper()
	ctx := t.Context()
	gs, err := s.GuardiansByPhone(ctx, storetest.PhoneBelova)
	if err != nil || len(gs) != 1 {
		t.Fatalf("guardian: %v, %v", gs, err)
	}
	kids, err := s.StudentsOfGuardian(ctx, gs[0].ID)
	if err != nil || len(kids) != 2 {
		t.Fatalf("children: %v, %v", kids, err)
	}
	for _, k := range kids {
		code, _ := diary.NewLinkCode(rand.Reader)
		c := []diary.LinkCode{{SchoolID: school.ID, Kind: diary.LinkGuardian, GuardianID: gs[0].ID, StudentID: k.ID, Hash: diary.HashCode(code)}}
		must(t, s.CreateLinkCodes(ctx, c))
		_, _, err := s.RedeemLinkCode(ctx, diary.HashCode(code), 7001, 7001)
		must(t, err)
		_, err = s.RecordConsent(ctx, diary.Consent{TelegramUserID: 7001, GuardianID: gs[0].ID, StudentID: k.ID, Version: "v1"})
		must(t, err)
	}
	must(t, s.UpsertChat(ctx, diary.Chat{ChatID: 7001, TelegramUserID: 7001, Language: "en"}))
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// enqueuer records the notices it is given and fails with err.
type enqueuer struct {
	got []diary.Notice
	err error
}

// Enqueue records ns.
func (q *enqueuer) Enqueue(_ context.Context, ns []diary.Notice) (diary.EnqueueResult, error) {
	q.got = append(q.got, ns...)
	return diary.EnqueueResult{New: ns}, q.err
}

// A mother of two gets one notice, in her chat's language, not urgent,
// keyed by the announcement and herself; the other families are counted.
func TestSendOneNoticePerGuardian(t *testing.T) {
	s, school := openSmall(t)
	q := &enqueuer{}
	a, err := announce.Send(t.Context(), s, q, announce.Draft{School: school, Text: " Собрание <в 18:00> "})
	must(t, err)
	if a.ID == 0 || a.Recipients != 1 || a.Unreachable != 3 || len(q.got) != 1 {
		t.Fatalf("sent %+v with %d notices; want 1 recipient, 3 unreachable, 1 notice", a, len(q.got))
	}
	n := q.got[0]
	if n.Language != "en" || n.Urgent || n.Kind != diary.NoticeAnnouncement || n.Key != diary.AnnouncementKey(a.ID, n.Recipient.ID) ||
		n.HTML != "<b>Announcement of the school «"+school.Name+"»</b>\n\nСобрание &lt;в 18:00&gt;" || strings.Contains(n.Text, "<b>") {
		t.Errorf("notice = %+v", n)
	}
}

// A failed enqueue leaves no announcement behind; nobody to reach records
// nothing and enqueues nothing.
func TestSendFailureAndNobody(t *testing.T) {
	s, school := openSmall(t)
	boom := errors.New("river down")
	_, err := announce.Send(t.Context(), s, &enqueuer{err: boom}, announce.Draft{School: school, Text: "x"})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want the enqueue's", err)
	}
	q := &enqueuer{}
	a, err := announce.Send(t.Context(), s, q, announce.Draft{School: school, Text: "x", Scope: diary.AnnounceScope{From: 1, To: 4}})
	if err != nil || a.Recipients != 0 || a.ID != 0 || len(q.got) != 0 {
		t.Errorf("nobody: %+v, %v, %d notices", a, err, len(q.got))
	}
	var st db = s
	if list, err := st.Announcements(t.Context(), school.ID, 0, 10); err != nil || len(list) != 0 {
		t.Errorf("announcements left = %+v, %v; want none", list, err)
	}
}

// Check refuses an empty or too long text and too large a file.
func TestDraftCheck(t *testing.T) {
	tests := []struct {
		name string
		d    announce.Draft
		want error
	}{
		{"ok at the limits", announce.Draft{Text: strings.Repeat("я", announce.MaxText), File: diary.NoticeFile{Data: make([]byte, announce.MaxFile)}}, nil},
		{"blank", announce.Draft{Text: " \n "}, announce.ErrEmpty},
		{"too long", announce.Draft{Text: strings.Repeat("я", announce.MaxText+1)}, announce.ErrTooLong},
		{"too large", announce.Draft{Text: "x", File: diary.NoticeFile{Data: make([]byte, announce.MaxFile+1)}}, announce.ErrFileLarge},
	}
	for _, tt := range tests {
		if err := tt.d.Check(); !errors.Is(err, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, err, tt.want)
		}
	}
}
