package notify_test

import (
	"slices"
	"testing"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/notify"
	"github.com/schooldiary/diary/internal/store/storetest"
)

// A kind the chat switched off after the notice was enqueued is not sent:
// the notice says why and its job completes; a required kind goes anyway.
func TestDeliverRespectsChoices(t *testing.T) {
	for _, kind := range kinds {
		t.Run(kind, func(t *testing.T) {
			t.Parallel()
			switchedOffAtSendTime(t, openEnv(t, kind))
		})
	}
}

// switchedOffAtSendTime enqueues before the service starts, then switches
// every kind off: the choice at send time is what counts.
func switchedOffAtSendTime(t *testing.T, e *env) {
	chat := e.link(t, storetest.PhoneBelova, userBelova)
	off := e.notice(t, "k-reminder", storetest.GuardianBelova)
	off.Kind = string(diary.NotifyVisitReminder)
	required := e.notice(t, "k-expected", storetest.GuardianBelova)
	required.Kind = string(diary.NotifyExpectedGrade)
	res := e.enqueue(t, off, required)
	must(t, e.db.SetNotifyChoice(t.Context(), chat, diary.NotifyAll, false))
	e.start(t)
	ends := e.finals(t, res.New[0].ID, res.New[1].ID) // both jobs run at once: wait for both together
	if st := ends[res.New[0].ID].Job.State; st != rivertype.JobStateCompleted {
		t.Errorf("job of a switched-off kind ended %s, want completed", st)
	}
	got, _ := e.tg.delivered()
	if len(got) != 1 || got[0].M.HTML != required.HTML {
		t.Errorf("telegram got %+v, want only the required notice", got)
	}
	wantStatus(t, e.stored(t, res.New[0].ID), diary.NoticeFailed, "", notify.ReasonSwitchedOff)
	wantHistory(t, e, res.New[0].ID, "queued", "skipped")
	wantStatus(t, e.stored(t, res.New[1].ID), diary.NoticeSent, "telegram", "")
}

// A chat that chose email gets its notices by email, not in the chat.
func TestDeliverPreferEmail(t *testing.T) {
	eachStore(t, func(t *testing.T, e *env) {
		chat := e.link(t, storetest.PhoneBelova, userBelova)
		must(t, e.db.SetNotifyChannel(t.Context(), chat, diary.ChannelEmail, "papa@mail.test"))
		res := e.enqueue(t, e.notice(t, "k-1", storetest.GuardianBelova))
		e.final(t, res.New[0].ID)
		if _, calls := e.tg.delivered(); calls != 0 {
			t.Errorf("telegram called %d times, want none", calls)
		}
		mail, _ := e.mail.delivered()
		if len(mail) != 1 || mail[0].To.To != "papa@mail.test" {
			t.Errorf("email got %+v, want the notice to papa@mail.test", mail)
		}
		wantStatus(t, e.stored(t, res.New[0].ID), diary.NoticeSentEmail, "email", "")
	})
}

// finals waits for the jobs of every notice in ids to end, in any order,
// and returns their last events by notice, failing after a minute.
func (e *env) finals(t *testing.T, ids ...int64) map[int64]*river.Event {
	t.Helper()
	got := map[int64]*river.Event{}
	timeout := time.NewTimer(time.Minute)
	defer timeout.Stop()
	for len(got) < len(ids) {
		select {
		case ev := <-e.events:
			if ev.Job != nil && slices.Contains(ids, jobNotice(t, ev.Job)) && finalState(ev.Job.State) {
				got[jobNotice(t, ev.Job)] = ev
			}
		case <-timeout.C:
			t.Fatalf("notices %v: only %d jobs ended within a minute", ids, len(got))
		}
	}
	return got
}

// must fails the test on an error.
func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
