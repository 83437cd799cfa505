package main

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/schooldiary/diary/internal/announce"
	"github.com/schooldiary/diary/internal/diary"
)

// announceQueued matches what diaryctl announce prints.
var announceQueued = regexp.MustCompile(`announcement (\d+) queued: получателей / recipients: (\d+), не подключены / not linked: (\d+)`)

// TestAnnounceEnqueues sends to a class and to levels of a demo school
// whose guardians all linked: one notice per guardian with its delivery
// job, the text escaped, the file kept, the record waiting on all of them.
func TestAnnounceEnqueues(t *testing.T) {
	dsn, _ := tempDB(t)
	mustCtl(t, dsn, "demo", "--students", "60", "--until", "2026-10-15", "--chats")
	pdf := filepath.Join(t.TempDir(), "План собрания.pdf")
	if err := os.WriteFile(pdf, []byte("%PDF-1.4 plan"), 0o600); err != nil {
		t.Fatal(err)
	}
	id, n, unreachable := queued(t, mustCtl(t, dsn, "announce", "--school", "demo-1", "--class", "7а",
		"--text", "Собрание <родителей> & учителей в 18:00", "--file", pdf))
	if n == 0 || unreachable != 0 {
		t.Fatalf("recipients %d, not linked %d; want some and none (demo --chats links every guardian)", n, unreachable)
	}
	db := openDB(t, dsn)
	ctx := context.Background()
	adb := db.(announceReader)
	a, err := adb.Announcement(ctx, id)
	if err != nil || a.Counts != (diary.AnnounceCounts{Waiting: n}) || a.File.Name != "План собрания.pdf" {
		t.Fatalf("announcement = %+v, %v; want %d waiting with its file", a, err, n)
	}
	notice, err := adb.Notice(ctx, 1)
	if err != nil || notice.Kind != diary.NoticeAnnouncement || notice.Urgent ||
		!strings.Contains(notice.HTML, "Собрание &lt;родителей&gt; &amp; учителей") || len(notice.Files) != 1 {
		t.Errorf("first notice = %+v, %v; want an announcement, escaped, with the file", notice, err)
	}
	if jobs := countRows(t, db, `SELECT count(*) FROM river_job WHERE kind = 'notice_deliver'`); jobs != n {
		t.Errorf("delivery jobs = %d, want one per notice (%d)", jobs, n)
	}
	_, all, _ := queued(t, mustCtl(t, dsn, "announce", "--school", "demo-1", "--level", "5-9", "--text", "Каникулы"))
	if all < n || countRows(t, db, `SELECT count(*) FROM notices`) != n+all {
		t.Errorf("levels 5–9 reached %d (class 7А %d); notices %d", all, n, countRows(t, db, `SELECT count(*) FROM notices`))
	}
}

// announceReader is a store that also reads announcements back.
type announceReader interface {
	announceDB
	Announcement(ctx context.Context, id int64) (diary.Announcement, error)
}

// queued reads the id, recipients and unreachable families diaryctl printed.
func queued(t *testing.T, out string) (id int64, n, unreachable int) {
	t.Helper()
	m := announceQueued.FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("announce printed:\n%s", out)
	}
	id, _ = strconv.ParseInt(m[1], 10, 64)
	n, _ = strconv.Atoi(m[2])
	unreachable, _ = strconv.Atoi(m[3])
	return id, n, unreachable
}

// countRows runs a count on the SQLite store's own connection.
func countRows(t *testing.T, db any, query string) int {
	t.Helper()
	w, ok := db.(interface{ WritePool() *sql.DB })
	if !ok {
		t.Fatalf("%T is not the SQLite store", db)
	}
	var n int
	if err := w.WritePool().QueryRow(query).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

// TestAnnounceRefuses says in Russian first what is wrong, and enqueues
// nothing.
func TestAnnounceRefuses(t *testing.T) {
	dsn, _ := tempDB(t)
	mustCtl(t, dsn, "demo", "--students", "30", "--until", "2026-10-15", "--chats")
	dir := t.TempDir()
	big := filepath.Join(dir, "big.pdf")
	if err := os.WriteFile(big, make([]byte, announce.MaxFile+1), 0o600); err != nil {
		t.Fatal(err)
	}
	doc := filepath.Join(dir, "notes.docx")
	if err := os.WriteFile(doc, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"unknown class", []string{"--class", "5Я", "--text", "x"}, "нет класса «5Я»"},
		{"missing file", []string{"--text", "x", "--file", filepath.Join(dir, "нет.pdf")}, "Файла «"},
		{"too large a file", []string{"--text", "x", "--file", big}, "Файл больше 10 МБ"},
		{"a kind of file not carried", []string{"--text", "x", "--file", doc}, "нельзя приложить"},
		{"empty text", []string{"--class", "7А", "--text", "  "}, "Текст объявления пуст"},
		{"too long a text", []string{"--text", strings.Repeat("я", announce.MaxText+1)}, "длиннее 3500 знаков"},
		{"bad level", []string{"--level", "12", "--text", "x"}, "--level «12» не понят"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := ctl(t, dsn, append([]string{"announce", "--school", "demo-1"}, tt.args...)...)
			if err == nil || !strings.Contains(strings.SplitN(err.Error(), "\n", 2)[0], tt.want) {
				t.Errorf("err = %v, want a sentence with %q", err, tt.want)
			}
		})
	}
	if n := countRows(t, openDB(t, dsn), `SELECT count(*) FROM notices`); n != 0 {
		t.Errorf("refused announcements enqueued %d notices", n)
	}
}
