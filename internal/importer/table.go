package importer

import (
	"sort"
	"strconv"
	"strings"

	"github.com/schooldiary/diary/internal/diary"
)

// table is one sheet of input: a CSV file or an XLSX sheet. Lines are the
// file's own 1-based line (row) numbers.
type table struct {
	name     string // the file (and sheet) as messages name it
	xlsx     bool   // cells may hold Excel date serials
	date1904 bool
	header   []string
	headLine int
	rows     []rawRow
}

// rawRow is one data line of a table.
type rawRow struct {
	line  int
	cells []string
}

// problems collects the located problems of every file.
type problems struct {
	items []diary.ItemError
}

// add records a problem; col is 0-based, -1 when unknown.
func (p *problems) add(file string, line int, fld string, col int, msg string) {
	p.items = append(p.items, diary.ItemError{
		Src:    diary.Source{File: file, Line: line},
		Field:  fld,
		Column: col + 1,
		Msg:    msg,
	})
}

// merge adds the items whose cell (file, line, field) has no problem yet:
// one problem a cell is enough.
func (p *problems) merge(items []diary.ItemError) {
	type cell struct {
		src diary.Source
		fld string
	}
	have := make(map[cell]bool, len(p.items))
	for _, it := range p.items {
		have[cell{it.Src, it.Field}] = true
	}
	for _, it := range items {
		if c := (cell{it.Src, it.Field}); !have[c] {
			have[c] = true
			p.items = append(p.items, it)
		}
	}
}

// err returns the problems as a *diary.ValidationError sorted by place, or nil.
func (p *problems) err() error {
	if len(p.items) == 0 {
		return nil
	}
	sortItems(p.items)
	return &diary.ValidationError{Items: p.items}
}

// sortItems orders problems by file, line and column, keeping the order of
// problems at the same place.
func sortItems(items []diary.ItemError) {
	sort.SliceStable(items, func(i, j int) bool {
		a, b := items[i], items[j]
		if a.Src.File != b.Src.File {
			return a.Src.File < b.Src.File
		}
		if a.Src.Line != b.Src.Line {
			return a.Src.Line < b.Src.Line
		}
		return a.Column < b.Column
	})
}

// empty reports whether every cell is blank.
func (r rawRow) empty() bool {
	for _, c := range r.cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// itoa is strconv.Itoa, short.
func itoa(n int) string { return strconv.Itoa(n) }
