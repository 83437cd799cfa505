// Package linkcodes issues the one-time link codes of a class (clause 3.3.4:
// the class teacher hands every family its letter) and turns them into the
// letters internal/letters prints. diaryctl codes and the bot's class-teacher
// menu both use it, so a code is made, stored and printed one way. Each
// person has one live code: issuing a new one ends their earlier unused
// codes (diary.Identity's ReplaceLinkCodes).
package linkcodes

import (
	"context"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"time"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/i18n"
	"github.com/schooldiary/diary/internal/letters"
)

// Store is what issuing codes reads and writes.
type Store interface {
	// School returns the school with id; diary.ErrNotFound.
	School(ctx context.Context, id int64) (diary.School, error)
	// StudentsOfClass lists the enrolled students of a class by name.
	StudentsOfClass(ctx context.Context, classID int64) ([]diary.Student, error)
	// GuardiansOfStudent lists a student's guardians by name.
	GuardiansOfStudent(ctx context.Context, studentID int64) ([]diary.Guardian, error)
	// CreateLinkCodes stores codes in one transaction: EInvalid for a code
	// breaking LinkCode.Validate, diary.ErrNotFound for a person not of its
	// school, diary.ErrConflict for a hash already stored.
	CreateLinkCodes(ctx context.Context, codes []diary.LinkCode) error
	// ReplaceLinkCodes stores codes as CreateLinkCodes does and makes each
	// person's earlier unused codes expire now (one live code per person).
	ReplaceLinkCodes(ctx context.Context, codes []diary.LinkCode) error
}

// The whole store issues codes.
var _ Store = diary.Store(nil)

// Options say how to issue the codes.
type Options struct {
	BotUsername string        // the bot's @username, without the @, for the deep link
	Now         time.Time     // issue time
	TTL         time.Duration // diary.DefaultCodeTTL when 0
	IssuedBy    int64         // the staff member issuing them, 0 for the admin tool
	Rand        io.Reader     // crypto/rand.Reader in production
}

// ForClass makes a code for every enrolled student of the class and for every
// guardian–student pair, stores their hashes in one transaction, and returns
// the letters in roster order (each student's own letter, then their
// guardians'). The codes exist only in the returned letters.
func ForClass(ctx context.Context, st Store, class diary.Class, opt Options) ([]letters.Letter, error) {
	school, err := st.School(ctx, class.SchoolID)
	if err != nil {
		return nil, fmt.Errorf("issue codes: %w", err)
	}
	students, err := st.StudentsOfClass(ctx, class.ID)
	if err != nil {
		return nil, fmt.Errorf("issue codes: %w", err)
	}
	is := issuer{opt: opt, school: school, class: class}
	for _, s := range students {
		if err := is.addStudent(ctx, st, s); err != nil {
			return nil, err
		}
	}
	if err := st.ReplaceLinkCodes(ctx, is.codes); err != nil {
		return nil, fmt.Errorf("issue codes: %w", err)
	}
	return is.letters, nil
}

// issuer collects the codes and letters of one class.
type issuer struct {
	opt     Options
	school  diary.School
	class   diary.Class
	codes   []diary.LinkCode
	letters []letters.Letter
}

// addStudent adds the student's own code and one for each guardian.
func (is *issuer) addStudent(ctx context.Context, st Store, s diary.Student) error {
	if err := is.add(diary.LinkCode{Kind: diary.LinkStudent, StudentID: s.ID}, s, s.Name.Full()); err != nil {
		return err
	}
	guardians, err := st.GuardiansOfStudent(ctx, s.ID)
	if err != nil {
		return fmt.Errorf("issue codes: %w", err)
	}
	for _, g := range guardians {
		c := diary.LinkCode{Kind: diary.LinkGuardian, StudentID: s.ID, GuardianID: g.ID}
		if err := is.add(c, s, g.Name.Full()); err != nil {
			return err
		}
	}
	return nil
}

// add makes a new code for c and the letter that carries it.
func (is *issuer) add(c diary.LinkCode, s diary.Student, recipient string) error {
	code, err := diary.NewLinkCode(is.opt.Rand)
	if err != nil {
		return fmt.Errorf("issue codes: %w", err)
	}
	ttl := is.opt.TTL
	if ttl == 0 {
		ttl = diary.DefaultCodeTTL
	}
	c.SchoolID, c.Hash, c.CreatedBy = is.school.ID, diary.HashCode(code), is.opt.IssuedBy
	c.CreatedAt, c.ExpiresAt = is.opt.Now, is.opt.Now.Add(ttl)
	is.codes = append(is.codes, c)
	is.letters = append(is.letters, letters.Letter{
		School: is.school.Name, Class: is.class.Name, Child: s.Name.Full(), Recipient: recipient,
		Kind: letterKind(c.Kind), Code: code, DeepLink: DeepLink(is.opt.BotUsername, code),
		ExpiresOn: lastDay(c.ExpiresAt, is.school.Location()),
	})
	return nil
}

func letterKind(k diary.LinkKind) string {
	if k == diary.LinkStudent {
		return letters.KindStudent
	}
	return letters.KindGuardian
}

// DeepLink returns the t.me link that opens the bot with the code as the
// /start payload (the canonical code is within Telegram's 64 characters of
// A-Za-z0-9_-).
func DeepLink(botUsername, code string) string {
	return "https://t.me/" + url.PathEscape(botUsername) + "?start=" + url.QueryEscape(code)
}

// lastDay renders the day the code still works on, «29 декабря 2026».
func lastDay(expires time.Time, loc *time.Location) string {
	d := diary.DateIn(expires.Add(-time.Nanosecond), loc)
	return strconv.Itoa(d.Day) + " " + i18n.MonthGenitive(i18n.RU, d.Month) + " " + strconv.Itoa(d.Year)
}
