package importer

import (
	"strings"
	"unicode"
)

// field is one column a kind of file understands. name is the canonical
// English key (what ItemError.Field carries); aliases are the header names
// accepted for it, compared by norm.
type field struct {
	name     string
	required bool
	aliases  []string
}

// label is how messages name the column: its first (Russian) alias.
func (f field) label() string {
	if len(f.aliases) == 0 {
		return f.name
	}
	return f.aliases[0]
}

// norm folds a header, a file name or a keyword for comparison: lower case,
// ё as е, «№» as «номер», and everything but letters and digits dropped, so
// «Код ученика», «код_ученика» and «КОД УЧЕНИКА» are the same.
func norm(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r == 'ё':
			b.WriteRune('е')
		case r == '№':
			b.WriteString("номер")
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// headerMap maps the header cells of a table to the fields of spec: field →
// 0-based column index. Unknown columns are ignored; a field given twice is a
// problem, and so is a missing required one.
func headerMap(spec *kindSpec, header []string) (map[string]int, []colProblem) {
	cols := make(map[string]int)
	var probs []colProblem
	for i, h := range header {
		f, ok := spec.lookup(h)
		if !ok {
			continue
		}
		if j, dup := cols[f.name]; dup {
			probs = append(probs, colProblem{f.name, i, "столбец повторяется (уже был столбец " + itoa(j+1) + ")"})
			continue
		}
		cols[f.name] = i
	}
	return cols, append(probs, spec.missing(cols)...)
}

// colProblem is a problem with a header: field, 0-based column (-1 when the
// column is absent), message.
type colProblem struct {
	field string
	col   int
	msg   string
}

// missing lists the required columns absent from cols, and the alternatives
// none of whose sets is complete.
func (s *kindSpec) missing(cols map[string]int) []colProblem {
	var probs []colProblem
	for _, f := range s.fields {
		if _, ok := cols[f.name]; f.required && !ok {
			probs = append(probs, colProblem{f.name, -1, "нет обязательного столбца «" + f.label() + "»"})
		}
	}
	for _, alt := range s.anyOf {
		if !anySetPresent(alt.sets, cols) {
			probs = append(probs, colProblem{alt.sets[0][0], -1, alt.msg})
		}
	}
	return probs
}

// anySetPresent reports whether every field of at least one set is in cols.
func anySetPresent(sets [][]string, cols map[string]int) bool {
	for _, set := range sets {
		all := true
		for _, name := range set {
			if _, ok := cols[name]; !ok {
				all = false
			}
		}
		if all {
			return true
		}
	}
	return false
}

// lookup finds the field a header cell names.
func (s *kindSpec) lookup(header string) (field, bool) {
	s.once.Do(s.index)
	f, ok := s.byAlias[norm(header)]
	return f, ok
}

// index builds byAlias from the fields; the English name is an alias too.
func (s *kindSpec) index() {
	s.byAlias = make(map[string]field)
	for _, f := range s.fields {
		s.byAlias[norm(f.name)] = f
		for _, a := range f.aliases {
			s.byAlias[norm(a)] = f
		}
	}
}
