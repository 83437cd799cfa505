package httpapi

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/schooldiary/diary/internal/diary"
)

// item reads the fields of one API item, collecting a problem for each bad
// field so that one answer lists them all.
type item struct {
	idx   int
	m     map[string]json.RawMessage
	probs *[]ItemProblem
}

// fail records a problem with field of the item.
func (it *item) fail(field, msg string) {
	*it.probs = append(*it.probs, ItemProblem{Index: it.idx, Field: field, Error: msg})
}

// raw returns a field's JSON; absent and null are both "not given".
func (it *item) raw(name string) (json.RawMessage, bool) {
	v, ok := it.m[name]
	if !ok || bytes.Equal(bytes.TrimSpace(v), []byte("null")) {
		return nil, false
	}
	return v, true
}

// str returns a string field trimmed, "" when not given.
func (it *item) str(name string) string {
	v, ok := it.raw(name)
	if !ok {
		return ""
	}
	var s string
	if err := json.Unmarshal(v, &s); err != nil {
		it.fail(name, "нужна строка")
		return ""
	}
	return strings.TrimSpace(s)
}

// peek returns a string field trimmed, "" when not given or not a string,
// without reporting a problem.
func (it *item) peek(name string) string {
	var s string
	_ = json.Unmarshal(it.m[name], &s)
	return strings.TrimSpace(s)
}

// need returns a string field that must be filled.
func (it *item) need(name string) string {
	v, given := it.raw(name)
	if !given {
		it.fail(name, "не заполнено")
		return ""
	}
	s := it.str(name)
	if s == "" && isString(v) {
		it.fail(name, "не заполнено")
	}
	return s
}

func isString(v json.RawMessage) bool {
	v = bytes.TrimSpace(v)
	return len(v) > 0 && v[0] == '"'
}

// date returns a YYYY-MM-DD field; the zero Date when not given.
func (it *item) date(name string) diary.Date {
	s := it.str(name)
	if s == "" {
		return diary.Date{}
	}
	d, err := diary.ParseDate(s)
	if err != nil {
		it.fail(name, fmt.Sprintf("неверная дата «%s»: нужен формат ГГГГ-ММ-ДД", s))
	}
	return d
}

// needDate returns a date field that must be filled.
func (it *item) needDate(name string) diary.Date {
	if it.need(name) == "" {
		return diary.Date{}
	}
	return it.date(name)
}

// flag returns a boolean field, false when not given.
func (it *item) flag(name string) bool {
	v, ok := it.raw(name)
	if !ok {
		return false
	}
	var b bool
	if err := json.Unmarshal(v, &b); err != nil {
		it.fail(name, "нужно true или false")
	}
	return b
}

// intIn returns an integer field that must lie in [lo, hi].
func (it *item) intIn(name string, lo, hi int) int {
	v, ok := it.raw(name)
	if !ok {
		it.fail(name, "не заполнено")
		return 0
	}
	var n int
	if err := json.Unmarshal(v, &n); err != nil || n < lo || n > hi {
		it.fail(name, fmt.Sprintf("нужно целое число от %d до %d", lo, hi))
		return 0
	}
	return n
}

// checkFields reports every field the kind does not know.
func (it *item) checkFields(known []string) {
	var unknown []string
	for name := range it.m {
		if !contains(known, name) {
			unknown = append(unknown, name)
		}
	}
	sort.Strings(unknown)
	for _, name := range unknown {
		it.fail(name, "неизвестное поле; допустимы: "+strings.Join(known, ", "))
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
