package diary

import (
	"context"
	"time"
)

// Identity is how Telegram users become known people of a school: one-time
// link codes or a verified phone (clauses 1.5, 2.12.2), consent to data
// processing (2.7, 152-ФЗ), access requests (2.10), the chats the bot writes
// to, and the record of every diary view (2.12.3, 3.6.8). Every instant is
// the store's clock unless the record passed in carries one.
type Identity interface {
	// CreateLinkCodes stores codes in one transaction, setting each one's ID
	// (and CreatedAt to now, ExpiresAt to CreatedAt+DefaultCodeTTL when zero).
	// A code breaking LinkCode.Validate is EInvalid; a person it names that is
	// not of its school (or a guardian not of the student) is ErrNotFound; a
	// hash already stored is ErrConflict. On error nothing is stored.
	CreateLinkCodes(ctx context.Context, codes []LinkCode) error
	// ReplaceLinkCodes stores codes as CreateLinkCodes does and, in the same
	// transaction, makes every earlier stored code of each code's person
	// (same school, kind, guardian, student and staff member) that is
	// neither used nor expired expire now: one live code per person, so a
	// code handed out before stops working once a new one is issued
	// (redeeming it is ErrCodeExpired). Used codes are kept as they are.
	ReplaceLinkCodes(ctx context.Context, codes []LinkCode) error
	// RedeemLinkCode uses the code with hash for Telegram user tgUser in chat
	// chatID and returns it (UsedAt, UsedBy set) with the active link it gives.
	// It is atomic and single-use: of concurrent calls, one wins. Errors, in
	// this order: ErrNotFound (no such code), ErrCodeUsed, ErrCodeExpired,
	// then CheckRedeem's (ErrNotGuardian, ErrStudentLeft, ErrStaffInactive);
	// a refused code stays unused. Linking a person the user is already
	// linked to returns the existing active link; the same user redeeming
	// their own used code again gets that link back, not ErrCodeUsed.
	RedeemLinkCode(ctx context.Context, hash string, tgUser, chatID int64) (LinkCode, Link, error)
	// LinkByPhone links tgUser to every enrolled child of each guardian of
	// school schoolID whose phone is phone (normalised to E.164 first, an
	// invalid one is EInvalid) and returns the active links, existing ones
	// included, by id. ErrNotFound when no guardian of that school has the
	// phone; ErrStudentLeft when their children have all left.
	LinkByPhone(ctx context.Context, schoolID int64, phone string, tgUser, chatID int64) ([]Link, error)
	// ActiveLinks lists the user's active links by id (none is no error).
	ActiveLinks(ctx context.Context, tgUser int64) ([]Link, error)
	// EndLink ends a link now with reason; ending an ended link keeps its
	// first end. ErrNotFound.
	EndLink(ctx context.Context, linkID int64, reason string) error
	// EndStudentLinks ends every active link to the student (guardians' and
	// the student's own) now with reason and returns how many it ended.
	EndStudentLinks(ctx context.Context, studentID int64, reason string) (int, error)
	// RecordConsent records an acceptance (AcceptedAt now when zero) and
	// returns it with its ID. An active consent of the same user, student
	// and version is returned as it is. EInvalid when Consent.Validate
	// fails; ErrNotFound for an unknown student or guardian.
	RecordConsent(ctx context.Context, c Consent) (Consent, error)
	// ActiveConsent returns the user's latest consent for the student that
	// is not withdrawn; ErrNotFound.
	ActiveConsent(ctx context.Context, tgUser, studentID int64) (Consent, error)
	// WithdrawConsent withdraws, now, the user's active consents for the
	// student and ends that user's active links to the student at once
	// (EndConsentWithdrawn); the records are kept. ErrNotFound when the user
	// had neither an active consent nor an active link to the student.
	WithdrawConsent(ctx context.Context, tgUser, studentID int64) error
	// ConsentHistory lists every consent about the student, withdrawn ones
	// included, by AcceptedAt then ID: the audit record.
	ConsentHistory(ctx context.Context, studentID int64) ([]Consent, error)
	// CreateAccessRequest records a request (CreatedAt now when zero) and
	// returns it with its ID; EInvalid when AccessRequest.Validate fails,
	// ErrNotFound for an unknown school.
	CreateAccessRequest(ctx context.Context, r AccessRequest) (AccessRequest, error)
	// AccessRequests lists a school's requests by CreatedAt then ID; only the
	// unresolved ones when openOnly.
	AccessRequests(ctx context.Context, schoolID int64, openOnly bool) ([]AccessRequest, error)
	// ResolveAccessRequest resolves a request now. EInvalid for an empty
	// resolution, ErrNotFound for an unknown request, ErrConflict when it is
	// already resolved.
	ResolveAccessRequest(ctx context.Context, id int64, resolution string) error
	// The class teacher's side of the requests.
	AccessWorkflow
	// RecordVisit records a view (At now when zero); EInvalid when
	// Visit.Validate fails, ErrNotFound for an unknown school.
	RecordVisit(ctx context.Context, v Visit) error
	// Visits lists a school's visits with from <= At < to, by At then ID.
	Visits(ctx context.Context, schoolID int64, from, to time.Time) ([]Visit, error)
	// LastFamilyVisit returns the latest instant in [from, to) at which the
	// student's family looked at the student: the guardian guardianID from
	// any chat or, when guardianID is 0, the student's own Telegram user;
	// staff views do not count. The zero time when there is none.
	LastFamilyVisit(ctx context.Context, studentID, guardianID, tgUser int64, from, to time.Time) (time.Time, error)
	// UpsertChat stores the chat, replacing the stored user, language and
	// blocked time (zero: not blocked); UpdatedAt is set to now. EInvalid
	// without a ChatID.
	UpsertChat(ctx context.Context, c Chat) error
	// ChatByID returns the chat; ErrNotFound.
	ChatByID(ctx context.Context, chatID int64) (Chat, error)
	// MarkChatBlocked records that the user blocked the bot (BlockedAt now,
	// the first time kept) or unblocked it (BlockedAt zero), touching
	// UpdatedAt; ErrNotFound for an unknown chat.
	MarkChatBlocked(ctx context.Context, chatID int64, blocked bool) error
	// LinkSyntheticChats gives every guardian of the school a synthetic
	// chat (user and chat id userBase + the guardian's id), linked to each
	// enrolled child with the guardian's consent of version: a demo school
	// made a real broadcast for load tests. Running it again adds nothing.
	// EInvalid for a non-positive base or an empty version.
	LinkSyntheticChats(ctx context.Context, schoolID, userBase int64, version string) (SyntheticChats, error)
}

// SyntheticChats counts the rows LinkSyntheticChats added.
type SyntheticChats struct {
	Chats, Links, Consents int64
}

// DefaultCodeTTL is how long a link code lives unless it says otherwise.
const DefaultCodeTTL = 30 * 24 * time.Hour

// LinkKind tells whom a code or a link is for.
type LinkKind string

// Link kinds.
const (
	LinkGuardian LinkKind = "guardian" // a guardian about one student
	LinkStudent  LinkKind = "student"  // a student about themself
	LinkStaff    LinkKind = "staff"    // a staff member
)

// Reasons a link ended.
const (
	EndStudentLeft      = "student_left"      // the student left or was expelled (clause 3.2)
	EndConsentWithdrawn = "consent_withdrawn" // the user withdrew consent
	EndUnlinked         = "unlinked"          // the user unlinked themself
	EndRevoked          = "revoked"           // the school revoked the access
	EndStaffLeft        = "staff_left"        // the staff member left the school
)

// Error codes of link codes.
const (
	ECodeUsed    = "code_used"
	ECodeExpired = "code_expired"
)

// Refusals of a link code, matched with errors.Is; the access refusals of
// access.go (ErrStudentLeft, ErrNotGuardian, …) are used where they fit.
var (
	// ErrCodeUsed: the code has already been used.
	ErrCodeUsed = &Error{Code: ECodeUsed, Message: "the code has already been used"}
	// ErrCodeExpired: the code is past its expiry.
	ErrCodeExpired = &Error{Code: ECodeExpired, Message: "the code has expired"}
	// ErrStaffInactive: the staff member does not work at the school (before
	// starting or after leaving, clause 3.2). It matches ErrNotFound, so
	// nobody learns more than that the code does not work.
	ErrStaffInactive = &Error{Code: ENotFound, Message: "the staff member does not work at the school"}
)

// LinkCode is a one-time code for one person: a guardian about one student
// (GuardianID and StudentID), a student (StudentID) or a staff member
// (StaffID). Only the hash of the code is stored.
type LinkCode struct {
	ID         int64
	SchoolID   int64
	Kind       LinkKind
	GuardianID int64
	StudentID  int64
	StaffID    int64
	Hash       string // HashCode of the canonical code
	CreatedAt  time.Time
	ExpiresAt  time.Time
	UsedAt     time.Time
	UsedBy     int64 // the Telegram user who used it
	CreatedBy  int64 // the staff member who issued it; 0 for the journal admin's tool
}

// Validate checks that the code names exactly the people its kind needs and
// expires after it is created; the error has code EInvalid.
func (c LinkCode) Validate() error {
	switch {
	case c.SchoolID == 0 || c.Hash == "":
		return Errorf(EInvalid, "link code: school and hash are required")
	case !c.ExpiresAt.IsZero() && !c.CreatedAt.IsZero() && !c.ExpiresAt.After(c.CreatedAt):
		return Errorf(EInvalid, "link code: expires before it is created")
	}
	var ok bool
	switch c.Kind {
	case LinkGuardian:
		ok = c.GuardianID != 0 && c.StudentID != 0 && c.StaffID == 0
	case LinkStudent:
		ok = c.GuardianID == 0 && c.StudentID != 0 && c.StaffID == 0
	case LinkStaff:
		ok = c.GuardianID == 0 && c.StudentID == 0 && c.StaffID != 0
	}
	if !ok {
		return Errorf(EInvalid, "link code: kind %q does not match the people it names", c.Kind)
	}
	return nil
}

// Usable returns nil when the code may be used at now: ErrCodeUsed once used,
// ErrCodeExpired from ExpiresAt on.
func (c LinkCode) Usable(now time.Time) error {
	switch {
	case !c.UsedAt.IsZero():
		return ErrCodeUsed
	case !now.Before(c.ExpiresAt):
		return ErrCodeExpired
	}
	return nil
}

// RedeemFacts is what the store knows, when a code is redeemed, about the
// people it names.
type RedeemFacts struct {
	Student    Student // guardian and student codes
	IsGuardian bool    // guardian codes: the guardian still represents the student
	Staff      Staff   // staff codes
	Today      Date    // in the school's zone
}

// CheckRedeem decides whether a usable code of kind k may link its person
// (clause 2.7): a guardian who no longer represents the student is
// ErrNotGuardian; a student recorded as left (whatever the date: Apply ends
// their links at once, clause 3.2) is ErrStudentLeft, as a *LeftError with
// the stored reason; a staff member not working on f.Today is
// ErrStaffInactive.
func CheckRedeem(k LinkKind, f RedeemFacts) error {
	switch k {
	case LinkGuardian:
		if !f.IsGuardian {
			return ErrNotGuardian
		}
		return studentLinkable(f.Student)
	case LinkStudent:
		return studentLinkable(f.Student)
	case LinkStaff:
		if f.Staff.ID == 0 || !f.Staff.Active(f.Today) {
			return ErrStaffInactive
		}
		return nil
	}
	return ErrNoRole
}

// studentLinkable refuses a student who left.
func studentLinkable(s Student) error {
	switch {
	case s.ID == 0:
		return ErrStudentLeft
	case s.Status == Left:
		return StudentLeft(s)
	}
	return nil
}

// Link binds a Telegram user to a person of a school: a guardian about one
// student, a student, or a staff member. It is active while EndedAt is zero.
type Link struct {
	ID             int64
	SchoolID       int64
	Kind           LinkKind
	TelegramUserID int64
	ChatID         int64
	GuardianID     int64
	StudentID      int64
	StaffID        int64
	CreatedAt      time.Time
	EndedAt        time.Time
	EndReason      string
}

// Active reports whether the link still gives access.
func (l Link) Active() bool { return l.EndedAt.IsZero() }

// NewLink returns the link code c gives user tgUser in chat chatID at now.
func NewLink(c LinkCode, tgUser, chatID int64, now time.Time) Link {
	return Link{
		SchoolID: c.SchoolID, Kind: c.Kind, TelegramUserID: tgUser, ChatID: chatID,
		GuardianID: c.GuardianID, StudentID: c.StudentID, StaffID: c.StaffID, CreatedAt: now,
	}
}

// SamePerson reports whether two links bind the same user to the same person.
func (l Link) SamePerson(o Link) bool {
	return l.TelegramUserID == o.TelegramUserID && l.Kind == o.Kind &&
		l.GuardianID == o.GuardianID && l.StudentID == o.StudentID && l.StaffID == o.StaffID
}

// Consent is a Telegram user's acceptance of the school's consent text,
// Version, to processing the data of a student: as the student's guardian
// (GuardianID) or as the student themself (GuardianID 0).
type Consent struct {
	ID             int64
	TelegramUserID int64
	GuardianID     int64
	StudentID      int64
	Version        string
	AcceptedAt     time.Time
	WithdrawnAt    time.Time
}

// Active reports whether the consent is not withdrawn.
func (c Consent) Active() bool { return c.WithdrawnAt.IsZero() }

// Validate checks the fields a consent needs; the error has code EInvalid.
func (c Consent) Validate() error {
	if c.TelegramUserID == 0 || c.StudentID == 0 || c.Version == "" {
		return Errorf(EInvalid, "consent: user, student and version are required")
	}
	return nil
}

// AccessRequest is a person's request for access without a code (clause
// 2.10): what they told about themself and the child, and the roster's
// match. The 10-day clock runs from CreatedAt to ResolvedAt.
type AccessRequest struct {
	ID             int64
	SchoolID       int64
	TelegramUserID int64
	ChatID         int64
	Name           string
	Relation       string // who they are to the child, as they said: «мама»
	Phone          string // E.164, as Telegram verified it
	ChildName      string
	ClassName      string
	ClassID        int64 // the class named, 0 when the school has none by that name
	StudentID      int64 // the roster's match (at creation, then as decided); 0 for none
	GuardianID     int64 //
	CreatedAt      time.Time
	ResolvedAt     time.Time
	Resolution     string // RequestApproved, RequestRefused or another word of the school's
	DecidedBy      int64  // the staff member who decided; 0 for none
	Reason         string // why it was refused, as the parent reads it
}

// Open reports whether the request awaits resolution.
func (r AccessRequest) Open() bool { return r.ResolvedAt.IsZero() }

// Validate checks the fields a request needs; the error has code EInvalid.
func (r AccessRequest) Validate() error {
	if r.SchoolID == 0 || r.TelegramUserID == 0 || r.Name == "" || r.ChildName == "" {
		return Errorf(EInvalid, "access request: school, user, name and child are required")
	}
	return nil
}

// Visit is one diary view (clauses 2.12.3, 3.6.8): who (a guardian, a
// student or staff, through which Telegram user) saw what (View, such as
// "grades") of which student, when.
type Visit struct {
	ID             int64
	SchoolID       int64
	TelegramUserID int64
	GuardianID     int64
	StudentID      int64
	StaffID        int64
	View           string
	At             time.Time
}

// Validate checks the fields a visit needs; the error has code EInvalid.
func (v Visit) Validate() error {
	if v.SchoolID == 0 || v.TelegramUserID == 0 || v.View == "" {
		return Errorf(EInvalid, "visit: school, user and view are required")
	}
	return nil
}

// Chat is a Telegram chat the bot writes to. BlockedAt is set while the user
// has blocked the bot (403): notices then go by email.
type Chat struct {
	ChatID         int64
	TelegramUserID int64
	Language       string // "ru", "en"
	BlockedAt      time.Time
	UpdatedAt      time.Time
}

// Blocked reports whether the user has blocked the bot.
func (c Chat) Blocked() bool { return !c.BlockedAt.IsZero() }

// Prepare fills a new code's creation time (now when zero) and expiry
// (DefaultCodeTTL later when zero) as UTC instants, then validates it: what
// every store does before storing a code.
func (c *LinkCode) Prepare(now time.Time) error {
	if c.CreatedAt.IsZero() {
		c.CreatedAt = now
	}
	if c.ExpiresAt.IsZero() {
		c.ExpiresAt = c.CreatedAt.Add(DefaultCodeTTL)
	}
	c.CreatedAt, c.ExpiresAt = c.CreatedAt.UTC(), c.ExpiresAt.UTC()
	return c.Validate()
}
