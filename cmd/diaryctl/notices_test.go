package main

import (
	"context"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/schooldiary/diary/internal/diary"
)

// noticeWriter is how the test puts notices into the store.
type noticeWriter interface {
	EnqueueNotices(ctx context.Context, ns []diary.Notice,
		schedule func(ctx context.Context, driverTx any, stored []diary.Notice) error) (diary.EnqueueResult, error)
	RecordNotice(ctx context.Context, id int64, u diary.NoticeUpdate) error
}

// tinyNotices stores three notices to the tiny school's students, whose
// subjects and texts name them: the first failed, the second sent after a
// retry, the third queued. It returns their ids.
func tinyNotices(t *testing.T, dsn string) []int64 {
	t.Helper()
	ctx := context.Background()
	db := openDB(t, dsn)
	s, err := db.SchoolByCode(ctx, "tiny")
	if err != nil {
		t.Fatal(err)
	}
	c, err := db.ClassByName(ctx, s.ID, "5А")
	if err != nil {
		t.Fatal(err)
	}
	st, err := db.StudentsOfClass(ctx, c.ID)
	if err != nil || len(st) != 2 {
		t.Fatalf("students: %v, %v", st, err)
	}
	var ns []diary.Notice
	for i, k := range []string{"announcement", "grade", "announcement"} {
		ns = append(ns, diary.Notice{Key: "k" + string(rune('1'+i)), Kind: k, SchoolID: s.ID,
			Recipient: diary.Recipient{Kind: diary.LinkStudent, ID: st[i%2].ID}, Language: "ru",
			Subject: "Оценка: " + st[i%2].Name.Last, HTML: st[i%2].Name.Last, Text: st[i%2].Name.Last})
	}
	w := db.(noticeWriter)
	var ids []int64
	for _, n := range ns { // one by one: created in this order
		res, err := w.EnqueueNotices(ctx, []diary.Notice{n}, func(context.Context, any, []diary.Notice) error { return nil })
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, res.New[0].ID)
	}
	for _, u := range []struct {
		id int64
		u  diary.NoticeUpdate
	}{
		{ids[0], diary.NoticeUpdate{Status: diary.NoticeFailed, Event: "failed", Detail: "нет ни чата в Telegram, ни адреса электронной почты", Attempt: true}},
		{ids[1], diary.NoticeUpdate{Event: "retry", Detail: "telegram: 502 Bad Gateway", Error: "502 Bad Gateway", Attempt: true}},
		{ids[1], diary.NoticeUpdate{Status: diary.NoticeSent, Event: "sent", Detail: "sent by telegram", Channel: "telegram", Attempt: true}},
	} {
		if err := w.RecordNotice(ctx, u.id, u.u); err != nil {
			t.Fatal(err)
		}
	}
	return ids
}

// rows returns the notice ids of a list's rows, in order.
func rows(out string) []string {
	var ids []string
	for _, m := range regexp.MustCompile(`(?m)^(\d+) `).FindAllStringSubmatch(out, -1) {
		ids = append(ids, m[1])
	}
	return ids
}

// noNames fails when the output names a child.
func noNames(t *testing.T, out string) {
	t.Helper()
	if strings.Contains(out, "Иванов") || strings.Contains(out, "Петрова") || strings.Contains(out, "Оценка:") {
		t.Errorf("the output names a child:\n%s", out)
	}
}

// diaryctl notices lists notices newest first with their recipient kind and
// id, status and last event, filtered; --id shows one with its history;
// children are never named.
func TestNotices(t *testing.T) {
	dsn, _ := tempDB(t)
	importTiny(t, dsn)
	ids := tinyNotices(t, dsn)
	id := func(i int) string { return strconv.FormatInt(ids[i], 10) }
	for _, tc := range []struct {
		name string
		args []string
		want []string
	}{
		{"all", nil, []string{id(2), id(1), id(0)}},
		{"failed", []string{"--status", "failed"}, []string{id(0)}},
		{"grade of tiny", []string{"--kind", "grade", "--school", "tiny"}, []string{id(1)}},
		{"limit", []string{"--limit", "2"}, []string{id(2), id(1)}},
		{"none", []string{"--status", "held"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := mustCtl(t, dsn, append([]string{"notices"}, tc.args...)...)
			if got := rows(out); strings.Join(got, ",") != strings.Join(tc.want, ",") {
				t.Errorf("rows %v, want %v:\n%s", got, tc.want, out)
			}
			noNames(t, out)
		})
	}
	out := mustCtl(t, dsn, "notices", "--status", "failed")
	if !strings.Contains(out, "ученик / student ") || !strings.Contains(out, "failed: нет ни чата в Telegram") {
		t.Errorf("a failed notice's row lacks its recipient or reason:\n%s", out)
	}
}

// --id shows one notice's facts and its whole history, oldest first.
func TestNoticeHistory(t *testing.T) {
	dsn, _ := tempDB(t)
	importTiny(t, dsn)
	ids := tinyNotices(t, dsn)
	out := mustCtl(t, dsn, "notices", "--id", strconv.FormatInt(ids[1], 10))
	noNames(t, out)
	for _, want := range []string{"№ " + strconv.FormatInt(ids[1], 10), "Школа / School", "tiny", "grade",
		"sent (отправлено в мессенджер)", "Попыток / Attempts", "2"} {
		if !strings.Contains(out, want) {
			t.Errorf("notice lacks %q:\n%s", want, out)
		}
	}
	history := regexp.MustCompile(`(?m)^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d  (\S+) +(.*)$`).FindAllStringSubmatch(out, -1)
	var got []string
	for _, h := range history {
		got = append(got, h[1]+": "+h[2])
	}
	want := []string{"queued: queued", "retry: telegram: 502 Bad Gateway", "sent: sent by telegram"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("history %q, want %q:\n%s", got, want, out)
	}
}

// Wrong flags and a missing notice are said in sentences, Russian first; a
// missing database is not created.
func TestNoticesErrors(t *testing.T) {
	dsn, _ := tempDB(t)
	importTiny(t, dsn)
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"status", []string{"--status", "lost"}, "Нет состояния уведомления «lost». Возможные: queued (ждёт отправки), held (отложено на тихие часы), sent (отправлено в мессенджер), sent_email (отправлено письмом), failed (не доставлено).\nNo notice status \"lost\". Valid ones: queued, held, sent, sent_email, failed."},
		{"limit", []string{"--limit", "0"}, "--limit 0: нужно число не меньше 1."},
		{"id", []string{"--id", "999"}, "Уведомления № 999 нет в базе SQLite"},
		{"school", []string{"--school", "nope"}, "Школы с кодом «nope» нет"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := ctl(t, dsn, append([]string{"notices"}, tc.args...)...)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want %q", err, tc.want)
			}
		})
	}
	missing, path := tempDB(t)
	if _, _, err := ctl(t, missing, "notices"); err == nil || !strings.HasPrefix(err.Error(), "Базы нет") {
		t.Errorf("a missing database: err = %v, want «Базы нет»", err)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("diaryctl notices created %s: %v", path, err)
	}
}
