package bot

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/schooldiary/diary/internal/diary"
)

// match fills the request's roster match: the class by its normal form,
// the one enrolled student of that class the typed name names, and the
// guardian of that student whose phone is the one Telegram verified. What
// is not found stays 0.
func (b *B) match(ctx context.Context, ar diary.AccessRequest) (diary.AccessRequest, error) {
	ar.ClassID, ar.StudentID, ar.GuardianID = 0, 0, 0
	cl, err := b.d.Store.ClassByName(ctx, ar.SchoolID, normalizeClass(ar.ClassName))
	if errors.Is(err, diary.ErrNotFound) {
		return ar, nil
	}
	if err != nil {
		return ar, fmt.Errorf("match request: class: %w", err)
	}
	ar.ClassID = cl.ID
	students, err := b.d.Store.StudentsOfClass(ctx, cl.ID)
	if err != nil {
		return ar, fmt.Errorf("match request: students: %w", err)
	}
	st, ok := namedStudent(ar.ChildName, students)
	if !ok {
		return ar, nil
	}
	ar.StudentID = st.ID
	guardians, err := b.d.Store.GuardiansOfStudent(ctx, st.ID)
	if err != nil {
		return ar, fmt.Errorf("match request: guardians: %w", err)
	}
	if i := slices.IndexFunc(guardians, func(g diary.Guardian) bool { return g.Phone != "" && g.Phone == ar.Phone }); i >= 0 {
		ar.GuardianID = guardians[i].ID
	}
	return ar, nil
}

// namedStudent returns the only student whom typed names: its words, in
// any order, case and «ё» or «е», are the surname, the first name and
// perhaps the patronymic.
func namedStudent(typed string, students []diary.Student) (diary.Student, bool) {
	words := nameWords(typed)
	var found []diary.Student
	for _, s := range students {
		if namesStudent(words, s.Name) {
			found = append(found, s)
		}
	}
	if len(found) != 1 {
		return diary.Student{}, false
	}
	return found[0], true
}

// namesStudent reports whether words are n's surname and first name,
// perhaps with the patronymic, and nothing else.
func namesStudent(words []string, n diary.Name) bool {
	last, first, middle := nameWords(n.Last), nameWords(n.First), nameWords(n.Middle)
	if len(last) != 1 || len(first) != 1 || !slices.Contains(words, last[0]) || !slices.Contains(words, first[0]) {
		return false
	}
	for _, w := range words {
		if w != last[0] && w != first[0] && !slices.Contains(middle, w) {
			return false
		}
	}
	return true
}

// nameWords splits a name into lower-case words, «ё» as «е», punctuation dropped.
func nameWords(s string) []string {
	s = strings.ReplaceAll(strings.ToLower(s), "ё", "е")
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' })
}
