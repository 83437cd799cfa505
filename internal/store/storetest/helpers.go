package storetest

import (
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/diary"
)

// apply applies b and fails the test on error.
func (f *fixture) apply(t *testing.T, b *diary.Batch) diary.ApplyResult {
	t.Helper()
	return f.applyOpt(t, b, diary.ApplyOptions{})
}

// applyOpt applies b with opt and fails the test on error.
func (f *fixture) applyOpt(t *testing.T, b *diary.Batch, opt diary.ApplyOptions) diary.ApplyResult {
	t.Helper()
	res, err := f.s.Apply(t.Context(), b, opt)
	if err != nil {
		t.Fatalf("apply: %v", err)
	}
	return res
}

// small applies SmallSchool and resolves its ids.
func (f *fixture) small(t *testing.T) *Refs {
	t.Helper()
	b := SmallSchool()
	f.apply(t, b)
	return Resolve(t, f.s, b)
}

// onlyCode returns a batch for the stored school code with nothing in it.
func onlyCode(code string) *diary.Batch {
	return &diary.Batch{School: diary.School{Code: code}, AsOf: d("2026-10-05")}
}

// id returns m[ext], failing the test when ext is unknown.
func id(t *testing.T, m map[string]int64, ext string) int64 {
	t.Helper()
	v, ok := m[ext]
	if !ok {
		t.Fatalf("no stored id for %q", ext)
	}
	return v
}

// kindLens returns the number of records of each kind in b.
func kindLens(b *diary.Batch) map[string]int {
	return map[string]int{
		diary.KindYears: len(b.Years), diary.KindPeriods: len(b.Periods),
		diary.KindDaysOff: len(b.DaysOff), diary.KindSubjects: len(b.Subjects),
		diary.KindClasses: len(b.Classes), diary.KindStaff: len(b.Staff),
		diary.KindStudents: len(b.Students), diary.KindGroups: len(b.Groups),
		diary.KindGuardians: len(b.Guardians), diary.KindLessons: len(b.Lessons),
		diary.KindGrades: len(b.Grades), diary.KindAttendance: len(b.Attendance),
		diary.KindHomework: len(b.Homework), diary.KindFinals: len(b.Finals),
	}
}

// allAdded returns the counts of applying b to a store without its records.
func allAdded(b *diary.Batch) map[string]diary.Counts {
	out := map[string]diary.Counts{}
	for k, n := range kindLens(b) {
		out[k] = diary.Counts{Added: n}
	}
	return out
}

// allUnchanged returns the counts of applying b again.
func allUnchanged(b *diary.Batch) map[string]diary.Counts {
	out := map[string]diary.Counts{}
	for k, n := range kindLens(b) {
		out[k] = diary.Counts{Unchanged: n}
	}
	return out
}

// wantCounts compares counts by kind, a missing kind counting as all zero.
func wantCounts(t *testing.T, got, want map[string]diary.Counts) {
	t.Helper()
	for _, k := range unionKeys(got, want) {
		if got[k] != want[k] {
			t.Errorf("counts[%s] = %+v, want %+v", k, got[k], want[k])
		}
	}
}

func unionKeys(a, b map[string]diary.Counts) []string {
	seen := map[string]bool{}
	for k := range a {
		seen[k] = true
	}
	for k := range b {
		seen[k] = true
	}
	keys := make([]string, 0, len(seen))
	for k := range seen {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// problem is an expected validation problem; an empty Field matches any.
type problem struct {
	src   diary.Source
	field string
}

// wantProblems checks that err is a *ValidationError listing every problem
// of want (it may list more, such as a second reason for the same item).
func wantProblems(t *testing.T, err error, want ...problem) *diary.ValidationError {
	t.Helper()
	var ve *diary.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("err = %v, want a *diary.ValidationError", err)
	}
	if !isInvalid(err) {
		t.Errorf("errors.Is(err, EInvalid) = false for %v", err)
	}
	for _, w := range want {
		if !hasProblem(ve.Items, w) {
			t.Errorf("no problem at %s:%d field %q in:\n%v", w.src.File, w.src.Line, w.field, err)
		}
	}
	return ve
}

func hasProblem(items []diary.ItemError, w problem) bool {
	for _, it := range items {
		if it.Src == w.src && (w.field == "" || it.Field == w.field) {
			return true
		}
	}
	return false
}

// isInvalid reports whether err carries the EInvalid code.
func isInvalid(err error) bool { return errors.Is(err, &diary.Error{Code: diary.EInvalid}) }

// wantNotFound fails the test unless err is ErrNotFound.
func wantNotFound(t *testing.T, err error, what string) {
	t.Helper()
	if !errors.Is(err, diary.ErrNotFound) {
		t.Errorf("%s: err = %v, want ErrNotFound", what, err)
	}
}

// equal fails the test when got and want differ.
func equal[T any](t *testing.T, what string, got, want T) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s:\n got  %+v\n want %+v", what, got, want)
	}
}

// sameInstant checks that got is the UTC instant want, to the microsecond.
func sameInstant(t *testing.T, what string, got, want time.Time) {
	t.Helper()
	if !got.Truncate(time.Microsecond).Equal(want.Truncate(time.Microsecond)) {
		t.Errorf("%s = %v, want %v", what, got, want)
	}
	if got.Location() != time.UTC {
		t.Errorf("%s location = %v, want UTC", what, got.Location())
	}
}

// names returns the full names of students, in order.
func names(ss []diary.Student) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = s.Name.Full()
	}
	return out
}

// exts returns the journal ids of records, in order.
func exts[T any](xs []T, ext func(T) string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = ext(x)
	}
	return out
}

// key formats values into a key that sorts as the values do (numbers are
// zero-padded).
func key(vs ...any) string {
	var b strings.Builder
	for _, v := range vs {
		switch x := v.(type) {
		case int:
			fmt.Fprintf(&b, "%020d|", x)
		case int64:
			fmt.Fprintf(&b, "%020d|", x)
		default:
			fmt.Fprintf(&b, "%v|", x)
		}
	}
	return b.String()
}

// sortBy sorts xs by a key in place, stably.
func sortBy[T any](xs []T, by func(T) string) {
	sort.SliceStable(xs, func(i, j int) bool { return by(xs[i]) < by(xs[j]) })
}
