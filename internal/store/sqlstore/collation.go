package sqlstore

import (
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

// compareText compares a and b with c, at every level.
func compareText(c *collate.Collator, a, b string) int { return c.CompareString(a, b) }

// compareNames compares two names by last, first, then middle name.
func compareNames(c *collate.Collator, a, b diary.Name) int {
	if r := compareText(c, a.Last, b.Last); r != 0 {
		return r
	}
	if r := compareText(c, a.First, b.First); r != 0 {
		return r
	}
	return compareText(c, a.Middle, b.Middle)
}

// sortByName orders people by name (see above), then by id.
func sortByName[T any](list []T, name func(T) diary.Name, id func(T) int64) {
	if len(list) < 2 {
		return
	}
	withCollator(func(c *collate.Collator) {
		slices.SortStableFunc(list, func(a, b T) int {
			if r := compareNames(c, name(a), name(b)); r != 0 {
				return r
			}
			return cmp.Compare(id(a), id(b))
		})
	})
}

// sortByTitle orders records by a title (a subject's or group's name), then by id.
func sortByTitle[T any](list []T, title func(T) string, id func(T) int64) {
	if len(list) < 2 {
		return
	}
	withCollator(func(c *collate.Collator) {
		slices.SortStableFunc(list, func(a, b T) int {
			if r := compareText(c, title(a), title(b)); r != 0 {
				return r
			}
			return cmp.Compare(id(a), id(b))
		})
	})
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
	if len(list) < 2 {
		return
	}
	withCollator(func(c *collate.Collator) {
		slices.SortStableFunc(list, func(a, b diary.Class) int {
			if r := cmp.Compare(a.Level, b.Level); r != 0 {
				return r
			}
			if r := compareText(c, a.Name, b.Name); r != 0 {
				return r
			}
			return cmp.Compare(a.ID, b.ID)
		})
	})
}
