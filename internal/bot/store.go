package bot

import (
	"context"
	"time"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/linkcodes"
)

// Store is what the bot reads and writes of the store: the schools and people
// it names, links by code or phone, consent, access requests, the visits it
// records and the chats it writes to. The class teacher's letters and the
// staff codes are issued through linkcodes, so its StaffStore is part of
// this one.
type Store interface {
	linkcodes.StaffStore
	// The chat's notification choices and the staff members' chats
	// (diary.Notifications' errors).
	diary.Notifications
	// The confirmation of a chat's email address
	// (diary.EmailConfirmations' errors).
	diary.EmailConfirmations
	// The staff home's reads (diary.StaffReads' errors).
	diary.StaffReads

	// Schools, classes and people.

	// Schools lists all schools by code.
	Schools(ctx context.Context) ([]diary.School, error)
	// SchoolByCode returns the school with code; diary.ErrNotFound.
	SchoolByCode(ctx context.Context, code string) (diary.School, error)
	// Class returns the class with id; diary.ErrNotFound.
	Class(ctx context.Context, id int64) (diary.Class, error)
	// ClassByName returns the school's class named name; diary.ErrNotFound.
	ClassByName(ctx context.Context, schoolID int64, name string) (diary.Class, error)
	// Student returns the student with id, enrolled or left; diary.ErrNotFound.
	Student(ctx context.Context, id int64) (diary.Student, error)
	// GuardiansByPhone lists guardians of any school with the E.164 phone.
	GuardiansByPhone(ctx context.Context, phone string) ([]diary.Guardian, error)
	// Staff returns the staff member with id and their roles; diary.ErrNotFound.
	Staff(ctx context.Context, id int64) (diary.Staff, error)
	// StaffWithRole lists a school's staff having role r, by name.
	StaffWithRole(ctx context.Context, schoolID int64, r diary.Role) ([]diary.Staff, error)

	// The journal as the staff home reads it, and the expected grade a
	// teacher sets.

	// Years lists a school's academic years by start.
	Years(ctx context.Context, schoolID int64) ([]diary.AcademicYear, error)
	// PeriodAt returns the period for class level lvl containing d; diary.ErrNotFound.
	PeriodAt(ctx context.Context, schoolID int64, lvl int, d diary.Date) (diary.Period, error)
	// Classes lists a school's classes by level, then name.
	Classes(ctx context.Context, schoolID int64) ([]diary.Class, error)
	// Subject returns the subject with id; diary.ErrNotFound.
	Subject(ctx context.Context, id int64) (diary.Subject, error)
	// GroupsOfStudent lists the groups a student belongs to.
	GroupsOfStudent(ctx context.Context, studentID int64) ([]diary.Group, error)
	// StudentDiary returns a student's diary of a period; diary.ErrNotFound.
	StudentDiary(ctx context.Context, studentID, periodID int64) (diary.StudentDiary, error)
	// ClassSummary returns a class's aggregates of a period; diary.ErrNotFound.
	ClassSummary(ctx context.Context, classID, periodID int64) (diary.ClassSummary, error)
	// SetExpectedGrade records a teacher's expected period grade with a
	// reason: EInvalid, diary.ErrNotFound.
	SetExpectedGrade(ctx context.Context, g diary.ExpectedGrade) error

	// Links, consent, access requests, visits and chats (diary.Identity's
	// errors).

	// RedeemLinkCode uses the code with hash for tgUser in chatID: diary.ErrNotFound,
	// diary.ErrCodeUsed, diary.ErrCodeExpired, then diary.CheckRedeem's refusals.
	RedeemLinkCode(ctx context.Context, hash string, tgUser, chatID int64) (diary.LinkCode, diary.Link, error)
	// LinkByPhone links tgUser to the enrolled children of the school's
	// guardians with phone: EInvalid, diary.ErrNotFound, diary.ErrStudentLeft.
	LinkByPhone(ctx context.Context, schoolID int64, phone string, tgUser, chatID int64) ([]diary.Link, error)
	// ActiveLinks lists the user's active links by id (none is no error).
	ActiveLinks(ctx context.Context, tgUser int64) ([]diary.Link, error)
	// RecordConsent records an acceptance: EInvalid, diary.ErrNotFound.
	RecordConsent(ctx context.Context, c diary.Consent) (diary.Consent, error)
	// ActiveConsent returns the user's consent for the student that is not
	// withdrawn; diary.ErrNotFound.
	ActiveConsent(ctx context.Context, tgUser, studentID int64) (diary.Consent, error)
	// WithdrawConsent withdraws the user's consent for the student and ends
	// their links to the student; diary.ErrNotFound when there was neither.
	WithdrawConsent(ctx context.Context, tgUser, studentID int64) error
	// CreateAccessRequest records a request: EInvalid, diary.ErrNotFound.
	CreateAccessRequest(ctx context.Context, r diary.AccessRequest) (diary.AccessRequest, error)
	// AccessRequests lists a school's requests; only unresolved ones when openOnly.
	AccessRequests(ctx context.Context, schoolID int64, openOnly bool) ([]diary.AccessRequest, error)
	// The access request workflow and the students' access by their
	// parents' consent.
	diary.AccessWorkflow
	// RecordVisit records a view: EInvalid, diary.ErrNotFound.
	RecordVisit(ctx context.Context, v diary.Visit) error
	// LastFamilyVisit is the family's last look at a student in [from, to),
	// the zero time for none («Что нового» starts there).
	LastFamilyVisit(ctx context.Context, studentID, guardianID, tgUser int64, from, to time.Time) (time.Time, error)
	// UpsertChat stores the chat; EInvalid without a ChatID.
	UpsertChat(ctx context.Context, c diary.Chat) error
	// ChatByID returns the chat; diary.ErrNotFound.
	ChatByID(ctx context.Context, chatID int64) (diary.Chat, error)
	// MarkChatBlocked records that the user blocked or unblocked the bot;
	// diary.ErrNotFound for an unknown chat.
	MarkChatBlocked(ctx context.Context, chatID int64, blocked bool) error
}

// The whole store serves the bot.
var _ Store = diary.Store(nil)
