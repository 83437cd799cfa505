package sqlite

import (
	"github.com/schooldiary/diary/internal/diary"
)

// Stored grades follow the calendar and the roster. A grade's period is the
// one of its student's class level containing its date, so a batch that
// corrects a period's dates or levels, or moves a student to a class of
// another level (5А → 10Б: quarters → halves), moves stored grades between
// periods. reperiod does that before the batch's own grades are written and
// rebuilds the running aggregates of every student whose grades moved from
// the grades themselves, not incrementally.
//
//   - After a period change, a grade of a changed period that now falls in no
//     period is a problem on the period's row (the batch may re-date that
//     grade itself). A grade moves only into or out of a changed period.
//   - After a class move, the grades of periods not ended by the batch date
//     (AsOf) move; those of ended periods stay where they were earned, so a
//     promotion 9 → 10 keeps last year's quarters. A grade the new level has
//     no period for keeps its period.
//   - A grade keeps its own date when its lesson's date changes: the journal
//     sends the grade again if the grade moved with the lesson.

// reperiod moves the stored grades the batch's period changes and class
// moves concern, then rebuilds their students' aggregates.
func (a *applier) reperiod() error {
	if len(a.reperiods) == 0 && len(a.moved) == 0 {
		return nil
	}
	if err := a.reportStranded(); err != nil || len(a.errs) > 0 {
		return err
	}
	students, err := a.moveGrades()
	if err != nil {
		return err
	}
	return a.rebuildAggregates(students)
}

// moveGradesSQL moves grades to the period of their level and date: ?1 the
// school, ?2 the changed periods, ?3–?4 the days they span, ?5 the moved
// students, ?6 the batch date. It returns the students of the moved grades.
const moveGradesSQL = `WITH cand AS MATERIALIZED (
	SELECT g.id, g.period_id AS old,
		g.period_id IN (SELECT value FROM json_each(?2)) AS in_changed,
		g.student_id IN (SELECT value FROM json_each(?5))
			AND (SELECT o.end_date FROM periods o WHERE o.id = g.period_id) >= ?6 AS open_move,
		(SELECT p.id FROM periods p
			WHERE p.school_id = g.school_id AND c.level BETWEEN p.min_level AND p.max_level
			  AND g.date BETWEEN p.start_date AND p.end_date
			ORDER BY p.start_date, p.id LIMIT 1) AS new
	FROM grades g JOIN students s ON s.id = g.student_id JOIN classes c ON c.id = s.class_id
	WHERE g.school_id = ?1 AND (g.period_id IN (SELECT value FROM json_each(?2))
		OR g.date BETWEEN ?3 AND ?4 OR g.student_id IN (SELECT value FROM json_each(?5))))
UPDATE grades SET period_id = cand.new FROM cand
WHERE grades.id = cand.id AND cand.new <> cand.old
	AND (cand.in_changed OR cand.open_move OR cand.new IN (SELECT value FROM json_each(?2)))
RETURNING grades.student_id`

// moveGrades runs moveGradesSQL and returns the distinct students whose
// grades moved.
func (a *applier) moveGrades() ([]int64, error) {
	from, to := a.reperiodSpan()
	rows, err := a.q.QueryContext(a.ctx, moveGradesSQL, a.school.ID, jsonArray(periodIDs(a.reperiods)),
		dateText(from), dateText(to), jsonArray(a.moved), dateText(a.asOf()))
	ids, err := collect(rows, err, "move grades to their periods", func(r scanner) (int64, error) {
		var id int64
		return id, r.Scan(&id)
	})
	return uniqIDs(ids), err
}

// strandedSQL lists the grades of changed periods (?2) that no period of
// their level contains any more, but those the batch rewrites (?3).
const strandedSQL = `SELECT DISTINCT p.ext_id, g.date, c.level
FROM grades g JOIN students s ON s.id = g.student_id JOIN classes c ON c.id = s.class_id
	JOIN periods p ON p.id = g.period_id
WHERE g.school_id = ?1 AND g.period_id IN (SELECT value FROM json_each(?2))
	AND g.ext_id NOT IN (SELECT value FROM json_each(?3))
	AND NOT EXISTS (SELECT 1 FROM periods q WHERE q.school_id = ?1
		AND c.level BETWEEN q.min_level AND q.max_level AND g.date BETWEEN q.start_date AND q.end_date)
ORDER BY 1, 2, 3 LIMIT 50`

// reportStranded reports, on the row of each changed period, the dates of
// its grades that the change leaves in no period.
func (a *applier) reportStranded() error {
	rows, err := a.q.QueryContext(a.ctx, strandedSQL, a.school.ID, jsonArray(periodIDs(a.reperiods)),
		jsonArray(keysOf(a.b.Grades, func(in diary.GradeIn) string { return in.Grade.ExtID })))
	if err != nil {
		return wrap(err, "check grades of changed periods")
	}
	defer rows.Close()
	for rows.Next() {
		var ext, day string
		var lvl int
		if err := rows.Scan(&ext, &day, &lvl); err != nil {
			return wrap(err, "check grades of changed periods")
		}
		a.fail(a.periodSrc(ext), "start", "оценка за %s (%d класс) после изменения не входит ни в один период", day, lvl)
	}
	return wrap(rows.Err(), "check grades of changed periods")
}

// rebuildAggregates recomputes every aggregate of the students from their grades.
func (a *applier) rebuildAggregates(students []int64) error {
	if len(students) == 0 {
		return nil
	}
	ids := jsonArray(students)
	err := a.exec("rebuild aggregates", `DELETE FROM aggregates
		WHERE student_id IN (SELECT value FROM json_each(?))`, ids)
	if err != nil {
		return err
	}
	return a.exec("rebuild aggregates", `INSERT INTO aggregates
			(student_id, period_id, subject_id, sum, weights, count)
		SELECT student_id, period_id, subject_id, sum(weight * value), sum(weight), count(*)
		FROM grades WHERE student_id IN (SELECT value FROM json_each(?)) AND value BETWEEN 1 AND 5
		GROUP BY student_id, period_id, subject_id`, ids)
}

// reperiodSpan returns the first and last day of the changed periods; an
// empty span when there are none.
func (a *applier) reperiodSpan() (from, to diary.Date) {
	if len(a.reperiods) == 0 {
		return diary.NewDate(9999, 12, 31), diary.NewDate(1, 1, 1)
	}
	from, to = a.reperiods[0].Start, a.reperiods[0].End
	for _, p := range a.reperiods[1:] {
		from, to = minDate(from, p.Start), maxDate(to, p.End)
	}
	return from, to
}

// periodSrc returns the source of the batch's period with ext id.
func (a *applier) periodSrc(ext string) diary.Source {
	for _, in := range a.b.Periods {
		if in.Period.ExtID == ext {
			return in.Src
		}
	}
	return diary.Source{}
}

// asOf returns the date the batch is true on: AsOf, or today in the school's zone.
func (a *applier) asOf() diary.Date {
	if !a.b.AsOf.IsZero() {
		return a.b.AsOf
	}
	return diary.DateIn(a.now, a.school.Location())
}

// periodIDs returns the ids of ps.
func periodIDs(ps []diary.Period) []int64 {
	ids := make([]int64, len(ps))
	for i, p := range ps {
		ids[i] = p.ID
	}
	return ids
}

// uniqIDs returns the distinct ids.
func uniqIDs(ids []int64) []int64 {
	seen := map[int64]bool{}
	out := ids[:0]
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

func minDate(a, b diary.Date) diary.Date {
	if b.Before(a) {
		return b
	}
	return a
}

func maxDate(a, b diary.Date) diary.Date {
	if b.After(a) {
		return b
	}
	return a
}
