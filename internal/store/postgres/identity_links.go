package postgres

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	"github.com/schooldiary/diary/internal/diary"
)

const linkCols = `id, school_id, kind, telegram_user_id, chat_id, coalesce(guardian_id, 0),
	coalesce(student_id, 0), coalesce(staff_id, 0), created_at, ended_at, end_reason`

func scanLink(r pgx.Row) (diary.Link, error) {
	var l diary.Link
	var created, ended pgtype.Timestamptz
	err := r.Scan(&l.ID, &l.SchoolID, &l.Kind, &l.TelegramUserID, &l.ChatID, &l.GuardianID, &l.StudentID,
		&l.StaffID, &created, &ended, &l.EndReason)
	l.CreatedAt, l.EndedAt = timeOf(created), timeOf(ended)
	return l, err
}

// putLink stores l unless the same user already has an active link to the
// same person, and returns the active link.
func putLink(ctx context.Context, tx pgx.Tx, l diary.Link) (diary.Link, error) {
	err := tx.QueryRow(ctx, `INSERT INTO links (school_id, kind, telegram_user_id, chat_id,
		guardian_id, student_id, staff_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
		ON CONFLICT DO NOTHING RETURNING id`, l.SchoolID, string(l.Kind), l.TelegramUserID, l.ChatID,
		idArg(l.GuardianID), idArg(l.StudentID), idArg(l.StaffID), l.CreatedAt).Scan(&l.ID)
	if errors.Is(err, pgx.ErrNoRows) {
		return activeLink(ctx, tx, l)
	}
	return l, wrap("insert link", err)
}

// activeLink returns the active link of l's user to l's person; ErrNotFound.
func activeLink(ctx context.Context, tx pgx.Tx, l diary.Link) (diary.Link, error) {
	got, err := scanLink(tx.QueryRow(ctx, `SELECT `+linkCols+` FROM links
		WHERE telegram_user_id = $1 AND kind = $2 AND coalesce(guardian_id, 0) = $3
		AND coalesce(student_id, 0) = $4 AND coalesce(staff_id, 0) = $5 AND ended_at IS NULL`,
		l.TelegramUserID, string(l.Kind), l.GuardianID, l.StudentID, l.StaffID))
	return got, wrap("active link", err)
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
	err = db.inTx(ctx, func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, `SELECT g.id, coalesce(s.id, 0), coalesce(s.status, '')
			FROM guardians g LEFT JOIN guardian_students gs ON gs.guardian_id = g.id
			LEFT JOIN students s ON s.id = gs.student_id
			WHERE g.school_id = $1 AND g.phone = $2 ORDER BY g.id, s.id`, schoolID, e164)
		if err != nil {
			return wrap("guardians by phone", err)
		}
		pairs, err := collect(rows, func(r pgx.Row) (p guardianChild, err error) {
			return p, r.Scan(&p.guardian, &p.student, &p.status)
		})
		if err != nil {
			return wrap("guardians by phone", err)
		}
		out, err = linkChildren(ctx, tx, pairs, schoolID, tgUser, chatID, now)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("link by phone: %w", err)
	}
	return out, nil
}

// linkChildren links tgUser to each enrolled child of pairs and returns the
// links by id: ErrNotFound without pairs, ErrStudentLeft without an enrolled
// child. Each child's row is share-locked and re-checked, as in checkRedeem.
func linkChildren(ctx context.Context, tx pgx.Tx, pairs []guardianChild, schoolID, tgUser, chatID int64, now time.Time) ([]diary.Link, error) {
	if len(pairs) == 0 {
		return nil, fmt.Errorf("no guardian of school %d has the phone: %w", schoolID, diary.ErrNotFound)
	}
	var out []diary.Link
	for _, p := range pairs {
		if p.student == 0 || !enrolledLocked(ctx, tx, p.student) {
			continue
		}
		l, err := putLink(ctx, tx, diary.Link{SchoolID: schoolID, Kind: diary.LinkGuardian, TelegramUserID: tgUser,
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

// enrolledLocked share-locks a student's row and reports whether they are enrolled.
func enrolledLocked(ctx context.Context, tx pgx.Tx, studentID int64) bool {
	var status string
	err := tx.QueryRow(ctx, `SELECT status FROM students WHERE id = $1 FOR SHARE`, studentID).Scan(&status)
	return err == nil && diary.StudentStatus(status) == diary.Enrolled
}

// ActiveLinks lists the user's active links by id.
func (db *DB) ActiveLinks(ctx context.Context, tgUser int64) ([]diary.Link, error) {
	return list(ctx, db, "active links", scanLink, `SELECT `+linkCols+` FROM links
		WHERE telegram_user_id = $1 AND ended_at IS NULL ORDER BY id`, tgUser)
}

// EndLink ends a link now with reason, keeping an earlier end; ErrNotFound.
func (db *DB) EndLink(ctx context.Context, linkID int64, reason string) error {
	var n int64
	err := db.withConnExec(ctx, &n, `UPDATE links SET ended_at = coalesce(ended_at, $2),
		end_reason = CASE WHEN ended_at IS NULL THEN $3 ELSE end_reason END WHERE id = $1`,
		linkID, db.clock(), reason)
	if err == nil && n == 0 {
		return fmt.Errorf("end link %d: %w", linkID, diary.ErrNotFound)
	}
	return wrap(fmt.Sprintf("end link %d", linkID), err)
}

// EndStudentLinks ends every active link to the student now with reason.
func (db *DB) EndStudentLinks(ctx context.Context, studentID int64, reason string) (int, error) {
	var n int64
	err := db.withConnExec(ctx, &n, `UPDATE links SET ended_at = $2, end_reason = $3
		WHERE student_id = $1 AND ended_at IS NULL`, studentID, db.clock(), reason)
	return int(n), wrap(fmt.Sprintf("end links of student %d", studentID), err)
}

// endLeftLinks ends, when the batch writes students, the active links to
// every student of the school recorded as left, whom the roster marked or
// the batch says left (clause 3.2: departures revoke links at once).
func (a *applier) endLeftLinks(ctx context.Context) error {
	if len(a.b.Students) == 0 && !a.b.Roster {
		return nil
	}
	_, err := a.tx.Exec(ctx, `UPDATE links l SET ended_at = $1, end_reason = $2 FROM students s
		WHERE s.id = l.student_id AND l.ended_at IS NULL AND l.school_id = $3 AND s.status = 'left'`,
		a.now, diary.EndStudentLeft, a.school)
	return wrap("end links of students who left", err)
}
