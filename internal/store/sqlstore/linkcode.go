package sqlstore

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/schooldiary/diary/internal/diary"
)

const codeCols = `id, school_id, kind, coalesce(guardian_id, 0), coalesce(student_id, 0), coalesce(staff_id, 0),
	hash, created_at, expires_at, used_at, coalesce(used_by, 0), coalesce(created_by, 0)`

// scanCode reads one row of codeCols.
func scanCode(r Scanner) (diary.LinkCode, error) {
	var c diary.LinkCode
	err := r.Scan(&c.ID, &c.SchoolID, &c.Kind, &c.GuardianID, &c.StudentID, &c.StaffID, &c.Hash,
		InstantCol{&c.CreatedAt}, InstantCol{&c.ExpiresAt}, InstantCol{&c.UsedAt}, &c.UsedBy, &c.CreatedBy)
	return c, err
}

// CreateLinkCodes stores codes in one transaction and sets their ids; see
// diary.Identity for the defaults and errors. The codes' instants are set
// as stored (UTC, to the microsecond).
func (s *Store) CreateLinkCodes(ctx context.Context, codes []diary.LinkCode) error {
	if err := s.storeCodes(ctx, codes, false); err != nil {
		return fmt.Errorf("create link codes: %w", err)
	}
	return nil
}

// ReplaceLinkCodes stores codes as CreateLinkCodes does and, in the same
// transaction, ends now every earlier unused, unexpired code of each
// code's person; see diary.Identity.
func (s *Store) ReplaceLinkCodes(ctx context.Context, codes []diary.LinkCode) error {
	if err := s.storeCodes(ctx, codes, true); err != nil {
		return fmt.Errorf("replace link codes: %w", err)
	}
	return nil
}

// storeCodes prepares and inserts codes in one transaction, first ending
// their people's earlier live codes when replace is set.
func (s *Store) storeCodes(ctx context.Context, codes []diary.LinkCode, replace bool) error {
	now := s.clock()
	if err := prepareCodes(codes, now); err != nil {
		return err
	}
	ids := make([]int64, len(codes))
	err := s.p.Write(ctx, false, func(tx Tx) (err error) {
		for _, c := range codes {
			if err := s.endEarlierCodes(ctx, tx, c, now, replace); err != nil {
				return err
			}
		}
		for i, c := range codes {
			if ids[i], err = s.insertCode(ctx, tx, c); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	for i := range codes {
		codes[i].ID = ids[i]
	}
	return nil
}

// endEarlierCodes, when replace is set, makes every stored unused code of
// c's person (the same school, kind, guardian, student and staff member)
// that is still live expire at now. It runs before the batch is inserted,
// so the batch's own codes are never ended.
func (s *Store) endEarlierCodes(ctx context.Context, tx Tx, c diary.LinkCode, now time.Time, replace bool) error {
	if !replace {
		return nil
	}
	_, err := tx.Exec(ctx, `UPDATE link_codes SET expires_at = $1
		WHERE school_id = $2 AND kind = $3 AND coalesce(guardian_id, 0) = $4 AND coalesce(student_id, 0) = $5
		AND coalesce(staff_id, 0) = $6 AND used_at IS NULL AND expires_at > $1`,
		s.instant(now), c.SchoolID, string(c.Kind), c.GuardianID, c.StudentID, c.StaffID)
	return s.wrap(err, "end earlier codes")
}

// prepareCodes fills each code's defaults at now and validates it, its
// instants first brought to what the databases keep.
func prepareCodes(codes []diary.LinkCode, now time.Time) error {
	for i := range codes {
		c := &codes[i]
		c.CreatedAt, c.ExpiresAt, c.UsedAt = kept(c.CreatedAt), kept(c.ExpiresAt), kept(c.UsedAt)
		if err := c.Prepare(now); err != nil {
			return err
		}
	}
	return nil
}

// codePeopleOK is true when the people a code names are of its school and a
// guardian represents the student: $1 school, $2 kind, $3 guardian, $4
// student, $5 staff.
const codePeopleOK = `SELECT CASE CAST($2 AS text)
	WHEN 'guardian' THEN EXISTS (SELECT 1 FROM guardian_students gs
		JOIN guardians g ON g.id = gs.guardian_id JOIN students s ON s.id = gs.student_id
		WHERE gs.guardian_id = $3 AND gs.student_id = $4 AND g.school_id = $1 AND s.school_id = $1)
	WHEN 'student' THEN EXISTS (SELECT 1 FROM students WHERE id = $4 AND school_id = $1)
	ELSE EXISTS (SELECT 1 FROM staff WHERE id = $5 AND school_id = $1) END`

// insertCode checks the people of c and stores it, returning its id.
func (s *Store) insertCode(ctx context.Context, tx Tx, c diary.LinkCode) (int64, error) {
	var ok bool
	err := tx.QueryRow(ctx, codePeopleOK, c.SchoolID, string(c.Kind), c.GuardianID, c.StudentID, c.StaffID).Scan(&ok)
	if err != nil {
		return 0, s.wrap(err, "check code")
	}
	if !ok {
		return 0, notFound("link code: %s of school %d", c.Kind, c.SchoolID)
	}
	var id int64
	err = tx.QueryRow(ctx, `INSERT INTO link_codes (school_id, kind, guardian_id, student_id, staff_id,
		hash, created_at, expires_at, used_at, used_by, created_by)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
		c.SchoolID, string(c.Kind), NullID(c.GuardianID), NullID(c.StudentID), NullID(c.StaffID), c.Hash,
		s.instant(c.CreatedAt), s.instant(c.ExpiresAt), s.instant(c.UsedAt), NullID(c.UsedBy),
		NullID(c.CreatedBy)).Scan(&id)
	return id, s.wrap(err, "insert code")
}

// RedeemLinkCode uses the code with hash for tgUser and links them; see
// diary.Identity.
func (s *Store) RedeemLinkCode(ctx context.Context, hash string, tgUser, chatID int64) (diary.LinkCode, diary.Link, error) {
	now := s.clock()
	var c diary.LinkCode
	var l diary.Link
	err := s.p.Write(ctx, false, func(tx Tx) (err error) {
		c, l, err = s.redeem(ctx, tx, hash, tgUser, chatID, now)
		return err
	})
	if err != nil {
		return diary.LinkCode{}, diary.Link{}, fmt.Errorf("redeem link code: %w", err)
	}
	return c, l, nil
}

// redeem marks the code used and links its person. The UPDATE is the
// single-use guard: on PostgreSQL concurrent ones wait for its row and then
// find it used, on SQLite writers take turns. A refusal returns an error, so
// the transaction rolls the use back.
func (s *Store) redeem(ctx context.Context, tx Tx, hash string, tgUser, chatID int64, now time.Time) (diary.LinkCode, diary.Link, error) {
	c, err := scanCode(tx.QueryRow(ctx, `UPDATE link_codes SET used_at = $1, used_by = $2
		WHERE hash = $3 AND used_at IS NULL AND expires_at > $1 RETURNING `+codeCols,
		s.instant(now), tgUser, hash))
	if s.noRows(err) {
		return s.redeemAgain(ctx, tx, hash, tgUser, now)
	}
	if err != nil {
		return c, diary.Link{}, s.wrap(err, "use code")
	}
	if err := s.checkRedeem(ctx, tx, c, now); err != nil {
		return c, diary.Link{}, err
	}
	l, err := s.putLink(ctx, tx, diary.NewLink(c, tgUser, chatID, now))
	return c, l, err
}

// redeemAgain explains why the code with hash cannot be used: it does not
// exist, is used or expired. A user redeeming their own used code again
// while still linked gets the link back.
func (s *Store) redeemAgain(ctx context.Context, tx Tx, hash string, tgUser int64, now time.Time) (diary.LinkCode, diary.Link, error) {
	c, err := one(ctx, s, tx, "code", scanCode, `SELECT `+codeCols+` FROM link_codes WHERE hash = $1`, hash)
	if err != nil {
		return c, diary.Link{}, err
	}
	if !c.UsedAt.IsZero() && c.UsedBy == tgUser {
		l, err := s.activeLink(ctx, tx, diary.NewLink(c, tgUser, 0, now))
		if err == nil || !errors.Is(err, diary.ErrNotFound) {
			return c, l, err
		}
	}
	if err := c.Usable(now); err != nil {
		return c, diary.Link{}, err
	}
	return c, diary.Link{}, diary.ErrCodeUsed // used by a transaction that committed after the UPDATE's snapshot
}

// checkRedeem loads what diary.CheckRedeem needs about the people of c. The
// student's and the staff member's rows are share-locked (on PostgreSQL), so
// a concurrent Apply marking them left either waits for this link (and ends
// it) or is seen here.
func (s *Store) checkRedeem(ctx context.Context, tx Tx, c diary.LinkCode, now time.Time) error {
	var f diary.RedeemFacts
	var err error
	if c.StudentID != 0 {
		f.Student, err = one(ctx, s, tx, "student", scanStudent,
			`SELECT `+studentCols+` FROM students WHERE id = $1`+s.d.ForShare, c.StudentID)
		if err != nil {
			return err
		}
	}
	if c.GuardianID != 0 {
		err = tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM guardian_students
			WHERE guardian_id = $1 AND student_id = $2)`, c.GuardianID, c.StudentID).Scan(&f.IsGuardian)
		if err != nil {
			return s.wrap(err, "guardian of student")
		}
	}
	if c.StaffID != 0 {
		if f.Staff, f.Today, err = s.redeemStaff(ctx, tx, c, now); err != nil {
			return err
		}
	}
	return diary.CheckRedeem(c.Kind, f)
}

// redeemStaff share-locks and reads the staff member of c, and returns now's
// date in the school's zone with it.
func (s *Store) redeemStaff(ctx context.Context, tx Tx, c diary.LinkCode, now time.Time) (diary.Staff, diary.Date, error) {
	var school diary.School
	err := tx.QueryRow(ctx, `SELECT time_zone FROM schools WHERE id = $1`, c.SchoolID).Scan(&school.TimeZone)
	if err != nil {
		return diary.Staff{}, diary.Date{}, s.wrap(err, "school %d", c.SchoolID)
	}
	st, err := one(ctx, s, tx, "staff", scanStaff, `SELECT `+staffCols+` FROM staff WHERE id = $1`+s.d.ForShare, c.StaffID)
	return st, diary.DateIn(now, school.Location()), err
}
