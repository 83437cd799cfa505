package sqlstore

import (
	"context"
	"fmt"

	"github.com/schooldiary/diary/internal/diary"
)

// StartEmailConfirm records the chat's request to confirm an address,
// replacing an earlier one; see diary.EmailConfirmations.
func (s *Store) StartEmailConfirm(ctx context.Context, chatID int64, email, code string) error {
	now := s.clock()
	p, err := diary.NewEmailPending(chatID, email, code, now)
	if err != nil {
		return fmt.Errorf("start email confirm: %w", err)
	}
	_, err = s.p.Exec(ctx, `INSERT INTO email_confirms (chat_id, email, code_hash, tries, expires_at, created_at)
		VALUES ($1, $2, $3, 0, $4, $5) ON CONFLICT (chat_id) DO UPDATE SET email = excluded.email,
		code_hash = excluded.code_hash, tries = 0, expires_at = excluded.expires_at, created_at = excluded.created_at`,
		chatID, p.Email, p.Hash, s.instant(p.ExpiresAt), s.instant(now))
	return s.wrap(err, "start email confirm of chat %d", chatID)
}

// ConfirmEmail checks a code against the chat's request, counting a wrong
// try and storing the address on a match; see diary.EmailConfirmations.
func (s *Store) ConfirmEmail(ctx context.Context, chatID int64, code string) (diary.EmailCheck, error) {
	var res diary.EmailCheck
	var verdict error
	err := s.p.Write(ctx, false, func(tx Tx) error {
		p, err := s.pendingEmail(ctx, tx, chatID)
		if err != nil {
			return err
		}
		var next diary.EmailPending
		next, res, verdict = p.Check(code, s.clock())
		return s.settleEmail(ctx, tx, p, next, verdict)
	})
	if err == nil {
		err = verdict
	}
	if err != nil {
		return res, fmt.Errorf("confirm email: %w", err)
	}
	return res, nil
}

// pendingEmail reads the chat's request, locked until the transaction ends.
func (s *Store) pendingEmail(ctx context.Context, tx Tx, chatID int64) (diary.EmailPending, error) {
	return one(ctx, s, tx, fmt.Sprintf("email confirm of chat %d", chatID), func(r Scanner) (p diary.EmailPending, err error) {
		return p, r.Scan(&p.ChatID, &p.Email, &p.Hash, &p.Tries, InstantCol{&p.ExpiresAt})
	}, `SELECT chat_id, email, code_hash, tries, expires_at FROM email_confirms WHERE chat_id = $1`+
		s.d.ForUpdate, chatID)
}

// settleEmail writes the outcome of a check: on a match the address
// becomes the chat's (its channel kept) and the request goes; a counted
// try is stored.
func (s *Store) settleEmail(ctx context.Context, tx Tx, p, next diary.EmailPending, verdict error) error {
	if verdict == nil {
		return s.adoptEmail(ctx, tx, p)
	}
	if next.Tries == p.Tries {
		return nil
	}
	_, err := tx.Exec(ctx, `UPDATE email_confirms SET tries = $2 WHERE chat_id = $1`, p.ChatID, next.Tries)
	return s.wrap(err, "count email try of chat %d", p.ChatID)
}

// adoptEmail stores p's address as the chat's email, keeping its channel,
// and ends the request.
func (s *Store) adoptEmail(ctx context.Context, tx Tx, p diary.EmailPending) error {
	_, err := tx.Exec(ctx, `INSERT INTO notify_channels (chat_id, channel, email, updated_at)
		VALUES ($1, $2, $3, $4) ON CONFLICT (chat_id) DO UPDATE SET
		email = excluded.email, updated_at = excluded.updated_at`,
		p.ChatID, string(diary.ChannelTelegram), p.Email, s.instant(s.clock()))
	if err != nil {
		return s.wrap(err, "store confirmed email of chat %d", p.ChatID)
	}
	_, err = tx.Exec(ctx, `DELETE FROM email_confirms WHERE chat_id = $1`, p.ChatID)
	return s.wrap(err, "end email confirm of chat %d", p.ChatID)
}
