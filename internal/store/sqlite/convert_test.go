package sqlite

import (
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/store/sqlstore"
)

func TestDateText(t *testing.T) {
	tests := []struct {
		name string
		d    diary.Date
		want string
	}{
		{"zero", diary.Date{}, ""},
		{"ordinary", diary.MustDate("2026-09-01"), "2026-09-01"},
		{"leap day", diary.MustDate("2028-02-29"), "2028-02-29"},
		{"year end", diary.MustDate("2026-12-31"), "2026-12-31"},
		{"early year", diary.NewDate(987, time.March, 4), "0987-03-04"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := dateText(tc.d); got != tc.want || got != tc.d.String() {
				t.Errorf("dateText(%v) = %q, want %q (String %q)", tc.d, got, tc.want, tc.d.String())
			}
		})
	}
}

func TestInstantRoundTrip(t *testing.T) {
	msk := time.FixedZone("MSK", 3*3600)
	in := time.Date(2026, 10, 5, 23, 59, 59, 123456789, msk)
	var out time.Time
	if err := (sqlstore.InstantCol{T: &out}).Scan(instantText(in)); err != nil {
		t.Fatal(err)
	}
	if want := in.Truncate(time.Microsecond); !out.Equal(want) || out.Location() != time.UTC {
		t.Errorf("round trip = %v, want %v in UTC", out, want)
	}
	if got, want := instantText(in), "2026-10-05T20:59:59.123456000Z"; got != want {
		t.Errorf("instantText = %q, want %q", got, want)
	}
}
