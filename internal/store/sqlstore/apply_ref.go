package sqlstore

import "github.com/schooldiary/diary/internal/diary"

// ent is a record a batch may refer to: a stored one (id known when loaded)
// or a new one of the batch (id set when written). The fields after id are
// what records referring to it need. A stored record the batch names only
// through another (a student's class, a lesson's subject) is a stand-in
// holding its id (and a class its level).
type ent struct {
	id      int64
	level   int          // a class's level
	class   *ent         // a student's, group's or lesson's class
	date    diary.Date   // a lesson's date
	subject *ent         // a lesson's subject
	teacher *ent         // a lesson's teacher, may be nil
	period  diary.Period // a period's levels and dates
	broken  bool         // one of its own references is unknown
}

// ents maps journal ids (years: names) to records, and stored ids to the
// records loaded or stood in for.
type ents struct {
	ext  map[string]*ent
	byID map[int64]*ent
}

// newEnts returns an empty map.
func newEnts() ents { return ents{ext: map[string]*ent{}, byID: map[int64]*ent{}} }

// add returns the record with key, making a new one when unknown.
func (m ents) add(key string) *ent {
	e := m.ext[key]
	if e == nil {
		e = &ent{}
		m.ext[key] = e
	}
	return e
}

// stored returns the record with key for the stored id, making it.
func (m ents) stored(key string, id int64) *ent {
	e := m.add(key)
	e.id = id
	m.byID[id] = e
	return e
}

// of returns the record with stored id, a stand-in when it was not loaded;
// nil for 0.
func (m ents) of(id int64) *ent {
	if id == 0 {
		return nil
	}
	e := m.byID[id]
	if e == nil {
		e = &ent{id: id}
		m.byID[id] = e
	}
	return e
}

// idOf returns e's id, 0 for nil.
func idOf(e *ent) int64 {
	if e == nil {
		return 0
	}
	return e.id
}

// Problem texts of references, shown to whoever sent the data. An empty
// required reference is Validate's problem; resolution reports unknown ones.
const (
	msgUnknownYear    = "нет такого учебного года %q"
	msgUnknownPeriod  = "нет такого учебного периода %q"
	msgUnknownSubject = "нет такого предмета %q"
	msgUnknownClass   = "нет такого класса %q"
	msgUnknownGroup   = "нет такой группы %q"
	msgUnknownTeacher = "нет такого учителя %q"
	msgUnknownStudent = "нет такого ученика %q"
	msgUnknownLesson  = "нет такого урока %q"
	msgUnknownGrade   = "нет такой оценки %q"
	msgUnknownTask    = "нет такого задания %q"
	msgGroupClass     = "группа %q не из класса %q"
	msgNoPeriod       = "дата %s не входит ни в один учебный период %d класса"
	msgNoClassPeriod  = "у ученика нет класса: дата %s не входит ни в один учебный период"
	msgOverlap        = "период пересекается с периодом «%s» (%s) по классам и датам"
	msgStranded       = "оценка за %s (%d класс) после изменения не входит ни в один период"
)

// unknown maps a reference field to its problem text.
var unknown = map[string]string{
	"year": msgUnknownYear, "period": msgUnknownPeriod, "subject": msgUnknownSubject,
	"class": msgUnknownClass, "group": msgUnknownGroup, "teacher": msgUnknownTeacher,
	"student": msgUnknownStudent, "lesson": msgUnknownLesson,
}

// ref resolves key in m; an unknown key is a problem on field, an empty one
// returns nil (Validate reports the required ones).
func (a *applier) ref(m ents, key string, src diary.Source, field string) *ent {
	if key == "" {
		return nil
	}
	e := m.ext[key]
	if e == nil {
		a.problem(src, field, unknown[field], key)
	}
	return e
}

// known reports whether a non-empty key resolved; an empty key is fine.
func known(key string, e *ent) bool { return key == "" || e != nil }

// refs resolves a list of references, skipping unknown ones (a problem each).
func (a *applier) refs(m ents, keys []string, src diary.Source, field string) ([]*ent, bool) {
	var out []*ent
	ok := true
	for _, k := range keys {
		if e := a.ref(m, k, src, field); e != nil {
			out = append(out, e)
		} else if k != "" {
			ok = false
		}
	}
	return out, ok
}

// sameEnt reports whether e and f are the same record (new ones by identity,
// stored ones by id).
func sameEnt(e, f *ent) bool {
	return e == f || (e != nil && f != nil && e.id != 0 && e.id == f.id)
}
