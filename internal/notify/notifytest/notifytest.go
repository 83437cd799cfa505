// Package notifytest prepares stores for tests of the processes that send
// notices (cmd/bot, cmd/scheduler): a small school with one family linked,
// and a notice enqueued as another process of the same store would.
package notifytest

import (
	"testing"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/notify"
	"github.com/schooldiary/diary/internal/store"
	"github.com/schooldiary/diary/internal/store/storetest"
)

// FamilyStore opens and migrates the store at dsn (closed at the test's
// end) with storetest's small school and the guardian Белова linked to her
// children from chat (also her Telegram user), and returns it with her id.
func FamilyStore(t *testing.T, dsn string, chat int64) (store.DB, int64) {
	t.Helper()
	ctx := t.Context()
	db, _, err := store.OpenMigrated(ctx, dsn, store.Options{})
	if err != nil {
		t.Fatalf("open %s: %v", dsn, err)
	}
	t.Cleanup(func() { db.Close() })
	b := storetest.SmallSchool()
	if _, err := db.Apply(ctx, b, diary.ApplyOptions{}); err != nil {
		t.Fatal(err)
	}
	refs := storetest.Resolve(t, db, b)
	if err := db.UpsertChat(ctx, diary.Chat{ChatID: chat, TelegramUserID: chat, Language: "ru"}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.LinkByPhone(ctx, refs.School.ID, storetest.PhoneBelova, chat, chat); err != nil {
		t.Fatal(err)
	}
	return db, refs.Guardians[storetest.GuardianBelova]
}

// Enqueue puts an urgent notice (quiet hours do not hold it) with key and
// text to the guardian into db, without starting any sender, and returns
// its id.
func Enqueue(t *testing.T, db store.DB, guardian int64, key, text string) int64 {
	t.Helper()
	svc, err := notify.New(db.(notify.Store), notify.Config{})
	if err != nil {
		t.Fatal(err)
	}
	school, err := db.SchoolByCode(t.Context(), storetest.SmallSchool().School.Code)
	if err != nil {
		t.Fatal(err)
	}
	n := diary.Notice{Key: key, Kind: "announcement", SchoolID: school.ID, Urgent: true,
		Recipient: diary.Recipient{Kind: diary.LinkGuardian, ID: guardian},
		Language:  "ru", Subject: "Объявление", HTML: "<b>" + text + "</b>", Text: text}
	res, err := svc.Enqueue(t.Context(), []diary.Notice{n})
	if err != nil || len(res.New) != 1 {
		t.Fatalf("enqueue = %+v, %v", res, err)
	}
	return res.New[0].ID
}
