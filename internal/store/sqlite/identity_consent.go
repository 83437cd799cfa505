package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/schooldiary/diary/internal/diary"
)

const consentCols = `id, telegram_user_id, guardian_id, student_id, version, accepted_at, withdrawn_at`

// scanConsent reads one row of consentCols.
func scanConsent(r scanner) (diary.Consent, error) {
	var c diary.Consent
	err := r.Scan(&c.ID, &c.TelegramUserID, idCol{&c.GuardianID}, &c.StudentID, &c.Version,
		instantCol{&c.AcceptedAt}, instantCol{&c.WithdrawnAt})
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
	c.AcceptedAt, c.WithdrawnAt = c.AcceptedAt.UTC(), c.WithdrawnAt.UTC()
	err := db.inWrite(ctx, func(q querier) error {
		err := q.QueryRowContext(ctx, `INSERT INTO consents (telegram_user_id, guardian_id, student_id,
			version, accepted_at, withdrawn_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id`,
			c.TelegramUserID, nullID(c.GuardianID), c.StudentID, c.Version, instantText(c.AcceptedAt),
			nullInstant(c.WithdrawnAt)).Scan(&c.ID)
		if errors.Is(err, sql.ErrNoRows) {
			c, err = scanConsent(q.QueryRowContext(ctx, `SELECT `+consentCols+` FROM consents
				WHERE telegram_user_id = ? AND student_id = ? AND version = ? AND withdrawn_at IS NULL`,
				c.TelegramUserID, c.StudentID, c.Version))
		}
		return wrap(err, "record consent")
	})
	return c, err
}

// ActiveConsent returns the user's latest active consent for the student;
// ErrNotFound.
func (db *DB) ActiveConsent(ctx context.Context, tgUser, studentID int64) (diary.Consent, error) {
	c, err := scanConsent(db.reader().QueryRowContext(ctx, `SELECT `+consentCols+` FROM consents
		WHERE telegram_user_id = ? AND student_id = ? AND withdrawn_at IS NULL
		ORDER BY accepted_at DESC, id DESC LIMIT 1`, tgUser, studentID))
	return c, wrap(err, "active consent")
}

// WithdrawConsent withdraws the user's consents for the student and ends
// their links to the student; see diary.Identity.
func (db *DB) WithdrawConsent(ctx context.Context, tgUser, studentID int64) error {
	now := instantText(db.clock())
	return db.inWrite(ctx, func(q querier) error {
		res, err := q.ExecContext(ctx, `UPDATE consents SET withdrawn_at = ?
			WHERE telegram_user_id = ? AND student_id = ? AND withdrawn_at IS NULL`, now, tgUser, studentID)
		consents, err := affected(res, err)
		if err != nil {
			return wrap(err, "withdraw consent")
		}
		res, err = q.ExecContext(ctx, `UPDATE links SET ended_at = ?, end_reason = ?
			WHERE telegram_user_id = ? AND student_id = ? AND ended_at IS NULL`,
			now, diary.EndConsentWithdrawn, tgUser, studentID)
		links, err := affected(res, err)
		if err == nil && consents+links == 0 {
			return notFound("withdraw consent: nothing to withdraw")
		}
		return wrap(err, "withdraw consent")
	})
}

// affected returns the rows a statement touched.
func affected(res sql.Result, err error) (int64, error) {
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// ConsentHistory lists every consent about the student by acceptance.
func (db *DB) ConsentHistory(ctx context.Context, studentID int64) ([]diary.Consent, error) {
	rows, err := db.reader().QueryContext(ctx, `SELECT `+consentCols+` FROM consents
		WHERE student_id = ? ORDER BY accepted_at, id`, studentID)
	return collect(rows, err, "consent history", scanConsent)
}
