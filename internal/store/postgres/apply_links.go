package postgres

import (
	"context"

	"github.com/schooldiary/diary/internal/diary"
)

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
