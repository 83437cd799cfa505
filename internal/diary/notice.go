package diary

import "time"

// NoticeStatus is where a notice stands; its history keeps every step.
type NoticeStatus string

// The statuses of a notice.
const (
	NoticeQueued    NoticeStatus = "queued"     // waits for its delivery job
	NoticeHeld      NoticeStatus = "held"       // held for quiet hours until NotBefore
	NoticeSent      NoticeStatus = "sent"       // delivered on the recipient's messenger
	NoticeSentEmail NoticeStatus = "sent_email" // delivered by email instead
	NoticeFailed    NoticeStatus = "failed"     // never delivered; LastError says why
)

// Final reports whether a notice in status s is done with: sent or failed.
func (s NoticeStatus) Final() bool {
	return s == NoticeSent || s == NoticeSentEmail || s == NoticeFailed
}

// Recipient is whom a notice is for: a guardian, a student or a staff member.
type Recipient struct {
	Kind LinkKind
	ID   int64
}

// Notice is a row of the durable outbox: what to tell whom and why, in the
// recipient's language, with its delivery state.
type Notice struct {
	ID int64
	// Key is the idempotency key: kind + recipient + what it is about +
	// period/week/thread. A key enqueued twice is kept once.
	Key       string
	Kind      string
	SchoolID  int64
	Recipient Recipient
	Language  string
	Subject   string
	HTML      string
	Text      string
	Files     []NoticeFile
	Urgent    bool
	// AckRequired says the kind asks the recipient to acknowledge it.
	AckRequired bool
	Status      NoticeStatus
	CreatedAt   time.Time
	// NotBefore is when it may go (the end of quiet hours, or CreatedAt).
	NotBefore time.Time
	SentAt    time.Time
	// Channel is the channel that delivered it ("telegram", "email").
	Channel        string
	Attempts       int
	LastError      string
	AcknowledgedAt time.Time
	// TimeZone is the school's IANA zone, read with the notice.
	TimeZone string
}

// NoticeFile is an attachment of a notice (a PDF, an XLSX).
type NoticeFile struct {
	Name string
	MIME string
	Data []byte
}

// NoticeEvent is one step of a notice's history.
type NoticeEvent struct {
	At     time.Time
	Status string
	Detail string
}

// NoticeAddresses is where a notice's recipient can be reached.
type NoticeAddresses struct {
	// ChatID is the recipient's Telegram chat (their latest active link);
	// 0 when they have none.
	ChatID int64
	// ChatBlocked says the chat blocked the bot.
	ChatBlocked bool
	// Email is the address the chat chose, else the one in the roster; ""
	// when there is none.
	Email string
	// Name is the recipient's full name, for an email's To header.
	Name string
	// PreferEmail says the chat chose email as its channel.
	PreferEmail bool
}

// NoticeUpdate is what a delivery attempt records: the new status (empty to
// keep it), an event of the history, and the attempt's facts.
type NoticeUpdate struct {
	Status NoticeStatus
	// Event is the history's status word ("sent", "snoozed", "retry",
	// "blocked"…); Detail its explanation.
	Event  string
	Detail string
	// Channel is the channel that delivered it, with Status sent.
	Channel string
	// Error is the reason of a failure or of a retry, kept as LastError
	// (a sent notice clears it).
	Error string
	// Attempt counts a send attempt.
	Attempt bool
}

// EnqueueResult says which keys an enqueue stored and which it skipped.
type EnqueueResult struct {
	// New are the notices stored, with their ids, statuses and NotBefore.
	New []Notice
	// Duplicates are the keys already stored, left as they were.
	Duplicates []string
}
