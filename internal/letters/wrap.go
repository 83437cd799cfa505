package letters

import "strings"

// measureFunc returns the printed width of a string in the current font.
type measureFunc func(string) (float64, error)

// ellipsis ends a line cut short by clip.
const ellipsis = "…"

// wrap splits text into lines no wider than width. It breaks at spaces, after the hyphens of
// a double-barrelled name («Римского-|Корсакова») and, when even such a part is wider than a
// whole line, inside it. Runs of spaces collapse; an empty text gives no lines.
func wrap(text string, width float64, measure measureFunc) ([]string, error) {
	var lines []string
	line := ""
	for _, a := range atoms(text) {
		candidate := a.text
		if line != "" {
			candidate = line + a.sep + a.text
		}
		fits, err := fitsIn(candidate, width, measure)
		if err != nil {
			return nil, err
		}
		if fits {
			line = candidate
			continue
		}
		pieces, err := breakWord(a.text, width, measure)
		if err != nil {
			return nil, err
		}
		if line != "" {
			lines = append(lines, line)
		}
		lines = append(lines, pieces[:len(pieces)-1]...)
		line = pieces[len(pieces)-1]
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines, nil
}

// atom is an unbreakable piece of text with what joins it to the piece before on one line.
type atom struct{ sep, text string }

// atoms cuts text at spaces (joined back by a space) and after hyphens (joined by nothing).
func atoms(text string) []atom {
	var out []atom
	for _, word := range strings.Fields(text) {
		sep := " "
		for word != "" {
			i := strings.Index(word, "-") + 1
			if i == 0 || i == len(word) {
				i = len(word)
			}
			out = append(out, atom{sep: sep, text: word[:i]})
			word, sep = word[i:], ""
		}
	}
	return out
}

// breakWord cuts a word into pieces no wider than width (each at least one character, so that
// even an absurdly narrow width ends). It always returns at least one piece.
func breakWord(word string, width float64, measure measureFunc) ([]string, error) {
	var pieces []string
	piece := []rune{}
	for _, r := range word {
		fits, err := fitsIn(string(append(piece, r)), width, measure)
		if err != nil {
			return nil, err
		}
		if !fits && len(piece) > 0 {
			pieces = append(pieces, string(piece))
			piece = piece[:0]
		}
		piece = append(piece, r)
	}
	return append(pieces, string(piece)), nil
}

// clip keeps at most maxLines lines; when it drops some, the last kept line ends with an
// ellipsis and is shortened until it still fits the width.
func clip(lines []string, maxLines int, width float64, measure measureFunc) ([]string, error) {
	if len(lines) <= maxLines {
		return lines, nil
	}
	lines = lines[:maxLines]
	last := []rune(strings.TrimSpace(lines[maxLines-1]))
	for len(last) > 0 {
		fits, err := fitsIn(string(last)+ellipsis, width, measure)
		if err != nil {
			return nil, err
		}
		if fits {
			break
		}
		last = last[:len(last)-1]
	}
	lines[maxLines-1] = strings.TrimSpace(string(last)) + ellipsis
	return lines, nil
}

// fitsIn tells whether s is no wider than width.
func fitsIn(s string, width float64, measure measureFunc) (bool, error) {
	w, err := measure(s)
	if err != nil {
		return false, err
	}
	return w <= width, nil
}
