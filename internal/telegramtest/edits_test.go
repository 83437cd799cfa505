package telegramtest

import (
	"testing"
	"time"
)

// TestEditRules edits by Telegram's rules: an unchanged edit is "not
// modified" (text and keyboard alike), a user's message and a message older
// than 48 hours cannot be edited, and NextBotChange sees each edit in order.
func TestEditRules(t *testing.T) {
	s, clock := newTestServer(t, Options{NoLimits: true})
	ctx := testCtx(t)
	u := startedUser(t, s, User{})
	var sent struct {
		ID int `json:"message_id"`
	}
	mustOK(t, callJSON(t, s, "sendMessage", map[string]any{"chat_id": u.ID, "text": "Меню", "reply_markup": inline("Оценки", "g")}), &sent)
	edit := func(text, data string) apiResult {
		return callJSON(t, s, "editMessageText", map[string]any{"chat_id": u.ID, "message_id": sent.ID, "text": text, "reply_markup": inline("Назад", data)})
	}
	const notModified = "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message"
	mustOK(t, edit("Оценки: 5", "back"), nil)
	mustFail(t, edit("Оценки: 5", "back"), 400, notModified)
	mustOK(t, edit("Оценки: 5", "back2"), nil) // the same text, another keyboard
	mustFail(t, callJSON(t, s, "editMessageReplyMarkup", map[string]any{"chat_id": u.ID, "message_id": sent.ID, "reply_markup": inline("Назад", "back2")}), 400, notModified)
	mustFail(t, callJSON(t, s, "editMessageText", map[string]any{"chat_id": u.ID, "message_id": 1, "text": "x"}), 400, "Bad Request: message can't be edited")

	for i, want := range []struct {
		text  string
		edits int
		data  string
	}{{"Меню", 0, "g"}, {"Оценки: 5", 1, "back"}, {"Оценки: 5", 2, "back2"}} {
		m, err := s.NextBotChange(ctx, u.ID)
		if err != nil {
			t.Fatal(err)
		}
		if m.ID != sent.ID || m.Text != want.text || m.Edits != want.edits || m.InlineKeyboard[0][0].CallbackData != want.data {
			t.Errorf("change %d: got %q (%d edits, %v), want %q (%d edits, %s)", i, m.Text, m.Edits, m.InlineKeyboard, want.text, want.edits, want.data)
		}
	}

	clock.Add(MaxEditAge)
	mustOK(t, edit("Оценки: 4", "back"), nil) // 48 hours exactly: still editable
	clock.Add(time.Second)
	mustFail(t, edit("Оценки: 3", "back"), 400, "Bad Request: message can't be edited")
	mustFail(t, callJSON(t, s, "editMessageReplyMarkup", map[string]any{"chat_id": u.ID, "message_id": sent.ID}), 400, "Bad Request: message can't be edited")
	if m := s.Messages(u.ID)[sent.ID-1]; m.Text != "Оценки: 4" || m.Edits != 3 {
		t.Errorf("after refused edits: got %q with %d edits, want the last accepted one", m.Text, m.Edits)
	}
}
