package email

import (
	"mime"
	"regexp"
	"strings"
	"testing"
)

// rfc2231Params matches the filename*N* continuations.
var rfc2231Params = regexp.MustCompile(`;\s*filename\*\d+\*=[^;]*`)

func TestAttachmentHeaderBothEncodings(t *testing.T) {
	long := strings.Repeat("Ведомость ", 20) + "итог.xlsx"
	for _, name := range []string{samplePDFName, sampleXLSXName, "report.pdf", `a "quoted" name.pdf`, "ёЁ%'*;=.pdf", safeFileName(long)} {
		h := attachmentHeader(name, "")
		disp := unfold(h["Content-Disposition"][0])
		_, p, err := mime.ParseMediaType(disp)
		if err != nil || p["filename"] != name {
			t.Errorf("RFC 2231 reader: filename of %q = %q, %v; want %q", disp, p["filename"], err, name)
		}
		_, p, err = mime.ParseMediaType(rfc2231Params.ReplaceAllString(disp, ""))
		if got, derr := new(mime.WordDecoder).DecodeHeader(p["filename"]); err != nil || derr != nil || got != name {
			t.Errorf("RFC 2047 reader: filename of %q = %q, %v %v; want %q", disp, got, err, derr, name)
		}
		checkLines(t, h)
	}
}

// unfold joins folded header lines as a reader does.
func unfold(s string) string { return strings.ReplaceAll(s, "\r\n ", " ") }

// checkLines checks that every header line stays short: RFC 5322 allows
// 998 characters and asks for 78; an RFC 2047 word is up to 75 after
// ` filename="`, so 90, but for a long MIME type.
func checkLines(t *testing.T, h map[string][]string) {
	t.Helper()
	for k, v := range h {
		for _, line := range strings.Split(k+": "+v[0], "\r\n") {
			if len(line) > 90 && !strings.HasPrefix(line, "Content-Type: ") {
				t.Errorf("%s has a line of %d characters: %q", k, len(line), line)
			}
		}
	}
}

func TestSafeFileName(t *testing.T) {
	long := strings.Repeat("ж", 300) + ".pdf"
	tests := []struct{ in, want string }{
		{"Табель.pdf", "Табель.pdf"},
		{"../../etc/passwd", "passwd"},
		{`C:\Users\Школа\отчёт.xlsx`, "отчёт.xlsx"},
		{"", "file"},
		{"/", "file"},
		{"строка\r\nBcc: x.pdf", "строка Bcc: x.pdf"},
		{long, strings.Repeat("ж", maxNameRunes-4) + ".pdf"},
	}
	for _, tt := range tests {
		if got := safeFileName(tt.in); got != tt.want {
			t.Errorf("safeFileName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLineBreaks(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a\nb", "a<br>\nb"},
		{"<b>a</b>\n<pre>x\ny</pre>\nz", "<b>a</b><br>\n<pre>x\ny</pre>\nz"},
		{"<pre><code class=\"language-go\">x\ny</code></pre>", "<pre><code class=\"language-go\">x\ny</code></pre>"},
		{"a\n<pre>x\ny", "a<br>\n<pre>x\ny"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := lineBreaks(tt.in); got != tt.want {
			t.Errorf("lineBreaks(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
