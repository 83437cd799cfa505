package sandbox

import (
	"context"

	"github.com/schooldiary/diary/internal/diary"
)

// Store is what the web chat reads and writes of the store: it finds the demo
// school's people behind the personas, sees which of them a persona's user is
// linked to, and stores the link codes it mints.
type Store interface {
	// SchoolByCode returns the school with code; diary.ErrNotFound.
	SchoolByCode(ctx context.Context, code string) (diary.School, error)
	// GuardiansByPhone lists guardians of any school with the E.164 phone.
	GuardiansByPhone(ctx context.Context, phone string) ([]diary.Guardian, error)
	// StudentsOfGuardian lists a guardian's students (left ones too) by name.
	StudentsOfGuardian(ctx context.Context, guardianID int64) ([]diary.Student, error)
	// StaffWithRole lists a school's staff having role r, by name.
	StaffWithRole(ctx context.Context, schoolID int64, r diary.Role) ([]diary.Staff, error)
	// ActiveLinks lists the user's active links by id (none is no error).
	ActiveLinks(ctx context.Context, tgUser int64) ([]diary.Link, error)
	// CreateLinkCodes stores codes in one transaction: EInvalid for a code
	// breaking LinkCode.Validate, diary.ErrNotFound for a person not of its
	// school, diary.ErrConflict for a hash already stored.
	CreateLinkCodes(ctx context.Context, codes []diary.LinkCode) error
	// NotifyChoices returns what a chat chose about its notices (the email
	// address among them); diary.ErrNotFound for an unknown chat.
	NotifyChoices(ctx context.Context, chatID int64) (diary.NotifyChoices, error)
}

// The whole store serves the web chat.
var _ Store = diary.Store(nil)
