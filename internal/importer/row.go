package importer

import (
	"strings"

	"github.com/schooldiary/diary/internal/diary"
)

// row is one data line being mapped, with its table's header map and the
// problem collector. Its getters report problems themselves and return zero
// values, so a parse function reads top to bottom.
type row struct {
	t     *table
	cols  map[string]int
	line  int
	cells []string
	probs *problems
	bad   bool // a problem was reported for this row
}

// src locates the row.
func (r *row) src() diary.Source { return diary.Source{File: r.t.name, Line: r.line} }

// has reports whether the table has a column for fld.
func (r *row) has(fld string) bool {
	_, ok := r.cols[fld]
	return ok
}

// str returns the trimmed cell of fld, "" when blank or absent.
func (r *row) str(fld string) string {
	i, ok := r.cols[fld]
	if !ok || i >= len(r.cells) {
		return ""
	}
	return strings.TrimSpace(strings.ReplaceAll(r.cells[i], "\u00a0", " "))
}

// need returns the cell of a field that must be filled.
func (r *row) need(fld string) string {
	v := r.str(fld)
	if v == "" {
		r.fail(fld, "не заполнено")
	}
	return v
}

// fail reports a problem with the cell of fld (with no column when fld is not
// a column of the table).
func (r *row) fail(fld, msg string) {
	col, ok := r.cols[fld]
	if !ok {
		col = -1
	}
	r.bad = true
	r.probs.add(r.t.name, r.line, fld, col, msg)
}

// date parses the cell of fld as a date; blank gives the zero Date.
func (r *row) date(fld string) diary.Date {
	v := r.str(fld)
	if v == "" {
		return diary.Date{}
	}
	d, err := parseDate(v, r.t.xlsx, r.t.date1904)
	if err != nil {
		r.fail(fld, err.Error())
	}
	return d
}

// needDate parses a date that must be filled.
func (r *row) needDate(fld string) diary.Date {
	if r.need(fld) == "" {
		return diary.Date{}
	}
	return r.date(fld)
}

// level parses a class level 1–11; blank gives 0.
func (r *row) level(fld string) int {
	v := r.str(fld)
	if v == "" {
		return 0
	}
	n, err := parseLevel(v)
	if err != nil {
		r.fail(fld, err.Error())
	}
	return n
}

// name reads a person's name from the full-name column or the three parts.
func (r *row) name() diary.Name {
	if full := r.str("full_name"); full != "" || !r.has("last_name") {
		n, err := splitName(full)
		if err != nil {
			r.fail("full_name", err.Error())
		}
		return n
	}
	return diary.Name{Last: r.need("last_name"), First: r.need("first_name"), Middle: r.str("middle_name")}
}

// phone normalises the phone cell to E.164; blank stays blank.
func (r *row) phone() string {
	v := r.str("phone")
	if v == "" {
		return ""
	}
	p, err := normalizePhone(v)
	if err != nil {
		r.fail("phone", err.Error())
	}
	return p
}

// email checks the e-mail cell looks like one.
func (r *row) email() string {
	v := r.str("email")
	if v != "" && !diary.PlausibleEmail(v) {
		r.fail("email", "неверный адрес электронной почты «"+v+"»")
	}
	return v
}

// levels reads a range of class levels from a «1-9» column or the min/max
// columns; def is used when none is filled.
func (r *row) levels(def [2]int) (lo, hi int) {
	if v := r.str("levels"); v != "" {
		lo, hi, err := parseLevels(v)
		if err != nil {
			r.fail("levels", err.Error())
		}
		return lo, hi
	}
	lo, hi = r.level("min_level"), r.level("max_level")
	switch {
	case lo == 0 && hi == 0:
		return def[0], def[1]
	case hi == 0:
		hi = 11
	case lo == 0:
		lo = 1
	}
	if lo > hi {
		r.fail("max_level", "последний класс меньше первого")
	}
	return lo, hi
}

// span reads start and end dates; a blank end means a single day when
// oneDay is set. End before start is a problem.
func (r *row) span(oneDay bool) (start, end diary.Date) {
	start = r.needDate("start")
	if oneDay && r.str("end") == "" {
		return start, start
	}
	end = r.needDate("end")
	if !start.IsZero() && !end.IsZero() && end.Before(start) {
		r.fail("end", "дата окончания раньше даты начала")
	}
	return start, end
}
