// Package views renders the diary views of clause 2.3 for one student: grades
// by subject and one subject in detail, attendance, homework, the timetable,
// periods and holidays, and period and final grades. A view is Telegram HTML
// split into messages of at most 4096 UTF-16 code units, with inline buttons
// that carry the Action of the view they open. The package reads the store
// and renders; it knows nothing of Telegram's types, of chats or of who may
// see which student: the caller authorises the student of every Action
// before calling Render, and again on every button press.
package views

import (
	"context"
	"fmt"
	"time"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/i18n"
)

// ViewKind names a view.
type ViewKind string

// The views.
const (
	Grades        ViewKind = "grades"     // every subject of a period
	SubjectDetail ViewKind = "subject"    // one subject of a period, mark by mark
	Attendance    ViewKind = "attendance" // lessons missed in a period
	Homework      ViewKind = "homework"   // homework due today, tomorrow or in a week
	Timetable     ViewKind = "timetable"  // lessons of today, tomorrow or a week
	Periods       ViewKind = "periods"    // the year's periods, vacations and holidays
	Finals        ViewKind = "final"      // period, year, exam and final grades
	Tomorrow      ViewKind = "tomorrow"   // the next school day's lessons with their homework
	News          ViewKind = "news"       // new grades, absences and homework since Action.Since
)

// Spans of the Homework and Timetable views, and SpanDates: the
// Attendance view's list by date.
const (
	SpanToday    = "today"
	SpanTomorrow = "tomorrow"
	SpanWeek     = "week"
	SpanDates    = "dates"
)

// Action says which view to show about which student. Zero fields take
// their defaults: PeriodID the current period (the last finished one in a
// vacation), Span today, Day the day Span names relative to today (for a
// week, the week of Day). Action is small and comparable, and its JSON form
// is short, so the caller can keep it behind a short callback id.
type Action struct {
	View      ViewKind   `json:"v"`
	StudentID int64      `json:"s"`
	PeriodID  int64      `json:"p,omitempty"`
	SubjectID int64      `json:"j,omitempty"`
	Day       diary.Date `json:"d,omitzero"`
	Span      string     `json:"n,omitempty"`
	// Since is the instant the News view counts from: the family's last
	// visit, the caller's to find; a week before today when zero.
	Since time.Time `json:"t,omitzero"`
}

// Button is an inline button: a plain-text label and the view it opens.
type Button struct {
	Label  string
	Action Action
}

// Page is one message of a view: Telegram HTML of at most MaxText UTF-16
// code units, balanced on its own, and its inline keyboard by rows. Only a
// view's last page has buttons.
type Page struct {
	Text    string
	Buttons [][]Button
}

// Render renders view a about student a.StudentID in lang, as of today (the
// date in the school's zone). Errors: diary.ErrNotFound (wrapped) for an
// unknown student, or a period or subject not of the student's school and
// class level; an *diary.Error with EInvalid for an unknown view or span;
// the store's errors otherwise.
func Render(ctx context.Context, st Store, lang i18n.Lang, today diary.Date, a Action) ([]Page, error) {
	render, ok := renderers[a.View]
	if !ok {
		return nil, diary.Errorf(diary.EInvalid, "views: unknown view %q", a.View)
	}
	v, err := load(ctx, st, lang, today, a)
	if err != nil {
		return nil, err
	}
	text, buttons, err := render(v)
	if err != nil {
		return nil, fmt.Errorf("views: %s: %w", a.View, err)
	}
	return paginate(text, buttons), nil
}

// renderers maps each view to the function writing it.
var renderers = map[ViewKind]func(*view) (string, [][]Button, error){
	Grades:        (*view).grades,
	SubjectDetail: (*view).subject,
	Attendance:    (*view).attendance,
	Homework:      (*view).homework,
	Timetable:     (*view).timetable,
	Periods:       (*view).periods,
	Finals:        (*view).finals,
	Tomorrow:      (*view).tomorrow,
	News:          (*view).news,
}

// paginate splits text into pages and puts the buttons under the last one.
func paginate(text string, buttons [][]Button) []Page {
	parts := Split(text, MaxText)
	if len(parts) == 0 {
		parts = []string{"—"}
	}
	pages := make([]Page, len(parts))
	for i, p := range parts {
		pages[i].Text = p
	}
	pages[len(pages)-1].Buttons = buttons
	return pages
}
