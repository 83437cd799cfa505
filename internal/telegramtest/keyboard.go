package telegramtest

import (
	"encoding/json"
	"net/url"
)

// markup is a reply_markup: one of an inline keyboard, a reply keyboard, a
// keyboard removal, or a force reply.
type markup struct {
	given      bool
	inline     [][]InlineButton
	reply      *ReplyKeyboard
	remove     bool
	forceReply bool
}

// markupJSON accepts every kind of reply_markup at once.
type markupJSON struct {
	InlineKeyboard *[][]buttonJSON `json:"inline_keyboard"`
	Keyboard       *[][]keyJSON    `json:"keyboard"`
	IsPersistent   bool            `json:"is_persistent"`
	Resize         bool            `json:"resize_keyboard"`
	OneTime        bool            `json:"one_time_keyboard"`
	Placeholder    string          `json:"input_field_placeholder"`
	RemoveKeyboard bool            `json:"remove_keyboard"`
	ForceReply     bool            `json:"force_reply"`
}

// buttonJSON is an inline keyboard button with every action it may carry.
// go-telegram/bot always sends copy_text, empty when unused.
type buttonJSON struct {
	Text         *string `json:"text"`
	CallbackData *string `json:"callback_data"`
	URL          string  `json:"url"`
	CopyText     *struct {
		Text string `json:"text"`
	} `json:"copy_text"`
	WebApp                       json.RawMessage `json:"web_app"`
	LoginURL                     json.RawMessage `json:"login_url"`
	SwitchInlineQuery            *string         `json:"switch_inline_query"`
	SwitchInlineQueryCurrentChat *string         `json:"switch_inline_query_current_chat"`
	CallbackGame                 json.RawMessage `json:"callback_game"`
	Pay                          bool            `json:"pay"`
}

type keyJSON struct {
	Text            *string `json:"text"`
	RequestContact  bool    `json:"request_contact"`
	RequestLocation bool    `json:"request_location"`
}

// parseMarkup reads and checks reply_markup.
func parseMarkup(p params) (markup, error) {
	var j markupJSON
	ok, err := p.json("reply_markup", &j)
	if err != nil {
		return markup{}, badRequest("can't parse reply keyboard markup JSON object")
	}
	if !ok {
		return markup{}, nil
	}
	m := markup{given: true, remove: j.RemoveKeyboard, forceReply: j.ForceReply}
	switch {
	case j.InlineKeyboard != nil:
		m.inline, err = inlineButtons(*j.InlineKeyboard)
	case j.Keyboard != nil:
		m.reply, err = replyKeyboard(j)
	case !j.RemoveKeyboard && !j.ForceReply:
		err = badRequest("can't parse reply keyboard markup JSON object")
	}
	return m, err
}

func inlineButtons(rows [][]buttonJSON) ([][]InlineButton, error) {
	out := make([][]InlineButton, 0, len(rows))
	for _, row := range rows {
		r := make([]InlineButton, 0, len(row))
		for _, b := range row {
			btn, err := inlineButton(b)
			if err != nil {
				return nil, err
			}
			r = append(r, btn)
		}
		out = append(out, r)
	}
	return out, nil
}

// inlineButton checks one button: a text and exactly the actions Telegram allows.
func inlineButton(b buttonJSON) (InlineButton, error) {
	if b.Text == nil || *b.Text == "" {
		return InlineButton{}, badRequest("can't parse inline keyboard button: Field \"text\" must be of type String")
	}
	btn := InlineButton{Text: *b.Text, URL: b.URL}
	if b.CallbackData != nil {
		if n := len(*b.CallbackData); n < 1 || n > MaxCallbackData {
			return InlineButton{}, badRequest("BUTTON_DATA_INVALID")
		}
		btn.CallbackData = *b.CallbackData
	}
	if b.URL != "" && !validButtonURL(b.URL) {
		return InlineButton{}, badRequest("BUTTON_URL_INVALID")
	}
	if b.CallbackData == nil && b.URL == "" && !b.otherAction() {
		return InlineButton{}, badRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard")
	}
	return btn, nil
}

func (b buttonJSON) otherAction() bool {
	return b.CopyText != nil && b.CopyText.Text != "" || b.WebApp != nil || b.LoginURL != nil ||
		b.SwitchInlineQuery != nil || b.SwitchInlineQueryCurrentChat != nil || b.CallbackGame != nil || b.Pay
}

func validButtonURL(s string) bool {
	u, err := url.Parse(s)
	if err != nil {
		return false
	}
	switch u.Scheme {
	case "http", "https":
		return u.Host != ""
	case "tg":
		return true
	}
	return false
}

func replyKeyboard(j markupJSON) (*ReplyKeyboard, error) {
	k := &ReplyKeyboard{IsPersistent: j.IsPersistent, ResizeKeyboard: j.Resize, OneTimeKeyboard: j.OneTime, InputFieldPlaceholder: j.Placeholder}
	for _, row := range *j.Keyboard {
		r := make([]KeyboardButton, 0, len(row))
		for _, b := range row {
			if b.Text == nil || *b.Text == "" {
				return nil, badRequest("can't parse keyboard button: Field \"text\" must be of type String")
			}
			r = append(r, KeyboardButton{Text: *b.Text, RequestContact: b.RequestContact, RequestLocation: b.RequestLocation})
		}
		k.Keyboard = append(k.Keyboard, r)
	}
	return k, nil
}
