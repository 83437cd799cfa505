package loadtest_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/notify"
	"github.com/schooldiary/diary/internal/store"
	"github.com/schooldiary/diary/internal/store/storetest"
	"github.com/schooldiary/diary/internal/telegramtest"
	"github.com/schooldiary/diary/internal/testenv"
)

// chatBase is the synthetic chats' base: guardian g chats from chatBase + g.
const chatBase = 7_000_000_000

// classSize is how many students the load school has a class.
const classSize = 25

// loadDB is a store that keeps notices.
type loadDB interface {
	notify.Store
	store.DB
	NoticeEvents(ctx context.Context, id int64) ([]diary.NoticeEvent, error)
}

// openStore returns a fresh migrated store of kind ("sqlite": a file
// the sender processes open too; "postgres": a new test database) and its
// URL for the senders.
func openStore(t testing.TB, kind string) (loadDB, string) {
	t.Helper()
	dsn := "sqlite:" + filepath.Join(t.TempDir(), "diary.db")
	if kind == "postgres" {
		dsn = testenv.PostgresMigratedURL(t, migratePG)
	}
	return openURL(t, dsn), dsn
}

// openURL opens and migrates the store at dsn, closed with the test.
func openURL(t testing.TB, dsn string) loadDB {
	t.Helper()
	db, _, err := store.OpenMigrated(context.Background(), dsn, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db.(loadDB)
}

// migratePG migrates the PostgreSQL template database.
func migratePG(ctx context.Context, url string) error {
	db, err := store.Open(ctx, url, store.Options{})
	if err != nil {
		return err
	}
	defer db.Close()
	return db.Migrate(ctx)
}

// loadSchool is the small school plus n students in classes of classSize,
// each with one guardian whose phone numbers them.
func loadSchool(n int) *diary.Batch {
	b := storetest.SmallSchoolNamed("load", "Школа нагрузки")
	for c := 0; c*classSize < n; c++ {
		ext := fmt.Sprintf("load-%d", c)
		b.Classes = append(b.Classes, diary.ClassIn{Src: diary.Source{File: "classes.csv", Line: 100 + c},
			Class: diary.Class{ExtID: ext, Name: fmt.Sprintf("%dН-%d", 1+c%11, c), Level: 1 + c%11}})
	}
	for i := range n {
		b.Students = append(b.Students, loadStudent(i))
		b.Guardians = append(b.Guardians, loadGuardian(i))
	}
	return b
}

// loadStudent is the i-th student of the load school.
func loadStudent(i int) diary.StudentIn {
	return diary.StudentIn{Src: diary.Source{File: "students.csv", Line: 100 + i}, ClassRef: fmt.Sprintf("load-%d", i/classSize),
		Student: diary.Student{ExtID: fmt.Sprintf("ls-%d", i), Name: diary.Name{Last: "Ученикова", First: "Анна"},
			BirthDate: diary.Date{Year: 2015, Month: 3, Day: 1}, Status: diary.Enrolled}}
}

// loadGuardian is the guardian of the i-th student.
func loadGuardian(i int) diary.GuardianIn {
	return diary.GuardianIn{Src: diary.Source{File: "guardians.csv", Line: 100 + i}, StudentRefs: []string{fmt.Sprintf("ls-%d", i)},
		Guardian: diary.Guardian{ExtID: fmt.Sprintf("lg-%d", i), Name: diary.Name{Last: "Родителева", First: "Ольга"},
			Kind: diary.Parent, Phone: loadPhone(i), Email: loadEmail(i)}}
}

// loadEmail is the email address of the i-th guardian: one in fifty has one.
func loadEmail(i int) string {
	if i%50 != 7 {
		return ""
	}
	return fmt.Sprintf("parent%d@mail.test", i)
}

// loadPhone is the phone of the i-th guardian.
func loadPhone(i int) string { return fmt.Sprintf("+7950%07d", i) }

// broadcast is an announcement to n guardians, each linked to a chat that
// exists in the emulator and has started the bot.
type broadcast struct {
	db        loadDB
	dsn       string
	school    int64
	guardians []int64
	chats     []int64
}

// newBroadcast makes the load school of n in a fresh store of kind, links
// its guardians to synthetic chats and adds those users to the emulator.
func newBroadcast(t testing.TB, kind string, n int, emu *telegramtest.Server) *broadcast {
	t.Helper()
	db, dsn := openStore(t, kind)
	return newBroadcastIn(t, db, dsn, n, emu)
}

// newBroadcastIn is newBroadcast in the migrated store db at dsn.
func newBroadcastIn(t testing.TB, db loadDB, dsn string, n int, emu *telegramtest.Server) *broadcast {
	t.Helper()
	ctx := context.Background()
	if _, err := db.Apply(ctx, loadSchool(n), diary.ApplyOptions{}); err != nil {
		t.Fatal(err)
	}
	school, err := db.SchoolByCode(ctx, "load")
	if err == nil {
		_, err = db.LinkSyntheticChats(ctx, school.ID, chatBase, "v1")
	}
	if err != nil {
		t.Fatal(err)
	}
	b := &broadcast{db: db, dsn: dsn, school: school.ID}
	for i := range n {
		b.addGuardian(t, i, emu)
	}
	return b
}

// addGuardian finds the i-th guardian and adds their chat's user to emu.
func (b *broadcast) addGuardian(t testing.TB, i int, emu *telegramtest.Server) {
	t.Helper()
	gs, err := b.db.GuardiansByPhone(context.Background(), loadPhone(i))
	if err != nil || len(gs) != 1 {
		t.Fatalf("guardian %d: %v (%d found)", i, err, len(gs))
	}
	chat := chatBase + gs[0].ID
	if _, err := emu.AddUser(telegramtest.User{ID: chat}); err != nil {
		t.Fatal(err)
	}
	if _, err := emu.Start(chat, ""); err != nil {
		t.Fatal(err)
	}
	b.guardians, b.chats = append(b.guardians, gs[0].ID), append(b.chats, chat)
}

// enqueue enqueues the announcement (urgent: it goes at any hour) and
// returns the notices' ids in the order of the guardians (and chats).
func (b *broadcast) enqueue(t testing.TB) []int64 {
	t.Helper()
	svc, err := notify.New(b.db, notify.Config{})
	if err != nil {
		t.Fatal(err)
	}
	ns := make([]diary.Notice, len(b.guardians))
	for i, g := range b.guardians {
		ns[i] = diary.Notice{Key: fmt.Sprintf("announcement:load:%d", g), Kind: "announcement", SchoolID: b.school,
			Recipient: diary.Recipient{Kind: diary.LinkGuardian, ID: g}, Language: "ru", Urgent: true,
			Subject: "Родительское собрание", HTML: "<b>Собрание</b> в четверг в 18:00", Text: "Собрание в четверг в 18:00"}
	}
	res, err := svc.Enqueue(context.Background(), ns)
	if err != nil {
		t.Fatal(err)
	}
	byGuardian := map[int64]int64{}
	for _, n := range res.New {
		byGuardian[n.Recipient.ID] = n.ID
	}
	ids := make([]int64, len(b.guardians))
	for i, g := range b.guardians {
		ids[i] = byGuardian[g]
	}
	return ids
}

// statuses counts the notices by status as the store has them.
func (b *broadcast) statuses(t testing.TB, ids []int64) map[diary.NoticeStatus]int {
	t.Helper()
	out := map[diary.NoticeStatus]int{}
	for _, id := range ids {
		n, err := b.db.Notice(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		out[n.Status]++
	}
	return out
}

// ctxFor is a context ending after d or with the test.
func ctxFor(t testing.TB, d time.Duration) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), d)
	t.Cleanup(cancel)
	return ctx
}
