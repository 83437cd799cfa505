package telegramtest

import (
	"context"
	"errors"
	"net/http"
	"strings"
)

// method serves one Bot API method; the result is encoded as "result".
type method func(s *Server, ctx context.Context, p params) (any, error)

// methods are the served Bot API methods by lower-case name (Telegram's
// method names are case-insensitive).
var methods = map[string]method{
	"getme":                  (*Server).getMe,
	"getupdates":             (*Server).getUpdates,
	"setwebhook":             (*Server).setWebhook,
	"deletewebhook":          (*Server).deleteWebhook,
	"getwebhookinfo":         (*Server).getWebhookInfo,
	"sendmessage":            (*Server).sendMessage,
	"editmessagetext":        (*Server).editMessageText,
	"editmessagereplymarkup": (*Server).editMessageReplyMarkup,
	"deletemessage":          (*Server).deleteMessage,
	"answercallbackquery":    (*Server).answerCallbackQuery,
	"senddocument":           (*Server).sendDocument,
	"sendphoto":              (*Server).sendPhoto,
	"getfile":                (*Server).getFile,
	"setmycommands":          (*Server).setMyCommands,
	"getmycommands":          (*Server).getMyCommands,
	"deletemycommands":       (*Server).deleteMyCommands,
}

// serveBotAPI serves /bot<token>/<method>.
func (s *Server) serveBotAPI(w http.ResponseWriter, r *http.Request) {
	token, name, _ := strings.Cut(strings.TrimPrefix(r.URL.Path, "/bot"), "/")
	if token != s.opt.Token {
		writeResult(w, nil, errUnauthorized)
		return
	}
	m, ok := methods[strings.ToLower(name)]
	if !ok {
		writeResult(w, nil, errMethodNotFound)
		return
	}
	p, err := readParams(w, r, s.opt.MaxUploadBytes)
	if err != nil {
		writeResult(w, nil, err)
		return
	}
	var result any
	if err = s.takeFault(strings.ToLower(name)); err == nil {
		result, err = m(s, r.Context(), p)
	}
	if errors.Is(err, errDrop) {
		drop(w)
		return
	}
	writeResult(w, result, err)
}

// getMe reports the bot.
func (s *Server) getMe(context.Context, params) (any, error) {
	u := s.botUser()
	u.CanJoinGroups = true
	return u, nil
}

func (s *Server) botUser() apiUser {
	return apiUser{ID: s.botID, IsBot: true, FirstName: s.opt.BotName, Username: s.opt.BotUsername}
}
