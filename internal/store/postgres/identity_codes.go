package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	"github.com/schooldiary/diary/internal/diary"
)

const codeCols = `id, school_id, kind, coalesce(guardian_id, 0), coalesce(student_id, 0), coalesce(staff_id, 0),
	hash, created_at, expires_at, used_at, coalesce(used_by, 0), coalesce(created_by, 0)`

func scanCode(r pgx.Row) (diary.LinkCode, error) {
	var c diary.LinkCode
	var created, expires, used pgtype.Timestamptz
	err := r.Scan(&c.ID, &c.SchoolID, &c.Kind, &c.GuardianID, &c.StudentID, &c.StaffID, &c.Hash,
		&created, &expires, &used, &c.UsedBy, &c.CreatedBy)
	c.CreatedAt, c.ExpiresAt, c.UsedAt = timeOf(created), timeOf(expires), timeOf(used)
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
		codes[i].CreatedAt = codes[i].CreatedAt.Truncate(time.Microsecond) // PostgreSQL keeps µs
		codes[i].ExpiresAt = codes[i].ExpiresAt.Truncate(time.Microsecond)
	}
	ids := make([]int64, len(codes))
	err := db.inTx(ctx, func(tx pgx.Tx) error {
		for i, c := range codes {
			id, err := insertCode(ctx, tx, c)
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

// codePeopleOK is true when the people a code names are of its school and a
// guardian represents the student: $1 school, $2 kind, $3 guardian, $4
// student, $5 staff.
const codePeopleOK = `SELECT CASE $2::text
	WHEN 'guardian' THEN EXISTS (SELECT 1 FROM guardian_students gs
		JOIN guardians g ON g.id = gs.guardian_id JOIN students s ON s.id = gs.student_id
		WHERE gs.guardian_id = $3 AND gs.student_id = $4 AND g.school_id = $1 AND s.school_id = $1)
	WHEN 'student' THEN EXISTS (SELECT 1 FROM students WHERE id = $4 AND school_id = $1)
	ELSE EXISTS (SELECT 1 FROM staff WHERE id = $5 AND school_id = $1) END`

// insertCode checks the people of c and stores it.
func insertCode(ctx context.Context, tx pgx.Tx, c diary.LinkCode) (int64, error) {
	var ok bool
	err := tx.QueryRow(ctx, codePeopleOK, c.SchoolID, string(c.Kind), c.GuardianID, c.StudentID, c.StaffID).Scan(&ok)
	if err != nil {
		return 0, wrap("check code", err)
	}
	if !ok {
		return 0, fmt.Errorf("link code: %s of school %d: %w", c.Kind, c.SchoolID, diary.ErrNotFound)
	}
	var id int64
	err = tx.QueryRow(ctx, `INSERT INTO link_codes (school_id, kind, guardian_id, student_id, staff_id,
		hash, created_at, expires_at, used_at, used_by, created_by)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
		c.SchoolID, string(c.Kind), idArg(c.GuardianID), idArg(c.StudentID), idArg(c.StaffID), c.Hash,
		timeArg(c.CreatedAt), timeArg(c.ExpiresAt), timeArg(c.UsedAt), idArg(c.UsedBy), idArg(c.CreatedBy)).Scan(&id)
	return id, wrap("insert code", err)
}

// RedeemLinkCode uses the code with hash for tgUser and links them; see
// diary.Identity. The UPDATE that marks the code used is the single-use
// guard: concurrent ones wait for its row and then find it used. A refusal
// rolls it back.
func (db *DB) RedeemLinkCode(ctx context.Context, hash string, tgUser, chatID int64) (diary.LinkCode, diary.Link, error) {
	now := db.clock()
	var c diary.LinkCode
	var l diary.Link
	err := db.inTx(ctx, func(tx pgx.Tx) error {
		var err error
		c, err = scanCode(tx.QueryRow(ctx, `UPDATE link_codes SET used_at = $1, used_by = $2
			WHERE hash = $3 AND used_at IS NULL AND expires_at > $1 RETURNING `+codeCols, now, tgUser, hash))
		if errors.Is(err, pgx.ErrNoRows) {
			c, l, err = redeemAgain(ctx, tx, hash, tgUser, now)
			return err
		}
		if err != nil {
			return wrap("use code", err)
		}
		if err := checkRedeem(ctx, tx, c, now); err != nil {
			return err
		}
		l, err = putLink(ctx, tx, diary.NewLink(c, tgUser, chatID, now))
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
func redeemAgain(ctx context.Context, tx pgx.Tx, hash string, tgUser int64, now time.Time) (diary.LinkCode, diary.Link, error) {
	c, err := scanCode(tx.QueryRow(ctx, `SELECT `+codeCols+` FROM link_codes WHERE hash = $1`, hash))
	if err != nil {
		return c, diary.Link{}, wrap("code", err)
	}
	if !c.UsedAt.IsZero() && c.UsedBy == tgUser {
		l, err := activeLink(ctx, tx, diary.NewLink(c, tgUser, 0, now))
		if err == nil || !errors.Is(err, diary.ErrNotFound) {
			return c, l, err
		}
	}
	if err := c.Usable(now); err != nil {
		return c, diary.Link{}, err
	}
	return c, diary.Link{}, diary.ErrCodeUsed // used by a transaction that committed after our snapshot
}

// checkRedeem loads what diary.CheckRedeem needs about the people of c. The
// student's row is share-locked, so a concurrent Apply marking them left
// either waits for this link (and ends it) or is seen here.
func checkRedeem(ctx context.Context, tx pgx.Tx, c diary.LinkCode, now time.Time) error {
	var f diary.RedeemFacts
	var err error
	if c.StudentID != 0 {
		f.Student, err = scanStudent(tx.QueryRow(ctx, `SELECT `+studentCols+` FROM students WHERE id = $1 FOR SHARE`, c.StudentID))
		if err != nil {
			return wrap("student", err)
		}
	}
	if c.GuardianID != 0 {
		err = tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM guardian_students
			WHERE guardian_id = $1 AND student_id = $2)`, c.GuardianID, c.StudentID).Scan(&f.IsGuardian)
		if err != nil {
			return wrap("guardian of student", err)
		}
	}
	if c.StaffID != 0 {
		if f.Staff, err = codeStaff(ctx, tx, c, now, &f.Today); err != nil {
			return err
		}
	}
	return diary.CheckRedeem(c.Kind, f)
}

// codeStaff reads the staff member of c and sets today to now's date in the
// school's zone.
func codeStaff(ctx context.Context, tx pgx.Tx, c diary.LinkCode, now time.Time, today *diary.Date) (diary.Staff, error) {
	var school diary.School
	err := tx.QueryRow(ctx, `SELECT time_zone FROM schools WHERE id = $1`, c.SchoolID).Scan(&school.TimeZone)
	if err != nil {
		return diary.Staff{}, wrap("school", err)
	}
	*today = diary.DateIn(now, school.Location())
	s, err := scanStaff(tx.QueryRow(ctx, `SELECT `+staffCols+` FROM staff WHERE id = $1 FOR SHARE`, c.StaffID))
	return s, wrap("staff", err)
}
