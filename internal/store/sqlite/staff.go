package sqlite

import (
	"context"
	"encoding/json"

	"github.com/schooldiary/diary/internal/diary"
)

const staffCols = `s.id, s.school_id, s.ext_id, s.last_name, s.first_name, s.middle_name,
	s.phone, s.email, s.active_from, s.active_to`

// scanStaff reads one row of staffCols.
func scanStaff(r scanner) (diary.Staff, error) {
	var s diary.Staff
	err := r.Scan(&s.ID, &s.SchoolID, &s.ExtID, &s.Name.Last, &s.Name.First, &s.Name.Middle,
		&s.Phone, &s.Email, dateCol{&s.ActiveFrom}, dateCol{&s.ActiveTo})
	return s, err
}

// Staff returns the staff member with id and their roles; diary.ErrNotFound.
func (db *DB) Staff(ctx context.Context, id int64) (diary.Staff, error) {
	var s diary.Staff
	err := db.inRead(ctx, func(tx querier) error {
		var err error
		s, err = scanStaff(tx.QueryRowContext(ctx, `SELECT `+staffCols+` FROM staff s WHERE s.id = ?`, id))
		if err != nil {
			return wrap(err, "staff %d", id)
		}
		list := []diary.Staff{s}
		err = fillRoles(ctx, tx, list)
		s = list[0]
		return err
	})
	return s, err
}

// StaffWithRole lists a school's staff having role r, by name, with all their roles.
func (db *DB) StaffWithRole(ctx context.Context, schoolID int64, r diary.Role) ([]diary.Staff, error) {
	var list []diary.Staff
	err := db.inRead(ctx, func(tx querier) error {
		rows, err := tx.QueryContext(ctx, `SELECT `+staffCols+` FROM staff s
			WHERE s.school_id = ? AND EXISTS (
				SELECT 1 FROM staff_roles r WHERE r.staff_id = s.id AND r.role = ?)`+byName,
			schoolID, r)
		if list, err = collect(rows, err, "staff with role", scanStaff); err != nil {
			return err
		}
		return fillRoles(ctx, tx, list)
	})
	return list, err
}

// fillRoles loads the roles of every staff member in list with one query.
func fillRoles(ctx context.Context, q querier, list []diary.Staff) error {
	if len(list) == 0 {
		return nil
	}
	at := make(map[int64]int, len(list))
	ids := make([]int64, len(list))
	for i, s := range list {
		at[s.ID], ids[i] = i, s.ID
	}
	js, _ := json.Marshal(ids)
	rows, err := q.QueryContext(ctx, `SELECT staff_id, role, class_id, level FROM staff_roles
		WHERE staff_id IN (SELECT value FROM json_each(?)) ORDER BY staff_id, rowid`, string(js))
	if err != nil {
		return wrap(err, "staff roles")
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var r diary.StaffRole
		if err := rows.Scan(&id, &r.Role, idCol{&r.ClassID}, &r.Level); err != nil {
			return wrap(err, "staff roles")
		}
		list[at[id]].Roles = append(list[at[id]].Roles, r)
	}
	return wrap(rows.Err(), "staff roles")
}
