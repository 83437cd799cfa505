package main

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/notify"
	"github.com/schooldiary/diary/internal/notify/email/catcher"
	"github.com/schooldiary/diary/internal/notify/notifytest"
	"github.com/schooldiary/diary/internal/store"
	"github.com/schooldiary/diary/internal/telegramtest"
	"github.com/schooldiary/diary/internal/testenv"
)

// parentUser is the Telegram user (and private chat) of the parent Белова.
const parentUser = 7001

// deliveryWait bounds the wait for a notice to arrive.
const deliveryWait = time.Minute

// noticeState describes a notice as stored, for a failure message.
func noticeState(t *testing.T, db store.DB, id int64) string {
	n, err := db.(notify.Store).Notice(t.Context(), id)
	return fmt.Sprintf("notice %d: %s by %q, last error %q (%v)", id, n.Status, n.Channel, n.LastError, err)
}

// waitMail waits for a mail to rcpt whose text contains text.
func waitMail(t *testing.T, c *catcher.Catcher, rcpt, text string) catcher.Mail {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), deliveryWait)
	defer cancel()
	box, err := c.Wait(ctx, rcpt, func(b []catcher.Mail) bool { return mailWith(b, text) >= 0 })
	if err != nil {
		t.Fatalf("no mail with %q: %v; inbox %+v", text, err, box)
	}
	return box[mailWith(box, text)]
}

// mailWith is the index of the mail in box whose text contains text, or -1.
func mailWith(box []catcher.Mail, text string) int {
	for i, m := range box {
		if strings.Contains(m.Text, text) {
			return i
		}
	}
	return -1
}

// The embedded bot delivers a notice enqueued into its store to the chat;
// once the parent blocks the bot, the next notice goes by email.
func TestRunDeliversNotices(t *testing.T) {
	dsn := "sqlite:" + filepath.Join(t.TempDir(), "diary.db")
	db, guardian := notifytest.FamilyStore(t, dsn, parentUser)
	mail, err := catcher.Start("127.0.0.1:0", catcher.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { mail.Close() })
	emu := telegramtest.New(telegramtest.Options{})
	t.Cleanup(emu.Close)
	if _, err := emu.AddUser(telegramtest.User{ID: parentUser, FirstName: "Ирина"}); err != nil {
		t.Fatal(err)
	}
	s := start(t, nil, map[string]string{"DATABASE_URL": dsn, "TELEGRAM_API_URL": emu.URL(),
		"TELEGRAM_BOT_TOKEN": emu.Token(), "SMTP_URL": mail.URL(), "SMTP_FROM": "Школа <noreply@school.test>"})
	s.waitLog(t, "notices: this process sends them (embedded setup, no REDIS_URL)", 1)
	if _, err := emu.Start(parentUser, ""); err != nil { // a bot may write only to who started it
		t.Fatal(err)
	}

	first := notifytest.Enqueue(t, db, guardian, "e2e-1", "Собрание в пятницу")
	ctx, cancel := context.WithTimeout(t.Context(), deliveryWait)
	defer cancel()
	if _, err := emu.WaitChat(ctx, parentUser, hasBotText("Собрание в пятницу")); err != nil {
		t.Fatalf("the notice did not reach the chat: %v; %s\n%s", err, noticeState(t, db, first), s.log)
	}

	if err := emu.Block(parentUser); err != nil {
		t.Fatal(err)
	}
	notifytest.Enqueue(t, db, guardian, "e2e-2", "Экскурсия отменена")
	m := waitMail(t, mail, "belova@mail.test", "Экскурсия отменена")
	if m.Subject != "Объявление" {
		t.Errorf("subject = %q, want «Объявление»", m.Subject)
	}
	if hasBotText("Экскурсия отменена")(emu.Messages(parentUser)) {
		t.Error("the second notice reached the blocked chat")
	}
}

// hasBotText is a WaitChat condition: a bot message containing text.
func hasBotText(text string) func([]telegramtest.Message) bool {
	return func(ms []telegramtest.Message) bool {
		for _, m := range ms {
			if m.FromBot && strings.Contains(m.Text, text) {
				return true
			}
		}
		return false
	}
}

// With REDIS_URL the bot leaves sending to the scheduler and says so: a
// notice in its store stays queued while it runs.
func TestRunWithRedisLeavesSendingToScheduler(t *testing.T) {
	dsn := "sqlite:" + filepath.Join(t.TempDir(), "diary.db")
	db, guardian := notifytest.FamilyStore(t, dsn, parentUser)
	env := withEmulator(t, "", map[string]string{"DATABASE_URL": dsn, "REDIS_URL": testenv.RedisURL(t)})
	s := start(t, nil, env)
	s.waitLog(t, "notices: this process enqueues them; the scheduler sends them (REDIS_URL is set)", 1)
	id := notifytest.Enqueue(t, db, guardian, "redis-1", "Собрание")
	s.waitLog(t, pollingStarted, 1)
	s.stop(t)
	if got := noticeState(t, db, id); !strings.Contains(got, ": queued by") {
		t.Errorf("%s; want it still queued for the scheduler", got)
	}
	if strings.Contains(s.log.String(), "River client started") {
		t.Error("the bot started River's workers beside the scheduler")
	}
}
