package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/schooldiary/diary/internal/diary"
)

const codeCols = `id, school_id, kind, guardian_id, student_id, staff_id, hash, created_at, expires_at,
	used_at, used_by, created_by`

// scanCode reads one row of codeCols.
func scanCode(r scanner) (diary.LinkCode, error) {
	var c diary.LinkCode
	err := r.Scan(&c.ID, &c.SchoolID, &c.Kind, idCol{&c.GuardianID}, idCol{&c.StudentID}, idCol{&c.StaffID},
		&c.Hash, instantCol{&c.CreatedAt}, instantCol{&c.ExpiresAt}, instantCol{&c.UsedAt},
		idCol{&c.UsedBy}, idCol{&c.CreatedBy})
	return c, err
}

// CreateLinkCodes stores codes in one transaction and sets their ids; see
// diary.Identity for the defaults and errors.
func (db *DB) CreateLinkCodes(ctx context.Context, codes []diary.LinkCode) error {
	now := db.clock()
	for i := range codes {
		if err := codes[i].Prepare(now); err != nil {
			return fmt.Errorf("create link codes: %w", err)
		}
	}
	ids := make([]int64, len(codes))
	err := db.inWrite(ctx, func(q querier) error {
		for i, c := range codes {
			id, err := insertCode(ctx, q, c)
			if err != nil {
				return err
			}
			ids[i] = id
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("create link codes: %w", err)
	}
	for i := range codes {
		codes[i].ID = ids[i]
	}
	return nil
}

// codePeopleOK is 1 when the people a code names are of its school and a
// guardian represents the student: ?1 school, ?2 kind, ?3 guardian, ?4
// student, ?5 staff.
const codePeopleOK = `SELECT CASE ?2
	WHEN 'guardian' THEN EXISTS (SELECT 1 FROM guardian_students gs
		JOIN guardians g ON g.id = gs.guardian_id JOIN students s ON s.id = gs.student_id
		WHERE gs.guardian_id = ?3 AND gs.student_id = ?4 AND g.school_id = ?1 AND s.school_id = ?1)
	WHEN 'student' THEN EXISTS (SELECT 1 FROM students WHERE id = ?4 AND school_id = ?1)
	ELSE EXISTS (SELECT 1 FROM staff WHERE id = ?5 AND school_id = ?1) END`

// insertCode checks the people of c and stores it.
func insertCode(ctx context.Context, q querier, c diary.LinkCode) (int64, error) {
	var ok bool
	err := q.QueryRowContext(ctx, codePeopleOK, c.SchoolID, c.Kind, c.GuardianID, c.StudentID, c.StaffID).Scan(&ok)
	if err != nil {
		return 0, wrap(err, "check code")
	}
	if !ok {
		return 0, notFound("link code: %s of school %d", c.Kind, c.SchoolID)
	}
	var id int64
	err = q.QueryRowContext(ctx, `INSERT INTO link_codes (school_id, kind, guardian_id, student_id,
		staff_id, hash, created_at, expires_at, used_at, used_by, created_by)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		c.SchoolID, c.Kind, nullID(c.GuardianID), nullID(c.StudentID), nullID(c.StaffID), c.Hash,
		instantText(c.CreatedAt), instantText(c.ExpiresAt), nullInstant(c.UsedAt), nullID(c.UsedBy),
		nullID(c.CreatedBy)).Scan(&id)
	return id, wrap(err, "insert code")
}

// RedeemLinkCode uses the code with hash for tgUser and links them; see
// diary.Identity. The UPDATE that marks the code used is the single-use
// guard; a refusal rolls it back.
func (db *DB) RedeemLinkCode(ctx context.Context, hash string, tgUser, chatID int64) (diary.LinkCode, diary.Link, error) {
	now := db.clock()
	var c diary.LinkCode
	var l diary.Link
	err := db.inWrite(ctx, func(q querier) error {
		var err error
		c, err = scanCode(q.QueryRowContext(ctx, `UPDATE link_codes SET used_at = ?1, used_by = ?2
			WHERE hash = ?3 AND used_at IS NULL AND expires_at > ?1 RETURNING `+codeCols,
			instantText(now), tgUser, hash))
		if errors.Is(err, sql.ErrNoRows) {
			c, l, err = redeemAgain(ctx, q, hash, tgUser, now)
			return err
		}
		if err != nil {
			return wrap(err, "use code")
		}
		if err := checkRedeem(ctx, q, c, now); err != nil {
			return err
		}
		l, err = putLink(ctx, q, diary.NewLink(c, tgUser, chatID, now))
		return err
	})
	if err != nil {
		return diary.LinkCode{}, diary.Link{}, fmt.Errorf("redeem link code: %w", err)
	}
	return c, l, nil
}

// redeemAgain explains why the code with hash cannot be used: it does not
// exist, is used or expired. A user redeeming their own used code again
// while still linked gets the link back.
func redeemAgain(ctx context.Context, q querier, hash string, tgUser int64, now time.Time) (diary.LinkCode, diary.Link, error) {
	c, err := scanCode(q.QueryRowContext(ctx, `SELECT `+codeCols+` FROM link_codes WHERE hash = ?`, hash))
	if err != nil {
		return c, diary.Link{}, wrap(err, "code")
	}
	if !c.UsedAt.IsZero() && c.UsedBy == tgUser {
		l, err := activeLink(ctx, q, diary.NewLink(c, tgUser, 0, now))
		if err == nil {
			return c, l, nil
		}
		if !errors.Is(err, diary.ErrNotFound) {
			return c, l, err
		}
	}
	if err := c.Usable(now); err != nil {
		return c, diary.Link{}, err
	}
	return c, diary.Link{}, diary.ErrCodeUsed // changed under us; cannot happen with one writer
}

// checkRedeem loads what diary.CheckRedeem needs about the people of c.
func checkRedeem(ctx context.Context, q querier, c diary.LinkCode, now time.Time) error {
	var f diary.RedeemFacts
	var err error
	if c.StudentID != 0 {
		if f.Student, err = student(ctx, q, c.StudentID); err != nil {
			return err
		}
	}
	if c.GuardianID != 0 {
		err = q.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM guardian_students
			WHERE guardian_id = ? AND student_id = ?)`, c.GuardianID, c.StudentID).Scan(&f.IsGuardian)
		if err != nil {
			return wrap(err, "guardian of student")
		}
	}
	if c.StaffID != 0 {
		if f.Staff, err = codeStaff(ctx, q, c, now, &f.Today); err != nil {
			return err
		}
	}
	return diary.CheckRedeem(c.Kind, f)
}

// codeStaff reads the staff member of c and sets today to now's date in the
// school's zone.
func codeStaff(ctx context.Context, q querier, c diary.LinkCode, now time.Time, today *diary.Date) (diary.Staff, error) {
	var school diary.School
	err := q.QueryRowContext(ctx, `SELECT time_zone FROM schools WHERE id = ?`, c.SchoolID).Scan(&school.TimeZone)
	if err != nil {
		return diary.Staff{}, wrap(err, "school %d", c.SchoolID)
	}
	*today = diary.DateIn(now, school.Location())
	s, err := scanStaff(q.QueryRowContext(ctx, `SELECT `+staffCols+` FROM staff s WHERE s.id = ?`, c.StaffID))
	return s, wrap(err, "staff %d", c.StaffID)
}
