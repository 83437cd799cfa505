package sqlite

import (
	"database/sql"
	"errors"
	"fmt"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/schooldiary/diary/internal/diary"
)

// wrap translates a driver error as translate does and prefixes it with what
// was being done; nil stays nil.
func wrap(err error, format string, args ...any) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("%s: %w", fmt.Sprintf(format, args...), translate(err))
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

// translate is the embedded store's error table for the shared logic (as
// river's interpretError): no rows → diary.ErrNotFound, a broken unique or
// primary key → diary.ErrConflict, a broken foreign key → ENotFound (the
// record referred to does not exist), a broken CHECK or NOT NULL → EInvalid.
// Other errors are returned unchanged; nil stays nil.
func translate(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, sql.ErrNoRows):
		return diary.ErrNotFound
	case isUnique(err):
		return fmt.Errorf("%w: %w", diary.ErrConflict, err)
	}
	switch sqliteCode(err) {
	case sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY:
		return diary.Errorf(diary.ENotFound, "referenced record not found (%v)", err)
	case sqlite3.SQLITE_CONSTRAINT_CHECK, sqlite3.SQLITE_CONSTRAINT_NOTNULL:
		return diary.Errorf(diary.EInvalid, "%v", err)
	}
	return err
}
