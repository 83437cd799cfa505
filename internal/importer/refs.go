package importer

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/schooldiary/diary/internal/diary"
)

// classLister is what Run reads of a store, when w has it, to match class
// references with the stored classes too.
type classLister interface {
	SchoolByCode(ctx context.Context, code string) (diary.School, error)
	Classes(ctx context.Context, schoolID int64) ([]diary.Class, error)
}

// storedClasses returns the classes of the school stored in w, none for a new
// school or a writer that cannot list them.
func storedClasses(ctx context.Context, w diary.Writer, code string) ([]diary.Class, error) {
	cl, ok := w.(classLister)
	if !ok {
		return nil, nil
	}
	s, err := cl.SchoolByCode(ctx, code)
	if errors.Is(err, diary.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("import: school %q: %w", code, err)
	}
	cs, err := cl.Classes(ctx, s.ID)
	if err != nil {
		return nil, fmt.Errorf("import: classes: %w", err)
	}
	return cs, nil
}

// classIndex resolves a class reference to a class's journal code: exactly,
// or by ClassKey of its code or its name when that names one class only.
type classIndex struct {
	exact map[string]bool
	byKey map[string]map[string]bool // ClassKey → codes
}

// newClassIndex indexes the classes of the batch and the stored ones.
func newClassIndex(b *diary.Batch, stored []diary.Class) classIndex {
	ix := classIndex{exact: map[string]bool{}, byKey: map[string]map[string]bool{}}
	for _, c := range b.Classes {
		ix.add(c.Class)
	}
	for _, c := range stored {
		ix.add(c)
	}
	return ix
}

// add indexes one class by its code and its name.
func (ix classIndex) add(c diary.Class) {
	ix.exact[c.ExtID] = true
	for _, k := range []string{ClassKey(c.ExtID), ClassKey(c.Name)} {
		if ix.byKey[k] == nil {
			ix.byKey[k] = map[string]bool{}
		}
		ix.byKey[k][c.ExtID] = true
	}
}

// resolve returns the code ref means; ref itself when it is a code, when no
// class or several match, or when it is blank.
func (ix classIndex) resolve(ref string) string {
	if ref == "" || ix.exact[ref] {
		return ref
	}
	codes := ix.byKey[ClassKey(ref)]
	if len(codes) != 1 {
		return ref
	}
	for code := range codes {
		return code
	}
	return ref
}

// resolveRefs rewrites the batch's class references to the codes they mean
// (by ClassKey) and its lesson references written with the file's date
// format («7Б/12.11.2026/2») to the lesson ids the importer makes
// («7Б/2026-11-12/2»); a lesson without an id of its own gets it anew from
// its resolved class.
func resolveRefs(b *diary.Batch, stored []diary.Class) {
	ix := newClassIndex(b, stored)
	for i := range b.Students {
		b.Students[i].ClassRef = ix.resolve(b.Students[i].ClassRef)
	}
	for i := range b.Groups {
		b.Groups[i].ClassRef = ix.resolve(b.Groups[i].ClassRef)
	}
	for i := range b.Staff {
		for j := range b.Staff[i].Roles {
			b.Staff[i].Roles[j].ClassRef = ix.resolve(b.Staff[i].Roles[j].ClassRef)
		}
	}
	for i := range b.DaysOff {
		b.DaysOff[i].ClassRef = ix.resolve(b.DaysOff[i].ClassRef)
	}
	for i := range b.Timetable {
		b.Timetable[i].ClassRef = ix.resolve(b.Timetable[i].ClassRef)
	}
	resolveLessons(b, ix)
}

// resolveLessons resolves the lessons' classes and the references to lessons.
func resolveLessons(b *diary.Batch, ix classIndex) {
	ids := map[string]bool{}
	for i := range b.Lessons {
		l := &b.Lessons[i]
		generated := l.Lesson.ExtID == lessonID(l.ClassRef, l.GroupRef, l.Lesson.Date, l.Lesson.Number)
		l.ClassRef = ix.resolve(l.ClassRef)
		if generated {
			l.Lesson.ExtID = lessonID(l.ClassRef, l.GroupRef, l.Lesson.Date, l.Lesson.Number)
		}
		ids[l.Lesson.ExtID] = true
	}
	ref := func(s string) string { return lessonRef(s, ids, ix) }
	for i := range b.Grades {
		b.Grades[i].LessonRef = ref(b.Grades[i].LessonRef)
	}
	for i := range b.Attendance {
		b.Attendance[i].LessonRef = ref(b.Attendance[i].LessonRef)
	}
	for i := range b.Homework {
		b.Homework[i].LessonRef = ref(b.Homework[i].LessonRef)
	}
}

// lessonRef returns the lesson id ref means: ref when it is the id of a
// lesson of the batch or not shaped as one; otherwise the id made of its
// parts, «класс[/группа]/дата/номер», with the date in any accepted format
// and the class resolved.
func lessonRef(ref string, ids map[string]bool, ix classIndex) string {
	parts := strings.Split(ref, "/")
	if ids[ref] || len(parts) < 3 || len(parts) > 4 {
		return ref
	}
	n, err := strconv.Atoi(parts[len(parts)-1])
	if err != nil {
		return ref
	}
	d, err := parseDate(strings.TrimSpace(parts[len(parts)-2]), false, false)
	if err != nil {
		return ref
	}
	group := ""
	if len(parts) == 4 {
		group = parts[1]
	}
	return lessonID(ix.resolve(strings.TrimSpace(parts[0])), group, d, n)
}
