package sqlstore

import (
	"context"
	"fmt"

	"github.com/schooldiary/diary/internal/diary"
)

// ClassSummary returns the aggregates and expected grades of every enrolled
// student of a class in a period, read in one snapshot; the students by name
// (Russian order), the sums by student id, then subject id.
// diary.ErrNotFound for an unknown class or period.
func (s *Store) ClassSummary(ctx context.Context, classID, periodID int64) (diary.ClassSummary, error) {
	var cs diary.ClassSummary
	err := s.p.Read(ctx, func(q Querier) error { return s.readSummary(ctx, q, &cs, classID, periodID) })
	if err != nil {
		return diary.ClassSummary{}, fmt.Errorf("class summary: %w", err)
	}
	return cs, nil
}

// readSummary reads the class, period, students and sums of cs through q.
func (s *Store) readSummary(ctx context.Context, q Querier, cs *diary.ClassSummary, classID, periodID int64) error {
	var err error
	if cs.Class, err = s.class(ctx, q, classID); err != nil {
		return err
	}
	if cs.Period, err = s.period(ctx, q, periodID); err != nil {
		return err
	}
	if cs.Students, err = s.studentsOfClass(ctx, q, classID); err != nil {
		return err
	}
	if cs.Aggregates, err = s.classAggregates(ctx, q, classID, periodID); err != nil {
		return err
	}
	cs.Expected, err = s.classExpected(ctx, q, classID, periodID)
	return err
}

// enrolledOf selects the ids of the enrolled students of class $1.
const enrolledOf = `SELECT id FROM students WHERE class_id = $1 AND status = 'enrolled'`

// classAggregates reads the running sums of a class's enrolled students in a
// period, by student id, then subject id.
func (s *Store) classAggregates(ctx context.Context, q Querier, classID, periodID int64) ([]diary.Aggregate, error) {
	return list(ctx, s, q, "class aggregates", scanAggregate, `SELECT `+aggregateCols+` FROM aggregates
		WHERE period_id = $2 AND count > 0 AND student_id IN (`+enrolledOf+`)
		ORDER BY student_id, subject_id`, classID, periodID)
}

// classExpected reads the expected grades of a class's enrolled students in
// a period, by student id, then subject id.
func (s *Store) classExpected(ctx context.Context, q Querier, classID, periodID int64) ([]diary.ExpectedGrade, error) {
	return list(ctx, s, q, "class expected grades", scanExpected, `SELECT `+expectedCols+` FROM expected_grades
		WHERE period_id = $2 AND student_id IN (`+enrolledOf+`)
		ORDER BY student_id, subject_id`, classID, periodID)
}
