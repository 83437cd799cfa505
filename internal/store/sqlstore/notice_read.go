package sqlstore

import (
	"context"
	"fmt"

	"github.com/schooldiary/diary/internal/diary"
)

const noticeCols = `n.id, n.key, n.kind, n.school_id, n.recipient_kind, n.recipient_id, n.language,
	n.subject, n.html, n.text, n.urgent, n.ack_required, n.status, n.created_at, n.not_before,
	n.sent_at, n.channel, n.attempts, n.last_error, n.acknowledged_at, s.time_zone`

// scanNotice reads one row of noticeCols.
func scanNotice(r Scanner) (diary.Notice, error) {
	var n diary.Notice
	var urgent, ack int
	err := r.Scan(noticeDest(&n, &urgent, &ack)...)
	n.Urgent, n.AckRequired = urgent == 1, ack == 1
	return n, err
}

// noticeDest are the scan destinations of noticeCols into n, the two
// flags into urgent and ack as the 0 or 1 both stores keep.
func noticeDest(n *diary.Notice, urgent, ack *int) []any {
	return []any{&n.ID, &n.Key, &n.Kind, &n.SchoolID, &n.Recipient.Kind, &n.Recipient.ID, &n.Language,
		&n.Subject, &n.HTML, &n.Text, urgent, ack, &n.Status, InstantCol{&n.CreatedAt},
		InstantCol{&n.NotBefore}, InstantCol{&n.SentAt}, &n.Channel, &n.Attempts, &n.LastError,
		InstantCol{&n.AcknowledgedAt}, &n.TimeZone}
}

// Notice returns the notice with id and its files; diary.ErrNotFound.
func (s *Store) Notice(ctx context.Context, id int64) (diary.Notice, error) {
	var n diary.Notice
	err := s.p.Read(ctx, func(q Querier) (err error) {
		what := fmt.Sprintf("notice %d", id)
		n, err = one(ctx, s, q, what, scanNotice, `SELECT `+noticeCols+`
			FROM notices n JOIN schools s ON s.id = n.school_id WHERE n.id = $1`, id)
		if err != nil {
			return err
		}
		n.Files, err = list(ctx, s, q, what, scanNoticeFile, noticeFilesSQL, id)
		return err
	})
	return n, err
}

// noticeFilesSQL reads a notice's files: its own, then the file of the
// announcement it belongs to (kept once for all its notices).
const noticeFilesSQL = `SELECT name, mime, data FROM (
	SELECT 0 AS src, id, name, mime, data FROM notice_files WHERE notice_id = $1
	UNION ALL SELECT 1, a.id, a.file_name, a.file_mime, a.file_data
	FROM notices n JOIN announcement_notices an ON an.notice_key = n.key
	JOIN announcements a ON a.id = an.announcement_id WHERE n.id = $1 AND a.file_data IS NOT NULL
) f ORDER BY src, id`

// scanNoticeFile reads a file's name, type and bytes.
func scanNoticeFile(r Scanner) (f diary.NoticeFile, err error) {
	return f, r.Scan(&f.Name, &f.MIME, &f.Data)
}

// NoticeEvents returns a notice's history, oldest first.
func (s *Store) NoticeEvents(ctx context.Context, id int64) ([]diary.NoticeEvent, error) {
	return list(ctx, s, s.p, fmt.Sprintf("history of notice %d", id), func(r Scanner) (e diary.NoticeEvent, err error) {
		return e, r.Scan(InstantCol{&e.At}, &e.Status, &e.Detail)
	}, `SELECT at, status, detail FROM notice_events WHERE notice_id = $1 ORDER BY id`, id)
}

// personTables maps a recipient kind to its roster table and link column.
var personTables = map[diary.LinkKind][2]string{
	diary.LinkGuardian: {"guardians", "guardian_id"},
	diary.LinkStudent:  {"students", "student_id"},
	diary.LinkStaff:    {"staff", "staff_id"},
}

// NoticeAddresses returns where r can be reached: the chat of their latest
// active link (a staff member's recorded chat first), whether it blocked the
// bot, the email the chat chose or else the roster's, whether the chat
// prefers email, and the name.
// Errors: EInvalid for an unknown kind; diary.ErrNotFound for no such person.
func (s *Store) NoticeAddresses(ctx context.Context, r diary.Recipient) (diary.NoticeAddresses, error) {
	tc, ok := personTables[r.Kind]
	if !ok {
		return diary.NoticeAddresses{}, fmt.Errorf("addresses: %w", diary.Errorf(diary.EInvalid, "unknown recipient kind %q", r.Kind))
	}
	var a diary.NoticeAddresses
	err := s.p.Read(ctx, func(q Querier) error {
		var err error
		if a, err = s.recipientChat(ctx, q, r, tc[1]); err != nil {
			return err
		}
		return s.recipientEmail(ctx, q, r.ID, tc[0], &a)
	})
	return a, err
}

// recipientChat finds the recipient's chat and whether it is blocked.
func (s *Store) recipientChat(ctx context.Context, q Querier, r diary.Recipient, col string) (diary.NoticeAddresses, error) {
	var a diary.NoticeAddresses
	var blocked int
	err := q.QueryRow(ctx, `SELECT c.chat_id, CASE WHEN ch.blocked_at IS NULL THEN 0 ELSE 1 END FROM (
		SELECT chat_id, 0 AS rank, updated_at AS at, 0 AS id FROM staff_chats WHERE staff_id = $1 AND $2 = 'staff'
		UNION ALL SELECT chat_id, 1, created_at, id FROM links WHERE `+col+` = $1 AND kind = $2 AND ended_at IS NULL
	) c LEFT JOIN chats ch ON ch.chat_id = c.chat_id ORDER BY c.rank, c.at DESC, c.id DESC LIMIT 1`,
		r.ID, string(r.Kind)).Scan(&a.ChatID, &blocked)
	if s.noRows(err) {
		return a, nil
	}
	a.ChatBlocked = blocked == 1
	return a, s.wrap(err, "chat of %s %d", r.Kind, r.ID)
}

// recipientEmail fills the name and the email: the chat's chosen one, else
// the roster's.
func (s *Store) recipientEmail(ctx context.Context, q Querier, id int64, table string, a *diary.NoticeAddresses) error {
	var roster, chosen, channel string
	err := q.QueryRow(ctx, `SELECT p.last_name || ' ' || p.first_name || ' ' || p.middle_name, p.email,
		coalesce(c.email, ''), coalesce(c.channel, '')
		FROM `+table+` p LEFT JOIN notify_channels c ON c.chat_id = $2 WHERE p.id = $1`,
		id, a.ChatID).Scan(&a.Name, &roster, &chosen, &channel)
	if err != nil {
		return s.wrap(err, "%s %d", table, id)
	}
	a.Email, a.PreferEmail = chosen, channel == "email" && chosen != ""
	if a.Email == "" {
		a.Email = roster
	}
	return nil
}
