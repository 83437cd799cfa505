package bot

import (
	"context"
	"fmt"
	"strings"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/i18n"
	"github.com/schooldiary/diary/internal/views"
)

// Views renders the diary views of one student for an authorised viewer.
// The bot calls it only after authorising the viewer for that student now;
// the pages must hold facts of that student only.
type Views interface {
	// Render returns the pages of action ("grades", "homework:tomorrow",
	// "subject:p7:j3" …: the menu's actions and the Action of any button an
	// earlier page carried) in lang, as of today in the school's zone. An
	// unknown action is an error.
	Render(ctx context.Context, lang i18n.Lang, viewer diary.Viewer, studentID int64, today diary.Date, action string) ([]Page, error)
}

// Page is one message of a view: Telegram HTML, at most 4096 characters,
// with inline buttons under it.
type Page struct {
	Text    string
	Buttons [][]Button
}

// Button is a button of a page: its label and the action it asks for (of
// the same student), which the bot keeps server-side behind a short id.
type Button struct {
	Text   string
	Action string
}

// The actions of the main menu.
const (
	ActionGrades     = "grades"
	ActionAttendance = "attendance"
	ActionHomework   = "homework"
	ActionTimetable  = "timetable"
	ActionPeriods    = "periods"
	ActionFinal      = "final"
	ActionTomorrow   = "tomorrow"
	ActionNews       = "news"
)

// menuViews are the main menu's views with their labels, in menu order.
var menuViews = []struct {
	action string
	label  i18n.Key
}{
	{ActionGrades, i18n.MenuGrades}, {ActionHomework, i18n.MenuHomework},
	{ActionTimetable, i18n.MenuTimetable}, {ActionAttendance, i18n.MenuAttendance},
	{ActionPeriods, i18n.MenuPeriods}, {ActionFinal, i18n.MenuFinal},
	{ActionTomorrow, i18n.MenuTomorrow}, {ActionNews, i18n.MenuNews},
}

// viewName is the name a visit records for action: its part before ':'.
func viewName(action string) string {
	name, _, _ := strings.Cut(action, ":")
	return name
}

// DiaryViews returns the Views of internal/views on the store.
func DiaryViews(st views.Store) Views { return diaryViews{st: st} }

// diaryViews adapts internal/views: actions are its encoded form.
type diaryViews struct{ st views.Store }

// Render implements Views.
func (v diaryViews) Render(ctx context.Context, lang i18n.Lang, _ diary.Viewer, studentID int64, today diary.Date, action string) ([]Page, error) {
	a, err := views.Decode(action, studentID)
	if err != nil {
		return nil, fmt.Errorf("views: %w", err)
	}
	pages, err := views.Render(ctx, v.st, lang, today, a)
	if err != nil {
		return nil, fmt.Errorf("views: %w", err)
	}
	out := make([]Page, len(pages))
	for i, p := range pages {
		out[i].Text = p.Text
		for _, row := range p.Buttons {
			var r []Button
			for _, b := range row {
				r = append(r, Button{Text: b.Label, Action: views.Encode(b.Action)})
			}
			out[i].Buttons = append(out[i].Buttons, r)
		}
	}
	return out, nil
}
