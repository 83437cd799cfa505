package storetest

import (
	"strconv"
	"strings"
	"testing"

	"github.com/schooldiary/diary/internal/diary"
)

func errorTests() []contractTest {
	return []contractTest{
		{"Errors/NotFound", testNotFound},
		{"Errors/NotFoundNamesTheRecord", testNotFoundNames},
	}
}

// unknownID is an id no store of the suite reaches.
const unknownID int64 = 1 << 40

// Every read of one record by id or name, and the writes naming a missing
// record, return an error matching ErrNotFound with the not_found code.
func testNotFound(t *testing.T, f *fixture) {
	r := f.small(t)
	ctx := t.Context()
	for _, tc := range []struct {
		name string
		call func() error
	}{
		{"School", func() error { _, err := f.s.School(ctx, unknownID); return err }},
		{"SchoolByCode", func() error { _, err := f.s.SchoolByCode(ctx, "no-such-school"); return err }},
		{"Class", func() error { _, err := f.s.Class(ctx, unknownID); return err }},
		{"ClassByName", func() error { _, err := f.s.ClassByName(ctx, r.School.ID, "11Я"); return err }},
		{"ClassByName of another school", func() error { _, err := f.s.ClassByName(ctx, unknownID, "5А"); return err }},
		{"Subject", func() error { _, err := f.s.Subject(ctx, unknownID); return err }},
		{"Student", func() error { _, err := f.s.Student(ctx, unknownID); return err }},
		{"Guardian", func() error { _, err := f.s.Guardian(ctx, unknownID); return err }},
		{"Staff", func() error { _, err := f.s.Staff(ctx, unknownID); return err }},
		{"PeriodAt", func() error { _, err := f.s.PeriodAt(ctx, r.School.ID, 5, d("2026-08-01")); return err }},
		{"PeriodAt of another school", func() error { _, err := f.s.PeriodAt(ctx, unknownID, 5, d("2026-09-15")); return err }},
		{"StudentDiary of an unknown student", func() error {
			_, err := f.s.StudentDiary(ctx, unknownID, r.Period(t, PeriodQ1))
			return err
		}},
		{"StudentDiary of an unknown period", func() error {
			_, err := f.s.StudentDiary(ctx, id(t, r.Students, StudentBelov), unknownID)
			return err
		}},
		{"ClassSummary", func() error { _, err := f.s.ClassSummary(ctx, unknownID, r.Period(t, PeriodQ1)); return err }},
		{"TokenByHash", func() error { _, err := f.s.TokenByHash(ctx, hashOf("no such token")); return err }},
		{"RevokeToken", func() error { return f.s.RevokeToken(ctx, unknownID) }},
		{"CreateToken for an unknown school", func() error {
			_, err := f.s.CreateToken(ctx, diary.APIToken{SchoolID: unknownID, Name: "x", Hash: hashOf("x")})
			return err
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.call()
			wantNotFound(t, err, tc.name)
			equal(t, "error code", diary.ErrorCode(err), diary.ENotFound)
		})
	}
}

// A not-found error of a read by id or code names what was looked for (the
// old PostgreSQL store said only "school by code", "class"…).
func testNotFoundNames(t *testing.T, f *fixture) {
	r := f.small(t)
	ctx := t.Context()
	unknown := strconv.FormatInt(unknownID, 10)
	for _, tc := range []struct {
		name, want string
		call       func() error
	}{
		{"School", "school " + unknown, func() error { _, err := f.s.School(ctx, unknownID); return err }},
		{"SchoolByCode", `school "no-such-school"`, func() error { _, err := f.s.SchoolByCode(ctx, "no-such-school"); return err }},
		{"Class", "class " + unknown, func() error { _, err := f.s.Class(ctx, unknownID); return err }},
		{"ClassByName", `class "11Я"`, func() error { _, err := f.s.ClassByName(ctx, r.School.ID, "11Я"); return err }},
		{"Subject", "subject " + unknown, func() error { _, err := f.s.Subject(ctx, unknownID); return err }},
		{"Student", "student " + unknown, func() error { _, err := f.s.Student(ctx, unknownID); return err }},
		{"Guardian", "guardian " + unknown, func() error { _, err := f.s.Guardian(ctx, unknownID); return err }},
		{"Staff", "staff " + unknown, func() error { _, err := f.s.Staff(ctx, unknownID); return err }},
		{"StudentDiary of an unknown period", "period " + unknown, func() error {
			_, err := f.s.StudentDiary(ctx, id(t, r.Students, StudentBelov), unknownID)
			return err
		}},
		{"ClassSummary", "class " + unknown, func() error {
			_, err := f.s.ClassSummary(ctx, unknownID, r.Period(t, PeriodQ1))
			return err
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.call()
			wantNotFound(t, err, tc.name)
			if err != nil && !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q does not name %q", err, tc.want)
			}
		})
	}
}
