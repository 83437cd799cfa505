package sqlstore

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/schooldiary/diary/internal/diary"
)

const requestCols = `id, school_id, telegram_user_id, chat_id, name, relation, phone, child_name,
	class_name, coalesce(class_id, 0), coalesce(student_id, 0), coalesce(guardian_id, 0), created_at,
	resolved_at, resolution, coalesce(decided_by, 0), reason`

// scanRequest reads one row of requestCols.
func scanRequest(r Scanner) (diary.AccessRequest, error) {
	var a diary.AccessRequest
	err := r.Scan(&a.ID, &a.SchoolID, &a.TelegramUserID, &a.ChatID, &a.Name, &a.Relation, &a.Phone,
		&a.ChildName, &a.ClassName, &a.ClassID, &a.StudentID, &a.GuardianID, InstantCol{&a.CreatedAt},
		InstantCol{&a.ResolvedAt}, &a.Resolution, &a.DecidedBy, &a.Reason)
	return a, err
}

// CreateAccessRequest records a request; see diary.Identity. Its instants
// are returned as stored.
func (s *Store) CreateAccessRequest(ctx context.Context, r diary.AccessRequest) (diary.AccessRequest, error) {
	if err := r.Validate(); err != nil {
		return r, fmt.Errorf("create access request: %w", err)
	}
	if r.CreatedAt.IsZero() {
		r.CreatedAt = s.clock()
	}
	r.CreatedAt, r.ResolvedAt = kept(r.CreatedAt), kept(r.ResolvedAt)
	err := s.p.Write(ctx, false, func(tx Tx) error {
		if err := s.checkRequestPeople(ctx, tx, r); err != nil {
			return err
		}
		err := tx.QueryRow(ctx, `INSERT INTO access_requests (school_id, telegram_user_id, chat_id, name,
			relation, phone, child_name, class_name, class_id, student_id, guardian_id, created_at,
			resolved_at, resolution, decided_by, reason)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id`,
			r.SchoolID, r.TelegramUserID, r.ChatID, r.Name, r.Relation, r.Phone, r.ChildName, r.ClassName,
			NullID(r.ClassID), NullID(r.StudentID), NullID(r.GuardianID), s.instant(r.CreatedAt),
			s.instant(r.ResolvedAt), r.Resolution, NullID(r.DecidedBy), r.Reason).Scan(&r.ID)
		return s.wrap(err, "create access request")
	})
	return r, err
}

// requestPeopleOK is true when the school exists and the class, student,
// guardian and staff a request names (0 for none) are of it: $1 school, $2
// class, $3 student, $4 guardian, $5 staff.
const requestPeopleOK = `SELECT EXISTS (SELECT 1 FROM schools WHERE id = $1) AND
	(CAST($2 AS bigint) = 0 OR EXISTS (SELECT 1 FROM classes WHERE id = $2 AND school_id = $1)) AND
	(CAST($3 AS bigint) = 0 OR EXISTS (SELECT 1 FROM students WHERE id = $3 AND school_id = $1)) AND
	(CAST($4 AS bigint) = 0 OR EXISTS (SELECT 1 FROM guardians WHERE id = $4 AND school_id = $1)) AND
	(CAST($5 AS bigint) = 0 OR EXISTS (SELECT 1 FROM staff WHERE id = $5 AND school_id = $1))`

// checkRequestPeople checks that the people r names are of its school; an
// unknown school is ErrNotFound too.
func (s *Store) checkRequestPeople(ctx context.Context, tx Tx, r diary.AccessRequest) error {
	var ok bool
	err := tx.QueryRow(ctx, requestPeopleOK, r.SchoolID, r.ClassID, r.StudentID, r.GuardianID, r.DecidedBy).Scan(&ok)
	if err != nil {
		return s.wrap(err, "check access request")
	}
	if !ok {
		return notFound("access request: a school, class or person not of school %d", r.SchoolID)
	}
	return nil
}

// AccessRequests lists a school's requests by creation, only open ones
// when openOnly.
func (s *Store) AccessRequests(ctx context.Context, schoolID int64, openOnly bool) ([]diary.AccessRequest, error) {
	where := ``
	if openOnly {
		where = ` AND resolved_at IS NULL`
	}
	return list(ctx, s, s.p, "access requests", scanRequest, `SELECT `+requestCols+` FROM access_requests
		WHERE school_id = $1`+where+` ORDER BY created_at, id`, schoolID)
}

// ResolveAccessRequest resolves an open request now; see diary.Identity.
func (s *Store) ResolveAccessRequest(ctx context.Context, id int64, resolution string) error {
	if resolution == "" {
		return fmt.Errorf("resolve access request: %w", diary.Errorf(diary.EInvalid, "a resolution is required"))
	}
	now := s.instant(s.clock())
	return s.p.Write(ctx, false, func(tx Tx) error {
		n, err := tx.Exec(ctx, `UPDATE access_requests SET resolved_at = $2, resolution = $3
			WHERE id = $1 AND resolved_at IS NULL`, id, now, resolution)
		if err != nil || n == 1 {
			return s.wrap(err, "resolve access request %d", id)
		}
		var exists bool
		err = tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM access_requests WHERE id = $1)`, id).Scan(&exists)
		switch {
		case err != nil:
			return s.wrap(err, "resolve access request %d", id)
		case exists:
			return fmt.Errorf("resolve access request %d: already resolved: %w", id, diary.ErrConflict)
		}
		return notFound("resolve access request %d", id)
	})
}

// AccessRequest returns the request with id; ErrNotFound.
func (s *Store) AccessRequest(ctx context.Context, id int64) (diary.AccessRequest, error) {
	return one(ctx, s, s.p, "access request", scanRequest, `SELECT `+requestCols+` FROM access_requests
		WHERE id = $1`, id)
}

// PendingAccessRequests lists the open requests naming the class by creation.
func (s *Store) PendingAccessRequests(ctx context.Context, classID int64) ([]diary.AccessRequest, error) {
	return list(ctx, s, s.p, "pending access requests", scanRequest, `SELECT `+requestCols+`
		FROM access_requests WHERE class_id = $1 AND resolved_at IS NULL ORDER BY created_at, id`, classID)
}

// UserAccessRequests lists the user's requests, newest first.
func (s *Store) UserAccessRequests(ctx context.Context, tgUser int64) ([]diary.AccessRequest, error) {
	return list(ctx, s, s.p, "user's access requests", scanRequest, `SELECT `+requestCols+`
		FROM access_requests WHERE telegram_user_id = $1 ORDER BY created_at DESC, id DESC`, tgUser)
}

// DecideAccessRequest records a decision and, for an approval, links the
// requester, in one transaction; see diary.AccessWorkflow.
func (s *Store) DecideAccessRequest(ctx context.Context, d diary.AccessDecision) (diary.AccessRequest, diary.Link, error) {
	if err := d.Validate(); err != nil {
		return diary.AccessRequest{}, diary.Link{}, fmt.Errorf("decide access request: %w", err)
	}
	now := s.clock()
	var ar diary.AccessRequest
	var l diary.Link
	err := s.p.Write(ctx, false, func(tx Tx) (err error) {
		if ar, err = s.decide(ctx, tx, d, now); err != nil || !d.Approve {
			return err
		}
		l, err = s.approve(ctx, tx, ar, now)
		return err
	})
	if err != nil {
		return diary.AccessRequest{}, diary.Link{}, fmt.Errorf("decide access request %d: %w", d.RequestID, err)
	}
	return ar, l, nil
}

// decide marks the open request decided by d at now and returns it; a
// request decided already is ErrConflict, staff or people not of its
// school ErrNotFound.
func (s *Store) decide(ctx context.Context, tx Tx, d diary.AccessDecision, now time.Time) (diary.AccessRequest, error) {
	resolution := diary.RequestRefused
	if d.Approve {
		resolution = diary.RequestApproved
	}
	ar, err := one(ctx, s, tx, "decide", scanRequest, `UPDATE access_requests SET resolved_at = $2,
		resolution = $3, decided_by = $4, reason = $5, student_id = coalesce($6, student_id),
		guardian_id = coalesce($7, guardian_id) WHERE id = $1 AND resolved_at IS NULL RETURNING `+requestCols,
		d.RequestID, s.instant(now), resolution, d.StaffID, d.Reason, NullID(d.StudentID), NullID(d.GuardianID))
	if errors.Is(err, diary.ErrNotFound) {
		return ar, s.undecidable(ctx, tx, d.RequestID)
	}
	if err != nil {
		return ar, err
	}
	return ar, s.checkRequestPeople(ctx, tx, ar)
}

// undecidable says why request id could not be decided: it is decided
// already (ErrConflict) or does not exist (ErrNotFound).
func (s *Store) undecidable(ctx context.Context, tx Tx, id int64) error {
	var exists bool
	err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM access_requests WHERE id = $1)`, id).Scan(&exists)
	switch {
	case err != nil:
		return s.wrap(err, "access request %d", id)
	case exists:
		return fmt.Errorf("already decided: %w", diary.ErrConflict)
	}
	return notFound("access request %d", id)
}

// approve links the requester of ar to its guardian about its student as
// redeeming a guardian code of theirs would: the same checks, the same link.
func (s *Store) approve(ctx context.Context, tx Tx, ar diary.AccessRequest, now time.Time) (diary.Link, error) {
	c := diary.LinkCode{SchoolID: ar.SchoolID, Kind: diary.LinkGuardian, GuardianID: ar.GuardianID, StudentID: ar.StudentID}
	var ok bool
	err := tx.QueryRow(ctx, codePeopleOK, c.SchoolID, string(c.Kind), c.GuardianID, c.StudentID, c.StaffID).Scan(&ok)
	if err != nil {
		return diary.Link{}, s.wrap(err, "check guardian of student")
	}
	if !ok {
		return diary.Link{}, notFound("guardian %d of student %d in school %d", c.GuardianID, c.StudentID, c.SchoolID)
	}
	if err := s.checkRedeem(ctx, tx, c, now); err != nil {
		return diary.Link{}, err
	}
	return s.putLink(ctx, tx, diary.NewLink(c, ar.TelegramUserID, ar.ChatID, now))
}
