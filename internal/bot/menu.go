package bot

import (
	"context"
	"fmt"

	"github.com/schooldiary/diary/internal/i18n"
)

// selected returns the child the chat looks at: the one chosen, when still
// linked, else the first linked child.
func (b *B) selected(r *req, w who) (child, bool) {
	if c, ok := w.child(r.st.Selected); ok {
		return c, true
	}
	if len(w.children) == 0 {
		return child{}, false
	}
	return w.children[0], true
}

// selectChild makes c the chat's child and shows the menu.
func (b *B) selectChild(ctx context.Context, r *req, c child) error {
	r.st.Selected = c.student.ID
	if err := b.saveState(ctx, r.chatID, r.st); err != nil {
		return err
	}
	if err := b.updateCommands(ctx, r); err != nil {
		return err
	}
	return b.menu(ctx, r)
}

// menu shows the main menu of the user's links.
func (b *B) menu(ctx context.Context, r *req) error {
	w, err := b.people(ctx, r.userID)
	if err != nil {
		return err
	}
	if !w.linked() {
		return b.askCode(ctx, r, i18n.ErrNotLinked)
	}
	return b.showMenu(ctx, r, w)
}

// showMenu shows the selected child's menu (or the consent request when
// consent is missing), with the staff's buttons below.
func (b *B) showMenu(ctx context.Context, r *req, w who) error {
	var rows [][]button
	text := ""
	if c, ok := b.selected(r, w); ok {
		has, err := b.hasConsent(ctx, r.userID, c.student.ID)
		if err != nil {
			return err
		}
		if !has {
			return b.askConsent(ctx, r, c)
		}
		text = i18n.T(r.lang, i18n.ChildSelected, "child", c.student.Name.Full(), "class", c.class.Name)
		rows = familyRows(r.lang, c, len(w.children) > 1)
	}
	staffRows, staffText, err := b.staffMenu(ctx, r, w)
	if err != nil {
		return err
	}
	if text == "" {
		text = staffText
	}
	rows = append(rows, staffRows...)
	rows = append(rows, []button{{Kind: btnSettings, Text: i18n.Plain(r.lang, i18n.MenuSettings)}})
	return b.sendButtons(ctx, r, text, rows)
}

// familyRows are the view buttons of child c, two a row, and the switcher.
func familyRows(lang i18n.Lang, c child, several bool) [][]button {
	var rows [][]button
	for i, v := range menuViews {
		btn := button{Kind: btnView, Student: c.student.ID, Action: v.action, Text: i18n.Plain(lang, v.label)}
		if i%2 == 0 {
			rows = append(rows, []button{btn})
		} else {
			rows[len(rows)-1] = append(rows[len(rows)-1], btn)
		}
	}
	if several {
		rows = append(rows, []button{{Kind: btnChildren, Text: i18n.Plain(lang, i18n.BtnChildSwitch)}})
	}
	return rows
}

// children shows the switcher between the linked children, with the way
// back to the main menu.
func (b *B) children(ctx context.Context, r *req) error {
	w, err := b.people(ctx, r.userID)
	if err != nil {
		return err
	}
	if len(w.children) == 0 {
		return b.send(ctx, r.chatID, i18n.T(r.lang, i18n.EmptyChildren), nil)
	}
	var rows [][]button
	for _, c := range w.children {
		label := i18n.Plain(r.lang, i18n.BtnChild, "child", c.student.Name.Full(), "class", c.class.Name)
		rows = append(rows, []button{{Kind: btnChild, Student: c.student.ID, Text: label}})
	}
	rows = append(rows, []button{{Kind: btnMenu, Text: i18n.Plain(r.lang, i18n.MenuMain)}})
	return b.sendButtons(ctx, r, i18n.T(r.lang, i18n.ChildChoose), rows)
}

// onChild selects a child the user is linked to now.
func (b *B) onChild(ctx context.Context, r *req, btn button) error {
	w, err := b.people(ctx, r.userID)
	if err != nil {
		return err
	}
	c, ok := w.child(btn.Student)
	if !ok {
		return b.sendStale(ctx, r)
	}
	return b.selectChild(ctx, r, c)
}

// sendButtons sends HTML text with an inline keyboard of rows.
func (b *B) sendButtons(ctx context.Context, r *req, text string, rows [][]button) error {
	if len(rows) == 0 {
		return b.send(ctx, r.chatID, text, nil)
	}
	kb, err := b.keyboard(ctx, r, rows)
	if err != nil {
		return fmt.Errorf("keyboard: %w", err)
	}
	return b.send(ctx, r.chatID, text, kb)
}

// sendStale says a button is out of date.
func (b *B) sendStale(ctx context.Context, r *req) error {
	return b.send(ctx, r.chatID, i18n.T(r.lang, i18n.ErrStaleButton), nil)
}
