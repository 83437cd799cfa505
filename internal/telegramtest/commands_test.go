package telegramtest

import (
	"reflect"
	"testing"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
)

func TestCommandScopes(t *testing.T) {
	s, _ := newTestServer(t, Options{})
	ctx := testCtx(t)
	b := newClient(t, s)
	parent := startedUser(t, s, User{LanguageCode: "ru"})
	teacher := startedUser(t, s, User{LanguageCode: "en"})
	guest := startedUser(t, s, User{})
	g, err := s.AddGroup("Учителя", teacher.ID)
	if err != nil {
		t.Fatal(err)
	}
	set := func(scope models.BotCommandScope, lang string, cmds ...string) {
		t.Helper()
		var list []models.BotCommand
		for _, c := range cmds {
			list = append(list, models.BotCommand{Command: c, Description: "описание " + c})
		}
		if _, err := b.SetMyCommands(ctx, &bot.SetMyCommandsParams{Commands: list, Scope: scope, LanguageCode: lang}); err != nil {
			t.Fatalf("SetMyCommands %v %q: %v", scope, lang, err)
		}
	}
	set(&models.BotCommandScopeDefault{}, "", "start", "help")
	set(&models.BotCommandScopeAllPrivateChats{}, "ru", "grades", "help")
	set(&models.BotCommandScopeChat{ChatID: teacher.ID}, "", "journal")
	set(&models.BotCommandScopeAllGroupChats{}, "", "report")

	got, err := b.GetMyCommands(ctx, &bot.GetMyCommandsParams{Scope: &models.BotCommandScopeAllPrivateChats{}, LanguageCode: "ru"})
	if err != nil || len(got) != 2 || got[0].Command != "grades" {
		t.Fatalf("GetMyCommands all_private_chats/ru: got %+v, %v", got, err)
	}
	if got, err := b.GetMyCommands(ctx, &bot.GetMyCommandsParams{Scope: &models.BotCommandScopeAllPrivateChats{}}); err != nil || len(got) != 0 {
		t.Fatalf("GetMyCommands is exact, no fallback: got %+v, %v", got, err)
	}

	menus := []struct {
		name         string
		chat, userID int64
		want         []string
	}{
		{"parent in Russian: all private chats, ru", parent.ID, parent.ID, []string{"grades", "help"}},
		{"teacher: own chat scope", teacher.ID, teacher.ID, []string{"journal"}},
		{"guest without language: default", guest.ID, guest.ID, []string{"start", "help"}},
		{"group: all group chats", g.ID, teacher.ID, []string{"report"}},
	}
	for _, m := range menus {
		t.Run(m.name, func(t *testing.T) {
			var names []string
			for _, c := range s.CommandsFor(m.chat, m.userID) {
				names = append(names, c.Command)
			}
			if !reflect.DeepEqual(names, m.want) {
				t.Errorf("got %v, want %v", names, m.want)
			}
		})
	}

	if _, err := b.DeleteMyCommands(ctx, &bot.DeleteMyCommandsParams{Scope: &models.BotCommandScopeChat{ChatID: teacher.ID}}); err != nil {
		t.Fatal(err)
	}
	if got := s.Commands(CommandScope{Type: ScopeChat, ChatID: teacher.ID}, ""); got != nil {
		t.Errorf("after delete: got %+v, want none", got)
	}
	if got := s.CommandsFor(teacher.ID, teacher.ID); len(got) != 2 || got[0].Command != "start" {
		t.Errorf("teacher after delete: got %+v, want the default menu", got)
	}
}
