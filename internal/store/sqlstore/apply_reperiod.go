package sqlstore

import (
	"context"
	"fmt"

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
func (a *applier) reperiod(ctx context.Context) error {
	if len(a.reperiods) == 0 && len(a.moved) == 0 {
		return nil
	}
	if err := a.checkStranded(ctx); err != nil {
		return err
	}
	students, err := a.moveGrades(ctx)
	if err != nil {
		return err
	}
	return a.rebuildAggregates(ctx, students)
}

// moveGradesSQL moves grades to the period of their level and date: $1 the
// school, $2 the changed periods, $3–$4 the days they span, $5 the moved
// students, $6 the batch date. It returns each moved grade.
func (a *applier) moveGradesSQL() string {
	changed, moved := `(`+a.s.d.InList(2, "bigint")+`)`, `(`+a.s.d.InList(5, "bigint")+`)`
	return `WITH cand AS MATERIALIZED (
	SELECT g.id, g.period_id AS old,
		g.period_id IN ` + changed + ` AS in_changed,
		g.student_id IN ` + moved + `
			AND (SELECT o.end_date FROM periods o WHERE o.id = g.period_id) >= $6 AS open_move,
		(SELECT p.id FROM periods p
			WHERE p.school_id = g.school_id AND c.level BETWEEN p.min_level AND p.max_level
			  AND g.date BETWEEN p.start_date AND p.end_date
			ORDER BY p.start_date, p.id LIMIT 1) AS new
	FROM grades g JOIN students s ON s.id = g.student_id JOIN classes c ON c.id = s.class_id
	WHERE g.school_id = $1 AND (g.period_id IN ` + changed + ` OR g.date BETWEEN $3 AND $4
		OR g.student_id IN ` + moved + `))
UPDATE grades SET period_id = cand.new FROM cand
WHERE grades.id = cand.id AND cand.new <> cand.old
	AND (cand.in_changed OR cand.open_move OR cand.new IN ` + changed + `)
RETURNING grades.ext_id, grades.student_id, grades.period_id`
}

// movedGrade is a grade reperiod moved.
type movedGrade struct {
	ext             string
	student, period int64
}

// moveGrades moves the grades, updates the loaded grades the batch
// rewrites and returns the distinct students whose grades moved.
func (a *applier) moveGrades(ctx context.Context) ([]int64, error) {
	from, to := a.reperiodSpan()
	rows, err := list(ctx, a.s, a.tx, "move grades to their periods", func(r Scanner) (movedGrade, error) {
		var m movedGrade
		return m, r.Scan(&m.ext, &m.student, &m.period)
	}, a.moveGradesSQL(), a.school, a.s.d.List(a.reperiodIDs()), a.s.date(from), a.s.date(to),
		a.s.d.List(append([]int64{}, a.moved...)), a.s.date(a.asOf()))
	if err != nil {
		return nil, err
	}
	seen := map[int64]bool{}
	var students []int64
	for _, m := range rows {
		if g, ok := a.st.grades[m.ext]; ok {
			g.PeriodID = m.period
			a.st.grades[m.ext] = g
		}
		if !seen[m.student] {
			seen[m.student], students = true, append(students, m.student)
		}
	}
	return students, nil
}

// strandedSQL lists the grades of changed periods ($2) that no period of
// their level contains any more, but those the batch rewrites ($3).
func (a *applier) strandedSQL() string {
	return `SELECT DISTINCT p.ext_id, g.date, c.level
FROM grades g JOIN students s ON s.id = g.student_id JOIN classes c ON c.id = s.class_id
	JOIN periods p ON p.id = g.period_id
WHERE g.school_id = $1 AND g.period_id IN (` + a.s.d.InList(2, "bigint") + `)
	AND g.ext_id NOT IN (` + a.s.d.InList(3, "text") + `)
	AND NOT EXISTS (SELECT 1 FROM periods q WHERE q.school_id = $1
		AND c.level BETWEEN q.min_level AND q.max_level AND g.date BETWEEN q.start_date AND q.end_date)
ORDER BY 1, 2, 3 LIMIT 50`
}

// stranded is a day of a changed period's grades that no period contains.
type stranded struct {
	period string
	day    diary.Date
	level  int
}

// checkStranded fails the batch with a problem, on the row of each changed
// period, for the days of its grades that the change leaves in no period.
func (a *applier) checkStranded(ctx context.Context) error {
	if len(a.reperiods) == 0 {
		return nil
	}
	rows, err := list(ctx, a.s, a.tx, "check grades of changed periods", func(r Scanner) (stranded, error) {
		var x stranded
		return x, r.Scan(&x.period, DateCol{&x.day}, &x.level)
	}, a.strandedSQL(), a.school, a.s.d.List(a.reperiodIDs()), a.s.d.List(gradeKeys(a.b)))
	if err != nil || len(rows) == 0 {
		return err
	}
	var problems []diary.ItemError
	for _, x := range rows {
		problems = append(problems, diary.ItemError{Src: a.periodSrc(x.period), Field: "start",
			Msg: fmt.Sprintf(msgStranded, x.day, x.level)})
	}
	return a.invalid(problems)
}

// rebuildAggregates recomputes every aggregate of the students from their grades.
func (a *applier) rebuildAggregates(ctx context.Context, students []int64) error {
	if len(students) == 0 {
		return nil
	}
	in := a.s.d.InList(1, "bigint")
	if _, err := a.tx.Exec(ctx, `DELETE FROM aggregates WHERE student_id IN (`+in+`)`, a.s.d.List(students)); err != nil {
		return a.s.wrap(err, "rebuild aggregates")
	}
	_, err := a.tx.Exec(ctx, `INSERT INTO aggregates (student_id, period_id, subject_id, sum, weights, count)
		SELECT student_id, period_id, subject_id, sum(weight * value), sum(weight), count(*)
		FROM grades WHERE student_id IN (`+in+`) AND value BETWEEN 1 AND 5
		GROUP BY student_id, period_id, subject_id`, a.s.d.List(students))
	return a.s.wrap(err, "rebuild aggregates")
}

// reperiodIDs returns the ids of the changed periods.
func (a *applier) reperiodIDs() []int64 {
	ids := make([]int64, len(a.reperiods))
	for i, e := range a.reperiods {
		ids[i] = e.id
	}
	return ids
}

// reperiodSpan returns the first and last day of the changed periods; an
// empty span when there are none.
func (a *applier) reperiodSpan() (from, to diary.Date) {
	if len(a.reperiods) == 0 {
		return diary.NewDate(9999, 12, 31), diary.NewDate(1, 1, 1)
	}
	from, to = a.reperiods[0].period.Start, a.reperiods[0].period.End
	for _, e := range a.reperiods[1:] {
		if e.period.Start.Before(from) {
			from = e.period.Start
		}
		if e.period.End.After(to) {
			to = e.period.End
		}
	}
	return from, to
}

// periodSrc returns the source of the batch's period with ext id.
func (a *applier) periodSrc(ext string) diary.Source {
	for _, x := range a.b.Periods {
		if x.Period.ExtID == ext {
			return x.Src
		}
	}
	return diary.Source{}
}

// asOf returns the date the batch is true on: AsOf, or today in the school's zone.
func (a *applier) asOf() diary.Date {
	if !a.b.AsOf.IsZero() {
		return a.b.AsOf
	}
	sc := a.stored
	if a.b.School.Name != "" {
		sc = a.b.School
	}
	return diary.DateIn(a.now, sc.Location())
}
