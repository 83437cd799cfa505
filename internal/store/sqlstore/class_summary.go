package sqlstore

import (
	"context"

	"github.com/schooldiary/diary/internal/diary"
)

// ClassSummary returns the aggregates and expected grades of every enrolled
// student of a class in a period, read in one batch (one round trip on
// PostgreSQL) on one snapshot; the students by name (Russian order), the
// sums by student id, then subject id. diary.ErrNotFound for an unknown
// class or period.
func (s *Store) ClassSummary(ctx context.Context, classID, periodID int64) (diary.ClassSummary, error) {
	var cs diary.ClassSummary
	var classes []diary.Class
	var periods []diary.Period
	b := &Batch{}
	queueList(b, scanClass, &classes, `SELECT `+classCols+` FROM classes WHERE id = $1`, classID)
	queueList(b, scanPeriod, &periods, `SELECT `+periodCols+` FROM periods WHERE id = $1`, periodID)
	queueList(b, scanStudent, &cs.Students, `SELECT `+studentCols+` FROM students
		WHERE class_id = $1 AND status = $2`, classID, string(diary.Enrolled))
	queueList(b, scanAggregate, &cs.Aggregates, `SELECT `+aggregateCols+` FROM aggregates
		WHERE period_id = $2 AND count > 0 AND student_id IN (`+enrolledOf+`)
		ORDER BY student_id, subject_id`, classID, periodID)
	queueList(b, scanExpected, &cs.Expected, `SELECT `+expectedCols+` FROM expected_grades
		WHERE period_id = $2 AND student_id IN (`+enrolledOf+`)
		ORDER BY student_id, subject_id`, classID, periodID)
	if err := s.readBatch(ctx, "class summary", b); err != nil {
		return diary.ClassSummary{}, err
	}
	var err error
	if cs.Class, err = first(classes, "class summary: class %d", classID); err != nil {
		return diary.ClassSummary{}, err
	}
	if cs.Period, err = first(periods, "class summary: period %d", periodID); err != nil {
		return diary.ClassSummary{}, err
	}
	sortStudents(cs.Students)
	return cs, nil
}

// enrolledOf selects the ids of the enrolled students of class $1.
const enrolledOf = `SELECT id FROM students WHERE class_id = $1 AND status = 'enrolled'`
