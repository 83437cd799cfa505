package telegramtest

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"testing"
	"time"
)

// page calls the emulator's user side as the chat page does.
func page(t *testing.T, s *Server, method, path string, body any, dst any) int {
	t.Helper()
	var r io.Reader
	if body != nil {
		r = bytes.NewReader(mustJSON(t, body))
	}
	req, err := http.NewRequest(method, s.URL()+path, r)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if dst != nil && resp.StatusCode == http.StatusOK {
		if err := json.Unmarshal(raw, dst); err != nil {
			t.Fatalf("decode %s: %v", raw, err)
		}
	}
	return resp.StatusCode
}

func TestChatPageAPI(t *testing.T) {
	s, _ := newTestServer(t, Options{NoLimits: true})
	var u User
	if code := page(t, s, "POST", "/emulator/users", User{FirstName: "Ирина", LanguageCode: "ru", Phone: "+79990001122"}, &u); code != 200 || u.ID == 0 {
		t.Fatalf("add user: %d %+v", code, u)
	}
	chatPath := "/emulator/chats/" + strconv.FormatInt(u.ID, 10)
	userPath := "/emulator/users/" + strconv.FormatInt(u.ID, 10)
	var v ChatView
	page(t, s, "GET", chatPath, nil, &v)
	version := v.Version

	waited := make(chan ChatView, 1)
	go func() {
		var w ChatView
		page(t, s, "GET", chatPath+"/wait?timeout=30&version="+strconv.FormatInt(version, 10), nil, &w)
		waited <- w
	}()
	var start Message
	if code := page(t, s, "POST", userPath+"/start", map[string]string{"payload": "abc"}, &start); code != 200 || start.Text != "/start abc" {
		t.Fatalf("start: %d %+v", code, start)
	}
	select {
	case w := <-waited:
		if w.Version <= version || len(w.Messages) != 1 {
			t.Errorf("wait: got version %d with %d messages", w.Version, len(w.Messages))
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the page's long poll did not return on the change")
	}

	var menu struct {
		ID int `json:"message_id"`
	}
	mustOK(t, callJSON(t, s, "sendMessage", map[string]any{"chat_id": u.ID, "text": "<b>Меню</b>", "parse_mode": "HTML", "reply_markup": inline("Оценки", "g")}), &menu)
	var pressed map[string]string
	if code := page(t, s, "POST", userPath+"/press", map[string]any{"message_id": menu.ID, "data": "g"}, &pressed); code != 200 {
		t.Fatalf("press: %d", code)
	}
	mustOK(t, callJSON(t, s, "answerCallbackQuery", map[string]any{"callback_query_id": pressed["callback_query_id"], "text": "Нет оценок", "show_alert": true}), nil)
	var a CallbackAnswer
	page(t, s, "GET", "/emulator/callbacks/"+pressed["callback_query_id"], nil, &a)
	if !a.Answered || a.Text != "Нет оценок" || !a.ShowAlert {
		t.Errorf("callback: got %+v", a)
	}
	mustFail(t, callJSON(t, s, "answerCallbackQuery", map[string]any{"callback_query_id": pressed["callback_query_id"]}), 400,
		"Bad Request: query is too old and response timeout expired or query ID is invalid")

	var doc struct {
		Document struct {
			FileID string `json:"file_id"`
		} `json:"document"`
	}
	mustOK(t, callMultipart(t, s, "sendDocument", map[string]string{"chat_id": strconv.FormatInt(u.ID, 10)}, "document", "a.pdf", pdfBytes), &doc)
	resp, err := http.Get(s.URL() + "/emulator/files/" + doc.Document.FileID)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !bytes.Equal(body, pdfBytes) || resp.Header.Get("Content-Type") != "application/pdf" {
		t.Errorf("file: got %d bytes of %s", len(body), resp.Header.Get("Content-Type"))
	}

	page(t, s, "GET", chatPath, nil, &v)
	if len(v.Messages) != 3 || v.Messages[1].Text != "Меню" || v.Messages[1].Source != "<b>Меню</b>" {
		t.Errorf("view: got %+v", v.Messages)
	}
	if len(v.Callbacks) != 1 || v.Callbacks[0].Text != "Нет оценок" || v.Callbacks[0].MessageID != menu.ID {
		t.Errorf("view callbacks: got %+v", v.Callbacks)
	}
	refusals := []struct {
		name   string
		method string
		path   string
		body   any
		want   int
	}{
		{"unknown user", "POST", "/emulator/users/5/text", map[string]string{"text": "x"}, 404},
		{"unknown action", "POST", userPath + "/dance", nil, 404},
		{"forged button", "POST", userPath + "/press", map[string]any{"message_id": menu.ID, "data": "forged"}, 404},
		{"bad payload", "POST", userPath + "/start", map[string]string{"payload": "a b"}, 400},
		{"unknown chat", "GET", "/emulator/chats/5", nil, 404},
		{"unknown file", "GET", "/emulator/files/nope", nil, 404},
		{"bad JSON", "POST", "/emulator/users", "{", 400},
	}
	for _, r := range refusals {
		t.Run(r.name, func(t *testing.T) {
			if got := page(t, s, r.method, r.path, r.body, nil); got != r.want {
				t.Errorf("got %d, want %d", got, r.want)
			}
		})
	}
	if code := page(t, s, "POST", userPath+"/block", nil, nil); code != 200 || !s.Blocked(u.ID) {
		t.Errorf("block: %d, blocked=%v", code, s.Blocked(u.ID))
	}
}
