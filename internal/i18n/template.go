package i18n

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// nodeKind tells what a node of a parsed text is.
type nodeKind uint8

const (
	nodeLiteral nodeKind = iota // text as it is
	nodeArg                     // {name}
	nodeHash                    // # in a plural branch: the number
	nodePlural                  // {name, plural, one {…} other {…}}
)

// node is one piece of a parsed text.
type node struct {
	kind  nodeKind
	text  string       // the literal text, or the argument's name
	cases []pluralCase // the branches of a plural selector
}

// pluralCase is one branch of a plural selector: a CLDR category name
// ("one", "few", "many", "other", "zero", "two") or an exact "=N".
type pluralCase struct {
	selector string
	body     []node
}

// textParser reads the placeholder syntax described in the package comment.
type textParser struct {
	src string
	pos int
}

// parse turns a catalogue text into nodes.
func parse(src string) ([]node, error) {
	p := &textParser{src: src}
	nodes, err := p.seq(false)
	if err == nil && p.pos < len(p.src) {
		err = errors.New("unmatched }")
	}
	if err != nil {
		return nil, fmt.Errorf("parse at byte %d: %w", p.pos, err)
	}
	return nodes, nil
}

// seq reads nodes up to the end of the text or an unmatched '}', which it
// leaves unread. In a plural branch '#' stands for the number.
func (p *textParser) seq(inBranch bool) ([]node, error) {
	var nodes []node
	for p.pos < len(p.src) && p.src[p.pos] != '}' {
		switch c := p.src[p.pos]; {
		case c == '{':
			n, err := p.placeholder()
			if err != nil {
				return nil, err
			}
			nodes = append(nodes, n)
		case c == '#' && inBranch:
			p.pos++
			nodes = append(nodes, node{kind: nodeHash})
		default:
			nodes = append(nodes, node{kind: nodeLiteral, text: p.literal(inBranch)})
		}
	}
	return nodes, nil
}

// literal reads text up to the next brace (or '#' in a plural branch).
func (p *textParser) literal(inBranch bool) string {
	stops := "{}"
	if inBranch {
		stops = "{}#"
	}
	end := strings.IndexAny(p.src[p.pos:], stops)
	if end < 0 {
		end = len(p.src) - p.pos
	}
	s := p.src[p.pos : p.pos+end]
	p.pos += end
	return s
}

// placeholder reads {name} or {name, plural, …}; p.pos is at the '{'.
func (p *textParser) placeholder() (node, error) {
	p.pos++
	p.spaces()
	name := p.name()
	if name == "" {
		return node{}, errors.New("placeholder without a name")
	}
	p.spaces()
	if p.eat("}") {
		return node{kind: nodeArg, text: name}, nil
	}
	if !p.eat(",") || !p.eatWord("plural") || !p.eatSpaced(",") {
		return node{}, fmt.Errorf("placeholder %q: want } or , plural,", name)
	}
	cases, err := p.cases()
	if err != nil {
		return node{}, fmt.Errorf("plural %q: %w", name, err)
	}
	return node{kind: nodePlural, text: name, cases: cases}, nil
}

// cases reads the branches of a plural selector and its closing '}'.
func (p *textParser) cases() ([]pluralCase, error) {
	var cases []pluralCase
	for p.spaces(); !p.eat("}"); p.spaces() {
		sel := p.selector()
		if !validSelector(sel) {
			return nil, fmt.Errorf("bad selector %q", sel)
		}
		p.spaces()
		if !p.eat("{") {
			return nil, fmt.Errorf("selector %q: want {", sel)
		}
		body, err := p.seq(true)
		if err != nil {
			return nil, err
		}
		if !p.eat("}") {
			return nil, fmt.Errorf("selector %q: unclosed branch", sel)
		}
		cases = append(cases, pluralCase{selector: sel, body: body})
	}
	if !hasSelector(cases, "other") {
		return nil, errors.New("no other branch")
	}
	return cases, nil
}

// name reads an argument name: ASCII letters, digits and underscores.
func (p *textParser) name() string {
	start := p.pos
	for p.pos < len(p.src) && isNameByte(p.src[p.pos]) {
		p.pos++
	}
	return p.src[start:p.pos]
}

// selector reads a branch selector up to a space or '{'.
func (p *textParser) selector() string {
	start := p.pos
	for p.pos < len(p.src) && !strings.ContainsRune(" \n{}", rune(p.src[p.pos])) {
		p.pos++
	}
	return p.src[start:p.pos]
}

// spaces skips spaces and newlines; it always reports true.
func (p *textParser) spaces() bool {
	for p.pos < len(p.src) && (p.src[p.pos] == ' ' || p.src[p.pos] == '\n') {
		p.pos++
	}
	return true
}

// eat consumes s if the text continues with it.
func (p *textParser) eat(s string) bool {
	if !strings.HasPrefix(p.src[p.pos:], s) {
		return false
	}
	p.pos += len(s)
	return true
}

// eatWord consumes s after optional spaces.
func (p *textParser) eatWord(s string) bool { return p.spaces() && p.eat(s) }

// eatSpaced consumes s between optional spaces.
func (p *textParser) eatSpaced(s string) bool { return p.eatWord(s) && p.spaces() }

func isNameByte(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// validSelector reports whether s is a CLDR category or an exact "=N".
func validSelector(s string) bool {
	if n, ok := strings.CutPrefix(s, "="); ok {
		_, err := strconv.ParseUint(n, 10, 31)
		return err == nil
	}
	_, ok := categoryForms[s]
	return ok
}

func hasSelector(cases []pluralCase, sel string) bool {
	for _, c := range cases {
		if c.selector == sel {
			return true
		}
	}
	return false
}

// placeholders returns every argument a text uses, each name mapped to
// whether it selects a plural branch, from all branches.
func placeholders(nodes []node, into map[string]bool) map[string]bool {
	if into == nil {
		into = map[string]bool{}
	}
	for _, n := range nodes {
		switch n.kind {
		case nodeArg:
			if _, ok := into[n.text]; !ok {
				into[n.text] = false
			}
		case nodePlural:
			into[n.text] = true
			for _, c := range n.cases {
				placeholders(c.body, into)
			}
		}
	}
	return into
}
