package sqlstore

import (
	"bytes"
	"cmp"
	"slices"
	"sync"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/schooldiary/diary/internal/diary"
)

// Lists "by name" are ordered here, in Go, by the Russian collation of the
// Unicode Collation Algorithm, so that both stores agree whatever their
// databases' collations are (SQLite compares bytes and puts «Ё» before «А»).
// At the first level «ё» is «е» and case does not count: «Егоров», «ежов»,
// «Ёлкин», … «Яковлев». Equal names are ordered by id.

// collators holds Russian collators: a collate.Collator is not safe for
// concurrent use.
var collators = sync.Pool{New: func() any { return collate.New(language.Russian) }}

// withCollator runs fn with a Russian collator of the pool.
func withCollator(fn func(c *collate.Collator)) {
	c := collators.Get().(*collate.Collator)
	defer collators.Put(c)
	fn(c)
}

// sortItem is an element of a sort with its fields' collation keys, each
// computed once, and only when an earlier field ties (most names differ in
// the last name, so most items need one key).
type sortItem[T any] struct {
	v      T
	pre    int      // compared first (a class's level), 0 when unused
	fields []string // compared in order by their collation keys
	keys   [][]byte // the keys computed so far
	id     int64    // the last tiebreak
}

// sorter computes the keys of one sort with one collator and buffer.
type sorter struct {
	c   *collate.Collator
	buf collate.Buffer // the keys point into it until the sort ends
}

// sortKey returns the collation key of the item's field j, computing it once.
func sortKey[T any](s *sorter, it *sortItem[T], j int) []byte {
	for len(it.keys) <= j {
		it.keys = append(it.keys, s.c.KeyFromString(&s.buf, it.fields[len(it.keys)]))
	}
	return it.keys[j]
}

// sortByKeys orders list by pre (when given), then by the Russian collation
// of fields, field by field, then by id.
func sortByKeys[T any](list []T, pre func(T) int, fields func(T) []string, id func(T) int64) {
	if len(list) < 2 {
		return
	}
	items := make([]*sortItem[T], len(list))
	for i, v := range list {
		items[i] = &sortItem[T]{v: v, id: id(v), fields: fields(v)}
		if pre != nil {
			items[i].pre = pre(v)
		}
	}
	withCollator(func(c *collate.Collator) {
		s := &sorter{c: c}
		slices.SortStableFunc(items, func(a, b *sortItem[T]) int { return compareItems(s, a, b) })
	})
	for i := range items {
		list[i] = items[i].v
	}
}

// compareItems compares two sort items: pre, the fields' keys in order,
// then id.
func compareItems[T any](s *sorter, a, b *sortItem[T]) int {
	if r := cmp.Compare(a.pre, b.pre); r != 0 {
		return r
	}
	for j := range a.fields {
		if r := bytes.Compare(sortKey(s, a, j), sortKey(s, b, j)); r != 0 {
			return r
		}
	}
	return cmp.Compare(a.id, b.id)
}

// sortByName orders people by last, first, then middle name (see above),
// then by id.
func sortByName[T any](list []T, name func(T) diary.Name, id func(T) int64) {
	sortByKeys(list, nil, func(v T) []string { n := name(v); return []string{n.Last, n.First, n.Middle} }, id)
}

// sortByTitle orders records by a title (a subject's or group's name), then by id.
func sortByTitle[T any](list []T, title func(T) string, id func(T) int64) {
	sortByKeys(list, nil, func(v T) []string { return []string{title(v)} }, id)
}

// Accessors for the sorts.

func studentName(s diary.Student) diary.Name   { return s.Name }
func studentID(s diary.Student) int64          { return s.ID }
func guardianName(g diary.Guardian) diary.Name { return g.Name }
func guardianID(g diary.Guardian) int64        { return g.ID }
func staffName(s diary.Staff) diary.Name       { return s.Name }
func staffID(s diary.Staff) int64              { return s.ID }
func subjectName(s diary.Subject) string       { return s.Name }
func subjectID(s diary.Subject) int64          { return s.ID }
func groupName(g diary.Group) string           { return g.Name }
func groupID(g diary.Group) int64              { return g.ID }

// sortStudents orders students by name, then id.
func sortStudents(list []diary.Student) { sortByName(list, studentName, studentID) }

// sortGuardians orders guardians by name, then id.
func sortGuardians(list []diary.Guardian) { sortByName(list, guardianName, guardianID) }

// sortStaff orders staff by name, then id.
func sortStaff(list []diary.Staff) { sortByName(list, staffName, staffID) }

// sortSubjects orders subjects by name, then id.
func sortSubjects(list []diary.Subject) { sortByTitle(list, subjectName, subjectID) }

// sortGroups orders groups by name, then id.
func sortGroups(list []diary.Group) { sortByTitle(list, groupName, groupID) }

// sortClasses orders classes by level, then name, then id.
func sortClasses(list []diary.Class) {
	sortByKeys(list, func(c diary.Class) int { return c.Level },
		func(c diary.Class) []string { return []string{c.Name} }, func(c diary.Class) int64 { return c.ID })
}
