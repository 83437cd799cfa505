// Package announce sends a school's announcement to the families of a
// class, of levels or of the whole school: one notice to each guardian the
// store says it reaches, through the notices' outbox (notify.Service), and
// a record of it, so that its sender later sees how its delivery went. The
// bot and diaryctl both send through it.
package announce

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/i18n"
)

// Limits of an announcement: its text fits one Telegram message with the
// heading; its file is sent as a document by the bot and by email.
const (
	MaxText = 3500
	MaxFile = 10 << 20
)

// Errors of Check.
var (
	ErrEmpty     = errors.New("announce: the text is empty")
	ErrTooLong   = errors.New("announce: the text is too long")
	ErrFileLarge = errors.New("announce: the file is too large")
)

// Store is what sending needs of the store (both SQL stores have it).
type Store interface {
	// AnnouncementAudience returns the guardians a scope reaches and the
	// number of its students whose families it does not.
	AnnouncementAudience(ctx context.Context, schoolID int64, sc diary.AnnounceScope) (diary.AnnounceAudience, error)
	// CreateAnnouncement records an announcement with its notices' keys;
	// EInvalid for an empty text.
	CreateAnnouncement(ctx context.Context, a diary.Announcement, guardians []int64) (diary.Announcement, error)
	// DeleteAnnouncement removes an announcement; diary.ErrNotFound.
	DeleteAnnouncement(ctx context.Context, id int64) error
}

// Enqueuer stores notices with their delivery jobs (notify.Service).
type Enqueuer interface {
	// Enqueue stores the notices with new keys and schedules their delivery.
	Enqueue(ctx context.Context, ns []diary.Notice) (diary.EnqueueResult, error)
}

// Draft is what a sender announces.
type Draft struct {
	School diary.School
	// StaffID is the sender; 0 for diaryctl.
	StaffID int64
	Scope   diary.AnnounceScope
	Text    string
	// File is an attachment; Name "" for none.
	File diary.NoticeFile
}

// Check reports what is wrong with the draft: ErrEmpty, ErrTooLong or
// ErrFileLarge.
func (d Draft) Check() error {
	switch text := strings.TrimSpace(d.Text); {
	case text == "":
		return ErrEmpty
	case utf8.RuneCountInString(text) > MaxText:
		return ErrTooLong
	case len(d.File.Data) > MaxFile:
		return ErrFileLarge
	}
	return nil
}

// Render returns what a family whose language is lang gets: the heading
// with the school's name, then the text, escaped, as Telegram HTML.
func Render(lang i18n.Lang, school diary.School, text string) string {
	return i18n.T(lang, i18n.AnnounceNotice, "school", school.Name, "text", strings.TrimSpace(text))
}

// Send checks the draft, reads whom its scope reaches now, records the
// announcement and enqueues one notice to each recipient (not urgent: quiet
// hours hold it). When the enqueue fails the record is removed again. It
// returns the announcement with its counts of recipients and unreachable
// families; no recipient is not an error (Recipients 0, nothing recorded).
func Send(ctx context.Context, st Store, q Enqueuer, d Draft) (diary.Announcement, error) {
	if err := d.Check(); err != nil {
		return diary.Announcement{}, err
	}
	aud, err := st.AnnouncementAudience(ctx, d.School.ID, d.Scope)
	if err != nil {
		return diary.Announcement{}, fmt.Errorf("announce: %w", err)
	}
	a := diary.Announcement{SchoolID: d.School.ID, StaffID: d.StaffID, Scope: d.Scope, Text: strings.TrimSpace(d.Text),
		File: d.File, Recipients: len(aud.Recipients), Unreachable: aud.Unreachable}
	if a.Recipients == 0 {
		return a, nil
	}
	if a, err = st.CreateAnnouncement(ctx, a, guardians(aud)); err != nil {
		return a, fmt.Errorf("announce: %w", err)
	}
	if _, err := q.Enqueue(ctx, Notices(d.School, a, aud)); err != nil {
		return a, errors.Join(fmt.Errorf("announce: %w", err), st.DeleteAnnouncement(context.WithoutCancel(ctx), a.ID))
	}
	return a, nil
}

// guardians are the ids of the audience's recipients.
func guardians(aud diary.AnnounceAudience) []int64 {
	out := make([]int64, len(aud.Recipients))
	for i, m := range aud.Recipients {
		out[i] = m.GuardianID
	}
	return out
}

// Notices are the recorded announcement a's notices to the audience, each
// in its recipient's language (Russian when unknown).
func Notices(school diary.School, a diary.Announcement, aud diary.AnnounceAudience) []diary.Notice {
	out := make([]diary.Notice, len(aud.Recipients))
	for i, m := range aud.Recipients {
		lang, ok := i18n.Parse(m.Language)
		if !ok {
			lang = i18n.RU
		}
		html := Render(lang, school, a.Text)
		out[i] = diary.Notice{Key: diary.AnnouncementKey(a.ID, m.GuardianID), Kind: diary.NoticeAnnouncement,
			SchoolID: school.ID, Recipient: diary.Recipient{Kind: diary.LinkGuardian, ID: m.GuardianID},
			Language: string(lang), Subject: i18n.Plain(lang, i18n.AnnounceSubject, "school", school.Name),
			HTML: html, Text: i18n.PlainText(i18n.Safe(html))}
	}
	return out
}
