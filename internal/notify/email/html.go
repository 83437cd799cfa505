package email

import (
	"html"
	"strings"

	"github.com/schooldiary/diary/internal/notify"
)

// htmlDocument wraps m's Telegram HTML (b, i, a, code, pre; already
// escaped) in a minimal HTML document: line breaks become <br> outside
// <pre>, the links follow the text.
func htmlDocument(lang string, m notify.Message, links []notify.Button) string {
	if lang == "" {
		lang = "ru"
	}
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html lang=\"" + html.EscapeString(lang) + "\">\n<head>\n")
	b.WriteString("<meta charset=\"utf-8\">\n<title>" + html.EscapeString(oneLine(m.Subject)) + "</title>\n")
	b.WriteString("</head>\n<body style=\"font-family: sans-serif; line-height: 1.4\">\n<div>")
	b.WriteString(lineBreaks(m.HTML))
	b.WriteString("</div>\n")
	for _, l := range links {
		b.WriteString("<p><a href=\"" + html.EscapeString(l.URL) + "\">" + html.EscapeString(l.Text) + "</a></p>\n")
	}
	b.WriteString("</body>\n</html>\n")
	return b.String()
}

// lineBreaks turns the newlines of s into <br> except inside <pre>…</pre>,
// where they already show.
func lineBreaks(s string) string {
	var b strings.Builder
	for s != "" {
		open := strings.Index(s, "<pre")
		if open < 0 {
			open = len(s)
		}
		b.WriteString(strings.ReplaceAll(s[:open], "\n", "<br>\n"))
		s = s[open:]
		end := strings.Index(s, "</pre>")
		if end < 0 {
			end = len(s)
		} else {
			end += len("</pre>")
		}
		b.WriteString(s[:end])
		s = s[end:]
		if strings.HasPrefix(s, "\n") { // a <pre> is a block: no <br> after it
			b.WriteString("\n")
			s = s[1:]
		}
	}
	return b.String()
}
