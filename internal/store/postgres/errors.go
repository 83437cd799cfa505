package postgres

import (
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/schooldiary/diary/internal/diary"
)

// PostgreSQL error codes the store translates.
const (
	codeUniqueViolation     = "23505"
	codeForeignKeyViolation = "23503"
	codeCheckViolation      = "23514"
	codeNotNullViolation    = "23502"
)

// translate is the PostgreSQL store's error table for the shared logic (as
// river's interpretError): no rows → diary.ErrNotFound, a unique violation →
// diary.ErrConflict, a foreign key violation → ENotFound (the referenced
// record does not exist), a check or not-null violation → EInvalid. Other
// errors are returned unchanged; nil stays nil.
func translate(err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, pgx.ErrNoRows) {
		return diary.ErrNotFound
	}
	var pe *pgconn.PgError
	if !errors.As(err, &pe) {
		return err
	}
	switch pe.Code {
	case codeUniqueViolation:
		return fmt.Errorf("%w: %s", diary.ErrConflict, pe.ConstraintName)
	case codeForeignKeyViolation:
		return diary.Errorf(diary.ENotFound, "referenced record not found (%s)", pe.ConstraintName)
	case codeCheckViolation, codeNotNullViolation:
		return diary.Errorf(diary.EInvalid, "%s", pe.Message)
	}
	return err
}
