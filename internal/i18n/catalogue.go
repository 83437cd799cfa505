package i18n

import (
	"errors"
	"fmt"
	"slices"
)

// Key names a text of the catalogue, as "area.name": "link.done".
type Key string

// text is the texts of one key. Its literals are written unkeyed,
// {"ru", "en"}, so that the compiler refuses a key with one language only.
type text struct {
	ru, en string
}

// messages is the texts of one area, defined in its messages_*.go file.
type messages map[Key]text

// entry is a key's texts, parsed.
type entry struct {
	src    text
	ru, en []node
	args   map[string]bool // every placeholder; true for a plural selector
}

// nodes returns the parsed text of lang.
func (e *entry) nodes(lang Lang) []node {
	if lang.norm() == EN {
		return e.en
	}
	return e.ru
}

// catalogue holds every key; catalogueErr is why some key could not be
// added (a parse error, a key defined twice). The tests require it nil.
var catalogue, catalogueErr = compile(
	startMessages, linkMessages, accessMessages, consentMessages, childMessages,
	menuMessages, settingsMessages, emptyMessages, errorMessages, unitMessages,
	viewMessages,
	botMessages, staffMessages, staffCodeMessages, notifyMessages, announceMessages,
)

// compile parses every area's texts into one catalogue.
func compile(areas ...messages) (map[Key]*entry, error) {
	all := map[Key]*entry{}
	var errs []error
	for _, area := range areas {
		for key, t := range area {
			if _, dup := all[key]; dup {
				errs = append(errs, fmt.Errorf("i18n: %s defined twice", key))
				continue
			}
			e, err := compileEntry(t)
			if err != nil {
				errs = append(errs, fmt.Errorf("i18n: %s: %w", key, err))
				continue
			}
			all[key] = e
		}
	}
	return all, errors.Join(errs...)
}

// compileEntry parses both languages of one key.
func compileEntry(t text) (*entry, error) {
	ru, err := parse(t.ru)
	if err != nil {
		return nil, fmt.Errorf("ru: %w", err)
	}
	en, err := parse(t.en)
	if err != nil {
		return nil, fmt.Errorf("en: %w", err)
	}
	args := placeholders(en, placeholders(ru, nil))
	return &entry{src: t, ru: ru, en: en, args: args}, nil
}

// Keys returns every key of the catalogue, sorted, for tests that render
// them all.
func Keys() []Key {
	keys := make([]Key, 0, len(catalogue))
	for k := range catalogue {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// Placeholders returns the argument names key's text uses, sorted.
func Placeholders(key Key) []string {
	e, ok := catalogue[key]
	if !ok {
		return nil
	}
	var names []string
	for name := range e.args {
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}
