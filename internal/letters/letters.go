// Package letters renders the link letters a class teacher hands to families (regulation
// clause 3.3.4): a printable PDF with one A4 page per recipient — the school, the class, the
// child, a QR code of the bot's deep link, the one-time code typed out and short instructions —
// and a CSV list of the same codes for a spreadsheet. Input is plain data: the package does not
// touch the store and knows nothing about how codes are issued.
package letters

import (
	"errors"
	"fmt"
	"strings"
)

// Recipient kinds of a Letter.
const (
	// KindGuardian marks a letter for a parent or another legal representative of the child.
	KindGuardian = "guardian"
	// KindStudent marks a letter for the student themself.
	KindStudent = "student"
	// KindStaff marks a letter for a member of the school's staff (clause 3.2):
	// it names no child, and Role says what the recipient does.
	KindStaff = "staff"
)

// ErrNoLetters is returned by PDF when there is nothing to print: a PDF needs at least one page.
var ErrNoLetters = errors.New("letters: no letters to print")

// Letter is one link letter: everything printed on its page or written in its CSV row.
type Letter struct {
	School    string // the school's name as families know it
	Class     string // e.g. «5А»
	Child     string // the student's full name (ФИО)
	Recipient string // the guardian's full name, or the student's for a student letter
	Kind      string // KindGuardian, KindStudent or KindStaff
	Code      string // the typed form of the one-time code, e.g. «K7M2Q-9XH4D»
	DeepLink  string // https://t.me/<bot>?start=<payload>
	ExpiresOn string // the last day the code works, in Russian, e.g. «29 декабря 2026»
	Role      string // staff letters: the recipient's duties, e.g. «учитель, классный руководитель 7А»
}

// validate reports the first field a letter cannot be printed without.
func (l Letter) validate() error {
	required := []struct{ name, value string }{
		{"recipient", l.Recipient}, {"code", l.Code}, {"deep link", l.DeepLink},
	}
	if l.Kind != KindStaff {
		required = append(required, struct{ name, value string }{"child", l.Child})
	}
	for _, f := range required {
		if strings.TrimSpace(f.value) == "" {
			return fmt.Errorf("%s is empty", f.name)
		}
	}
	if l.Kind != KindGuardian && l.Kind != KindStudent && l.Kind != KindStaff {
		return fmt.Errorf("kind %q is not %q, %q or %q", l.Kind, KindGuardian, KindStudent, KindStaff)
	}
	return nil
}

// validateAll checks every letter and names the first bad one by its position (from 1).
func validateAll(letters []Letter) error {
	for i, l := range letters {
		if err := l.validate(); err != nil {
			return fmt.Errorf("letters: letter %d: %w", i+1, err)
		}
	}
	return nil
}
