// Package diary is the domain of the school diary: schools and their calendars,
// people, the journal (lessons, grades, attendance, homework), and the rules the
// regulation imposes on them. It imports no database or network driver; the
// adapters in internal/store and elsewhere implement the interfaces declared here.
package diary

import (
	"errors"
	"fmt"
	"strings"
)

// Error codes shared by every adapter. Map them to user text in one place.
const (
	EConflict = "conflict"  // a unique key is already taken
	EInvalid  = "invalid"   // the input breaks a rule
	ENotFound = "not_found" // the record does not exist (or is not visible)
	EInternal = "internal"  // anything else
)

// Sentinel errors matched with errors.Is.
var (
	// ErrNotFound is returned when a record does not exist.
	ErrNotFound = &Error{Code: ENotFound, Message: "not found"}
	// ErrConflict is returned when a write would break a unique key.
	ErrConflict = &Error{Code: EConflict, Message: "conflict"}
)

// Error is a domain error with a machine code and a human message.
type Error struct {
	Code    string
	Message string
}

// Error implements error.
func (e *Error) Error() string { return e.Code + ": " + e.Message }

// Is makes errors.Is match any *Error with the same code.
func (e *Error) Is(target error) bool {
	var t *Error
	if errors.As(target, &t) {
		return t.Code == e.Code
	}
	return false
}

// Errorf returns an *Error with the given code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, EInternal otherwise,
// and "" for nil.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EInternal
}

// Source locates an input item: a file and line for imports (Line is 1-based and
// counts the header line), or an API batch name and the item's 0-based index.
type Source struct {
	File string
	Line int
}

// ItemError is one problem with one input item. Field is the canonical field name
// (the English header key, e.g. "student", "date"); Column, when known, is 1-based.
type ItemError struct {
	Src    Source
	Field  string
	Column int
	Msg    string
}

// String formats the error as file:line:column: field: message.
func (e ItemError) String() string {
	var b strings.Builder
	b.WriteString(e.Src.File)
	fmt.Fprintf(&b, ":%d", e.Src.Line)
	if e.Column > 0 {
		fmt.Fprintf(&b, ":%d", e.Column)
	}
	if e.Field != "" {
		b.WriteString(": " + e.Field)
	}
	b.WriteString(": " + e.Msg)
	return b.String()
}

// ValidationError carries every problem found in an input; nothing was applied.
type ValidationError struct {
	Items []ItemError
}

// Error implements error; it lists up to ten items.
func (e *ValidationError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d problem(s) in input", len(e.Items))
	for i, it := range e.Items {
		if i == 10 {
			fmt.Fprintf(&b, "\n… and %d more", len(e.Items)-10)
			break
		}
		b.WriteString("\n" + it.String())
	}
	return b.String()
}

// Is makes errors.Is(err, &Error{Code: EInvalid}) match a ValidationError.
func (e *ValidationError) Is(target error) bool {
	var t *Error
	return errors.As(target, &t) && t.Code == EInvalid
}
