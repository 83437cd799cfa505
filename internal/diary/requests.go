package diary

import "context"

// Resolutions of an access request decided by the class teacher.
const (
	RequestApproved = "approved" // the family was linked
	RequestRefused  = "refused"  // refused with a reason the parent reads
)

// AccessDecision is a staff member's decision on an access request: approve
// (link GuardianID about StudentID) or refuse with a Reason.
type AccessDecision struct {
	RequestID  int64
	StaffID    int64
	Approve    bool
	GuardianID int64 // approve: the guardian of the roster the requester is
	StudentID  int64 // approve: the child
	Reason     string
}

// Validate checks that an approval names the guardian and the child and a
// refusal gives its reason; the error has code EInvalid.
func (d AccessDecision) Validate() error {
	switch {
	case d.RequestID == 0 || d.StaffID == 0:
		return Errorf(EInvalid, "access decision: request and staff are required")
	case d.Approve && (d.GuardianID == 0 || d.StudentID == 0):
		return Errorf(EInvalid, "access decision: an approval needs the guardian and the child")
	case !d.Approve && d.Reason == "":
		return Errorf(EInvalid, "access decision: a refusal needs a reason")
	}
	return nil
}

// AccessWorkflow is what the access request workflow (clauses 2.10, 3.6.6)
// and the students' access by their parents' consent (3.3.6) read and write
// beyond the rest of Identity.
type AccessWorkflow interface {
	// AccessRequest returns the request with id; ErrNotFound.
	AccessRequest(ctx context.Context, id int64) (AccessRequest, error)
	// PendingAccessRequests lists the open requests naming the class, by
	// CreatedAt then ID: what waits for its class teacher.
	PendingAccessRequests(ctx context.Context, classID int64) ([]AccessRequest, error)
	// UserAccessRequests lists the Telegram user's requests, newest first.
	UserAccessRequests(ctx context.Context, tgUser int64) ([]AccessRequest, error)
	// DecideAccessRequest records d now in one transaction and returns the
	// request as decided. An approval links the requester (their Telegram
	// user and chat) to the guardian about the child as a redeemed code
	// would, and returns the link. Errors: EInvalid when d.Validate fails;
	// ErrNotFound for an unknown request, or a guardian and child not of its
	// school; ErrConflict when it is decided already; an approval refused
	// as CheckRedeem refuses (ErrNotGuardian, ErrStudentLeft) leaves the
	// request open.
	DecideAccessRequest(ctx context.Context, d AccessDecision) (AccessRequest, Link, error)
	// GuardianConsent returns the latest active consent about the student
	// given by a guardian who still represents them: a student's own access
	// follows it (clause 3.3.6); ErrNotFound.
	GuardianConsent(ctx context.Context, studentID int64) (Consent, error)
	// StudentLinks lists the active links to the student (guardians' and
	// the student's own) by id.
	StudentLinks(ctx context.Context, studentID int64) ([]Link, error)
}
