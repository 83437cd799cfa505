package loadtest_test

import (
	"strconv"
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/cluster/clustertest"
	"github.com/schooldiary/diary/internal/testenv"
)

// TestRedisRestartMidBroadcast: two senders on PostgreSQL share the
// limiter in a throwaway Redis, which is killed when 50 of 150 notices
// have arrived and started again 2 s later. While it is down no message
// leaves (beyond one already past the limiter); afterwards the senders
// resume, and no sliding second has more than the rate leaving them. Every
// notice ends sent, none twice.
func TestRedisRestartMidBroadcast(t *testing.T) {
	port := testenv.FreePort(t)
	stopRedis := testenv.StartRedisServer(t, port)
	f := newFront(t)
	b := newBroadcast(t, "postgres", smallN, f.emu)
	ids := b.enqueue(t)
	o := senderOpts{dsn: b.dsn, api: f.url, token: f.emu.Token(), rate: smallRate,
		redis: "redis://127.0.0.1:" + strconv.Itoa(port) + "/0", prefix: "restart:"}
	w := newWatch()
	for range 2 {
		startSender(t, o, w)
	}
	ctx := ctxFor(t, 2*time.Minute)
	f.waitArrived(t, ctx, 50)
	seen := w.warnings()
	stopRedis()
	down := time.Now()
	w.waitWarned(t, ctx, seen) // down until a sender found the limiter gone
	testenv.StartRedisServer(t, port)
	up := time.Now()
	w.waitDone(t, ctx, ids)
	end := f.tally(b.chats)
	checkOutage(t, w.left.Times(), down, up, 1)
	checkBroadcast(t, b, ids, end, 0)
}

// TestPostgresRestartMidBroadcast: a sender delivers 150 notices from a
// throwaway PostgreSQL, which is stopped (pg_ctl stop -m fast) when 50 have
// arrived and started again 2 s later. The sender carries on: every notice
// ends sent; one is sent twice only if its send was under way when the
// database went and its record still failed when its job's time (8 s here)
// was up, so that River rescued the job; no sliding second has more than
// the rate leaving the sender.
func TestPostgresRestartMidBroadcast(t *testing.T) {
	pg := newPG(t)
	f := newFront(t)
	b := newBroadcastIn(t, openURL(t, pg.url()), pg.url(), smallN, f.emu)
	ids := b.enqueue(t)
	o := senderOpts{dsn: b.dsn, api: f.url, token: f.emu.Token(), rate: smallRate,
		jobTimeout: 8 * time.Second, rescueAfter: 9 * time.Second}
	w := newWatch()
	startSender(t, o, w)
	ctx := ctxFor(t, 3*time.Minute)
	f.waitArrived(t, ctx, 50)
	seen := w.warnings()
	pg.stop(t)
	down := time.Now()
	w.waitWarned(t, ctx, seen) // down until a sender found the database gone
	pg.start(t)
	up := time.Now()
	w.waitDone(t, ctx, ids)
	checkOutage(t, w.left.Times(), down, up, workers)
	checkBroadcast(t, b, ids, f.tally(b.chats), workers)
}

// checkOutage checks the instants messages left the senders around an
// outage from down to up: at most inFlight while it lasted (sends already
// past the limiter), and never more than the rate in a sliding second.
func checkOutage(t *testing.T, left []time.Time, down, up time.Time, inFlight int) {
	t.Helper()
	during, after := 0, 0
	for _, at := range left {
		switch {
		case at.After(down) && at.Before(up):
			during++
		case !at.Before(up):
			after++
		}
	}
	t.Logf("%d messages left during the %v outage, %d after it; most in one sliding second: %d",
		during, up.Sub(down).Round(time.Millisecond), after, clustertest.MaxInWindow(left, time.Second))
	if during > inFlight {
		t.Errorf("%d messages left while the service was down, want at most %d", during, inFlight)
	}
	if after == 0 {
		t.Error("no message left after the service came back")
	}
	if most := clustertest.MaxInWindow(left, time.Second); most > smallRate {
		t.Errorf("%d messages left the senders in one sliding second, want at most %d", most, smallRate)
	}
}

// checkBroadcast checks that nothing was lost, at most dups sent twice,
// nothing refused, and every notice is sent in the store.
func checkBroadcast(t *testing.T, b *broadcast, ids []int64, end tally, dups int) {
	t.Helper()
	t.Logf("%d arrived, %d lost, %d twice, %d refused with 429; answers %v",
		len(end.arrived), end.lost, end.duplicates, end.refused, end.statuses)
	if end.lost != 0 {
		t.Errorf("%d chats got nothing", end.lost)
	}
	if end.duplicates > dups {
		t.Errorf("%d messages sent twice, want at most %d", end.duplicates, dups)
	}
	if end.refused != 0 {
		t.Errorf("%d sends refused with 429", end.refused)
	}
	checkSent(t, b, ids)
}
