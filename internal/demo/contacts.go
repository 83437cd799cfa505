package demo

import "fmt"

// Kinds of people in the phone number space.
const (
	phoneGuardian = iota
	phoneStaff
	phoneStudent
)

// maxPerSchool is the largest number of people of one kind a school may have
// for phone numbers to stay unique across schools.
const maxPerSchool = 300_000

// phoneFor returns a unique mobile number in E.164 (+79XXXXXXXXX) for person
// idx of the kind in school. It does not depend on the seed, so the
// well-known parent's number is stable: a bijection of the nine free digits
// (multiplying by 3^18 and adding a constant modulo 10^9) makes the numbers
// look random while no two people share one.
func phoneFor(kind, school, idx int) string {
	x := uint64(kind)*maxPerSchool*1000 + uint64(school)*maxPerSchool + uint64(idx)
	return fmt.Sprintf("+79%09d", (x*387_420_489+123_456_789)%1_000_000_000)
}

// emailDomains are reserved example domains (RFC 2606): demo mail never
// reaches a real person.
var emailDomains = []string{"example.com", "example.org", "example.net"}

// guardianEmail returns a guardian's address, unique within the deployment.
func guardianEmail(last, first string, school, idx int) string {
	return fmt.Sprintf("%s.%s.%d@%s", translit(last), translit(first),
		school*maxPerSchool+idx+1, emailDomains[idx%len(emailDomains)])
}

// schoolEmail returns an address at the school's own (example) domain.
func schoolEmail(last, ext, code string) string {
	return fmt.Sprintf("%s.%s@%s.example.org", translit(last), ext, code)
}
