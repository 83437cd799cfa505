package sqlstore

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
	_, err := a.tx.Exec(ctx, `UPDATE links SET ended_at = $1, end_reason = $2
		WHERE ended_at IS NULL AND school_id = $3 AND student_id IN
		(SELECT id FROM students WHERE school_id = $3 AND status = $4)`,
		a.s.instant(a.now), string(diary.EndStudentLeft), a.school, string(diary.Left))
	return a.s.wrap(err, "end links of students who left")
}
