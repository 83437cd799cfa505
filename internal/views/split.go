package views

import (
	"strings"
	"unicode/utf8"
)

// MaxText is the longest message Telegram accepts, in UTF-16 code units.
const MaxText = 4096

// Split cuts the Telegram HTML text into pages of at most limit UTF-16 code
// units each (MaxText when limit is not positive), counting the markup too.
// It cuts at the last line break that fits, else at the last space, else
// between two characters; never inside a tag, an entity or a character.
// Tags open at a cut are closed at the end of the page and opened again at
// the start of the next one, so every page is balanced on its own. Line
// breaks at a cut are dropped. Only a limit too small for a single tag with
// its closers can give a longer page. Split("") is nil.
func Split(text string, limit int) []string {
	if limit <= 0 {
		limit = MaxText
	}
	var pages []string
	s := splitter{text: text, limit: limit}
	for s.pos < len(text) {
		if page, ok := s.page(); ok {
			pages = append(pages, page)
		}
	}
	return pages
}

// splitter walks a text page by page.
type splitter struct {
	text  string
	limit int
	pos   int      // where the next page starts
	open  []string // the tags open at pos, outermost first
}

// cut is a place a page may end: the byte after its last atom, the page's
// size up to there, the tags open there, and whether the page up to it
// shows any text.
type cut struct {
	end     int
	size    int
	open    []string
	visible bool
}

// page returns the next page and moves past it; ok is false when what is
// left shows no text (line breaks and tags only).
func (s *splitter) page() (string, bool) {
	s.skipBreaks()
	prefix := strings.Join(s.open, "")
	size := units(prefix)
	open := append([]string(nil), s.open...)
	var line, space cut // the last line break and space; zero while none
	here := cut{end: s.pos, size: size, open: open}
	for i := s.pos; i < len(s.text); {
		atom := nextAtom(s.text[i:])
		next := advance(open, atom)
		grow := units(atom)
		if size+grow+closersSize(next) > s.limit && here.visible {
			switch atom {
			case "\n":
				return s.finish(prefix, here)
			case " ":
				space = here
			}
			return s.finish(prefix, pick(line, space, here, s.limit))
		}
		size, open, i = size+grow, next, i+len(atom)
		here = cut{end: i, size: size, open: open, visible: here.visible || visibleAtom(atom)}
		switch atom {
		case "\n":
			line = cut{end: i - 1, size: size - 1, open: open, visible: here.visible}
		case " ":
			space = cut{end: i - 1, size: size - 1, open: open, visible: here.visible}
		}
	}
	return s.finish(prefix, here)
}

// finish writes the page up to c, closing its open tags, and starts the
// next page after c (and the line break or space it ended at).
func (s *splitter) finish(prefix string, c cut) (string, bool) {
	body := s.text[s.pos:c.end]
	s.pos, s.open = c.end, c.open
	if s.pos < len(s.text) && (s.text[s.pos] == '\n' || s.text[s.pos] == ' ') {
		s.pos++
	}
	if !c.visible {
		return "", false
	}
	return prefix + strings.TrimRight(body, "\n") + closers(c.open), true
}

// skipBreaks skips the line breaks at the start of a page.
func (s *splitter) skipBreaks() {
	for s.pos < len(s.text) && s.text[s.pos] == '\n' {
		s.pos++
	}
}

// pick returns the best place to cut: the last line break, unless it
// leaves the page less than half full and a later space does not; else the
// last space, else here. A cut that would leave the page without text
// (a zero cut among them) is skipped.
func pick(line, space, here cut, limit int) cut {
	switch {
	case line.visible && (line.size >= limit/2 || space.end <= line.end):
		return line
	case space.visible:
		return space
	case line.visible:
		return line
	}
	return here
}

// nextAtom returns the unit s starts with that must not be cut: a whole
// tag, a whole entity, or one character.
func nextAtom(s string) string {
	switch s[0] {
	case '<':
		if end := strings.IndexByte(s, '>'); end > 0 {
			return s[:end+1]
		}
	case '&':
		if end := strings.IndexByte(s, ';'); end > 1 && end <= 10 && !strings.ContainsAny(s[1:end], " \n&<") {
			return s[:end+1]
		}
	}
	_, size := utf8.DecodeRuneInString(s)
	return s[:size]
}

// visibleAtom reports whether an atom shows text (it is no tag or line break).
func visibleAtom(atom string) bool {
	return atom != "\n" && !isTag(atom)
}

// isTag reports whether an atom is an HTML tag.
func isTag(atom string) bool {
	return len(atom) > 2 && atom[0] == '<' && atom[len(atom)-1] == '>'
}

// advance returns the open tags after atom; open is not modified.
func advance(open []string, atom string) []string {
	if !isTag(atom) {
		return open
	}
	if name, ok := strings.CutPrefix(atom[1:len(atom)-1], "/"); ok {
		if n := len(open); n > 0 && tagName(open[n-1]) == name {
			return open[: n-1 : n-1]
		}
		return open
	}
	out := make([]string, len(open), len(open)+1)
	copy(out, open)
	return append(out, atom)
}

// tagName returns the name of an opening tag: `<a href="…">` → "a".
func tagName(tag string) string {
	name := strings.TrimSuffix(strings.TrimPrefix(tag, "<"), ">")
	name, _, _ = strings.Cut(name, " ")
	return name
}

// closers returns the closing tags of open, innermost first.
func closers(open []string) string {
	var b strings.Builder
	for i := len(open) - 1; i >= 0; i-- {
		b.WriteString("</" + tagName(open[i]) + ">")
	}
	return b.String()
}

// closersSize returns the length of closers(open) in UTF-16 code units.
func closersSize(open []string) int {
	n := 0
	for _, t := range open {
		n += len(tagName(t)) + 3
	}
	return n
}

// units returns the length of s in UTF-16 code units, as Telegram counts.
func units(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}
