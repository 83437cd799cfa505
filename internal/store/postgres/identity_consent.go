package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	"github.com/schooldiary/diary/internal/diary"
)

const consentCols = `id, telegram_user_id, coalesce(guardian_id, 0), student_id, version, accepted_at, withdrawn_at`

func scanConsent(r pgx.Row) (diary.Consent, error) {
	var c diary.Consent
	var accepted, withdrawn pgtype.Timestamptz
	err := r.Scan(&c.ID, &c.TelegramUserID, &c.GuardianID, &c.StudentID, &c.Version, &accepted, &withdrawn)
	c.AcceptedAt, c.WithdrawnAt = timeOf(accepted), timeOf(withdrawn)
	return c, err
}

// RecordConsent records an acceptance, or returns the active one of the same
// version; see diary.Identity.
func (db *DB) RecordConsent(ctx context.Context, c diary.Consent) (diary.Consent, error) {
	if err := c.Validate(); err != nil {
		return c, fmt.Errorf("record consent: %w", err)
	}
	if c.AcceptedAt.IsZero() {
		c.AcceptedAt = db.clock()
	}
	c.AcceptedAt = c.AcceptedAt.UTC().Truncate(time.Microsecond)
	c.WithdrawnAt = c.WithdrawnAt.UTC().Truncate(time.Microsecond)
	err := db.inTx(ctx, func(tx pgx.Tx) error {
		err := tx.QueryRow(ctx, `INSERT INTO consents (telegram_user_id, guardian_id, student_id, version,
			accepted_at, withdrawn_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING id`,
			c.TelegramUserID, idArg(c.GuardianID), c.StudentID, c.Version, timeArg(c.AcceptedAt),
			timeArg(c.WithdrawnAt)).Scan(&c.ID)
		if errors.Is(err, pgx.ErrNoRows) {
			c, err = scanConsent(tx.QueryRow(ctx, `SELECT `+consentCols+` FROM consents
				WHERE telegram_user_id = $1 AND student_id = $2 AND version = $3 AND withdrawn_at IS NULL`,
				c.TelegramUserID, c.StudentID, c.Version))
		}
		return err
	})
	return c, wrap("record consent", err)
}

// ActiveConsent returns the user's latest active consent for the student;
// ErrNotFound.
func (db *DB) ActiveConsent(ctx context.Context, tgUser, studentID int64) (diary.Consent, error) {
	return one(ctx, db, "active consent", scanConsent, `SELECT `+consentCols+` FROM consents
		WHERE telegram_user_id = $1 AND student_id = $2 AND withdrawn_at IS NULL
		ORDER BY accepted_at DESC, id DESC LIMIT 1`, tgUser, studentID)
}

// WithdrawConsent withdraws the user's consents for the student and ends
// their links to the student; see diary.Identity.
func (db *DB) WithdrawConsent(ctx context.Context, tgUser, studentID int64) error {
	now := db.clock()
	err := db.inTx(ctx, func(tx pgx.Tx) error {
		consents, err := tx.Exec(ctx, `UPDATE consents SET withdrawn_at = $3
			WHERE telegram_user_id = $1 AND student_id = $2 AND withdrawn_at IS NULL`, tgUser, studentID, now)
		if err != nil {
			return err
		}
		links, err := tx.Exec(ctx, `UPDATE links SET ended_at = $3, end_reason = $4
			WHERE telegram_user_id = $1 AND student_id = $2 AND ended_at IS NULL`,
			tgUser, studentID, now, diary.EndConsentWithdrawn)
		if err == nil && consents.RowsAffected()+links.RowsAffected() == 0 {
			return fmt.Errorf("nothing to withdraw: %w", diary.ErrNotFound)
		}
		return err
	})
	return wrap("withdraw consent", err)
}

// ConsentHistory lists every consent about the student by acceptance.
func (db *DB) ConsentHistory(ctx context.Context, studentID int64) ([]diary.Consent, error) {
	return list(ctx, db, "consent history", scanConsent, `SELECT `+consentCols+` FROM consents
		WHERE student_id = $1 ORDER BY accepted_at, id`, studentID)
}
