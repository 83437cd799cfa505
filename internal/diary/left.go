package diary

import "errors"

// LeftError is ErrStudentLeft with what the journal recorded of the
// departure: its reason (LeftExpelled, LeftTransferred, LeftGraduated,
// LeftNotInRoster; "" when unknown) and its date (zero when unknown). It
// matches ErrStudentLeft with errors.Is, so callers that only need the
// refusal need not know it.
type LeftError struct {
	Reason string
	On     Date
}

// Error implements error.
func (e *LeftError) Error() string {
	if e.Reason == "" {
		return ErrStudentLeft.Error()
	}
	return ErrStudentLeft.Error() + " (" + e.Reason + ")"
}

// Unwrap returns ErrStudentLeft: errors.Is and ErrorCode see the refusal.
func (e *LeftError) Unwrap() error { return ErrStudentLeft }

// StudentLeft returns the refusal for student s who left: a *LeftError
// with the stored reason and date.
func StudentLeft(s Student) error { return &LeftError{Reason: s.LeftReason, On: s.LeftOn} }

// DepartureOf returns the departure err carries: the reason and date of the
// first *LeftError in its chain; "" and a zero date when none.
func DepartureOf(err error) (reason string, on Date) {
	var le *LeftError
	if errors.As(err, &le) {
		return le.Reason, le.On
	}
	return "", Date{}
}
