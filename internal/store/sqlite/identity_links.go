package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/schooldiary/diary/internal/diary"
)

const linkCols = `id, school_id, kind, telegram_user_id, chat_id, guardian_id, student_id, staff_id,
	created_at, ended_at, end_reason`

// scanLink reads one row of linkCols.
func scanLink(r scanner) (diary.Link, error) {
	var l diary.Link
	err := r.Scan(&l.ID, &l.SchoolID, &l.Kind, &l.TelegramUserID, &l.ChatID, idCol{&l.GuardianID},
		idCol{&l.StudentID}, idCol{&l.StaffID}, instantCol{&l.CreatedAt}, instantCol{&l.EndedAt}, &l.EndReason)
	return l, err
}

// putLink stores l unless the same user already has an active link to the
// same person, and returns the active link.
func putLink(ctx context.Context, q querier, l diary.Link) (diary.Link, error) {
	err := q.QueryRowContext(ctx, `INSERT INTO links (school_id, kind, telegram_user_id, chat_id,
		guardian_id, student_id, staff_id, created_at, end_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '')
		ON CONFLICT DO NOTHING RETURNING id`, l.SchoolID, l.Kind, l.TelegramUserID, l.ChatID,
		nullID(l.GuardianID), nullID(l.StudentID), nullID(l.StaffID), instantText(l.CreatedAt)).Scan(&l.ID)
	if errors.Is(err, sql.ErrNoRows) {
		return activeLink(ctx, q, l)
	}
	return l, wrap(err, "insert link")
}

// activeLink returns the active link of l's user to l's person; ErrNotFound.
func activeLink(ctx context.Context, q querier, l diary.Link) (diary.Link, error) {
	got, err := scanLink(q.QueryRowContext(ctx, `SELECT `+linkCols+` FROM links
		WHERE telegram_user_id = ? AND kind = ? AND coalesce(guardian_id, 0) = ?
		AND coalesce(student_id, 0) = ? AND coalesce(staff_id, 0) = ? AND ended_at IS NULL`,
		l.TelegramUserID, l.Kind, l.GuardianID, l.StudentID, l.StaffID))
	return got, wrap(err, "active link")
}

// guardianChild is a guardian of a school with one of their children.
type guardianChild struct {
	guardian, student int64
	status            diary.StudentStatus
}

// LinkByPhone links tgUser to the enrolled children of the school's
// guardians with phone; see diary.Identity.
func (db *DB) LinkByPhone(ctx context.Context, schoolID int64, phone string, tgUser, chatID int64) ([]diary.Link, error) {
	e164, err := diary.NormalizePhone(phone)
	if err != nil {
		return nil, fmt.Errorf("link by phone: %w", err)
	}
	now := db.clock()
	var out []diary.Link
	err = db.inWrite(ctx, func(q querier) error {
		rows, err := q.QueryContext(ctx, `SELECT g.id, coalesce(s.id, 0), coalesce(s.status, '')
			FROM guardians g LEFT JOIN guardian_students gs ON gs.guardian_id = g.id
			LEFT JOIN students s ON s.id = gs.student_id
			WHERE g.school_id = ? AND g.phone = ? ORDER BY g.id, s.id`, schoolID, e164)
		pairs, err := collect(rows, err, "guardians by phone", func(r scanner) (p guardianChild, err error) {
			return p, r.Scan(&p.guardian, &p.student, &p.status)
		})
		if err != nil {
			return err
		}
		out, err = linkChildren(ctx, q, pairs, schoolID, tgUser, chatID, now)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("link by phone: %w", err)
	}
	return out, nil
}

// linkChildren links tgUser to each enrolled child of pairs and returns the
// links by id: ErrNotFound without pairs, ErrStudentLeft without an enrolled child.
func linkChildren(ctx context.Context, q querier, pairs []guardianChild, schoolID, tgUser, chatID int64, now time.Time) ([]diary.Link, error) {
	if len(pairs) == 0 {
		return nil, notFound("no guardian of school %d has the phone", schoolID)
	}
	var out []diary.Link
	for _, p := range pairs {
		if p.student == 0 || p.status != diary.Enrolled {
			continue
		}
		l, err := putLink(ctx, q, diary.Link{SchoolID: schoolID, Kind: diary.LinkGuardian, TelegramUserID: tgUser,
			ChatID: chatID, GuardianID: p.guardian, StudentID: p.student, CreatedAt: now})
		if err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	if len(out) == 0 {
		return nil, diary.ErrStudentLeft
	}
	slices.SortFunc(out, func(a, b diary.Link) int { return cmp.Compare(a.ID, b.ID) })
	return out, nil
}

// ActiveLinks lists the user's active links by id.
func (db *DB) ActiveLinks(ctx context.Context, tgUser int64) ([]diary.Link, error) {
	rows, err := db.reader().QueryContext(ctx, `SELECT `+linkCols+` FROM links
		WHERE telegram_user_id = ? AND ended_at IS NULL ORDER BY id`, tgUser)
	return collect(rows, err, "active links", scanLink)
}

// EndLink ends a link now with reason, keeping an earlier end; ErrNotFound.
func (db *DB) EndLink(ctx context.Context, linkID int64, reason string) error {
	res, err := db.writer().ExecContext(ctx, `UPDATE links SET ended_at = coalesce(ended_at, ?),
		end_reason = CASE WHEN ended_at IS NULL THEN ? ELSE end_reason END WHERE id = ?`,
		instantText(db.clock()), reason, linkID)
	if err != nil {
		return wrap(err, "end link %d", linkID)
	}
	n, err := res.RowsAffected()
	if err == nil && n == 0 {
		return notFound("end link %d", linkID)
	}
	return wrap(err, "end link %d", linkID)
}

// EndStudentLinks ends every active link to the student now with reason.
func (db *DB) EndStudentLinks(ctx context.Context, studentID int64, reason string) (int, error) {
	res, err := db.writer().ExecContext(ctx, `UPDATE links SET ended_at = ?, end_reason = ?
		WHERE student_id = ? AND ended_at IS NULL`, instantText(db.clock()), reason, studentID)
	if err != nil {
		return 0, wrap(err, "end links of student %d", studentID)
	}
	n, err := res.RowsAffected()
	return int(n), wrap(err, "end links of student %d", studentID)
}

// endLeftLinks ends, when the batch writes students, the active links to
// every student of the school recorded as left, whom the roster marked or
// the batch says left (clause 3.2: departures revoke links at once).
func (a *applier) endLeftLinks() error {
	if len(a.b.Students) == 0 && !a.b.Roster {
		return nil
	}
	return a.exec("end links of students who left", `UPDATE links SET ended_at = ?1, end_reason = ?2
		WHERE ended_at IS NULL AND school_id = ?3 AND student_id IN
		(SELECT id FROM students WHERE school_id = ?3 AND status = ?4)`,
		instantText(a.now), diary.EndStudentLeft, a.school.ID, diary.Left)
}
