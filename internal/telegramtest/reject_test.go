package telegramtest

import (
	"net/http"
	"strings"
	"testing"
)

// rejectFixture is a server with a started user (chat 1000001, whose message 2
// is a bot message with a keyboard), a user who blocked the bot (1000002), a
// user who never wrote (1000003), and a group (-1001).
func rejectFixture(t *testing.T) *Server {
	t.Helper()
	s, _ := newTestServer(t, Options{NoLimits: true})
	u := startedUser(t, s, User{})
	b := startedUser(t, s, User{})
	if err := s.Block(b.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddUser(User{}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddGroup("5А родители", u.ID); err != nil {
		t.Fatal(err)
	}
	mustOK(t, callJSON(t, s, "sendMessage", map[string]any{
		"chat_id": u.ID, "text": "Меню", "reply_markup": inline("Оценки", "g"),
	}), nil)
	return s
}

func inline(text, data string) map[string]any {
	return map[string]any{"inline_keyboard": [][]map[string]any{{{"text": text, "callback_data": data}}}}
}

func TestRejections(t *testing.T) {
	s := rejectFixture(t)
	const u, blocked, never, group = 1000001, 1000002, 1000003, -1001
	long := strings.Repeat("я", 4097)
	emoji := strings.Repeat("😀", 2049) // 4098 UTF-16 code units
	tests := []struct {
		name   string
		method string
		body   map[string]any
		code   int
		desc   string
	}{
		{"text missing", "sendMessage", map[string]any{"chat_id": u}, 400, "Bad Request: message text is empty"},
		{"text blank", "sendMessage", map[string]any{"chat_id": u, "text": " \n "}, 400, "Bad Request: message text is empty"},
		{"text empty after parsing", "sendMessage", map[string]any{"chat_id": u, "text": "<b></b>", "parse_mode": "HTML"}, 400, "Bad Request: message text is empty"},
		{"text too long", "sendMessage", map[string]any{"chat_id": u, "text": long}, 400, "Bad Request: message is too long"},
		{"text too long in UTF-16", "sendMessage", map[string]any{"chat_id": u, "text": emoji}, 400, "Bad Request: message is too long"},
		{"unknown tag", "sendMessage", map[string]any{"chat_id": u, "text": "<p>x</p>", "parse_mode": "HTML"}, 400, `Bad Request: can't parse entities: Unsupported start tag "p" at byte offset 0`},
		{"unclosed tag", "sendMessage", map[string]any{"chat_id": u, "text": "<b>x", "parse_mode": "HTML"}, 400, `Bad Request: can't parse entities: Can't find end tag corresponding to start tag "b"`},
		{"mis-nested tags", "sendMessage", map[string]any{"chat_id": u, "text": "<b><i>x</b></i>", "parse_mode": "html"}, 400, `Bad Request: can't parse entities: Unmatched end tag at byte offset 7, expected "</i>", found "</b>"`},
		{"bare <", "sendMessage", map[string]any{"chat_id": u, "text": "a < b", "parse_mode": "HTML"}, 400, `Bad Request: can't parse entities: Unsupported start tag "" at byte offset 2`},
		{"bare &", "sendMessage", map[string]any{"chat_id": u, "text": "a & b", "parse_mode": "HTML"}, 400, "Bad Request: can't parse entities: Unsupported HTML entity at byte offset 2; escape '&' as &amp;"},
		{"unsupported parse mode", "sendMessage", map[string]any{"chat_id": u, "text": "x", "parse_mode": "BBCode"}, 400, "Bad Request: unsupported parse_mode"},
		{"callback data too long", "sendMessage", map[string]any{"chat_id": u, "text": "x", "reply_markup": inline("a", strings.Repeat("d", 65))}, 400, "Bad Request: BUTTON_DATA_INVALID"},
		{"callback data empty", "sendMessage", map[string]any{"chat_id": u, "text": "x", "reply_markup": inline("a", "")}, 400, "Bad Request: BUTTON_DATA_INVALID"},
		{"callback data 64 bytes of Cyrillic", "sendMessage", map[string]any{"chat_id": u, "text": "x", "reply_markup": inline("a", strings.Repeat("ж", 33))}, 400, "Bad Request: BUTTON_DATA_INVALID"},
		{"inline button without action", "sendMessage", map[string]any{"chat_id": u, "text": "x", "reply_markup": map[string]any{"inline_keyboard": [][]map[string]any{{{"text": "a"}}}}}, 400, "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"},
		{"inline button bad url", "sendMessage", map[string]any{"chat_id": u, "text": "x", "reply_markup": map[string]any{"inline_keyboard": [][]map[string]any{{{"text": "a", "url": "javascript:alert(1)"}}}}}, 400, "Bad Request: BUTTON_URL_INVALID"},
		{"markup not JSON", "sendMessage", map[string]any{"chat_id": u, "text": "x", "reply_markup": "{"}, 400, "Bad Request: can't parse reply keyboard markup JSON object"},
		{"reply button without text", "sendMessage", map[string]any{"chat_id": u, "text": "x", "reply_markup": map[string]any{"keyboard": [][]map[string]any{{{"request_contact": true}}}}}, 400, `Bad Request: can't parse keyboard button: Field "text" must be of type String`},
		{"chat_id missing", "sendMessage", map[string]any{"text": "x"}, 400, "Bad Request: chat_id is empty"},
		{"chat not found", "sendMessage", map[string]any{"chat_id": 42, "text": "x"}, 400, "Bad Request: chat not found"},
		{"chat by unknown username", "sendMessage", map[string]any{"chat_id": "@nobody", "text": "x"}, 400, "Bad Request: chat not found"},
		{"blocked", "sendMessage", map[string]any{"chat_id": blocked, "text": "x"}, 403, "Forbidden: bot was blocked by the user"},
		{"never started", "sendMessage", map[string]any{"chat_id": never, "text": "x"}, 403, "Forbidden: bot can't initiate conversation with a user"},
		{"edit blocked", "editMessageText", map[string]any{"chat_id": blocked, "message_id": 1, "text": "x"}, 403, "Forbidden: bot was blocked by the user"},
		{"edit missing message", "editMessageText", map[string]any{"chat_id": u, "message_id": 99, "text": "x"}, 400, "Bad Request: message to edit not found"},
		{"edit user's message", "editMessageText", map[string]any{"chat_id": u, "message_id": 1, "text": "x"}, 400, "Bad Request: message can't be edited"},
		{"edit not modified", "editMessageText", map[string]any{"chat_id": u, "message_id": 2, "text": "Меню", "reply_markup": inline("Оценки", "g")}, 400, "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message"},
		{"edit bad html", "editMessageText", map[string]any{"chat_id": u, "message_id": 2, "text": "<x>", "parse_mode": "HTML"}, 400, `Bad Request: can't parse entities: Unsupported start tag "x" at byte offset 0`},
		{"edit with reply keyboard", "editMessageReplyMarkup", map[string]any{"chat_id": u, "message_id": 2, "reply_markup": map[string]any{"remove_keyboard": true}}, 400, "Bad Request: inline keyboard expected"},
		{"edit markup data too long", "editMessageReplyMarkup", map[string]any{"chat_id": u, "message_id": 2, "reply_markup": inline("a", strings.Repeat("d", 65))}, 400, "Bad Request: BUTTON_DATA_INVALID"},
		{"edit inline message", "editMessageText", map[string]any{"inline_message_id": "x", "text": "x"}, 400, "Bad Request: MESSAGE_ID_INVALID"},
		{"delete missing", "deleteMessage", map[string]any{"chat_id": u, "message_id": 99}, 400, "Bad Request: message to delete not found"},
		{"delete without id", "deleteMessage", map[string]any{"chat_id": u}, 400, "Bad Request: message identifier is not specified"},
		{"answer unknown query", "answerCallbackQuery", map[string]any{"callback_query_id": "1"}, 400, "Bad Request: query is too old and response timeout expired or query ID is invalid"},
		{"answer too long", "answerCallbackQuery", map[string]any{"callback_query_id": "1", "text": strings.Repeat("x", 201)}, 400, "Bad Request: MESSAGE_TOO_LONG"},
		{"document missing", "sendDocument", map[string]any{"chat_id": u}, 400, "Bad Request: there is no document in the request"},
		{"document by URL", "sendDocument", map[string]any{"chat_id": u, "document": "https://example.com/x.pdf"}, 400, "Bad Request: wrong file identifier/HTTP URL specified"},
		{"photo missing", "sendPhoto", map[string]any{"chat_id": u}, 400, "Bad Request: there is no photo in the request"},
		{"caption too long", "sendDocument", map[string]any{"chat_id": u, "document": "file-1", "caption": strings.Repeat("x", 1025)}, 400, "Bad Request: message caption is too long"},
		{"command invalid", "setMyCommands", map[string]any{"commands": []map[string]string{{"command": "Grades", "description": "x"}}}, 400, "Bad Request: BOT_COMMAND_INVALID"},
		{"command description empty", "setMyCommands", map[string]any{"commands": []map[string]string{{"command": "grades", "description": ""}}}, 400, "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID"},
		{"scope type unknown", "setMyCommands", map[string]any{"commands": []map[string]string{{"command": "a", "description": "b"}}, "scope": map[string]any{"type": "everyone"}}, 400, "Bad Request: unsupported bot command scope type"},
		{"scope chat unknown", "getMyCommands", map[string]any{"scope": map[string]any{"type": "chat", "chat_id": 42}}, 400, "Bad Request: chat not found"},
		{"language code invalid", "getMyCommands", map[string]any{"language_code": "russian"}, 400, "Bad Request: invalid language code specified"},
		{"webhook secret characters", "setWebhook", map[string]any{"url": "https://bot.example/hook", "secret_token": "a b"}, 400, "Bad Request: secret token contains unallowed characters"},
		{"webhook not a URL", "setWebhook", map[string]any{"url": "ftp://x"}, 400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook"},
		{"group message too long", "sendMessage", map[string]any{"chat_id": group, "text": long}, 400, "Bad Request: message is too long"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mustFail(t, callJSON(t, s, tt.method, tt.body), tt.code, tt.desc)
		})
	}
}

func TestRejectionsOfTheRequestItself(t *testing.T) {
	s, _ := newTestServer(t, Options{})
	tests := []struct {
		name string
		path string
		code int
		desc string
	}{
		{"unknown token", "/bot1:wrong/getMe", http.StatusUnauthorized, "Unauthorized"},
		{"no token", "/bot/getMe", http.StatusUnauthorized, "Unauthorized"},
		{"unknown method", "/bot" + s.Token() + "/sendSticker", http.StatusNotFound, "Not Found"},
		{"no method", "/bot" + s.Token() + "/", http.StatusNotFound, "Not Found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mustFail(t, do(t, s.URL()+tt.path, "application/json", []byte("{}")), tt.code, tt.desc)
		})
	}
}

func TestAcceptsTheLimitsThemselves(t *testing.T) {
	s, _ := newTestServer(t, Options{NoLimits: true})
	u := startedUser(t, s, User{})
	tests := []struct {
		name string
		body map[string]any
	}{
		{"4096 characters", map[string]any{"text": strings.Repeat("я", 4096)}},
		{"4096 after parsing", map[string]any{"text": "<b>" + strings.Repeat("я", 4096) + "</b>", "parse_mode": "HTML"}},
		{"2048 emoji", map[string]any{"text": strings.Repeat("😀", 2048)}},
		{"64 bytes of callback data", map[string]any{"text": "x", "reply_markup": inline("a", strings.Repeat("d", 64))}},
		{"1 byte of callback data", map[string]any{"text": "x", "reply_markup": inline("a", "d")}},
		{"method name in lower case", map[string]any{"text": "x"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.body["chat_id"] = u.ID
			mustOK(t, callJSON(t, s, "sendmessage", tt.body), nil)
		})
	}
}
