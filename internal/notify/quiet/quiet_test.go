package quiet_test

import (
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/notify/quiet"
)

// msk is the zone of the table's local times.
var msk = mustZone("Europe/Moscow")

// mustZone loads a zone or panics.
func mustZone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// local parses a Moscow time.
func local(t *testing.T, s string) time.Time {
	t.Helper()
	v, err := time.ParseInLocation("2006-01-02 15:04", s, msk)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// nextTests are Next's cases; 2026-10-05 is a Monday, 2026-10-10 a
// Saturday, 2026-10-11 a Sunday.
var nextTests = []struct {
	name   string
	hours  quiet.Hours
	now    string
	urgent bool
	want   string
}{
	{"day goes at once", quiet.Default, "2026-10-05 12:00", false, "2026-10-05 12:00"},
	{"last quiet-free minute", quiet.Default, "2026-10-05 20:59", false, "2026-10-05 20:59"},
	{"evening waits for the morning", quiet.Default, "2026-10-05 21:00", false, "2026-10-06 08:00"},
	{"after midnight waits for the morning", quiet.Default, "2026-10-06 03:15", false, "2026-10-06 08:00"},
	{"eight o'clock goes", quiet.Default, "2026-10-06 08:00", false, "2026-10-06 08:00"},
	{"urgent goes at night", quiet.Default, "2026-10-05 23:30", true, "2026-10-05 23:30"},
	{"Saturday night waits for Monday", quiet.Default, "2026-10-10 22:00", false, "2026-10-12 08:00"},
	{"Sunday noon waits for Monday", quiet.Default, "2026-10-11 12:00", false, "2026-10-12 08:00"},
	{"Sunday urgent goes", quiet.Default, "2026-10-11 12:00", true, "2026-10-11 12:00"},
	{"Sunday allowed", quiet.Hours{From: 21 * 60, To: 8 * 60}, "2026-10-11 12:00", false, "2026-10-11 12:00"},
	{"daytime window", quiet.Hours{From: 13 * 60, To: 14*60 + 30}, "2026-10-05 13:10", false, "2026-10-05 14:30"},
	{"no quiet hours", quiet.Hours{}, "2026-10-11 02:00", false, "2026-10-11 02:00"},
}

func TestNext(t *testing.T) {
	for _, tc := range nextTests {
		t.Run(tc.name, func(t *testing.T) {
			got := tc.hours.Next(local(t, tc.now).UTC(), msk, tc.urgent)
			if want := local(t, tc.want); !got.Equal(want) {
				t.Errorf("Next(%s) = %s, want %s", tc.now, got.In(msk).Format("Mon 2006-01-02 15:04"), want.Format("Mon 2006-01-02 15:04"))
			}
		})
	}
}

// The zone decides: 21:30 in Moscow is 23:30 in Yekaterinburg.
func TestNextZone(t *testing.T) {
	ekb := mustZone("Asia/Yekaterinburg")
	now := time.Date(2026, 10, 5, 18, 30, 0, 0, time.UTC) // 21:30 MSK, 23:30 YEKT
	got := quiet.Default.Next(now, ekb, false)
	if want := time.Date(2026, 10, 6, 8, 0, 0, 0, ekb); !got.Equal(want) {
		t.Errorf("Next = %s, want %s", got, want)
	}
	if got := quiet.Default.Next(now.Add(-2*time.Hour), time.UTC, false); !got.Equal(now.Add(-2 * time.Hour)) {
		t.Errorf("Next at 16:30 UTC = %s, want unchanged", got)
	}
}
