package telegramtest

import (
	"strings"
	"unicode/utf8"
)

// Telegram's length limits, counted in UTF-16 code units after entity parsing.
const (
	MaxTextLength    = 4096
	MaxCaptionLength = 1024
	MaxCallbackData  = 64
	MaxStartPayload  = 64
)

// Parse modes.
const (
	ParseModeHTML       = "HTML"
	ParseModeMarkdown   = "Markdown"
	ParseModeMarkdownV2 = "MarkdownV2"
)

// body is a message text or caption after entity parsing.
type body struct {
	text      string // plain
	source    string // as sent
	parseMode string
	entities  []Entity
}

// textRule says how a text field is checked.
type textRule struct {
	field    string
	max      int
	optional bool   // captions may be empty
	tooLong  string // the refusal for a text over max
}

var (
	messageText = textRule{field: "text", max: MaxTextLength, tooLong: "message is too long"}
	captionText = textRule{field: "caption", max: MaxCaptionLength, optional: true, tooLong: "message caption is too long"}
)

// parseBody reads and checks the text field of rule with parse_mode and entities.
func parseBody(p params, rule textRule) (body, error) {
	b := body{source: p.str(rule.field)}
	if !utf8.ValidString(b.source) {
		return body{}, badRequest("text must be encoded in UTF-8")
	}
	mode, err := parseModeOf(p.str("parse_mode"))
	if err != nil {
		return body{}, err
	}
	b.parseMode, b.text = mode, b.source
	if mode == ParseModeHTML {
		if b.text, b.entities, err = parseHTML(b.source); err != nil {
			return body{}, badRequest("can't parse entities: " + err.Error())
		}
	} else if err := explicitEntities(p, rule, &b); err != nil {
		return body{}, err
	}
	return b, checkLength(b.text, rule)
}

func parseModeOf(v string) (string, error) {
	for _, m := range []string{"", ParseModeHTML, ParseModeMarkdown, ParseModeMarkdownV2} {
		if strings.EqualFold(v, m) {
			return m, nil
		}
	}
	return "", badRequest("unsupported parse_mode")
}

// explicitEntities reads entities (caption_entities) sent instead of a parse mode.
func explicitEntities(p params, rule textRule, b *body) error {
	field := "entities"
	if rule.field == "caption" {
		field = "caption_entities"
	}
	if _, err := p.json(field, &b.entities); err != nil {
		return badRequest("can't parse entities JSON object")
	}
	return nil
}

func checkLength(text string, rule textRule) error {
	switch n := utf16Len(text); {
	case strings.TrimSpace(text) == "" && !rule.optional:
		return badRequest("message text is empty")
	case n > rule.max:
		return badRequest(rule.tooLong)
	}
	return nil
}

// utf16Units is how many UTF-16 code units r takes.
func utf16Units(r rune) int {
	if r >= 0x10000 {
		return 2
	}
	return 1
}

// utf16Len is the length of s in UTF-16 code units, Telegram's unit for
// entity offsets; the emulator uses it for the length limits too.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16Units(r)
	}
	return n
}

// commandEntities marks /commands (and /command@bot) that start a word, as
// Telegram does in users' messages.
func commandEntities(text string) []Entity {
	var out []Entity
	offset, wordStart := 0, true
	for i, r := range text {
		if wordStart && r == '/' {
			if n := commandLen(text[i:]); n > 1 {
				out = append(out, Entity{Type: "bot_command", Offset: offset, Length: n})
			}
		}
		wordStart = r == ' ' || r == '\n' || r == '\t'
		offset += utf16Units(r)
	}
	return out
}

// commandLen is the byte length (= UTF-16 length, all ASCII) of the command s starts with.
func commandLen(s string) int {
	n := 1
	for n < len(s) && n <= 64 && isCommandChar(s[n]) {
		n++
	}
	return n
}

func isCommandChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '@'
}
