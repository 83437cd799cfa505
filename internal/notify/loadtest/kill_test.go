package loadtest_test

import (
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/diary"
)

// Sizes of the broadcasts of the normal test run: about 6 s at the rate.
const (
	smallN    = 150
	smallRate = 25
	// workers is how many deliveries a sender runs at once (notify's
	// default): at most that many can be in flight when it is killed.
	workers = 10
)

// quickRescue are the delivery time-outs of the senders in tests that kill
// one: River rescues a job a killed sender left running after 4 s instead
// of 25 s (the new sender still waits up to 15 s to lead River's
// maintenance, the dead one's leadership running out).
func quickRescue(o senderOpts) senderOpts {
	o.jobTimeout, o.rescueAfter = 3*time.Second, 4*time.Second
	return o
}

// TestKillSenderMidBroadcast: a sender delivering 150 notices at rate 25 is
// killed with SIGKILL when half have arrived, and another is started: every
// notice ends sent, and a chat has a message twice only when its notice
// was in flight at the kill: at most as many as the sender's workers.
func TestKillSenderMidBroadcast(t *testing.T) {
	for _, kind := range []string{"sqlite", "postgres"} {
		t.Run(kind, func(t *testing.T) {
			t.Parallel()
			f := newFront(t)
			b := newBroadcast(t, kind, smallN, f.emu)
			ids := b.enqueue(t)
			o := quickRescue(senderOpts{dsn: b.dsn, api: f.url, token: f.emu.Token(), rate: smallRate})
			w := newWatch()
			first := startSender(t, o, w)
			ctx := ctxFor(t, 2*time.Minute)
			f.waitArrived(t, ctx, smallN/2)
			first.kill()
			killedAt, recorded := f.tally(b.chats), w.doneSet()
			startSender(t, o, w)
			w.waitDone(t, ctx, ids)
			checkKilled(t, b, ids, f.tally(b.chats), killedAt)
			checkInFlight(t, f.twice(b.chats), ids, recorded)
		})
	}
}

// checkKilled checks the outcome of a broadcast whose sender was killed.
func checkKilled(t *testing.T, b *broadcast, ids []int64, end, atKill tally) {
	t.Helper()
	t.Logf("%d arrived at the kill; at the end %d arrived, %d lost, %d twice, %d refused with 429",
		len(atKill.arrived), len(end.arrived), end.lost, end.duplicates, end.refused)
	if end.lost != 0 {
		t.Errorf("%d chats got nothing", end.lost)
	}
	if end.duplicates > workers {
		t.Errorf("%d messages sent twice, want at most %d (the deliveries in flight at the kill)", end.duplicates, workers)
	}
	if atKill.duplicates != 0 {
		t.Errorf("%d messages sent twice before the kill", atKill.duplicates)
	}
	checkSent(t, b, ids)
}

// checkInFlight checks that no notice sent twice had been recorded (its job
// ended) before the kill: only those in flight may go again.
func checkInFlight(t *testing.T, twice []int, ids []int64, recorded map[int64]bool) {
	t.Helper()
	for _, i := range twice {
		if recorded[ids[i]] {
			t.Errorf("notice %d was recorded sent before the kill, and sent again after it", ids[i])
		}
	}
}

// checkSent checks that every notice is sent in the store.
func checkSent(t *testing.T, b *broadcast, ids []int64) {
	t.Helper()
	if st := b.statuses(t, ids); st[diary.NoticeSent] != len(ids) {
		t.Errorf("notices by status: %v, want all %d sent", st, len(ids))
	}
}
