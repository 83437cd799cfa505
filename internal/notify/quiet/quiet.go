// Package quiet decides when a notice may go: not at night and not on
// Sunday in the school's time zone, unless it is urgent.
package quiet

import "time"

// Hours are quiet hours: from From to To (minutes after local midnight;
// From > To wraps past midnight) every day, and all Sunday when Sunday.
type Hours struct {
	From, To int
	Sunday   bool
}

// Default are the regulation's quiet hours: 21:00–08:00 and all Sunday.
var Default = Hours{From: 21 * 60, To: 8 * 60, Sunday: true}

// Next returns when a notice due at at may go in the zone loc: at itself
// when it is urgent or at is outside the quiet hours, otherwise the moment
// they end (a Saturday night ends on Monday at To).
func (h Hours) Next(at time.Time, loc *time.Location, urgent bool) time.Time {
	if urgent || h.From == h.To && !h.Sunday {
		return at
	}
	for range 3 { // a quiet evening, then Sunday, then it is over
		end, quiet := h.quietEnd(at.In(loc))
		if !quiet {
			return at
		}
		at = end
	}
	return at
}

// quietEnd reports whether the local time t is quiet and, if so, when that
// stretch of quiet ends.
func (h Hours) quietEnd(t time.Time) (time.Time, bool) {
	y, m, d := t.Date()
	minute := t.Hour()*60 + t.Minute()
	switch {
	case h.Sunday && t.Weekday() == time.Sunday:
		return h.at(y, m, d+1, t.Location()), true
	case h.From == h.To:
		return t, false
	case h.From > h.To && minute >= h.From:
		return h.at(y, m, d+1, t.Location()), true
	case h.From > h.To && minute < h.To, h.From < h.To && minute >= h.From && minute < h.To:
		return h.at(y, m, d, t.Location()), true
	}
	return t, false
}

// at returns the end of quiet hours (To) on the given local day.
func (h Hours) at(y int, m time.Month, d int, loc *time.Location) time.Time {
	return time.Date(y, m, d, h.To/60, h.To%60, 0, 0, loc)
}
