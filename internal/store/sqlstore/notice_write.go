package sqlstore

import (
	"context"
	"fmt"
	"time"

	"github.com/schooldiary/diary/internal/diary"
)

// RecordNotice records a delivery step of the notice id in one transaction:
// its status when u sets one (a sent notice gets its channel and sent_at),
// an attempt, the last error and an event of its history. A notice already
// sent or failed keeps its status, channel, sent_at and last error.
// Errors: diary.ErrNotFound.
func (s *Store) RecordNotice(ctx context.Context, id int64, u diary.NoticeUpdate) error {
	now := s.instant(s.clock())
	sent := u.Status == diary.NoticeSent || u.Status == diary.NoticeSentEmail
	return s.p.Write(ctx, false, func(tx Tx) error {
		n, err := tx.Exec(ctx, `UPDATE notices SET
			status = CASE WHEN $2 = '' OR status IN ('sent', 'sent_email', 'failed') THEN status ELSE $2 END,
			attempts = attempts + $3,
			sent_at = CASE WHEN $4 = 1 AND status NOT IN ('sent', 'sent_email', 'failed') THEN $5 ELSE sent_at END,
			channel = CASE WHEN $4 = 1 AND status NOT IN ('sent', 'sent_email', 'failed') THEN $6 ELSE channel END,
			last_error = CASE WHEN status IN ('sent', 'sent_email', 'failed') THEN last_error
				WHEN $4 = 1 THEN '' WHEN $7 <> '' THEN $7 ELSE last_error END
			WHERE id = $1`, id, string(u.Status), flag(u.Attempt), flag(sent), now, u.Channel, u.Error)
		if err != nil {
			return s.wrap(err, "record notice %d", id)
		}
		if n == 0 {
			return notFound("record notice %d", id)
		}
		return s.addNoticeEvent(ctx, tx, id, u.Event, u.Detail, now)
	})
}

// addNoticeEvent appends an event to the notice's history.
func (s *Store) addNoticeEvent(ctx context.Context, tx Tx, id int64, status, detail string, now any) error {
	_, err := tx.Exec(ctx, `INSERT INTO notice_events (notice_id, at, status, detail) VALUES ($1, $2, $3, $4)`,
		id, now, status, detail)
	return s.wrap(err, "history of notice %d", id)
}

// AcknowledgeNotice records that the recipient acknowledged the notice id,
// once. Errors: diary.ErrNotFound; EInvalid when its kind asks for none.
func (s *Store) AcknowledgeNotice(ctx context.Context, id int64) error {
	now := s.instant(s.clock())
	return s.p.Write(ctx, false, func(tx Tx) error {
		var ack int
		var at time.Time
		err := tx.QueryRow(ctx, `SELECT ack_required, acknowledged_at FROM notices WHERE id = $1`+s.d.ForUpdate, id).
			Scan(&ack, InstantCol{&at})
		if err != nil {
			return s.wrap(err, "acknowledge notice %d", id)
		}
		if ack == 0 {
			return fmt.Errorf("acknowledge notice %d: %w", id, diary.Errorf(diary.EInvalid, "this notice asks for no acknowledgement"))
		}
		if !at.IsZero() {
			return nil
		}
		if _, err := tx.Exec(ctx, `UPDATE notices SET acknowledged_at = $2 WHERE id = $1`, id, now); err != nil {
			return s.wrap(err, "acknowledge notice %d", id)
		}
		return s.addNoticeEvent(ctx, tx, id, "acknowledged", "acknowledged by the recipient", now)
	})
}
