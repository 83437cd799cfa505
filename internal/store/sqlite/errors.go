package sqlite

import (
	"database/sql"
	"errors"
	"fmt"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/schooldiary/diary/internal/diary"
)

// wrap translates a driver error into the domain's codes and prefixes it with
// what was being done: no rows → diary.ErrNotFound, a broken unique key →
// diary.ErrConflict, a broken foreign key → diary.ErrNotFound (the record
// referred to does not exist). Other errors are wrapped unchanged; nil stays nil.
func wrap(err error, format string, args ...any) error {
	if err == nil {
		return nil
	}
	what := fmt.Sprintf(format, args...)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return fmt.Errorf("%s: %w", what, diary.ErrNotFound)
	case isUnique(err):
		return fmt.Errorf("%s: %w: %w", what, diary.ErrConflict, err)
	case sqliteCode(err) == sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY:
		return fmt.Errorf("%s: %w: %w", what, diary.ErrNotFound, err)
	}
	return fmt.Errorf("%s: %w", what, err)
}

// isUnique reports whether err is a broken UNIQUE or PRIMARY KEY constraint.
func isUnique(err error) bool {
	c := sqliteCode(err)
	return c == sqlite3.SQLITE_CONSTRAINT_UNIQUE || c == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY
}

// sqliteCode returns the extended result code of a driver error, or 0.
func sqliteCode(err error) int {
	var e *sqlite.Error
	if errors.As(err, &e) {
		return e.Code()
	}
	return 0
}

// notFound returns a wrapped diary.ErrNotFound for a missing record.
func notFound(format string, args ...any) error {
	return fmt.Errorf("%s: %w", fmt.Sprintf(format, args...), diary.ErrNotFound)
}
