package views

import (
	"strconv"
	"strings"
	"time"

	"github.com/schooldiary/diary/internal/diary"
)

// Encode writes a as a short string without its student, who is the
// caller's to keep: the view, then the set fields, ':'-separated —
// "grades", "subject:p7:j3", "homework:tomorrow", "timetable:week:d2026-09-14",
// "news:t1760950800" (Since in Unix seconds).
func Encode(a Action) string {
	parts := []string{string(a.View)}
	if a.Span != "" {
		parts = append(parts, a.Span)
	}
	if a.PeriodID != 0 {
		parts = append(parts, "p"+strconv.FormatInt(a.PeriodID, 10))
	}
	if a.SubjectID != 0 {
		parts = append(parts, "j"+strconv.FormatInt(a.SubjectID, 10))
	}
	if !a.Day.IsZero() {
		parts = append(parts, "d"+a.Day.String())
	}
	if !a.Since.IsZero() {
		parts = append(parts, "t"+strconv.FormatInt(a.Since.Unix(), 10))
	}
	return strings.Join(parts, ":")
}

// Decode reads what Encode wrote, as an Action about student studentID.
// Anything else (an unknown view or span, a bad id or date, a field twice)
// is an *diary.Error with EInvalid: button data may be forged.
func Decode(s string, studentID int64) (Action, error) {
	parts := strings.Split(s, ":")
	a := Action{View: ViewKind(parts[0]), StudentID: studentID}
	if _, ok := renderers[a.View]; !ok {
		return Action{}, diary.Errorf(diary.EInvalid, "views: unknown view in %q", s)
	}
	seen := map[byte]bool{}
	for _, p := range parts[1:] {
		if p == "" || seen[field(p)] {
			return Action{}, diary.Errorf(diary.EInvalid, "views: bad action %q", s)
		}
		seen[field(p)] = true
		if err := a.set(p); err != nil {
			return Action{}, diary.Errorf(diary.EInvalid, "views: bad action %q: %v", s, err)
		}
	}
	return a, nil
}

// field names the field an encoded part sets: 's' for a span, else its
// first letter.
func field(p string) byte {
	if isSpan(p) {
		return 's'
	}
	return p[0]
}

// isSpan reports whether p is a span.
func isSpan(p string) bool {
	return p == SpanToday || p == SpanTomorrow || p == SpanWeek || p == SpanDates
}

// set reads one field of an encoded action into a.
func (a *Action) set(p string) error {
	switch {
	case isSpan(p):
		a.Span = p
		return nil
	case p[0] == 'p':
		return parseID(p[1:], &a.PeriodID)
	case p[0] == 'j':
		return parseID(p[1:], &a.SubjectID)
	case p[0] == 'd':
		d, err := diary.ParseDate(p[1:])
		a.Day = d
		return err
	case p[0] == 't':
		var unix int64
		err := parseID(p[1:], &unix)
		a.Since = time.Unix(unix, 0).UTC()
		return err
	}
	return strconv.ErrSyntax
}

// parseID reads a positive decimal id.
func parseID(s string, id *int64) error {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 || strconv.FormatInt(n, 10) != s {
		return strconv.ErrSyntax
	}
	*id = n
	return nil
}
