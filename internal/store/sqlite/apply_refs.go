package sqlite

import (
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/schooldiary/diary/internal/diary"
)

// badID marks a batch record that has problems of its own: references to it
// are not reported again, and nothing referring to it is written.
const badID = -1

// What Apply knows about a record it may refer to, by the journal's id.
type (
	idRef   struct{ id int64 }
	yearRef struct {
		id         int64
		start, end diary.Date
	}
	classRef struct {
		id    int64
		level int
	}
	periodRef struct {
		id     int64
		yearID int64
	}
	studentRef struct {
		id      int64
		classID int64
		level   int
	}
	groupRef struct {
		id      int64
		classID int64
	}
	lessonRef struct {
		id        int64
		classID   int64
		groupID   int64
		subjectID int64
		teacherID int64
		date      diary.Date
	}
)

func (r idRef) ref() int64      { return r.id }
func (r yearRef) ref() int64    { return r.id }
func (r classRef) ref() int64   { return r.id }
func (r periodRef) ref() int64  { return r.id }
func (r studentRef) ref() int64 { return r.id }
func (r groupRef) ref() int64   { return r.id }
func (r lessonRef) ref() int64  { return r.id }

// refer is a known record.
type refer interface{ ref() int64 }

// noun names a kind of reference in the field and messages of a problem.
type noun struct {
	field   string // canonical field name
	absent  string // the message when the reference is empty
	unknown string // the message when nothing has that id, with %q
}

// The references a batch may make.
var (
	nounYear    = noun{"year", "не указан учебный год", "нет такого учебного года %q"}
	nounPeriod  = noun{"period", "не указан период", "нет такого периода %q"}
	nounSubject = noun{"subject", "не указан предмет", "нет такого предмета %q"}
	nounClass   = noun{"class", "не указан класс", "нет такого класса %q"}
	nounTeacher = noun{"teacher", "не указан учитель", "нет такого учителя %q"}
	nounStudent = noun{"student", "не указан ученик", "нет такого ученика %q"}
	nounGroup   = noun{"group", "не указана группа", "нет такой группы %q"}
	nounLesson  = noun{"lesson", "не указан урок", "нет такого урока %q"}
)

// resolve looks ref up in m. A missing or unknown ref is reported at src; a
// ref to a record with problems of its own is not. ok is false unless the
// record is known and sound.
func resolve[T refer](a *applier, m map[string]T, src diary.Source, n noun, ref string) (T, bool) {
	r, found := m[ref]
	switch {
	case ref == "":
		a.fail(src, n.field, "%s", n.absent)
	case !found:
		a.fail(src, n.field, n.unknown, ref)
	case r.ref() == badID:
		return r, false
	default:
		return r, true
	}
	return r, false
}

// optional resolves ref like resolve, but an empty ref is fine (ok, zero).
func optional[T refer](a *applier, m map[string]T, src diary.Source, n noun, ref string) (T, bool) {
	if ref == "" {
		var zero T
		return zero, true
	}
	return resolve(a, m, src, n, ref)
}

// unknownKeys returns the distinct non-empty keys that m does not hold.
func unknownKeys[T any](m map[string]T, keys []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, k := range keys {
		if _, ok := m[k]; !ok && k != "" && !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	return out
}

// jsonArray returns v as a JSON array for json_each.
func jsonArray(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("sqlite: json: %v", err))
	}
	return string(b)
}

// queryKeys runs query with the school id and keys as a JSON array (?1 and
// ?2) and calls fn for each row.
func (a *applier) queryKeys(what, query string, keys any, fn func(*sql.Rows) error) error {
	rows, err := a.q.QueryContext(a.ctx, query, a.school.ID, jsonArray(keys))
	if err != nil {
		return wrap(err, "load %s", what)
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return wrap(err, "load %s", what)
		}
	}
	return wrap(rows.Err(), "load %s", what)
}

// inKeys is the condition matching ext_id against ?2.
const inKeys = ` ext_id IN (SELECT value FROM json_each(?2))`

// loadSubjects adds the stored subjects named by refs to the map.
func (a *applier) loadSubjects(refs []string) error {
	return a.loadIDs("subjects", a.subjects, `SELECT ext_id, id FROM subjects
		WHERE school_id = ?1 AND`+inKeys, refs)
}

// loadStaff adds the stored staff named by refs to the map.
func (a *applier) loadStaff(refs []string) error {
	return a.loadIDs("staff", a.staff, `SELECT ext_id, id FROM staff
		WHERE school_id = ?1 AND`+inKeys, refs)
}

// loadIDs adds (ext_id, id) rows of query for the unknown refs to m.
func (a *applier) loadIDs(what string, m map[string]idRef, query string, refs []string) error {
	keys := unknownKeys(m, refs)
	if len(keys) == 0 {
		return nil
	}
	return a.queryKeys(what, query, keys, func(r *sql.Rows) error {
		var ext string
		var v idRef
		err := r.Scan(&ext, &v.id)
		m[ext] = v
		return err
	})
}

// loadClasses adds the stored classes named by refs to the map.
func (a *applier) loadClasses(refs []string) error {
	keys := unknownKeys(a.classes, refs)
	if len(keys) == 0 {
		return nil
	}
	return a.queryKeys("classes", `SELECT ext_id, id, level FROM classes
		WHERE school_id = ?1 AND`+inKeys, keys, func(r *sql.Rows) error {
		var ext string
		var v classRef
		err := r.Scan(&ext, &v.id, &v.level)
		a.classes[ext] = v
		return err
	})
}

// loadStudents adds the stored students named by refs to the map.
func (a *applier) loadStudents(refs []string) error {
	keys := unknownKeys(a.students, refs)
	if len(keys) == 0 {
		return nil
	}
	return a.queryKeys("students", `SELECT s.ext_id, s.id, coalesce(s.class_id, 0), coalesce(c.level, 0)
		FROM students s LEFT JOIN classes c ON c.id = s.class_id
		WHERE s.school_id = ?1 AND s.ext_id IN (SELECT value FROM json_each(?2))`,
		keys, func(r *sql.Rows) error {
			var ext string
			var v studentRef
			err := r.Scan(&ext, &v.id, &v.classID, &v.level)
			a.students[ext] = v
			return err
		})
}

// loadGroups adds the stored groups named by refs to the map.
func (a *applier) loadGroups(refs []string) error {
	keys := unknownKeys(a.groups, refs)
	if len(keys) == 0 {
		return nil
	}
	return a.queryKeys("groups", `SELECT ext_id, id, class_id FROM groups
		WHERE school_id = ?1 AND`+inKeys, keys, func(r *sql.Rows) error {
		var ext string
		var v groupRef
		err := r.Scan(&ext, &v.id, &v.classID)
		a.groups[ext] = v
		return err
	})
}

// loadLessons adds the stored lessons named by refs to the map.
func (a *applier) loadLessons(refs []string) error {
	keys := unknownKeys(a.lessons, refs)
	if len(keys) == 0 {
		return nil
	}
	return a.queryKeys("lessons", `SELECT ext_id, id, class_id, group_id, subject_id, teacher_id, date
		FROM lessons WHERE school_id = ?1 AND`+inKeys, keys, func(r *sql.Rows) error {
		var ext string
		var v lessonRef
		err := r.Scan(&ext, &v.id, &v.classID, idCol{&v.groupID}, &v.subjectID,
			idCol{&v.teacherID}, dateCol{&v.date})
		a.lessons[ext] = v
		return err
	})
}

// loadByExt reads the stored rows of a kind whose ext_id is among keys, keyed
// by ext_id. query selects the columns scan reads and uses ?1 and ?2.
func loadByExt[T any](a *applier, what, query string, keys []string, scan func(scanner) (T, error), ext func(T) string) (map[string]T, error) {
	out := map[string]T{}
	if len(keys) == 0 {
		return out, nil
	}
	err := a.queryKeys(what, query, keys, func(r *sql.Rows) error {
		v, err := scan(r)
		out[ext(v)] = v
		return err
	})
	return out, err
}

// keysOf returns key(x) for every x of list.
func keysOf[T any](list []T, key func(T) string) []string {
	out := make([]string, 0, len(list))
	for _, x := range list {
		out = append(out, key(x))
	}
	return out
}
