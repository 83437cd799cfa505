package sqlstore

import (
	"context"
	"fmt"

	"github.com/schooldiary/diary/internal/diary"
)

const consentCols = `id, telegram_user_id, coalesce(guardian_id, 0), student_id, version, accepted_at, withdrawn_at`

// scanConsent reads one row of consentCols.
func scanConsent(r Scanner) (diary.Consent, error) {
	var c diary.Consent
	err := r.Scan(&c.ID, &c.TelegramUserID, &c.GuardianID, &c.StudentID, &c.Version,
		InstantCol{&c.AcceptedAt}, InstantCol{&c.WithdrawnAt})
	return c, err
}

// RecordConsent records an acceptance, or returns the active one of the same
// version; see diary.Identity. Its instants are returned as stored.
func (s *Store) RecordConsent(ctx context.Context, c diary.Consent) (diary.Consent, error) {
	if err := c.Validate(); err != nil {
		return c, fmt.Errorf("record consent: %w", err)
	}
	if c.AcceptedAt.IsZero() {
		c.AcceptedAt = s.clock()
	}
	c.AcceptedAt, c.WithdrawnAt = kept(c.AcceptedAt), kept(c.WithdrawnAt)
	err := s.p.Write(ctx, false, func(tx Tx) (err error) {
		c, err = s.putConsent(ctx, tx, c)
		return err
	})
	return c, err
}

// putConsent inserts c unless the user has an active consent of the same
// version to the student (the unique index consents_active), and returns
// the active one.
func (s *Store) putConsent(ctx context.Context, tx Tx, c diary.Consent) (diary.Consent, error) {
	err := tx.QueryRow(ctx, `INSERT INTO consents (telegram_user_id, guardian_id, student_id, version,
		accepted_at, withdrawn_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING id`,
		c.TelegramUserID, NullID(c.GuardianID), c.StudentID, c.Version, s.instant(c.AcceptedAt),
		s.instant(c.WithdrawnAt)).Scan(&c.ID)
	if !s.noRows(err) {
		return c, s.wrap(err, "record consent")
	}
	return one(ctx, s, tx, "record consent", scanConsent, `SELECT `+consentCols+` FROM consents
		WHERE telegram_user_id = $1 AND student_id = $2 AND version = $3 AND withdrawn_at IS NULL`,
		c.TelegramUserID, c.StudentID, c.Version)
}

// ActiveConsent returns the user's latest active consent for the student;
// ErrNotFound.
func (s *Store) ActiveConsent(ctx context.Context, tgUser, studentID int64) (diary.Consent, error) {
	return one(ctx, s, s.p, "active consent", scanConsent, `SELECT `+consentCols+` FROM consents
		WHERE telegram_user_id = $1 AND student_id = $2 AND withdrawn_at IS NULL
		ORDER BY accepted_at DESC, id DESC LIMIT 1`, tgUser, studentID)
}

// WithdrawConsent withdraws the user's consents for the student and ends
// their links to the student in one transaction; see diary.Identity.
func (s *Store) WithdrawConsent(ctx context.Context, tgUser, studentID int64) error {
	now := s.instant(s.clock())
	return s.p.Write(ctx, false, func(tx Tx) error {
		consents, err := tx.Exec(ctx, `UPDATE consents SET withdrawn_at = $3
			WHERE telegram_user_id = $1 AND student_id = $2 AND withdrawn_at IS NULL`, tgUser, studentID, now)
		if err != nil {
			return s.wrap(err, "withdraw consent")
		}
		links, err := tx.Exec(ctx, `UPDATE links SET ended_at = $3, end_reason = $4
			WHERE telegram_user_id = $1 AND student_id = $2 AND ended_at IS NULL`,
			tgUser, studentID, now, diary.EndConsentWithdrawn)
		if err != nil {
			return s.wrap(err, "withdraw consent")
		}
		if consents+links == 0 {
			return notFound("withdraw consent: nothing to withdraw")
		}
		return nil
	})
}

// ConsentHistory lists every consent about the student by acceptance.
func (s *Store) ConsentHistory(ctx context.Context, studentID int64) ([]diary.Consent, error) {
	return list(ctx, s, s.p, "consent history", scanConsent, `SELECT `+consentCols+` FROM consents
		WHERE student_id = $1 ORDER BY accepted_at, id`, studentID)
}

// GuardianConsent returns the latest active consent about the student of a
// guardian who still represents them; ErrNotFound.
func (s *Store) GuardianConsent(ctx context.Context, studentID int64) (diary.Consent, error) {
	return one(ctx, s, s.p, "guardian consent", scanConsent, `SELECT `+consentCols+` FROM consents c
		WHERE c.student_id = $1 AND c.withdrawn_at IS NULL AND EXISTS (SELECT 1 FROM guardian_students gs
			WHERE gs.guardian_id = c.guardian_id AND gs.student_id = c.student_id)
		ORDER BY c.accepted_at DESC, c.id DESC LIMIT 1`, studentID)
}
