package loadtest_test

import (
	"context"
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/notify/email/catcher"
	"github.com/schooldiary/diary/internal/telegramtest"
)

// The guardians who blocked the bot before the broadcast: 7 and 57 have an
// email address (loadEmail), 8 and 58 have none.
var (
	blockedWithEmail = []int{7, 57}
	blockedNoEmail   = []int{8, 58}
)

// retryAfter is the 429's retry_after in the faults test.
const retryAfter = 2 * time.Second

// TestBroadcastFaults: during a broadcast of 150 notices the emulator
// answers one send with 429 (retry_after 2 s), three with 502 and drops the
// connection of two, and four recipients have blocked the bot. After the
// 429 nothing arrives for retry_after; the 5xx and dropped sends are
// retried and go; a blocked chat is marked so, and its notice goes by email
// where the guardian has an address (to the SMTP catcher), else fails with
// the reason. No chat gets a message twice.
func TestBroadcastFaults(t *testing.T) {
	for _, kind := range []string{"sqlite", "postgres"} {
		t.Run(kind, func(t *testing.T) {
			t.Parallel()
			f := newFront(t)
			b := newBroadcast(t, kind, smallN, f.emu)
			ids := b.enqueue(t)
			mail := startCatcher(t)
			for _, i := range append(slices.Clone(blockedWithEmail), blockedNoEmail...) {
				if err := f.emu.Block(b.chats[i]); err != nil {
					t.Fatal(err)
				}
			}
			w := newWatch()
			startSender(t, senderOpts{dsn: b.dsn, api: f.url, token: f.emu.Token(), rate: smallRate, smtp: mail.URL()}, w)
			ctx := ctxFor(t, 2*time.Minute)
			injectFaults(t, ctx, f)
			w.waitDone(t, ctx, ids)
			checkFaults(t, f, b, ids, mail)
		})
	}
}

// startCatcher starts an SMTP catcher, closed with the test.
func startCatcher(t *testing.T) *catcher.Catcher {
	t.Helper()
	c, err := catcher.Start("127.0.0.1:0", catcher.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Close() })
	return c
}

// injectFaults makes the emulator refuse sends as the broadcast goes: a 429
// after 30 messages (checking that nothing arrives for its retry_after),
// three 502 after 60, two dropped connections after 90.
func injectFaults(t *testing.T, ctx context.Context, f *front) {
	t.Helper()
	f.waitArrived(t, ctx, 30)
	f.emu.Fail("sendMessage", telegramtest.Fault{Status: http.StatusTooManyRequests, RetryAfter: 2, Times: 1})
	refused := f.waitRefused(t, ctx)
	f.waitArrived(t, ctx, 60)
	// A send past the limiter when the 429 came may still arrive just after it.
	if n := f.arrivedBetween(refused.Add(200*time.Millisecond), refused.Add(retryAfter-100*time.Millisecond)); n > 0 {
		t.Errorf("%d messages arrived within the 429's retry_after", n)
	}
	f.emu.Fail("sendMessage", telegramtest.Fault{Status: http.StatusBadGateway, Times: 3})
	f.waitArrived(t, ctx, 90)
	f.emu.Fail("sendMessage", telegramtest.Fault{Drop: true, Times: 2})
}

// checkFaults checks the outcome: every chat that did not block the bot
// got its message once; the blocked ones are marked, and their notices
// went by email or failed with the reason; the faults were all met.
func checkFaults(t *testing.T, f *front, b *broadcast, ids []int64, mail *catcher.Catcher) {
	t.Helper()
	if got := f.emu.Failed("sendMessage"); got != 1+3+2 {
		t.Errorf("the emulator failed %d sends, want 6 (429, three 502, two dropped)", got)
	}
	end := f.tally(b.chats)
	t.Logf("%d arrived, %d chats without a message, %d twice; answers %v", len(end.arrived), end.lost, end.duplicates, end.statuses)
	if end.lost != 4 || end.duplicates != 0 {
		t.Errorf("%d chats got nothing and %d a message twice, want the 4 blocked ones and none", end.lost, end.duplicates)
	}
	want := map[diary.NoticeStatus]int{diary.NoticeSent: smallN - 4, diary.NoticeSentEmail: 2, diary.NoticeFailed: 2}
	if got := b.statuses(t, ids); !mapsEqual(got, want) {
		t.Errorf("notices by status: %v, want %v", got, want)
	}
	checkBlocked(t, b, ids, mail)
	checkRetried(t, b, ids)
}

// checkBlocked checks the blocked recipients: chats marked, email sent to
// those with an address, the others failed with the reason.
func checkBlocked(t *testing.T, b *broadcast, ids []int64, mail *catcher.Catcher) {
	t.Helper()
	ctx := context.Background()
	for _, i := range blockedWithEmail {
		if got := mail.Inbox(loadEmail(i)); len(got) != 1 || got[0].Subject != "Родительское собрание" {
			t.Errorf("guardian %d: %d emails, want one «Родительское собрание»", i, len(got))
		}
	}
	for _, i := range append(slices.Clone(blockedWithEmail), blockedNoEmail...) {
		if c, err := b.db.ChatByID(ctx, b.chats[i]); err != nil || c.BlockedAt.IsZero() {
			t.Errorf("chat of guardian %d: %v, blocked at %v; want it marked blocked", i, err, c.BlockedAt)
		}
	}
	for _, i := range blockedNoEmail {
		n, err := b.db.Notice(ctx, ids[i])
		if err != nil || n.Status != diary.NoticeFailed || n.LastError != "получатель заблокировал бота, а адреса электронной почты нет" {
			t.Errorf("notice of guardian %d: %v %s %q, want failed with the reason", i, err, n.Status, n.LastError)
		}
	}
}

// checkRetried checks the histories: one notice snoozed by the 429, five
// retried after a 502 or a dropped connection.
func checkRetried(t *testing.T, b *broadcast, ids []int64) {
	t.Helper()
	count := map[string]int{}
	for _, id := range ids {
		evs, err := b.db.NoticeEvents(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		for _, ev := range evs {
			count[ev.Status]++
		}
	}
	if count["snoozed"] != 1 || count["retry"] != 5 {
		t.Errorf("history events %v, want 1 snoozed and 5 retry", count)
	}
}

// mapsEqual reports whether two counts are the same.
func mapsEqual(a, b map[diary.NoticeStatus]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}
