package notify_test

import (
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/riverqueue/river/rivertype"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/notify"
	"github.com/schooldiary/diary/internal/store/storetest"
)

// Telegram user ids of the test guardians.
const (
	userBelova   = 7001
	userSmirnova = 7002
)

// eachStore runs fn on a fresh environment of every store, in parallel.
func eachStore(t *testing.T, fn func(t *testing.T, e *env)) {
	for _, kind := range kinds {
		t.Run(kind, func(t *testing.T) {
			t.Parallel()
			fn(t, newEnv(t, kind))
		})
	}
}

// wantHistory checks the statuses of a notice's history.
func wantHistory(t *testing.T, e *env, id int64, want ...string) {
	t.Helper()
	if got := e.history(t, id); !slices.Equal(got, want) {
		t.Errorf("history = %q, want %q", got, want)
	}
}

// wantStatus checks a notice's status, channel and last error.
func wantStatus(t *testing.T, n diary.Notice, status diary.NoticeStatus, channel, lastError string) {
	t.Helper()
	if n.Status != status || n.Channel != channel || n.LastError != lastError {
		t.Errorf("notice = %s by %q (%q), want %s by %q (%q)", n.Status, n.Channel, n.LastError, status, channel, lastError)
	}
}

// A notice goes to the recipient's chat with its text and file, once, and
// its history says so; the same key again is a duplicate, never a second
// message.
func TestDeliverSent(t *testing.T) {
	eachStore(t, func(t *testing.T, e *env) {
		chat := e.link(t, storetest.PhoneBelova, userBelova)
		n := e.notice(t, "k-1", storetest.GuardianBelova)
		n.Files = []diary.NoticeFile{{Name: "Табель.pdf", MIME: "application/pdf", Data: []byte("%PDF-1.4")}}
		res := e.enqueue(t, n)
		if len(res.New) != 1 || res.New[0].Status != diary.NoticeQueued {
			t.Fatalf("enqueue = %+v, want one queued", res)
		}
		if again := e.enqueue(t, n); len(again.New) != 0 || !slices.Equal(again.Duplicates, []string{"k-1"}) {
			t.Errorf("enqueue again = %+v, want k-1 a duplicate", again)
		}
		id := res.New[0].ID
		if ev := e.final(t, id); ev.Job.State != rivertype.JobStateCompleted {
			t.Fatalf("job ended %s, want completed", ev.Job.State)
		}
		got, calls := e.tg.delivered()
		if calls != 1 || len(got) != 1 || got[0].To.To != fmt.Sprint(chat) || got[0].M.HTML != n.HTML ||
			len(got[0].M.Files) != 1 || string(got[0].M.Files[0].Data) != "%PDF-1.4" {
			t.Errorf("telegram got %d calls: %+v, want the notice once in chat %d", calls, got, chat)
		}
		s := e.stored(t, id)
		wantStatus(t, s, diary.NoticeSent, "telegram", "")
		if s.SentAt.IsZero() || s.Attempts != 1 {
			t.Errorf("sent at %v after %d attempts, want a time and 1", s.SentAt, s.Attempts)
		}
		wantHistory(t, e, id, "queued", "sent")
	})
}

// At night the notice is held, its job scheduled for 08:00 school time;
// when the clock gets there it goes. An urgent one goes at once.
func TestDeliverQuietHours(t *testing.T) {
	eachStore(t, func(t *testing.T, e *env) {
		e.link(t, storetest.PhoneBelova, userBelova)
		evening := nextDay(12, 0).Add(9*time.Hour + 30*time.Minute) // 21:30
		e.clock.Jump(t, evening)
		urgent := e.notice(t, "k-urgent", storetest.GuardianBelova)
		urgent.Urgent = true
		res := e.enqueue(t, e.notice(t, "k-held", storetest.GuardianBelova), urgent)
		held, morning := res.New[0], time.Date(evening.Year(), evening.Month(), evening.Day()+1, 8, 0, 0, 0, moscow)
		if held.Status != diary.NoticeHeld || !held.NotBefore.Equal(morning) || res.New[1].Status != diary.NoticeQueued {
			t.Fatalf("enqueued %s until %s and urgent %s, want held until %s and queued", held.Status, held.NotBefore, res.New[1].Status, morning)
		}
		e.final(t, res.New[1].ID)
		if _, calls := e.tg.delivered(); calls != 1 {
			t.Fatalf("after the urgent one: %d sends, want 1 (the held one waits)", calls)
		}
		e.clock.Jump(t, morning.Add(time.Second))
		ev := e.final(t, held.ID)
		if !ev.Job.ScheduledAt.Equal(morning) || ev.Job.AttemptedAt.Before(morning) {
			t.Errorf("job scheduled at %s, attempted at %s; want both at or after %s", ev.Job.ScheduledAt, ev.Job.AttemptedAt, morning)
		}
		wantStatus(t, e.stored(t, held.ID), diary.NoticeSent, "telegram", "")
		wantHistory(t, e, held.ID, "held", "sent")
	})
}

// A chat that blocked the bot is marked so and the notice goes by email
// where there is an address; without one it fails with the reason.
func TestDeliverBlocked(t *testing.T) {
	eachStore(t, func(t *testing.T, e *env) {
		chat := e.link(t, storetest.PhoneBelova, userBelova)
		e.link(t, storetest.PhoneSmirnova, userSmirnova)
		e.tg.failWith(fmt.Errorf("403: %w", notify.ErrBlocked), fmt.Errorf("403: %w", notify.ErrBlocked))
		res := e.enqueue(t, e.notice(t, "k-belova", storetest.GuardianBelova))
		e.final(t, res.New[0].ID)
		res2 := e.enqueue(t, e.notice(t, "k-smirnova", storetest.GuardianSmirnova))
		if ev := e.final(t, res2.New[0].ID); ev.Job.State != rivertype.JobStateCancelled {
			t.Errorf("job without an address ended %s, want cancelled", ev.Job.State)
		}
		mail, _ := e.mail.delivered()
		if len(mail) != 1 || mail[0].To.To != "belova@mail.test" || mail[0].M.Subject != "Родительское собрание" {
			t.Errorf("email got %+v, want the notice to belova@mail.test", mail)
		}
		wantStatus(t, e.stored(t, res.New[0].ID), diary.NoticeSentEmail, "email", "")
		wantHistory(t, e, res.New[0].ID, "queued", "blocked", "sent_email")
		c, err := e.db.ChatByID(t.Context(), chat)
		if err != nil || c.BlockedAt.IsZero() {
			t.Errorf("chat %d: blocked at %v (%v), want marked blocked", chat, c.BlockedAt, err)
		}
		wantStatus(t, e.stored(t, res2.New[0].ID), diary.NoticeFailed, "", "получатель заблокировал бота, а адреса электронной почты нет")
		wantHistory(t, e, res2.New[0].ID, "queued", "blocked", "failed")
	})
}

// A 429 snoozes the job for retry_after, then it goes; an undeliverable
// message fails at once with the reason.
func TestDeliverRetryAfterAndUndeliverable(t *testing.T) {
	eachStore(t, func(t *testing.T, e *env) {
		e.link(t, storetest.PhoneBelova, userBelova)
		e.tg.failWith(&notify.RetryAfterError{After: 300 * time.Millisecond, Err: errors.New("429 Too Many Requests")},
			fmt.Errorf("400 chat not found: %w", notify.ErrUndeliverable))
		res := e.enqueue(t, e.notice(t, "k-1", storetest.GuardianBelova))
		e.final(t, res.New[0].ID)
		wantStatus(t, e.stored(t, res.New[0].ID), diary.NoticeFailed, "", "400 chat not found: notify: undeliverable")
		wantHistory(t, e, res.New[0].ID, "queued", "snoozed", "failed")
		res = e.enqueue(t, e.notice(t, "k-2", storetest.GuardianBelova))
		e.tg.failWith(&notify.RetryAfterError{After: 300 * time.Millisecond, Err: errors.New("429 Too Many Requests")})
		e.final(t, res.New[0].ID)
		wantStatus(t, e.stored(t, res.New[0].ID), diary.NoticeSent, "telegram", "")
		wantHistory(t, e, res.New[0].ID, "queued", "snoozed", "sent")
	})
}

// A transient error (a 502, a time-out) is retried by River until it goes.
func TestDeliverTransient(t *testing.T) {
	eachStore(t, func(t *testing.T, e *env) {
		e.link(t, storetest.PhoneBelova, userBelova)
		e.tg.failWith(errors.New("502 Bad Gateway"), errors.New("i/o timeout"))
		res := e.enqueue(t, e.notice(t, "k-1", storetest.GuardianBelova))
		ev := e.final(t, res.New[0].ID)
		if ev.Job.Attempt != 3 {
			t.Errorf("job attempts = %d, want 3", ev.Job.Attempt)
		}
		got, calls := e.tg.delivered()
		if calls != 3 || len(got) != 1 {
			t.Errorf("telegram: %d calls, %d delivered; want 3 and 1", calls, len(got))
		}
		n := e.stored(t, res.New[0].ID)
		wantStatus(t, n, diary.NoticeSent, "telegram", "")
		if n.Attempts != 3 {
			t.Errorf("notice attempts = %d, want 3", n.Attempts)
		}
		wantHistory(t, e, res.New[0].ID, "queued", "retry", "retry", "sent")
	})
}
