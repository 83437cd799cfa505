package sqlstore

import (
	"context"
	"fmt"
	"strings"

	"github.com/schooldiary/diary/internal/diary"
)

// announceScopeSQL limits students st of classes c to an announcement's
// scope: $2 a class id (0 for any), $3 and $4 the levels (0 for any).
const announceScopeSQL = `st.school_id = $1 AND st.status = 'enrolled'
	AND (st.class_id = $2 OR $2 = 0) AND (c.level BETWEEN $3 AND $4 OR $3 = 0)`

// reachedSQL says a guardian's link l to student st is active, the guardian
// still represents the student, and the link's user's consent stands.
const reachedSQL = `l.kind = 'guardian' AND l.ended_at IS NULL
	AND EXISTS (SELECT 1 FROM guardian_students gs WHERE gs.guardian_id = l.guardian_id AND gs.student_id = st.id)
	AND EXISTS (SELECT 1 FROM consents co WHERE co.telegram_user_id = l.telegram_user_id
		AND co.student_id = st.id AND co.withdrawn_at IS NULL)`

// AnnouncementAudience returns who an announcement of scope sc in the
// school would reach: each guardian linked with consent to an enrolled
// student of the scope, once, with the language of their latest such
// link's chat, by guardian id; and the number of enrolled students of the
// scope without such a guardian.
func (s *Store) AnnouncementAudience(ctx context.Context, schoolID int64, sc diary.AnnounceScope) (diary.AnnounceAudience, error) {
	var a diary.AnnounceAudience
	args := []any{schoolID, sc.ClassID, sc.From, sc.To}
	err := s.p.Read(ctx, func(q Querier) error {
		ms, err := list(ctx, s, q, "announcement audience", scanAudienceMember, `SELECT l.guardian_id,
			coalesce(ch.language, '') FROM students st JOIN classes c ON c.id = st.class_id
			JOIN links l ON l.student_id = st.id LEFT JOIN chats ch ON ch.chat_id = l.chat_id
			WHERE `+announceScopeSQL+` AND `+reachedSQL+`
			ORDER BY l.guardian_id, l.created_at DESC, l.id DESC`, args...)
		if err != nil {
			return err
		}
		a.Recipients = firstPerGuardian(ms)
		return s.wrap(q.QueryRow(ctx, `SELECT count(*) FROM students st JOIN classes c ON c.id = st.class_id
			WHERE `+announceScopeSQL+` AND NOT EXISTS (SELECT 1 FROM links l
				WHERE l.student_id = st.id AND `+reachedSQL+`)`, args...).Scan(&a.Unreachable),
			"announcement audience")
	})
	return a, err
}

// scanAudienceMember reads a guardian id and a chat's language.
func scanAudienceMember(r Scanner) (m diary.AudienceMember, err error) {
	return m, r.Scan(&m.GuardianID, &m.Language)
}

// firstPerGuardian keeps the first row of each guardian of ms (sorted by
// guardian).
func firstPerGuardian(ms []diary.AudienceMember) []diary.AudienceMember {
	out := ms[:0]
	for _, m := range ms {
		if len(out) == 0 || out[len(out)-1].GuardianID != m.GuardianID {
			out = append(out, m)
		}
	}
	return out
}

// announceNoticeTable is the bulk form of an announcement's notice keys.
var announceNoticeTable = NewTable("announcement_notices", "", `announcement_id bigint, notice_key text`)

// CreateAnnouncement records a (its Text, Scope, sender, file and counts
// of recipients and unreachable families) created now, with the keys
// of its notices to guardians (diary.AnnouncementKey), in one transaction,
// and returns it with its id. It enqueues nothing. Errors: EInvalid for an
// empty text or no school; ErrNotFound-like for an unknown school, staff
// member or class.
func (s *Store) CreateAnnouncement(ctx context.Context, a diary.Announcement, guardians []int64) (diary.Announcement, error) {
	if strings.TrimSpace(a.Text) == "" || a.SchoolID == 0 {
		return a, fmt.Errorf("create announcement: %w", diary.Errorf(diary.EInvalid, "an announcement needs a school and a text"))
	}
	a.CreatedAt = s.clock()
	err := s.p.Write(ctx, false, func(tx Tx) error {
		err := tx.QueryRow(ctx, `INSERT INTO announcements (school_id, staff_id, class_id, level_from, level_to,
			text, file_name, file_mime, file_data, recipients, unreachable, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`, a.SchoolID, NullID(a.StaffID),
			NullID(a.Scope.ClassID), a.Scope.From, a.Scope.To, a.Text, a.File.Name, a.File.MIME, fileData(a.File),
			a.Recipients, a.Unreachable, s.instant(a.CreatedAt)).Scan(&a.ID)
		if err != nil {
			return s.wrap(err, "create announcement")
		}
		rows := make([][]any, len(guardians))
		for i, g := range guardians {
			rows[i] = []any{a.ID, diary.AnnouncementKey(a.ID, g)}
		}
		return s.wrap(tx.Insert(ctx, announceNoticeTable, rows, nil), "create announcement")
	})
	return a, err
}

// fileData is an attachment's bytes, NULL when there is none.
func fileData(f diary.NoticeFile) any {
	if f.Name == "" {
		return nil
	}
	return f.Data
}

// DeleteAnnouncement removes the announcement id and its list of notice
// keys (not the notices: delete one only when enqueueing its notices
// failed). Errors: diary.ErrNotFound.
func (s *Store) DeleteAnnouncement(ctx context.Context, id int64) error {
	return s.p.Write(ctx, false, func(tx Tx) error {
		if _, err := tx.Exec(ctx, `DELETE FROM announcement_notices WHERE announcement_id = $1`, id); err != nil {
			return s.wrap(err, "delete announcement %d", id)
		}
		n, err := tx.Exec(ctx, `DELETE FROM announcements WHERE id = $1`, id)
		if err != nil {
			return s.wrap(err, "delete announcement %d", id)
		}
		if n == 0 {
			return notFound("delete announcement %d", id)
		}
		return nil
	})
}
