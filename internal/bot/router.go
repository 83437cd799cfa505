package bot

import (
	"context"
	"strings"

	"github.com/go-telegram/bot/models"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/i18n"
)

// route handles one update of a private chat; other chats are ignored.
func (b *B) route(ctx context.Context, u *models.Update) error {
	from := fromOf(u)
	if !isPrivate(u) || from == nil || from.IsBot {
		return nil
	}
	if u.MyChatMember != nil {
		return b.onMember(ctx, u.MyChatMember)
	}
	r, err := b.open(ctx, chatOf(u), from)
	if err != nil {
		return err
	}
	switch {
	case u.CallbackQuery != nil:
		return b.onPress(ctx, r, u.CallbackQuery)
	case u.Message != nil && u.Message.Contact != nil:
		return b.onContact(ctx, r, u.Message.Contact)
	case u.Message != nil && u.Message.Document != nil:
		return b.onDocument(ctx, r, u.Message)
	case u.Message != nil && u.Message.Text != "":
		return b.onText(ctx, r, u.Message.Text)
	}
	return nil
}

// command splits "/start payload" (or "/start@bot payload") into its
// command, lower-cased, and argument; "" for text that is no command.
func command(text string) (cmd, arg string) {
	if !strings.HasPrefix(text, "/") {
		return "", ""
	}
	head, arg, _ := strings.Cut(text[1:], " ")
	head, _, _ = strings.Cut(head, "@")
	return strings.ToLower(head), strings.TrimSpace(arg)
}

// onText handles a text message: a command, the next answer of a
// conversation, the «no code» button, a typed code, a plain word for a view
// («оценки», «дз», «завтра» …), or something like a mistyped code (a hint).
func (b *B) onText(ctx context.Context, r *req, text string) error {
	if cmd, arg := command(text); cmd != "" {
		return b.onCommand(ctx, r, cmd, arg)
	}
	if done, err := b.announceReply(ctx, r, text); done {
		return err
	}
	if done, err := b.staffReply(ctx, r, text); done {
		return err
	}
	if done, err := b.emailStep(ctx, r, text); done {
		return err
	}
	if r.st.Step != "" {
		return b.accessStep(ctx, r, text)
	}
	if isLabel(text, i18n.BtnNoCode) {
		return b.accessBegin(ctx, r)
	}
	if isLabel(text, i18n.BtnMyRequest) {
		return b.myRequest(ctx, r)
	}
	if code, ok := diary.NormalizeCode(text); ok {
		return b.redeem(ctx, r, code)
	}
	if action, ok := wordAction(text); ok {
		return b.familyView(ctx, r, action)
	}
	if hinted, err := b.codeHint(ctx, r, text); hinted {
		return err
	}
	w, err := b.people(ctx, r.userID)
	if err != nil {
		return err
	}
	if !w.linked() {
		return b.askCode(ctx, r, i18n.LinkAskCode)
	}
	return b.send(ctx, r.chatID, i18n.T(r.lang, i18n.ErrUnknownInput), nil)
}

// isLabel reports whether text is key's label in any language.
func isLabel(text string, key i18n.Key) bool {
	for _, l := range i18n.Langs() {
		if strings.TrimSpace(text) == i18n.Plain(l, key) {
			return true
		}
	}
	return false
}

// onCommand handles a command.
func (b *B) onCommand(ctx context.Context, r *req, cmd, arg string) error {
	switch cmd {
	case "start":
		return b.onStart(ctx, r, arg)
	case "help":
		return b.help(ctx, r)
	case "menu":
		return b.menu(ctx, r)
	case ActionGrades, ActionHomework, ActionTimetable, ActionAttendance, ActionPeriods, ActionFinal, ActionTomorrow, ActionNews:
		return b.familyView(ctx, r, cmd)
	case "settings":
		return b.settings(ctx, r)
	case "codes":
		return b.codesMenu(ctx, r)
	case "cancel":
		if done, err := b.cancelAnnounce(ctx, r); done {
			return err
		}
		if done, err := b.cancelExpected(ctx, r); done {
			return err
		}
		return b.accessCancel(ctx, r)
	}
	return b.onAccessCommand(ctx, r, cmd)
}

// onStart handles /start: with a payload it redeems the deep link's code;
// without, it greets and shows the menu or asks for a code.
func (b *B) onStart(ctx context.Context, r *req, payload string) error {
	if r.st.Step != "" {
		r.st.clearStep()
		if err := b.saveState(ctx, r.chatID, r.st); err != nil {
			return err
		}
	}
	if payload != "" {
		return b.redeem(ctx, r, payload)
	}
	w, err := b.people(ctx, r.userID)
	if err != nil {
		return err
	}
	if !w.linked() {
		if err := b.send(ctx, r.chatID, i18n.T(r.lang, i18n.StartNew), nil); err != nil {
			return err
		}
		return b.askCode(ctx, r, i18n.LinkAskCode)
	}
	greeting := i18n.StartBack
	if w.staffOnly() {
		greeting = i18n.StaffStart
	}
	if err := b.send(ctx, r.chatID, i18n.T(r.lang, greeting, "name", r.firstName), nil); err != nil {
		return err
	}
	return b.showMenu(ctx, r, w)
}

// help sends the help of the user's role.
func (b *B) help(ctx context.Context, r *req) error {
	w, err := b.people(ctx, r.userID)
	if err != nil {
		return err
	}
	if w.staffOnly() {
		return b.staffHelp(ctx, r, w)
	}
	return b.send(ctx, r.chatID, i18n.T(r.lang, i18n.Help), nil)
}
