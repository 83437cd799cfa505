package importer

import (
	"strings"

	"github.com/schooldiary/diary/internal/diary"
)

// Columns remembers, for each file (as Source.File names it), which column
// holds which field, so problems the store finds later — it knows the row and
// the field, not the column — can be located as file:line:column.
type Columns struct {
	files map[string]fileColumns
	// refs says where each reference of a merged record (a guardian's
	// students, a group's members) was written: record's row → ref → row.
	refs map[diary.Source]map[string]diary.Source
}

// fileColumns is the header map of one file.
type fileColumns struct {
	spec *kindSpec
	cols map[string]int // field → 0-based column
}

func newColumns() *Columns {
	return &Columns{files: make(map[string]fileColumns), refs: make(map[diary.Source]map[string]diary.Source)}
}

// add records the header map of a file.
func (c *Columns) add(file string, spec *kindSpec, cols map[string]int) {
	c.files[file] = fileColumns{spec: spec, cols: cols}
}

// noteRefs records that refs of the merged record first written at rec were
// written at row.
func (c *Columns) noteRefs(rec, row diary.Source, refs []string) {
	m := c.refs[rec]
	if m == nil {
		m = make(map[string]diary.Source)
		c.refs[rec] = m
	}
	for _, ref := range refs {
		if _, ok := m[ref]; !ok {
			m[ref] = row
		}
	}
}

// Column returns the 1-based column of a field in a file, 0 when unknown.
// The field may be the canonical name («student») or a store's spelling of
// it («StudentRef», «student_ref», «student_refs», «Grade.Value»).
func (c *Columns) Column(file, fld string) int {
	if c == nil {
		return 0
	}
	fc, ok := c.files[file]
	if !ok {
		return 0
	}
	for _, cand := range append(fieldCandidates(fld), fallbacks[norm(fld)]...) {
		if f, ok := fc.spec.lookup(cand); ok {
			if i, ok := fc.cols[f.name]; ok {
				return i + 1
			}
		}
	}
	return 0
}

// fallbacks are the columns that hold a store's field when the file has no
// column of that name: a name split in parts, levels as first and last, a
// staff member's class or level inside the roles.
var fallbacks = map[string][]string{
	"name":   {"last_name"},
	"levels": {"min_level", "max_level"},
	"class":  {"roles"},
	"level":  {"roles"},
}

// fieldCandidates lists the spellings to try for a store's field name.
func fieldCandidates(fld string) []string {
	if i := strings.LastIndexByte(fld, '.'); i >= 0 {
		fld = fld[i+1:]
	}
	n := norm(fld)
	if n == "extid" {
		return []string{"id"}
	}
	base := n
	for _, suf := range []string{"refs", "ref", "ids", "id"} {
		if b := strings.TrimSuffix(n, suf); b != n && b != "" {
			base = b
			break
		}
	}
	return []string{n, base, base + "s", strings.TrimSuffix(base, "s")}
}

// Locate returns a copy of a store's validation error with each problem
// given its column and, for a merged record, the row that wrote the
// reference the message names. Other errors are returned as they are.
func (c *Columns) Locate(err error) error {
	ve, ok := err.(*diary.ValidationError)
	if !ok || c == nil {
		return err
	}
	items := make([]diary.ItemError, len(ve.Items))
	for i, it := range ve.Items {
		it.Src = c.refRow(it)
		if it.Column == 0 {
			it.Column = c.Column(it.Src.File, it.Field)
		}
		items[i] = it
	}
	sortItems(items)
	return &diary.ValidationError{Items: items}
}

// refRow moves a problem of a merged record to the row that wrote the
// reference its message quotes.
func (c *Columns) refRow(it diary.ItemError) diary.Source {
	for ref, row := range c.refs[it.Src] {
		if row != it.Src && quotes(it.Msg, ref) {
			return row
		}
	}
	return it.Src
}

// quotes reports whether msg names ref as a whole word or in quotes.
func quotes(msg, ref string) bool {
	for _, q := range [][2]string{{"«", "»"}, {`"`, `"`}, {"'", "'"}, {"“", "”"}} {
		if strings.Contains(msg, q[0]+ref+q[1]) {
			return true
		}
	}
	for _, w := range strings.FieldsFunc(msg, func(r rune) bool { return r == ' ' || r == ',' || r == ':' || r == ';' }) {
		if w == ref {
			return true
		}
	}
	return false
}
