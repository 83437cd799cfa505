package storetest

import (
	"context"
	"errors"
	"testing"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/store/sqlstore"
)

func portErrorTests() []contractTest {
	return []contractTest{
		{"Errors/KindsThroughPort", testErrorKindsThroughPort},
		{"Errors/KindsInWriteTransaction", testErrorKindsInWrite},
		{"Errors/ConflictThroughStore", testConflictThroughStore},
	}
}

// porter is a store built on sqlstore, which exposes its port for tests.
type porter interface{ Port() sqlstore.Port }

// portOf returns the store's port, skipping the test for a store without one.
func portOf(t *testing.T, f *fixture) sqlstore.Port {
	t.Helper()
	p, ok := f.s.(porter)
	if !ok {
		t.Skip("the store is not built on sqlstore")
	}
	return p.Port()
}

// errorKind is what a translated error must match.
type errorKind struct {
	code     string
	notFound bool // matches diary.ErrNotFound with errors.Is
	bare     bool // is diary.ErrNotFound itself (only "no rows" is)
}

var (
	kindNoRows   = errorKind{code: diary.ENotFound, notFound: true, bare: true}
	kindConflict = errorKind{code: diary.EConflict}
	kindForeign  = errorKind{code: diary.ENotFound, notFound: true}
	kindInvalid  = errorKind{code: diary.EInvalid}
)

// wantKind checks a translated error against k.
func wantKind(t *testing.T, what string, err error, k errorKind) {
	t.Helper()
	if err == nil {
		t.Fatalf("%s: no error, want %s", what, k.code)
	}
	equal(t, what+": code of "+err.Error(), diary.ErrorCode(err), k.code)
	equal(t, what+": errors.Is(ErrNotFound)", errors.Is(err, diary.ErrNotFound), k.notFound)
	equal(t, what+": errors.Is(ErrConflict)", errors.Is(err, diary.ErrConflict), k.code == diary.EConflict)
	equal(t, what+": is the bare ErrNotFound", err == diary.ErrNotFound, k.bare) //nolint:errorlint // the sentinel itself
}

// portCase is raw SQL that breaks one kind of constraint.
type portCase struct {
	name string
	sql  string
	args []any
	kind errorKind
}

// portCases returns, for the small school, a statement per constraint kind:
// a unique key, a CHECK, a NOT NULL and a foreign key.
func portCases(t *testing.T, r *Refs) []portCase {
	math, rus := id(t, r.Subjects, SubjMath), id(t, r.Subjects, SubjRus)
	belov := id(t, r.Students, StudentBelov)
	return []portCase{
		{"unique key", `UPDATE subjects SET ext_id = $2 WHERE id = $1`, []any{math, SubjRus}, kindConflict},
		{"check", `UPDATE students SET status = $2 WHERE id = $1`, []any{belov, "expelled"}, kindInvalid},
		{"not null", `UPDATE subjects SET name = NULL WHERE id = $1`, []any{rus}, kindInvalid},
		{"foreign key", `UPDATE subjects SET school_id = $2 WHERE id = $1`, []any{math, unknownID}, kindForeign},
	}
}

// Port.Translate gives every store the same kinds: no rows is the bare
// diary.ErrNotFound, a unique key diary.ErrConflict, a broken foreign key
// another ENotFound error, a CHECK or NOT NULL an EInvalid one; nil stays nil.
func testErrorKindsThroughPort(t *testing.T, f *fixture) {
	p := portOf(t, f)
	r := f.small(t)
	ctx := t.Context()
	var got int64
	err := p.QueryRow(ctx, `SELECT id FROM schools WHERE id = $1`, unknownID).Scan(&got)
	wantKind(t, "no rows", p.Translate(err), kindNoRows)
	if p.Translate(nil) != nil {
		t.Error("Translate(nil) is not nil")
	}
	for _, tc := range portCases(t, r) {
		t.Run(tc.name, func(t *testing.T) {
			_, err := p.Exec(ctx, tc.sql, tc.args...)
			wantKind(t, tc.name, p.Translate(err), tc.kind)
		})
	}
	equal(t, "subjects after the failed writes", f.subjectNames(t, r), smallSubjectNames)
}

// The same kinds come out of a write transaction, which rolls back.
func testErrorKindsInWrite(t *testing.T, f *fixture) {
	p := portOf(t, f)
	r := f.small(t)
	for _, tc := range portCases(t, r) {
		t.Run(tc.name, func(t *testing.T) {
			err := p.Write(t.Context(), false, func(tx sqlstore.Tx) error {
				if _, err := tx.Exec(t.Context(), `UPDATE subjects SET short = 'changed'`); err != nil {
					return err
				}
				_, err := tx.Exec(t.Context(), tc.sql, tc.args...)
				return err
			})
			wantKind(t, tc.name, p.Translate(err), tc.kind)
			f.wantShortsUnchanged(t, t.Context(), r)
		})
	}
}

// A store method breaking a unique key returns diary.ErrConflict, wrapped.
func testConflictThroughStore(t *testing.T, f *fixture) {
	r := f.small(t)
	tok := diary.APIToken{SchoolID: r.School.ID, Name: "journal", Hash: hashOf("secret")}
	_, err := f.s.CreateToken(t.Context(), tok)
	must(t, err, "create token")
	_, err = f.s.CreateToken(t.Context(), tok)
	wantKind(t, "second token with the hash", err, kindConflict)
}

// smallSubjectNames are the small school's subjects by name.
var smallSubjectNames = []string{"Английский язык", "Математика", "Немецкий язык", "Русский язык", "Физическая культура"}

// subjectNames returns the names of the small school's subjects, in order.
func (f *fixture) subjectNames(t *testing.T, r *Refs) []string {
	t.Helper()
	ss, err := f.s.Subjects(t.Context(), r.School.ID)
	must(t, err, "subjects")
	return exts(ss, func(s diary.Subject) string { return s.Name })
}

// wantShortsUnchanged checks that no subject's short name was rewritten.
func (f *fixture) wantShortsUnchanged(t *testing.T, ctx context.Context, r *Refs) {
	t.Helper()
	ss, err := f.s.Subjects(ctx, r.School.ID)
	must(t, err, "subjects")
	for _, s := range ss {
		if s.Short == "changed" {
			t.Errorf("subject %s: the failed transaction was committed", s.Name)
		}
	}
}
