package importer

import (
	"path/filepath"
	"strings"
	"unicode"
)

// input is one argument of an import: a path and, when given as
// «kind=path», its kind.
type input struct {
	path string
	kind string
}

// parseArg splits «kind=path» when the part before «=» names a kind
// (grades=export.csv, оценки=выгрузка.csv); anything else is a plain path.
func parseArg(arg string) input {
	if k, p, ok := strings.Cut(arg, "="); ok {
		if kind := kindByWord(norm(k)); kind != "" {
			return input{path: p, kind: kind}
		}
	}
	return input{path: arg}
}

// kindByWord returns the kind one folded word or phrase names, "" if none.
func kindByWord(w string) string {
	for _, s := range specs {
		if norm(s.kind) == w {
			return s.kind
		}
		for _, n := range s.names {
			if norm(n) == w {
				return s.kind
			}
		}
	}
	return ""
}

// kindByName returns the kind a file or sheet name says: the longest run of
// its words that names a kind wins («final_grades.csv» is finals, not grades;
// «Ученики 5А.xlsx» is students). A name whose longest runs name several
// kinds, or none, gives "".
func kindByName(name string) string {
	base := strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	words := strings.FieldsFunc(strings.ToLower(base), func(r rune) bool { return !unicode.IsLetter(r) })
	for n := len(words); n > 0; n-- {
		found := map[string]bool{}
		for i := 0; i+n <= len(words); i++ {
			if k := kindByWord(norm(strings.Join(words[i:i+n], ""))); k != "" {
				found[k] = true
			}
		}
		for k := range found {
			if len(found) == 1 {
				return k
			}
			return ""
		}
	}
	return ""
}

// kindByHeader returns the one kind whose columns the header satisfies with
// the most recognised columns; "" when none or several tie.
func kindByHeader(header []string) string {
	best, bestN, tie := "", 0, false
	for _, s := range specs {
		cols, probs := headerMap(s, header)
		switch {
		case len(probs) > 0 || len(cols) < bestN:
		case len(cols) == bestN:
			tie = true
		default:
			best, bestN, tie = s.kind, len(cols), false
		}
	}
	if tie {
		return ""
	}
	return best
}
