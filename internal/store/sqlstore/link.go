package sqlstore

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/schooldiary/diary/internal/diary"
)

const linkCols = `id, school_id, kind, telegram_user_id, chat_id, coalesce(guardian_id, 0),
	coalesce(student_id, 0), coalesce(staff_id, 0), created_at, ended_at, end_reason`

// scanLink reads one row of linkCols.
func scanLink(r Scanner) (diary.Link, error) {
	var l diary.Link
	err := r.Scan(&l.ID, &l.SchoolID, &l.Kind, &l.TelegramUserID, &l.ChatID, &l.GuardianID, &l.StudentID,
		&l.StaffID, InstantCol{&l.CreatedAt}, InstantCol{&l.EndedAt}, &l.EndReason)
	return l, err
}

// putLink stores l unless the same user already has an active link to the
// same person (the unique index links_active), and returns the active link.
func (s *Store) putLink(ctx context.Context, tx Tx, l diary.Link) (diary.Link, error) {
	err := tx.QueryRow(ctx, `INSERT INTO links (school_id, kind, telegram_user_id, chat_id,
		guardian_id, student_id, staff_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
		ON CONFLICT DO NOTHING RETURNING id`, l.SchoolID, string(l.Kind), l.TelegramUserID, l.ChatID,
		NullID(l.GuardianID), NullID(l.StudentID), NullID(l.StaffID), s.instant(l.CreatedAt)).Scan(&l.ID)
	if s.noRows(err) {
		return s.activeLink(ctx, tx, l)
	}
	return l, s.wrap(err, "insert link")
}

// activeLink returns the active link of l's user to l's person; ErrNotFound.
func (s *Store) activeLink(ctx context.Context, q Querier, l diary.Link) (diary.Link, error) {
	return one(ctx, s, q, "active link", scanLink, `SELECT `+linkCols+` FROM links
		WHERE telegram_user_id = $1 AND kind = $2 AND coalesce(guardian_id, 0) = $3
		AND coalesce(student_id, 0) = $4 AND coalesce(staff_id, 0) = $5 AND ended_at IS NULL`,
		l.TelegramUserID, string(l.Kind), l.GuardianID, l.StudentID, l.StaffID)
}

// guardianChild is a guardian of a school with one of their children (0
// for a guardian without children).
type guardianChild struct{ guardian, student int64 }

// scanGuardianChild reads a guardian id and a child id.
func scanGuardianChild(r Scanner) (p guardianChild, err error) {
	return p, r.Scan(&p.guardian, &p.student)
}

// LinkByPhone links tgUser to the enrolled children of the school's
// guardians with phone; see diary.Identity.
func (s *Store) LinkByPhone(ctx context.Context, schoolID int64, phone string, tgUser, chatID int64) ([]diary.Link, error) {
	e164, err := diary.NormalizePhone(phone)
	if err != nil {
		return nil, fmt.Errorf("link by phone: %w", err)
	}
	base := diary.Link{SchoolID: schoolID, Kind: diary.LinkGuardian, TelegramUserID: tgUser, ChatID: chatID,
		CreatedAt: s.clock()}
	var out []diary.Link
	err = s.p.Write(ctx, false, func(tx Tx) error {
		pairs, err := list(ctx, s, tx, "guardians by phone", scanGuardianChild, `SELECT g.id,
			coalesce(gs.student_id, 0) FROM guardians g LEFT JOIN guardian_students gs ON gs.guardian_id = g.id
			WHERE g.school_id = $1 AND g.phone = $2 ORDER BY g.id, gs.student_id`, schoolID, e164)
		if err != nil {
			return err
		}
		out, err = s.linkChildren(ctx, tx, pairs, base)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("link by phone: %w", err)
	}
	return out, nil
}

// linkChildren links base's user to each enrolled child of pairs and returns
// the links by id: ErrNotFound without pairs, ErrStudentLeft without an
// enrolled child (a *diary.LeftError naming the first child's departure).
func (s *Store) linkChildren(ctx context.Context, tx Tx, pairs []guardianChild, base diary.Link) ([]diary.Link, error) {
	if len(pairs) == 0 {
		return nil, notFound("no guardian of school %d has the phone", base.SchoolID)
	}
	kids, err := s.enrolledOnly(ctx, tx, pairs)
	if err != nil {
		return nil, err
	}
	if len(kids) == 0 {
		return nil, s.departure(ctx, tx, pairs)
	}
	out := make([]diary.Link, len(kids))
	for i, p := range kids {
		l := base
		l.GuardianID, l.StudentID = p.guardian, p.student
		if out[i], err = s.putLink(ctx, tx, l); err != nil {
			return nil, err
		}
	}
	slices.SortFunc(out, func(a, b diary.Link) int { return cmp.Compare(a.ID, b.ID) })
	return out, nil
}

// departure is the refusal of pairs whose children have all left: the first
// child's stored departure.
func (s *Store) departure(ctx context.Context, tx Tx, pairs []guardianChild) error {
	for _, p := range pairs {
		if p.student == 0 {
			continue
		}
		st, err := one(ctx, s, tx, "student", scanStudent, `SELECT `+studentCols+` FROM students WHERE id = $1`, p.student)
		if err != nil && !errors.Is(err, diary.ErrNotFound) {
			return err
		}
		if err == nil {
			return diary.StudentLeft(st)
		}
	}
	return diary.ErrStudentLeft
}

// enrolledOnly returns the pairs whose child is enrolled. Each child's row is
// share-locked and read (as in checkRedeem), so a concurrent Apply marking
// them left either waits for the links (and ends them) or is seen here.
func (s *Store) enrolledOnly(ctx context.Context, tx Tx, pairs []guardianChild) ([]guardianChild, error) {
	var out []guardianChild
	for _, p := range pairs {
		if p.student == 0 {
			continue
		}
		ok, err := s.enrolled(ctx, tx, p.student)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, p)
		}
	}
	return out, nil
}

// enrolled share-locks a student's row (on PostgreSQL) and reports whether
// they are enrolled; a student no longer stored is not.
func (s *Store) enrolled(ctx context.Context, tx Tx, studentID int64) (bool, error) {
	var status diary.StudentStatus
	err := tx.QueryRow(ctx, `SELECT status FROM students WHERE id = $1`+s.d.ForShare, studentID).Scan(&status)
	if s.noRows(err) {
		return false, nil
	}
	return status == diary.Enrolled, s.wrap(err, "student %d", studentID)
}

// ActiveLinks lists the user's active links by id.
func (s *Store) ActiveLinks(ctx context.Context, tgUser int64) ([]diary.Link, error) {
	return list(ctx, s, s.p, "active links", scanLink, `SELECT `+linkCols+` FROM links
		WHERE telegram_user_id = $1 AND ended_at IS NULL ORDER BY id`, tgUser)
}

// EndLink ends a link now with reason, keeping an earlier end; ErrNotFound.
func (s *Store) EndLink(ctx context.Context, linkID int64, reason string) error {
	n, err := s.p.Exec(ctx, `UPDATE links SET ended_at = coalesce(ended_at, $2),
		end_reason = CASE WHEN ended_at IS NULL THEN $3 ELSE end_reason END WHERE id = $1`,
		linkID, s.instant(s.clock()), reason)
	if err != nil {
		return s.wrap(err, "end link %d", linkID)
	}
	if n == 0 {
		return notFound("end link %d", linkID)
	}
	return nil
}

// EndStudentLinks ends every active link to the student now with reason.
func (s *Store) EndStudentLinks(ctx context.Context, studentID int64, reason string) (int, error) {
	n, err := s.p.Exec(ctx, `UPDATE links SET ended_at = $2, end_reason = $3
		WHERE student_id = $1 AND ended_at IS NULL`, studentID, s.instant(s.clock()), reason)
	return int(n), s.wrap(err, "end links of student %d", studentID)
}

// StudentLinks lists the active links to the student by id.
func (s *Store) StudentLinks(ctx context.Context, studentID int64) ([]diary.Link, error) {
	return list(ctx, s, s.p, "student links", scanLink, `SELECT `+linkCols+` FROM links
		WHERE student_id = $1 AND ended_at IS NULL ORDER BY id`, studentID)
}
