package catcher

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"strings"
	"time"
)

// Mail is one caught message, parsed.
type Mail struct {
	// Envelope is what the SMTP dialogue said.
	Envelope Envelope
	// Received is when the catcher accepted it.
	Received time.Time
	// From and To are the headers' addresses, names decoded.
	From mail.Address
	To   []mail.Address
	// Subject is decoded.
	Subject string
	// Text and HTML are the bodies of the text/plain and text/html parts.
	Text string
	HTML string
	// Attachments are the parts with a file name.
	Attachments []Attachment
	// Raw is the message as it came.
	Raw []byte
}

// Envelope is the sender and recipients of the SMTP dialogue.
type Envelope struct {
	From string
	To   []string
}

// Attachment is one attached file.
type Attachment struct {
	Name string
	MIME string
	Size int
	Data []byte
}

// decoder decodes RFC 2047 words; charsets other than UTF-8 and ASCII
// are refused (the project writes UTF-8 only).
var decoder = mime.WordDecoder{}

// Parse reads a message: headers decoded, multipart walked, transfer
// encodings undone.
func Parse(raw []byte) (Mail, error) {
	msg, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		return Mail{}, fmt.Errorf("catcher: not a message: %w", err)
	}
	m := Mail{Raw: raw}
	if err := m.readHeader(msg.Header); err != nil {
		return Mail{}, err
	}
	err = m.walk(msg.Header, msg.Body)
	return m, err
}

// readHeader decodes From, To and Subject.
func (m *Mail) readHeader(h mail.Header) error {
	var err error
	if m.Subject, err = decoder.DecodeHeader(h.Get("Subject")); err != nil {
		return fmt.Errorf("catcher: subject: %w", err)
	}
	if from, err := h.AddressList("From"); err == nil && len(from) > 0 {
		m.From = *from[0]
	}
	to, err := h.AddressList("To")
	if err != nil && !errors.Is(err, mail.ErrHeaderNotPresent) {
		return fmt.Errorf("catcher: To: %w", err)
	}
	for _, a := range to {
		m.To = append(m.To, *a)
	}
	return nil
}

// walk reads one part with header h: multipart parts recursively, a
// named part as an attachment, text parts as the bodies.
func (m *Mail) walk(h map[string][]string, body io.Reader) error {
	ctype, params, err := mime.ParseMediaType(first(h, "Content-Type", "text/plain"))
	if err != nil {
		return fmt.Errorf("catcher: Content-Type: %w", err)
	}
	if strings.HasPrefix(ctype, "multipart/") {
		return m.walkMultipart(multipart.NewReader(body, params["boundary"]))
	}
	data, err := io.ReadAll(transferDecoder(first(h, "Content-Transfer-Encoding", ""), body))
	if err != nil {
		return fmt.Errorf("catcher: body: %w", err)
	}
	return m.addPart(h, ctype, params, data)
}

// walkMultipart walks each part of r.
func (m *Mail) walkMultipart(r *multipart.Reader) error {
	for {
		p, err := r.NextRawPart()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("catcher: multipart: %w", err)
		}
		if err := m.walk(p.Header, p); err != nil {
			return err
		}
	}
}

// addPart files a leaf part as an attachment or a body.
func (m *Mail) addPart(h map[string][]string, ctype string, params map[string]string, data []byte) error {
	name, err := fileName(h, params)
	if err != nil {
		return err
	}
	switch {
	case name != "":
		m.Attachments = append(m.Attachments, Attachment{Name: name, MIME: ctype, Size: len(data), Data: data})
	case ctype == "text/html":
		m.HTML += lf(data)
	case ctype == "text/plain":
		m.Text += lf(data)
	}
	return nil
}

// fileName is the part's file name from Content-Disposition (RFC 2231
// first, as mime.ParseMediaType reads it) or Content-Type's name, RFC 2047
// words decoded.
func fileName(h map[string][]string, params map[string]string) (string, error) {
	name := params["name"]
	if d := first(h, "Content-Disposition", ""); d != "" {
		_, dp, err := mime.ParseMediaType(d)
		if err != nil {
			return "", fmt.Errorf("catcher: Content-Disposition: %w", err)
		}
		if dp["filename"] != "" {
			name = dp["filename"]
		}
	}
	return decoder.DecodeHeader(name)
}

// lf is a text body with its CRLF line ends as LF.
func lf(data []byte) string {
	return strings.ReplaceAll(string(data), "\r\n", "\n")
}

// transferDecoder undoes a Content-Transfer-Encoding.
func transferDecoder(enc string, r io.Reader) io.Reader {
	switch strings.ToLower(strings.TrimSpace(enc)) {
	case "base64":
		return base64.NewDecoder(base64.StdEncoding, r)
	case "quoted-printable":
		return quotedprintable.NewReader(r)
	}
	return r
}

// first is h's first value of key, or def.
func first(h map[string][]string, key, def string) string {
	if v := h[key]; len(v) > 0 {
		return v[0]
	}
	return def
}
