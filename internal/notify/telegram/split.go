package telegram

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf16"
)

// MaxText is the longest message text Telegram takes, in UTF-16 code units
// (characters, an emoji counting two).
const MaxText = 4096

// tagRE finds the tags of Telegram's HTML subset: "<b>", "</b>", "<a href=…>".
var tagRE = regexp.MustCompile(`<(/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*>`)

// errTooLong says a block that cannot be split is over the limit.
var errTooLong = errors.New("a line or a tagged block too long for one message")

// Split cuts text in HTML into parts of at most limit UTF-16 code units,
// between lines outside any tag (a <pre> block or a bold paragraph stays
// whole), dropping the line breaks it cuts at. Lengths count the markup,
// which Telegram does not: a part may be shorter than it could be, never
// longer. A line or a tagged block over the limit is an error.
func Split(text string, limit int) ([]string, error) {
	if length(text) <= limit {
		return []string{text}, nil
	}
	var parts []string
	var cur strings.Builder
	n := 0 // cur's length
	for _, block := range blocks(text) {
		size := length(block)
		switch {
		case size > limit:
			return nil, fmt.Errorf("telegram: %w (%d characters, at most %d)", errTooLong, size, limit)
		case n > 0 && n+1+size > limit:
			parts = append(parts, cur.String())
			cur.Reset()
			n = 0
		case n > 0:
			cur.WriteByte('\n')
			n++
		}
		cur.WriteString(block)
		n += size
	}
	return append(parts, cur.String()), nil
}

// blocks returns text's lines, a line that leaves a tag open joined with
// the lines up to the one that closes it.
func blocks(text string) []string {
	var out []string
	var cur []string
	depth := 0
	for _, line := range strings.Split(text, "\n") {
		cur = append(cur, line)
		if depth += openTags(line); depth <= 0 {
			out = append(out, strings.Join(cur, "\n"))
			cur, depth = nil, 0
		}
	}
	if len(cur) > 0 {
		out = append(out, strings.Join(cur, "\n"))
	}
	return out
}

// openTags returns how many more tags line opens than it closes.
func openTags(line string) int {
	n := 0
	for _, m := range tagRE.FindAllStringSubmatch(line, -1) {
		if m[1] == "/" {
			n--
		} else {
			n++
		}
	}
	return n
}

// length is s's length in UTF-16 code units, as Telegram counts.
func length(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}
