package diary

import "strings"

// NormalizePhone returns phone number s in E.164, «+79120001122», from the
// forms rosters use: «8 (912) 000-11-22», «+7 912 0001122», «9120001122»,
// «79120001122». Spaces, dashes, dots and parentheses are ignored. A number
// of ten digits is Russian without its prefix; eleven digits starting with 8
// or 7 are Russian; any other country needs its «+». The error (code
// EInvalid) does not repeat the number, which is personal data.
func NormalizePhone(s string) (string, error) {
	digits, plus, ok := phoneDigits(s)
	switch {
	case !ok || digits == "":
		return "", Errorf(EInvalid, "phone: not a phone number")
	case plus:
		return international(digits)
	case len(digits) == 10 && strings.ContainsRune("34789", rune(digits[0])):
		return "+7" + digits, nil
	case len(digits) == 11 && (digits[0] == '8' || digits[0] == '7'):
		return "+7" + digits[1:], nil
	}
	return "", Errorf(EInvalid, "phone: a Russian number has 10 digits after +7")
}

// international checks the digits of a number written with «+».
func international(digits string) (string, error) {
	switch {
	case digits[0] == '0' || strings.HasPrefix(digits, "89"):
		return "", Errorf(EInvalid, "phone: no such country code") // «+8 912…» is a mistake for +7
	case digits[0] == '7' && len(digits) != 11:
		return "", Errorf(EInvalid, "phone: a Russian number has 10 digits after +7")
	case len(digits) < 8 || len(digits) > 15:
		return "", Errorf(EInvalid, "phone: an international number has 8 to 15 digits")
	}
	return "+" + digits, nil
}

// phoneDigits strips the separators of s and returns its digits and whether
// it began with «+»; ok is false for any other character or a misplaced «+».
func phoneDigits(s string) (digits string, plus, ok bool) {
	s = strings.TrimSpace(s)
	if rest, found := strings.CutPrefix(s, "+"); found {
		s, plus = rest, true
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case strings.ContainsRune(" \u00a0\t-–.()", r):
		default:
			return "", false, false
		}
		if b.Len() > 20 {
			return "", false, false
		}
	}
	return b.String(), plus, true
}

// IsE164 reports whether s is already a normalised phone number.
func IsE164(s string) bool {
	n, err := NormalizePhone(s)
	return err == nil && n == s
}

// NormalizePhones rewrites every phone of the batch's staff, students and
// guardians to E.164 in place, for importers and the API to call before
// Validate (which only checks). It returns a problem for each phone that
// cannot be normalised and leaves that one as it was.
func (b *Batch) NormalizePhones() []ItemError {
	var errs []ItemError
	fix := func(src Source, p *string) {
		if *p == "" {
			return
		}
		n, err := NormalizePhone(*p)
		if err != nil {
			errs = append(errs, ItemError{Src: src, Field: "phone", Msg: msgPhone})
			return
		}
		*p = n
	}
	for i := range b.Staff {
		fix(b.Staff[i].Src, &b.Staff[i].Staff.Phone)
	}
	for i := range b.Students {
		fix(b.Students[i].Src, &b.Students[i].Student.Phone)
	}
	for i := range b.Guardians {
		fix(b.Guardians[i].Src, &b.Guardians[i].Guardian.Phone)
	}
	return errs
}

// msgPhone is the problem text for a phone that is no phone number.
const msgPhone = "неверный номер телефона: нужен вид +79120001122 или 8 (912) 000-11-22"
