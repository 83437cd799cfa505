package sqlstore

import (
	"context"
	"fmt"

	"github.com/schooldiary/diary/internal/diary"
)

// LinkSyntheticChats links every guardian of the school to a synthetic
// chat with consent, set-wise in one transaction; see diary.Identity.
func (s *Store) LinkSyntheticChats(ctx context.Context, schoolID, userBase int64, version string) (diary.SyntheticChats, error) {
	var n diary.SyntheticChats
	if userBase <= 0 || version == "" {
		return n, fmt.Errorf("synthetic chats: %w", diary.Errorf(diary.EInvalid, "a positive user base and a consent version are required"))
	}
	now := s.instant(s.clock())
	err := s.p.Write(ctx, false, func(tx Tx) (err error) {
		if n.Chats, err = tx.Exec(ctx, `INSERT INTO chats (chat_id, telegram_user_id, language, updated_at)
			SELECT $2 + g.id, $2 + g.id, 'ru', $3 FROM guardians g WHERE g.school_id = $1
			ON CONFLICT DO NOTHING`, schoolID, userBase, now); err != nil {
			return s.wrap(err, "synthetic chats")
		}
		if n.Links, err = tx.Exec(ctx, `INSERT INTO links (school_id, kind, telegram_user_id, chat_id,
			guardian_id, student_id, created_at) SELECT g.school_id, 'guardian', $2 + g.id, $2 + g.id, g.id,
			st.id, $3 FROM guardians g JOIN guardian_students gs ON gs.guardian_id = g.id
			JOIN students st ON st.id = gs.student_id WHERE g.school_id = $1 AND st.status = $4
			ON CONFLICT DO NOTHING`, schoolID, userBase, now, string(diary.Enrolled)); err != nil {
			return s.wrap(err, "synthetic links")
		}
		n.Consents, err = tx.Exec(ctx, `INSERT INTO consents (telegram_user_id, guardian_id, student_id,
			version, accepted_at) SELECT $2 + g.id, g.id, st.id, $4, $3 FROM guardians g
			JOIN guardian_students gs ON gs.guardian_id = g.id JOIN students st ON st.id = gs.student_id
			WHERE g.school_id = $1 AND st.status = $5 ON CONFLICT DO NOTHING`,
			schoolID, userBase, now, version, string(diary.Enrolled))
		return s.wrap(err, "synthetic consents")
	})
	return n, err
}
