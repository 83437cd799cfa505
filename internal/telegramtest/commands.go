package telegramtest

import (
	"context"
	"slices"
)

// Command is an entry of the bot's command menu.
type Command struct {
	Command     string `json:"command"`
	Description string `json:"description"`
}

// Command scope types (BotCommandScope.type).
const (
	ScopeDefault               = "default"
	ScopeAllPrivateChats       = "all_private_chats"
	ScopeAllGroupChats         = "all_group_chats"
	ScopeAllChatAdministrators = "all_chat_administrators"
	ScopeChat                  = "chat"
	ScopeChatAdministrators    = "chat_administrators"
	ScopeChatMember            = "chat_member"
)

// CommandScope is a BotCommandScope; ChatID and UserID as the type needs them.
type CommandScope struct {
	Type   string `json:"type"`
	ChatID int64  `json:"chat_id,omitempty"`
	UserID int64  `json:"user_id,omitempty"`
}

// commandKey is where a command list is kept.
type commandKey struct {
	scope CommandScope
	lang  string
}

// readCommandKey reads scope and language_code.
func (s *Server) readCommandKey(p params) (commandKey, error) {
	k := commandKey{scope: CommandScope{Type: ScopeDefault}, lang: p.str("language_code")}
	if _, err := p.json("scope", &k.scope); err != nil {
		return k, badRequest("can't parse BotCommandScope JSON object")
	}
	if !validLanguage(k.lang) {
		return k, badRequest("invalid language code specified")
	}
	k.scope = normalScope(k.scope)
	return k, s.checkScope(k.scope)
}

// normalScope drops the fields a scope type does not use, so equal scopes are equal keys.
func normalScope(sc CommandScope) CommandScope {
	switch sc.Type {
	case ScopeChat, ScopeChatAdministrators:
		sc.UserID = 0
	case ScopeChatMember:
	default:
		sc.ChatID, sc.UserID = 0, 0
	}
	return sc
}

func validLanguage(l string) bool {
	return l == "" || len(l) == 2 && l[0] >= 'a' && l[0] <= 'z' && l[1] >= 'a' && l[1] <= 'z'
}

func (s *Server) checkScope(sc CommandScope) error {
	switch sc.Type {
	case ScopeDefault, ScopeAllPrivateChats, ScopeAllGroupChats, ScopeAllChatAdministrators:
		return nil
	case ScopeChat, ScopeChatAdministrators, ScopeChatMember:
		s.mu.Lock()
		defer s.mu.Unlock()
		if _, ok := s.chats[sc.ChatID]; !ok {
			return errChatNotFound
		}
		if _, ok := s.users[sc.UserID]; sc.Type == ScopeChatMember && !ok {
			return badRequest("user not found")
		}
		return nil
	}
	return badRequest("unsupported bot command scope type")
}

// setMyCommands replaces the list of a scope and language; an empty list deletes it.
func (s *Server) setMyCommands(_ context.Context, p params) (any, error) {
	var cmds []Command
	if _, err := p.json("commands", &cmds); err != nil {
		return nil, badRequest("can't parse commands JSON object")
	}
	if err := checkCommands(cmds); err != nil {
		return nil, err
	}
	k, err := s.readCommandKey(p)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(cmds) == 0 {
		delete(s.commands, k)
	} else {
		s.commands[k] = cmds
	}
	return true, nil
}

func checkCommands(cmds []Command) error {
	if len(cmds) > 100 {
		return badRequest("too many commands specified")
	}
	for _, c := range cmds {
		if !validCommand(c.Command) {
			return badRequest("BOT_COMMAND_INVALID")
		}
		if n := utf16Len(c.Description); n < 1 || n > 256 {
			return badRequest("BOT_COMMAND_DESCRIPTION_INVALID")
		}
	}
	return nil
}

// validCommand: 1–32 of a-z 0-9 _.
func validCommand(c string) bool {
	if len(c) < 1 || len(c) > 32 {
		return false
	}
	for _, r := range []byte(c) {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_') {
			return false
		}
	}
	return true
}

// getMyCommands returns the list of exactly that scope and language.
func (s *Server) getMyCommands(_ context.Context, p params) (any, error) {
	k, err := s.readCommandKey(p)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Command{}, s.commands[k]...), nil
}

// deleteMyCommands deletes the list of a scope and language.
func (s *Server) deleteMyCommands(_ context.Context, p params) (any, error) {
	k, err := s.readCommandKey(p)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.commands, k)
	return true, nil
}

// Commands is the list set for exactly scope and language (lang "" for all languages).
func (s *Server) Commands(scope CommandScope, lang string) []Command {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.commands[commandKey{scope: normalScope(scope), lang: lang}])
}

// CommandsFor is the menu userID sees in chatID, in the user's language,
// resolved in Telegram's order: chat_member, chat, all_private_chats or
// all_group_chats, default — each with the language first, then without.
// Administrator scopes are not consulted (the emulator has no administrators).
func (s *Server) CommandsFor(chatID, userID int64) []Command {
	s.mu.Lock()
	defer s.mu.Unlock()
	lang := ""
	if u, ok := s.users[userID]; ok {
		lang = u.LanguageCode
	}
	for _, sc := range s.scopesFor(chatID, userID) {
		for _, l := range []string{lang, ""} {
			if cmds, ok := s.commands[commandKey{scope: sc, lang: l}]; ok {
				return slices.Clone(cmds)
			}
		}
	}
	return nil
}

func (s *Server) scopesFor(chatID, userID int64) []CommandScope {
	if c, ok := s.chats[chatID]; ok && c.Type == ChatGroup {
		return []CommandScope{
			{Type: ScopeChatMember, ChatID: chatID, UserID: userID},
			{Type: ScopeChat, ChatID: chatID},
			{Type: ScopeAllGroupChats},
			{Type: ScopeDefault},
		}
	}
	return []CommandScope{{Type: ScopeChat, ChatID: chatID}, {Type: ScopeAllPrivateChats}, {Type: ScopeDefault}}
}
