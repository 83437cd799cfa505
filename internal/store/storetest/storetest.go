// Package storetest is the contract suite every diary.Store must pass, with
// the fixtures and the settable clock other tests may reuse. Both the SQLite
// and the PostgreSQL stores run it from their own tests:
//
//	func TestContract(t *testing.T) {
//		storetest.Run(t, func(t *testing.T, now func() time.Time) diary.Store {
//			db := openMigrated(t, now) // fresh, migrated, empty
//			return db
//		})
//	}
package storetest

import (
	"sync"
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/diary"
)

// Start is the instant every subtest's clock starts at: 09:30:00.1234564 in
// Moscow on 5 October 2026. Its nanoseconds below the microsecond are under
// one half, so stores keeping microseconds agree whether they round or truncate.
var Start = time.Date(2026, time.October, 5, 6, 30, 0, 123456400, time.UTC)

// Clock is a settable clock for stores and domain functions; safe for
// concurrent use.
type Clock struct {
	mu  sync.Mutex
	now time.Time
}

// NewClock returns a clock reading t until moved.
func NewClock(t time.Time) *Clock { return &Clock{now: t} }

// Now returns the clock's time.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// Advance moves the clock by d.
func (c *Clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// Set moves the clock to t.
func (c *Clock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = t
}

// contractTest is one subtest of the suite.
type contractTest struct {
	name string
	fn   func(t *testing.T, f *fixture)
}

// fixture is what a subtest works with: its store and its clock.
type fixture struct {
	s     diary.Store
	clock *Clock
}

// Run runs every contract test against stores made by open; each subtest gets
// a fresh, migrated, empty store and a clock starting at Start. open may
// register cleanups with t (dropping a database, say); Run closes the store
// itself before those run, so open need not close it.
func Run(t *testing.T, open func(t *testing.T, now func() time.Time) diary.Store) {
	t.Helper()
	for _, tc := range allTests() {
		t.Run(tc.name, func(t *testing.T) {
			clock := NewClock(Start)
			s := open(t, clock.Now)
			t.Cleanup(func() {
				if err := s.Close(); err != nil {
					t.Errorf("close store: %v", err)
				}
			})
			tc.fn(t, &fixture{s: s, clock: clock})
		})
	}
}

// allTests lists the suite, grouped by the file that holds each group.
func allTests() []contractTest {
	var all []contractTest
	for _, group := range [][]contractTest{
		applyTests(), applyPeopleTests(), validationTests(), aggregateTests(),
		schoolReadTests(), rosterReadTests(), orderReadTests(), journalReadTests(), diaryReadTests(),
		errorTests(), portErrorTests(), portBatchTests(), tokenTests(), timeTests(), identityTests(),
		reperiodTests(), consistencyTests(), deleteTests(), notifyTests(), brokenTests(), staffHomeTests(),
		noticeTests(), noticeStatsTests(), timetableTests(), announceTests(),
	} {
		all = append(all, group...)
	}
	return all
}
