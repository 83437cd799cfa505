package i18n

import (
	"html"
	"strings"
)

// Safe is text already in Telegram's HTML, passed to T as it is: a part
// rendered by T itself, or markup the caller built from escaped parts.
// Never convert user input to Safe; pass it as a string and T escapes it.
type Safe string

// htmlEscaper escapes what Telegram's HTML parse mode requires, and the
// double quote so a value can stand inside an attribute.
var htmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")

// Escape returns s escaped for Telegram's HTML parse mode, as Safe.
func Escape(s string) Safe { return Safe(htmlEscaper.Replace(s)) }

// PlainText returns what Telegram shows for the HTML text s: the tags
// dropped and the entities decoded. Button labels, callback answers and
// command descriptions are not parsed as HTML and need this form.
func PlainText(s Safe) string {
	var b strings.Builder
	rest := string(s)
	for {
		open := strings.IndexByte(rest, '<')
		if open < 0 {
			b.WriteString(rest)
			break
		}
		b.WriteString(rest[:open])
		end := strings.IndexByte(rest[open:], '>')
		if end < 0 {
			break
		}
		rest = rest[open+end+1:]
	}
	return html.UnescapeString(b.String())
}
