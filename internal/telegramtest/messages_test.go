package telegramtest

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"
)

func TestKeyboardsEditsAndDeletions(t *testing.T) {
	s, clock := newTestServer(t, Options{NoLimits: true})
	ctx := testCtx(t)
	u := startedUser(t, s, User{FirstName: "Анна", Phone: "+79120001122"})

	shareButton := map[string]any{
		"keyboard":        [][]map[string]any{{{"text": "Поделиться номером", "request_contact": true}}, {{"text": "Отмена"}}},
		"resize_keyboard": true, "one_time_keyboard": true,
	}
	mustOK(t, callJSON(t, s, "sendMessage", map[string]any{"chat_id": u.ID, "text": "Нажмите кнопку", "reply_markup": shareButton}), nil)
	k := s.Keyboard(u.ID)
	if k == nil || !k.Keyboard[0][0].RequestContact || !k.ResizeKeyboard {
		t.Fatalf("keyboard: got %+v, want the request_contact keyboard", k)
	}
	contact, err := s.PressKeyboard(u.ID, "Поделиться номером")
	if err != nil {
		t.Fatal(err)
	}
	if c := contact.Contact; c == nil || c.UserID != u.ID || c.PhoneNumber != "+79120001122" {
		t.Fatalf("contact: got %+v, want the user's own", c)
	}
	cancel, err := s.PressKeyboard(u.ID, "Отмена")
	if err != nil || cancel.Text != "Отмена" {
		t.Fatalf("plain button: got %+v, %v", cancel, err)
	}
	mustOK(t, callJSON(t, s, "sendMessage", map[string]any{"chat_id": u.ID, "text": "Готово", "reply_markup": map[string]any{"remove_keyboard": true}}), nil)
	if k := s.Keyboard(u.ID); k != nil {
		t.Errorf("after remove_keyboard: got %+v, want none", k)
	}

	var sent struct {
		ID int `json:"message_id"`
	}
	mustOK(t, callJSON(t, s, "sendMessage", map[string]any{"chat_id": u.ID, "text": "Оценки", "reply_markup": inline("Подробнее", "more")}), &sent)
	clock.Add(time.Minute)
	mustOK(t, callJSON(t, s, "editMessageReplyMarkup", map[string]any{"chat_id": u.ID, "message_id": sent.ID, "reply_markup": inline("Назад", "back")}), nil)
	var edited struct {
		Text     string `json:"text"`
		EditDate int64  `json:"edit_date"`
		Markup   *struct {
			Rows [][]InlineButton `json:"inline_keyboard"`
		} `json:"reply_markup"`
	}
	mustOK(t, callJSON(t, s, "editMessageText", map[string]any{"chat_id": u.ID, "message_id": sent.ID, "text": "<i>Оценки</i>", "parse_mode": "HTML",
		"reply_markup": inline("Назад", "back")}), &edited)
	if edited.Text != "Оценки" || edited.EditDate != clock.Now().Unix() || edited.Markup == nil || edited.Markup.Rows[0][0].CallbackData != "back" {
		t.Errorf("edit reply: got %+v", edited)
	}
	mustOK(t, callJSON(t, s, "editMessageReplyMarkup", map[string]any{"chat_id": u.ID, "message_id": sent.ID}), nil)
	m := s.Messages(u.ID)[sent.ID-1]
	if m.Edits != 3 || m.InlineKeyboard != nil || m.Source != "<i>Оценки</i>" || len(m.Entities) != 1 {
		t.Errorf("after edits: got %+v, want 3 edits, no keyboard, the italic text", m)
	}
	if _, err := s.Press(u.ID, u.ID, sent.ID, "back"); err == nil {
		t.Error("press on a removed keyboard succeeded")
	}

	mustOK(t, callJSON(t, s, "deleteMessage", map[string]any{"chat_id": u.ID, "message_id": sent.ID}), nil)
	msgs, err := s.WaitChat(ctx, u.ID, func(m []Message) bool { return m[sent.ID-1].Deleted })
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range s.BotMessages(u.ID) {
		if b.ID == sent.ID {
			t.Error("BotMessages lists the deleted message")
		}
	}
	if len(msgs) != sent.ID {
		t.Errorf("history: got %d messages, want %d (deleted ones kept, marked)", len(msgs), sent.ID)
	}
	clock.Add(MaxDeleteAge + time.Second)
	mustFail(t, callJSON(t, s, "deleteMessage", map[string]any{"chat_id": u.ID, "message_id": 1}), 400, "Bad Request: message can't be deleted")
}

func TestDocumentUploadKeepsBytes(t *testing.T) {
	s, _ := newTestServer(t, Options{NoLimits: true})
	u := startedUser(t, s, User{})
	pdf := append([]byte("%PDF-1.7\n"), bytes.Repeat([]byte{0, 1, 2, 255}, 1000)...)
	var msg struct {
		Document struct {
			FileID   string `json:"file_id"`
			FileName string `json:"file_name"`
			MimeType string `json:"mime_type"`
			FileSize int    `json:"file_size"`
		} `json:"document"`
		Caption string `json:"caption"`
	}
	mustOK(t, callMultipart(t, s, "sendDocument", map[string]string{"chat_id": "1000001", "caption": "Коды 5А"}, "document", "codes-5A.pdf", pdf), &msg)
	if msg.Document.FileName != "codes-5A.pdf" || msg.Document.MimeType != "application/pdf" || msg.Document.FileSize != len(pdf) || msg.Caption != "Коды 5А" {
		t.Fatalf("reply: got %+v", msg)
	}
	f, ok := s.File(msg.Document.FileID)
	if !ok || !bytes.Equal(f.Data, pdf) {
		t.Fatal("the stored bytes differ from the upload")
	}
	mustOK(t, callMultipart(t, s, "sendDocument", map[string]string{"chat_id": "1000001", "document": "attach://file1"}, "file1", "again.csv", []byte("a;b\n")), nil)
	mustOK(t, callJSON(t, s, "sendDocument", map[string]any{"chat_id": u.ID, "document": msg.Document.FileID}), nil)
	docs := s.BotMessages(u.ID)
	if len(docs) != 3 || docs[1].Document.Name != "again.csv" || docs[2].Document.ID != msg.Document.FileID {
		t.Errorf("documents: got %d, want 3 (upload, attach://, file_id)", len(docs))
	}
	mustFail(t, callMultipart(t, s, "sendDocument", map[string]string{"chat_id": "1000001"}, "document", "empty.pdf", nil), 400, "Bad Request: file must be non-empty")
	over, _ := newTestServer(t, Options{MaxUploadBytes: 1000})
	mustFail(t, callMultipart(t, over, "sendDocument", map[string]string{"chat_id": "1"}, "document", "big.pdf", pdf), 413, "Request Entity Too Large")
}

func TestMessageIDsAndDatesPerChat(t *testing.T) {
	s, clock := newTestServer(t, Options{NoLimits: true})
	a := startedUser(t, s, User{})
	b := startedUser(t, s, User{})
	g, err := s.AddGroup("Родители 5А", a.ID, b.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SendGroupText(g.ID, a.ID, "/help@diary_test_bot"); err != nil {
		t.Fatal(err)
	}
	clock.Add(time.Hour)
	ids := map[int64][]int{}
	for _, chat := range []int64{a.ID, b.ID, g.ID, a.ID} {
		var m struct {
			ID   int   `json:"message_id"`
			Date int64 `json:"date"`
			Chat struct {
				Type string `json:"type"`
			} `json:"chat"`
		}
		mustOK(t, sendText(t, s, chat, "x"), &m)
		if m.Date != clock.Now().Unix() {
			t.Errorf("date: got %d, want %d", m.Date, clock.Now().Unix())
		}
		ids[chat] = append(ids[chat], m.ID)
	}
	want := map[int64][]int{a.ID: {2, 3}, b.ID: {2}, g.ID: {2}}
	if got, _ := json.Marshal(ids); string(got) != string(mustJSON(t, want)) {
		t.Errorf("ids: got %s, want %s", got, mustJSON(t, want))
	}
	if got := s.Messages(g.ID)[0]; got.FromID != a.ID || got.Entities[0].Type != "bot_command" {
		t.Errorf("group message: got %+v", got)
	}
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
