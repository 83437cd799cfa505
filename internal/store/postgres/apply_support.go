package postgres

import (
	"github.com/jackc/pgx/v5"

	"github.com/schooldiary/diary/internal/diary"
)

// What below serves only the old Apply of this package; the store's reads
// are sqlstore's. It goes with Apply.

// staffRole is one staff_roles row.
type staffRole struct {
	staffID int64
	role    diary.StaffRole
}

// scanStaffRole reads staff_id, role, class_id (0 for none) and level.
func scanStaffRole(r pgx.Row) (staffRole, error) {
	var s staffRole
	err := r.Scan(&s.staffID, &s.role.Role, &s.role.ClassID, &s.role.Level)
	return s, err
}

// queueAll queues a query whose rows scan appends to dst.
func queueAll[T any](b *pgx.Batch, scan scanFunc[T], dst *[]T, sql string, args ...any) {
	b.Queue(sql, args...).Query(func(rows pgx.Rows) error {
		v, err := collect(rows, scan)
		*dst = v
		return err
	})
}
