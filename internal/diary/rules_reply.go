package diary

import "time"

// ReplyDue returns when a teacher's answer to a parent's message sent at sent
// is due (clause 3.6.5), in UTC. By default (ReplyCalendarDays) it is
// School.ReplyDays (2) days of elapsed time after sent: sent + 48h. With
// ReplySchoolDays it is the same wall-clock time, in the school's zone, on the
// ReplyDays-th school day after the day the message was sent, counted by cal
// for the school as a whole; a wall-clock time a DST change skips moves on by
// the gap, as time.Date does. cal.SchoolDays, when 0, is taken from s.
func ReplyDue(sent time.Time, s School, cal Calendar) time.Time {
	s = s.WithDefaults()
	if s.ReplyRule != ReplySchoolDays {
		return sent.Add(time.Duration(s.ReplyDays) * 24 * time.Hour).UTC()
	}
	if cal.SchoolDays == 0 {
		cal.SchoolDays = s.SchoolDays
	}
	loc := s.Location()
	local := sent.In(loc)
	day := cal.AddSchoolDays(DateOf(local), s.ReplyDays, 0)
	due := time.Date(day.Year, day.Month, day.Day,
		local.Hour(), local.Minute(), local.Second(), local.Nanosecond(), loc)
	return due.UTC()
}
