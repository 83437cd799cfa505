package bot

import (
	"context"
	"fmt"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"github.com/schooldiary/diary/internal/i18n"
)

// command menus: every chat gets /start and /help by default; a linked chat
// gets its own scope with its roles' commands.
var (
	baseCommands   = []cmdDesc{{"start", i18n.CmdStart}, {"help", i18n.CmdHelp}}
	familyCommands = []cmdDesc{
		{"start", i18n.CmdMenu}, {ActionGrades, i18n.CmdGrades}, {ActionHomework, i18n.CmdHomework},
		{ActionTimetable, i18n.CmdTimetable}, {ActionAttendance, i18n.CmdAttendance},
		{ActionTomorrow, i18n.CmdTomorrow}, {ActionNews, i18n.CmdNews},
		{"settings", i18n.CmdSettings}, {"help", i18n.CmdHelp},
	}
	staffCommands        = []cmdDesc{{"start", i18n.CmdMenu}, {"settings", i18n.CmdSettings}, {"help", i18n.CmdHelp}}
	classTeacherCommands = []cmdDesc{{"codes", i18n.CmdCodes}, {"requests", i18n.CmdRequests}}
)

// cmdDesc is a command and the key of its description.
type cmdDesc struct {
	name string
	desc i18n.Key
}

// botCommands renders descs in lang.
func botCommands(lang i18n.Lang, descs []cmdDesc) []models.BotCommand {
	out := make([]models.BotCommand, 0, len(descs))
	for _, d := range descs {
		out = append(out, models.BotCommand{Command: d.name, Description: i18n.Plain(lang, d.desc)})
	}
	return out
}

// setDefaultCommands sets the default menu: Russian for every language,
// English for English users.
func (b *B) setDefaultCommands(ctx context.Context) error {
	for _, lang := range i18n.Langs() {
		code := ""
		if lang != i18n.Default {
			code = string(lang)
		}
		p := &tgbot.SetMyCommandsParams{Commands: botCommands(lang, baseCommands),
			Scope: &models.BotCommandScopeDefault{}, LanguageCode: code}
		if _, err := b.client.Load().SetMyCommands(ctx, p); err != nil {
			return fmt.Errorf("bot: set default commands: %w", err)
		}
	}
	return nil
}

// updateCommands sets the chat's menu for the user's roles now, in the
// chat's language: a family's views, a staff member's, a class teacher's codes
// and access requests.
func (b *B) updateCommands(ctx context.Context, r *req) error {
	w, err := b.people(ctx, r.userID)
	if err != nil {
		return err
	}
	descs, err := b.commandsOf(ctx, w)
	if err != nil {
		return err
	}
	c := b.client.Load()
	if c == nil {
		return errNoClient
	}
	p := &tgbot.SetMyCommandsParams{Commands: botCommands(r.lang, descs), Scope: &models.BotCommandScopeChat{ChatID: r.chatID}}
	if _, err := c.SetMyCommands(ctx, p); err != nil {
		return fmt.Errorf("set chat commands: %w", err)
	}
	return nil
}

// commandsOf returns the commands of w's roles.
func (b *B) commandsOf(ctx context.Context, w who) ([]cmdDesc, error) {
	var descs []cmdDesc
	switch {
	case len(w.children) > 0:
		descs = append(descs, familyCommands...)
	case len(w.staff) > 0:
		descs = append(descs, staffCommands...)
	default:
		return baseCommands, nil
	}
	for _, m := range w.staff {
		classes, err := b.classTeacherOf(ctx, m)
		if err != nil {
			return nil, err
		}
		if len(classes) > 0 {
			return append(descs, classTeacherCommands...), nil
		}
	}
	return descs, nil
}
