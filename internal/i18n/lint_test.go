package i18n

import (
	"errors"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
	"unicode"
)

// This file holds the checks the catalogue must pass; catalogue_test.go runs
// them on every key and lint_rules_test.go shows that each can fail.

// telegramTags are the HTML tags the catalogue may use.
var telegramTags = map[string]bool{"b": true, "i": true, "u": true, "s": true, "code": true, "pre": true, "a": true}

// entityRE matches the entities Telegram understands, at the start of a string.
var entityRE = regexp.MustCompile(`^&(lt|gt|amp|quot|#[0-9]+|#x[0-9a-fA-F]+);`)

// anchorRE matches an opening a tag, which must carry a quoted href.
var anchorRE = regexp.MustCompile(`^a href="[^"<>]*"$`)

// lintSpaces checks a source text for emptiness and stray whitespace.
func lintSpaces(s string) error {
	switch {
	case strings.TrimSpace(s) == "":
		return errors.New("empty text")
	case strings.TrimSpace(s) != s:
		return errors.New("leading or trailing whitespace")
	case strings.ContainsAny(s, "\r\t"):
		return errors.New("carriage return or tab")
	case strings.Contains(s, "  "):
		return errors.New("double space")
	case strings.Contains(s, "\n\n\n"):
		return errors.New("more than one blank line")
	}
	for i, line := range strings.Split(s, "\n") {
		if strings.TrimRightFunc(line, unicode.IsSpace) != line {
			return fmt.Errorf("line %d: trailing space", i+1)
		}
	}
	return nil
}

// lintHTML checks rendered text the way Telegram's HTML parse mode does:
// only its tags, properly nested and closed, and only valid entities.
func lintHTML(s string) error {
	var open []string
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '<':
			end := strings.IndexByte(s[i:], '>')
			if end < 0 {
				return fmt.Errorf("byte %d: unclosed <", i)
			}
			var err error
			if open, err = lintTag(s[i+1:i+end], open); err != nil {
				return fmt.Errorf("byte %d: %w", i, err)
			}
			i += end
		case '>':
			return fmt.Errorf("byte %d: bare >", i)
		case '&':
			if !entityRE.MatchString(s[i:]) {
				return fmt.Errorf("byte %d: bare & or unknown entity", i)
			}
		}
	}
	if len(open) > 0 {
		return fmt.Errorf("unclosed <%s>", open[len(open)-1])
	}
	return nil
}

// lintTag checks one tag's inside against the stack of open tags.
func lintTag(tag string, open []string) ([]string, error) {
	if name, ok := strings.CutPrefix(tag, "/"); ok {
		if len(open) == 0 || open[len(open)-1] != name {
			return nil, fmt.Errorf("</%s> closes nothing open", name)
		}
		return open[:len(open)-1], nil
	}
	name, _, hasAttrs := strings.Cut(tag, " ")
	switch {
	case !telegramTags[name]:
		return nil, fmt.Errorf("tag <%s> is not Telegram's", name)
	case name == "a" && !anchorRE.MatchString(tag):
		return nil, errors.New("<a> without a quoted href")
	case name != "a" && hasAttrs:
		return nil, fmt.Errorf("<%s> with attributes", name)
	}
	return append(open, name), nil
}

// lintPlain checks a text that Telegram shows as it is (a button, a command
// description): no tags and no entities.
func lintPlain(s string) error {
	if strings.ContainsAny(s, "<>&") {
		return errors.New("markup in a plain text")
	}
	return nil
}

// lintPlurals checks that every plural selector of a text gives exactly the
// CLDR categories its language uses, besides exact "=N" branches.
func lintPlurals(nodes []node, lang Lang) error {
	want := categories(lang)
	for _, n := range nodes {
		if n.kind != nodePlural {
			continue
		}
		var got []string
		for _, c := range n.cases {
			if !strings.HasPrefix(c.selector, "=") {
				got = append(got, c.selector)
			}
			if err := lintPlurals(c.body, lang); err != nil {
				return err
			}
		}
		if !slices.Equal(sortCategories(got), want) {
			return fmt.Errorf("plural %q: categories %v, want %v", n.text, got, want)
		}
	}
	return nil
}

// lintSamePlaceholders checks that both languages use the same arguments in
// the same way.
func lintSamePlaceholders(ru, en []node) error {
	r, e := placeholders(ru, nil), placeholders(en, nil)
	if !maps.Equal(r, e) {
		return fmt.Errorf("placeholders differ: ru %v, en %v", r, e)
	}
	return nil
}

// lowerYou are the lower-case forms of «вы» and «ваш»: the catalogue
// addresses the reader with a capital «Вы».
var lowerYou = map[string]bool{
	"вы": true, "вас": true, "вам": true, "вами": true,
	"ваш": true, "ваша": true, "ваше": true, "ваши": true, "вашего": true, "вашей": true,
	"вашему": true, "вашим": true, "вашими": true, "ваших": true, "вашу": true, "вашем": true,
}

// lintPolite checks that a Russian text writes «Вы», «Ваш» with a capital.
func lintPolite(s string) error {
	words := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	for _, w := range words {
		if lowerYou[w] {
			return fmt.Errorf("«%s» should be capitalised", w)
		}
	}
	return nil
}

// plainArea reports whether key's text is shown as plain text.
func plainArea(key Key) bool {
	area, _, _ := strings.Cut(string(key), ".")
	return area == "btn" || area == "menu" || area == "cmd"
}

// keyRE is the form of every key: an area and a name.
var keyRE = regexp.MustCompile(`^[a-z]+\.[a-z0-9_]+$`)
