package email

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"html"
	"io"
	"mime"
	"path"
	"strings"

	"gopkg.in/gomail.v2"

	"github.com/schooldiary/diary/internal/notify"
)

// compose builds the email of m to the address: From, To with its display
// name, the subject, a plain-text part with an HTML alternative, and the
// files as attachments. Names and the subject are RFC 2047 encoded by
// gomail; file names by attachmentHeader.
func (c *Channel) compose(to notify.Address, m notify.Message) *gomail.Message {
	g := gomail.NewMessage()
	g.SetAddressHeader("From", c.cfg.From.Address, oneLine(c.cfg.From.Name))
	g.SetAddressHeader("To", to.To, oneLine(to.Name))
	g.SetHeader("Subject", oneLine(m.Subject))
	g.SetHeader("Message-ID", messageID(c.cfg.From.Address))
	links := linkButtons(m.Buttons)
	g.SetBody("text/plain", plainBody(m, links))
	g.AddAlternative("text/html", htmlDocument(to.Language, m, links))
	for _, f := range m.Files {
		attach(g, f)
	}
	return g
}

// oneLine replaces line breaks, which a header cannot hold, with spaces.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// messageID is a new unique Message-ID on the sender's domain.
func messageID(from string) string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	domain := "localhost"
	if i := strings.LastIndexByte(from, '@'); i >= 0 {
		domain = from[i+1:]
	}
	return "<" + hex.EncodeToString(b) + "@" + domain + ">"
}

// linkButtons keeps the URL buttons of the rows: email has no buttons, so
// links go at the end of the text; callback buttons are dropped.
func linkButtons(rows [][]notify.Button) []notify.Button {
	var links []notify.Button
	for _, row := range rows {
		for _, b := range row {
			if b.URL != "" {
				links = append(links, b)
			}
		}
	}
	return links
}

// plainBody is m's plain text (derived from its HTML when empty) with
// the links under it.
func plainBody(m notify.Message, links []notify.Button) string {
	text := m.Text
	if text == "" {
		text = stripTags(m.HTML)
	}
	var b strings.Builder
	b.WriteString(text)
	for _, l := range links {
		b.WriteString("\n\n" + l.Text + ": " + l.URL)
	}
	return b.String()
}

// stripTags turns Telegram HTML into plain text: tags removed, entities
// unescaped.
func stripTags(s string) string {
	var b strings.Builder
	inTag := false
	for _, r := range s {
		switch {
		case r == '<':
			inTag = true
		case r == '>' && inTag:
			inTag = false
		case !inTag:
			b.WriteRune(r)
		}
	}
	return html.UnescapeString(b.String())
}

// attach adds f with its type and its name encoded for every mail client.
func attach(g *gomail.Message, f notify.File) {
	name := safeFileName(f.Name)
	data := f.Data
	g.Attach(name,
		gomail.SetCopyFunc(func(w io.Writer) error {
			_, err := w.Write(data)
			return err
		}),
		gomail.SetHeader(attachmentHeader(name, f.MIME)))
}

// maxNameRunes bounds a file name, so its encoded header lines stay short.
const maxNameRunes = 120

// safeFileName keeps the last element of a name (gomail cuts at a slash
// anyway), at most maxNameRunes long with its extension, never empty.
func safeFileName(name string) string {
	name = path.Base(strings.ReplaceAll(oneLine(name), "\\", "/"))
	if name == "." || name == "/" || name == "" {
		return "file"
	}
	if r := []rune(name); len(r) > maxNameRunes {
		ext := []rune(path.Ext(name))
		if len(ext) > 10 {
			ext = nil
		}
		name = string(r[:maxNameRunes-len(ext)]) + string(ext)
	}
	return name
}

// attachmentHeader gives the attachment's type and disposition. A name
// that is not ASCII goes twice: RFC 2231 (filename* in percent-escaped
// UTF-8, in continuations of at most 60 characters: the standard, which
// Go and mailpit prefer when both are there) and RFC 2047 words in the
// quoted filename and name (not standard, but what Outlook and many
// clients write and read). Lines are folded, as part headers are written
// as they are.
func attachmentHeader(name, mimeType string) map[string][]string {
	if mimeType == "" {
		mimeType = mime.TypeByExtension(path.Ext(name))
	}
	if mimeType == "" {
		mimeType = "application/octet-stream"
	}
	quoted := `"` + escapeQuoted(name) + `"`
	disp := "attachment;" + fold + "filename=" + quoted
	if words := mime.BEncoding.Encode("UTF-8", name); words != name {
		quoted = `"` + strings.ReplaceAll(words, " ", fold) + `"`
		disp = "attachment;" + fold + "filename=" + quoted + rfc2231Param("filename", name)
	}
	return map[string][]string{
		"Content-Type":        {mimeType + ";" + fold + "name=" + quoted},
		"Content-Disposition": {disp},
	}
}

// fold breaks a header line; the next one goes on with a space.
const fold = "\r\n "

// rfc2231Param is ";key*0*=…;key*1*=…" (RFC 2231, UTF-8): value percent-escaped in
// continuations of at most 60 characters, each on its own line.
func rfc2231Param(key, value string) string {
	var b strings.Builder
	rest := "UTF-8''" + rfc2231Escape(value)
	for i := 0; rest != ""; i++ {
		n := min(60, len(rest))
		if k := strings.LastIndexByte(rest[:n], '%'); n < len(rest) && k > n-3 {
			n = k // do not split a %XX
		}
		fmt.Fprintf(&b, ";%s%s*%d*=%s", fold, key, i, rest[:n])
		rest = rest[n:]
	}
	return b.String()
}

// escapeQuoted escapes a value for a quoted-string.
func escapeQuoted(s string) string {
	return strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s)
}

// rfc2231Escape percent-encodes a parameter value as RFC 2231 asks: only
// letters, digits and !#$&+-.^_`|~ stay as they are.
func rfc2231Escape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if isAttrChar(c) {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

// isAttrChar says whether c may stand unencoded in an RFC 2231 value.
func isAttrChar(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return strings.IndexByte("!#$&+-.^_`|~", c) >= 0
}
