package i18n

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/schooldiary/diary/internal/diary"
)

// T returns key's text in lang as Telegram HTML, its placeholders filled
// from args: name/value pairs, T(lang, key, "child", name, "n", 5). String
// values are escaped, Safe ones are not; numbers, Hundredths, dates,
// averages, weekdays and months are formatted for lang. An unknown language
// is Russian. T never fails: a missing argument leaves its placeholder in
// the text and an unknown key gives the key itself; Render reports both.
func T(lang Lang, key Key, args ...any) string {
	s, _ := Render(lang, key, args...)
	return s
}

// Plain is T for texts Telegram does not parse as HTML (button labels,
// callback answers, command descriptions): arguments are not escaped and
// any tag of the text is dropped.
func Plain(lang Lang, key Key, args ...any) string { return PlainText(Safe(T(lang, key, args...))) }

// N returns the number n with the noun of key agreeing with it: «1 урок»,
// «2 урока», «5 уроков», "5 lessons". key is a plural text of n, such as
// Lessons (the messages_units.go keys).
func N(lang Lang, key Key, n int) string { return T(lang, key, "n", n) }

// Render is T that also reports what went wrong: an unknown key, an
// argument the text lacks or does not use, a pair without a value, a plural
// selector given something other than a number. Tests of callers use it.
func Render(lang Lang, key Key, args ...any) (string, error) {
	e, ok := catalogue[key]
	if !ok {
		return string(key), fmt.Errorf("i18n: unknown key %q", key)
	}
	s, err := e.render(lang.norm(), args)
	if err != nil {
		err = fmt.Errorf("i18n: %s (%s): %w", key, lang.norm(), err)
	}
	return s, err
}

// render writes the entry's text in lang with args.
func (e *entry) render(lang Lang, args []any) (string, error) {
	values, err := pairs(args)
	r := &renderer{lang: lang, values: values}
	r.seq(e.nodes(lang), nil)
	for name := range values {
		if _, ok := e.args[name]; !ok {
			r.fail(fmt.Errorf("argument %q is not in the text", name))
		}
	}
	return r.out.String(), errors.Join(err, errors.Join(r.errs...))
}

// pairs turns name/value pairs into a map.
func pairs(args []any) (map[string]any, error) {
	values := make(map[string]any, len(args)/2)
	var errs []error
	for i := 0; i < len(args); i += 2 {
		name, ok := args[i].(string)
		switch {
		case !ok:
			errs = append(errs, fmt.Errorf("argument %d: name %v is not a string", i, args[i]))
		case i+1 == len(args):
			errs = append(errs, fmt.Errorf("argument %q has no value", name))
		default:
			values[name] = args[i+1]
		}
	}
	return values, errors.Join(errs...)
}

// renderer writes one text.
type renderer struct {
	lang   Lang
	values map[string]any
	out    strings.Builder
	errs   []error
}

func (r *renderer) fail(err error) {
	if !slices.ContainsFunc(r.errs, func(e error) bool { return e.Error() == err.Error() }) {
		r.errs = append(r.errs, err)
	}
}

// seq writes nodes; num is the number of the innermost plural branch.
func (r *renderer) seq(nodes []node, num *number) {
	for _, n := range nodes {
		switch n.kind {
		case nodeLiteral:
			r.out.WriteString(n.text)
		case nodeHash:
			r.out.WriteString(num.format(r.lang))
		case nodeArg:
			r.arg(n.text)
		case nodePlural:
			r.plural(n)
		}
	}
}

// arg writes the value of a placeholder, or the placeholder itself when the
// value is missing.
func (r *renderer) arg(name string) {
	v, ok := r.values[name]
	if !ok {
		r.fail(fmt.Errorf("missing argument %q", name))
		r.out.WriteString("{" + name + "}")
		return
	}
	r.out.WriteString(formatValue(r.lang, v))
}

// plural writes the branch of a plural selector that its number selects.
func (r *renderer) plural(n node) {
	v, ok := r.values[n.text]
	num, isNum := toNumber(v)
	switch {
	case !ok:
		r.fail(fmt.Errorf("missing argument %q", n.text))
	case !isNum:
		r.fail(fmt.Errorf("argument %q is %T, not a number", n.text, v))
	}
	r.seq(selectCase(n.cases, num, r.lang), &num)
}

// formatValue writes an argument as HTML for lang.
func formatValue(lang Lang, v any) string {
	switch v := v.(type) {
	case Safe:
		return string(v)
	case string:
		return string(Escape(v))
	case Hundredths:
		return Decimal(lang, v)
	case diary.Date:
		return DayMonth(lang, v)
	case diary.Aggregate:
		return Average(lang, v)
	case time.Weekday:
		return Weekday(lang, v)
	case time.Month:
		return Month(lang, v)
	case fmt.Stringer:
		return string(Escape(v.String()))
	}
	if n, ok := toInt64(v); ok {
		return Number(lang, int(n))
	}
	return string(Escape(fmt.Sprint(v)))
}
