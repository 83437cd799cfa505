package bot

import (
	"context"
	"fmt"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/i18n"
)

// viewSelected shows action for the selected child (a command such as
// /grades, or a plain word); staff without a child get their menu, not a
// request for a family's code.
func (b *B) viewSelected(ctx context.Context, r *req, action string) error {
	w, err := b.people(ctx, r.userID)
	if err != nil {
		return err
	}
	c, ok := b.selected(r, w)
	if !ok && len(w.staff) > 0 {
		return b.showMenu(ctx, r, w)
	}
	if !ok {
		return b.askCode(ctx, r, i18n.ErrNotLinked)
	}
	return b.view(ctx, r, c.student.ID, action)
}

// view authorises the user for the student now, renders action, records the
// visit and sends the pages, their buttons kept server-side.
func (b *B) view(ctx context.Context, r *req, studentID int64, action string) error {
	a, err := b.authorize(ctx, r.userID, studentID)
	if err != nil {
		return b.refuse(ctx, r, studentID, err)
	}
	return b.render(ctx, r, a, action)
}

// render renders action for an authorised access and sends it; its last
// page carries the way back to the main menu. Pressed from a button, its
// first page replaces the pressed message.
func (b *B) render(ctx context.Context, r *req, a access, action string) error {
	studentID := a.student.ID
	if b.d.Views == nil {
		return b.send(ctx, r.chatID, i18n.T(r.lang, i18n.ErrViewUnavailable), nil)
	}
	action, err := b.withSince(ctx, r.userID, a, action)
	if err != nil {
		return err
	}
	pages, err := b.d.Views.Render(ctx, r.lang, a.viewer, studentID, a.today, action)
	if err != nil {
		return fmt.Errorf("render %s: %w", viewName(action), err)
	}
	if err := b.recordVisit(ctx, r.userID, a, viewName(action)); err != nil {
		return err
	}
	if len(pages) == 0 {
		return b.send(ctx, r.chatID, i18n.T(r.lang, i18n.ErrViewUnavailable), nil)
	}
	for i, p := range pages {
		rows := pageRows(p, studentID)
		if i == len(pages)-1 {
			rows = append(rows, []button{{Kind: btnMenu, Text: i18n.Plain(r.lang, i18n.MenuMain)}})
		}
		if err := b.sendButtons(ctx, r, p.Text, rows); err != nil {
			return err
		}
	}
	return nil
}

// pageRows are a page's buttons as view buttons of the student.
func pageRows(p Page, studentID int64) [][]button {
	rows := make([][]button, 0, len(p.Buttons)+1)
	for _, row := range p.Buttons {
		out := make([]button, 0, len(row))
		for _, pb := range row {
			out = append(out, button{Kind: btnView, Student: studentID, Action: pb.Action, Text: pb.Text})
		}
		rows = append(rows, out)
	}
	return rows
}

// refuse says why a view was refused; a missing consent shows the consent
// request again for a child still linked.
func (b *B) refuse(ctx context.Context, r *req, studentID int64, err error) error {
	key := refusal(err)
	if key == i18n.ErrGeneric && !diary.IsAccessDenied(err) {
		return err
	}
	if err := b.send(ctx, r.chatID, i18n.T(r.lang, key), nil); err != nil {
		return err
	}
	if key != i18n.RefusedNoConsent {
		return nil
	}
	w, perr := b.people(ctx, r.userID)
	if perr != nil {
		return perr
	}
	if c, ok := w.child(studentID); ok {
		return b.askConsent(ctx, r, c)
	}
	return nil
}
