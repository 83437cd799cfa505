package telegramtest

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// htmlTags maps each tag of Telegram's HTML parse mode to the entity it makes.
var htmlTags = map[string]string{
	"b": "bold", "strong": "bold",
	"i": "italic", "em": "italic",
	"u": "underline", "ins": "underline",
	"s": "strikethrough", "strike": "strikethrough", "del": "strikethrough",
	"span": "spoiler", "tg-spoiler": "spoiler",
	"a":          "text_link",
	"code":       "code",
	"pre":        "pre",
	"blockquote": "blockquote",
	"tg-emoji":   "custom_emoji",
}

// htmlEntities are the named references Telegram decodes.
var htmlEntities = map[string]rune{"lt": '<', "gt": '>', "amp": '&', "quot": '"'}

// openTag is a start tag waiting for its end tag.
type openTag struct {
	name   string
	entity Entity // Offset set at the start tag; Type "" makes no entity
	class  string
	pos    int // byte offset of '<'
}

// htmlParser turns Telegram HTML into plain text and entities, following
// tdlib's parse_html and its error messages.
type htmlParser struct {
	src      string
	i        int
	out      strings.Builder
	n        int // UTF-16 length of out
	stack    []openTag
	entities []Entity
}

// parseHTML returns the plain text and entities of src, or the reason
// Telegram would give for refusing it (without the "can't parse entities" prefix).
func parseHTML(src string) (string, []Entity, error) {
	p := &htmlParser{src: src}
	for p.i < len(src) {
		if err := p.step(); err != nil {
			return "", nil, err
		}
	}
	if len(p.stack) > 0 {
		return "", nil, fmt.Errorf("Can't find end tag corresponding to start tag %q", p.stack[len(p.stack)-1].name)
	}
	sort.SliceStable(p.entities, func(a, b int) bool {
		ea, eb := p.entities[a], p.entities[b]
		return ea.Offset < eb.Offset || ea.Offset == eb.Offset && ea.Length > eb.Length
	})
	return p.out.String(), p.entities, nil
}

func (p *htmlParser) step() error {
	switch {
	case p.src[p.i] == '&':
		return p.reference()
	case p.src[p.i] != '<':
		r, size := utf8.DecodeRuneInString(p.src[p.i:])
		p.emit(r)
		p.i += size
		return nil
	case p.i+1 < len(p.src) && p.src[p.i+1] == '/':
		return p.endTag()
	default:
		return p.startTag()
	}
}

func (p *htmlParser) emit(r rune) {
	p.out.WriteRune(r)
	p.n += utf16Units(r)
}

// reference decodes &lt; &gt; &amp; &quot; and numeric references. Unlike
// Telegram, which keeps an unknown '&' as it is, the emulator refuses it.
func (p *htmlParser) reference() error {
	r, size := decodeReference(p.src[p.i:])
	if size == 0 {
		return fmt.Errorf("Unsupported HTML entity at byte offset %d; escape '&' as &amp;", p.i)
	}
	p.emit(r)
	p.i += size
	return nil
}

// decodeReference decodes the reference s starts with; size 0 if there is none.
func decodeReference(s string) (r rune, size int) {
	end := strings.IndexByte(s, ';')
	if end < 2 || end > 10 {
		return 0, 0
	}
	name := s[1:end]
	if r, ok := htmlEntities[name]; ok {
		return r, end + 1
	}
	if !strings.HasPrefix(name, "#") {
		return 0, 0
	}
	num, base := name[1:], 10
	if strings.HasPrefix(num, "x") || strings.HasPrefix(num, "X") {
		num, base = num[1:], 16
	}
	v, err := strconv.ParseUint(num, base, 32)
	if err != nil || v == 0 || !utf8.ValidRune(rune(v)) {
		return 0, 0
	}
	return rune(v), end + 1
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// startTag reads "<name attr=value ...>" and opens the tag.
func (p *htmlParser) startTag() error {
	begin := p.i
	i := begin + 1
	for i < len(p.src) && !isSpace(p.src[i]) && p.src[i] != '>' {
		i++
	}
	if i >= len(p.src) {
		return fmt.Errorf("Unclosed start tag at byte offset %d", begin)
	}
	name := strings.ToLower(p.src[begin+1 : i])
	typ, ok := htmlTags[name]
	if !ok {
		return fmt.Errorf("Unsupported start tag %q at byte offset %d", name, begin)
	}
	t := openTag{name: name, entity: Entity{Type: typ, Offset: p.n}, pos: begin}
	end, err := p.attributes(&t, i)
	if err != nil {
		return err
	}
	p.i = end + 1
	return p.open(t)
}

// attributes reads the attributes of t from i up to the closing '>', whose
// index it returns.
func (p *htmlParser) attributes(t *openTag, i int) (int, error) {
	for {
		for i < len(p.src) && isSpace(p.src[i]) {
			i++
		}
		if i >= len(p.src) {
			return 0, fmt.Errorf("Unclosed start tag at byte offset %d", t.pos)
		}
		if p.src[i] == '>' {
			return i, nil
		}
		var err error
		if i, err = p.attribute(t, i); err != nil {
			return 0, err
		}
	}
}

// attribute reads one attribute starting at i and returns the index after it.
func (p *htmlParser) attribute(t *openTag, i int) (int, error) {
	begin := i
	for i < len(p.src) && !isSpace(p.src[i]) && p.src[i] != '=' && p.src[i] != '>' {
		i++
	}
	name := strings.ToLower(p.src[begin:i])
	if name == "" {
		return 0, fmt.Errorf("Empty attribute name in the tag %q at byte offset %d", t.name, t.pos)
	}
	for i < len(p.src) && isSpace(p.src[i]) {
		i++
	}
	if i >= len(p.src) || p.src[i] != '=' {
		if t.name == "blockquote" && name == "expandable" {
			t.entity.Type = "expandable_blockquote"
			return i, nil
		}
		return 0, fmt.Errorf("Expected equal sign in declaration of an attribute of the tag %q at byte offset %d", t.name, t.pos)
	}
	i++
	for i < len(p.src) && isSpace(p.src[i]) {
		i++
	}
	value, next, err := p.attributeValue(t, i)
	if err != nil {
		return 0, err
	}
	t.set(name, value)
	return next, nil
}

// attributeValue reads a quoted or bare attribute value at i.
func (p *htmlParser) attributeValue(t *openTag, i int) (string, int, error) {
	if i >= len(p.src) {
		return "", 0, fmt.Errorf("Unclosed start tag at byte offset %d", t.pos)
	}
	if q := p.src[i]; q == '"' || q == '\'' {
		end := strings.IndexByte(p.src[i+1:], q)
		if end < 0 {
			return "", 0, fmt.Errorf("Unclosed start tag at byte offset %d", t.pos)
		}
		return unescapeAttribute(p.src[i+1 : i+1+end]), i + end + 2, nil
	}
	begin := i
	for i < len(p.src) && isNameChar(p.src[i]) {
		i++
	}
	if i < len(p.src) && !isSpace(p.src[i]) && p.src[i] != '>' {
		return "", 0, fmt.Errorf("Unexpected end of name token at byte offset %d", begin)
	}
	return p.src[begin:i], i, nil
}

func isNameChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte(".-_:", c) >= 0
}

// unescapeAttribute decodes references in an attribute value; an unknown '&'
// stays as it is there, as in Telegram.
func unescapeAttribute(v string) string {
	var b strings.Builder
	for i := 0; i < len(v); {
		if r, size := decodeReference(v[i:]); v[i] == '&' && size > 0 {
			b.WriteRune(r)
			i += size
			continue
		}
		b.WriteByte(v[i])
		i++
	}
	return b.String()
}

// set applies an attribute; Telegram ignores attributes it does not know.
func (t *openTag) set(name, value string) {
	switch {
	case t.name == "a" && name == "href":
		t.entity.URL = value
	case t.name == "code" && name == "class":
		t.entity.Language = strings.TrimPrefix(value, "language-")
	case t.name == "span" && name == "class":
		t.class = value
	case t.name == "tg-emoji" && name == "emoji-id":
		t.entity.CustomEmojiID = value
	}
}

// open checks a complete start tag and pushes it.
func (p *htmlParser) open(t openTag) error {
	switch t.name {
	case "span":
		if t.class != "tg-spoiler" {
			return fmt.Errorf("Tag \"span\" must have class \"tg-spoiler\" at byte offset %d", t.pos)
		}
	case "tg-emoji":
		if _, err := strconv.ParseInt(t.entity.CustomEmojiID, 10, 64); err != nil {
			return fmt.Errorf("Invalid custom emoji identifier specified at byte offset %d", t.pos)
		}
	case "a":
		if t.entity.URL == "" {
			t.entity.Type = "" // tdlib makes no link of <a> without href
		}
	case "code":
		p.mergeIntoPre(&t)
	}
	p.stack = append(p.stack, t)
	return nil
}

// mergeIntoPre makes <pre><code class="language-x"> one pre entity with a language.
func (p *htmlParser) mergeIntoPre(t *openTag) {
	if len(p.stack) == 0 {
		return
	}
	top := &p.stack[len(p.stack)-1]
	if top.name == "pre" && top.entity.Offset == p.n {
		top.entity.Language = t.entity.Language
		t.entity.Type = ""
	}
}

// endTag reads "</name>" and closes the innermost open tag.
func (p *htmlParser) endTag() error {
	begin := p.i
	if len(p.stack) == 0 {
		return fmt.Errorf("Unexpected end tag at byte offset %d", begin)
	}
	i := begin + 2
	for i < len(p.src) && !isSpace(p.src[i]) && p.src[i] != '>' {
		i++
	}
	name := strings.ToLower(p.src[begin+2 : i])
	for i < len(p.src) && isSpace(p.src[i]) {
		i++
	}
	if i >= len(p.src) || p.src[i] != '>' {
		return fmt.Errorf("Unclosed end tag at byte offset %d", begin)
	}
	top := p.stack[len(p.stack)-1]
	if name != "" && name != top.name {
		return fmt.Errorf("Unmatched end tag at byte offset %d, expected \"</%s>\", found \"</%s>\"", begin, top.name, name)
	}
	p.stack = p.stack[:len(p.stack)-1]
	p.i = i + 1
	if e := top.entity; e.Type != "" && p.n > e.Offset {
		e.Length = p.n - e.Offset
		p.entities = append(p.entities, e)
	}
	return nil
}
