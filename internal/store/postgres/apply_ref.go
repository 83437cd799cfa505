package postgres

import (
	"fmt"

	"github.com/schooldiary/diary/internal/diary"
)

// ent is a record a batch may refer to: a stored one (id known when loaded)
// or a new one of the batch (id set when written). The fields after id are
// what records referring to it need.
type ent struct {
	id      int64
	level   int          // a class's level
	class   *ent         // a student's, group's or lesson's class
	date    diary.Date   // a lesson's date
	subject *ent         // a lesson's subject
	teacher *ent         // a lesson's teacher, may be nil
	period  diary.Period // a period's levels and dates
}

// ents maps journal ids (years: names) to records.
type ents map[string]*ent

// add returns the record with key, making a new one when unknown.
func (m ents) add(key string) *ent {
	e := m[key]
	if e == nil {
		e = &ent{}
		m[key] = e
	}
	return e
}

// byID maps the stored ids of m to its records.
func (m ents) byID() map[int64]*ent {
	out := make(map[int64]*ent, len(m))
	for _, e := range m {
		if e.id != 0 {
			out[e.id] = e
		}
	}
	return out
}

// idOf returns e's id, 0 for nil.
func idOf(e *ent) int64 {
	if e == nil {
		return 0
	}
	return e.id
}

// What each field refers to, for the problem texts.
var refNames = map[string]string{
	"year":    "учебного года",
	"period":  "периода",
	"subject": "предмета",
	"class":   "класса",
	"group":   "группы",
	"teacher": "сотрудника",
	"staff":   "сотрудника",
	"student": "ученика",
	"lesson":  "урока",
}

// emptyRefs are the texts for a missing required reference.
var emptyRefs = map[string]string{
	"year":    "не указан учебный год",
	"period":  "не указан период",
	"subject": "не указан ни урок, ни предмет",
	"class":   "не указан класс",
	"student": "не указан ученик",
	"lesson":  "не указан урок",
}

// feminine gives «такого»/«такой» for the field's noun.
var feminine = map[string]bool{"group": true}

// ref resolves key in m; an unknown one is a problem on field. An empty key
// returns nil; when required, that is a problem too unless Validate, which
// reports empty references, found any.
func (a *applier) ref(m ents, key string, src diary.Source, field string, required bool) *ent {
	if key == "" {
		if required && a.checked == 0 {
			a.problem(src, field, emptyRefs[field])
		}
		return nil
	}
	e := m[key]
	if e == nil {
		such := "такого"
		if feminine[field] {
			such = "такой"
		}
		a.problem(src, field, fmt.Sprintf("нет %s %s %q", such, refNames[field], key))
	}
	return e
}
