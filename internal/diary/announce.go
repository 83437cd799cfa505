package diary

import (
	"strconv"
	"time"
)

// NoticeAnnouncement is the notice kind of a school's announcement.
const NoticeAnnouncement = "announcement"

// AnnounceScope is whom an announcement is for: the families of one class,
// of the classes of levels From to To (grades 1–11), or of the whole school
// (all zero).
type AnnounceScope struct {
	ClassID  int64
	From, To int
}

// WholeSchool reports whether the scope is the whole school.
func (s AnnounceScope) WholeSchool() bool { return s.ClassID == 0 && s.From == 0 && s.To == 0 }

// AnnounceAudience is who receives an announcement of a scope: the guardians who
// linked their Telegram to an enrolled student of the scope and whose
// consent about that student stands, each once however many of their
// children are in it, and how many enrolled students of the scope have no
// such guardian (their families cannot be reached in the bot).
type AnnounceAudience struct {
	Recipients  []AudienceMember
	Unreachable int
}

// AudienceMember is one recipient of an announcement: a guardian, with the
// language of the chat of their latest link ("" when unknown).
type AudienceMember struct {
	GuardianID int64
	Language   string
}

// Announcement is a message of the school's staff (or of diaryctl) to the
// families of a scope; each recipient's delivery is a notice.
type Announcement struct {
	ID       int64
	SchoolID int64
	// StaffID is the sender; 0 when sent with diaryctl.
	StaffID int64
	Scope   AnnounceScope
	Text    string
	// File is the attached file, stored once for every recipient's
	// notice; Name "" when none. Reads leave its Data out.
	File        NoticeFile
	Recipients  int
	Unreachable int
	CreatedAt   time.Time
	// Counts are its notices by status, read with it.
	Counts AnnounceCounts
}

// AnnounceCounts are an announcement's notices by how their delivery stands.
type AnnounceCounts struct {
	Sent, Email, Failed, Waiting int
}

// AnnouncementKey is the idempotency key of announcement id's notice to
// guardian g.
func AnnouncementKey(id, g int64) string {
	return NoticeAnnouncement + ":" + strconv.FormatInt(id, 10) + ":guardian:" + strconv.FormatInt(g, 10)
}
