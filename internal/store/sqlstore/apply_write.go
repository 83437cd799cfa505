package sqlstore

import "context"

// pending collects the rows of one kind to insert and to update.
type pending struct {
	ins, up                   [][]any
	ids                       []int64
	added, changed, unchanged int
}

// put files row: new when storedID is 0, unchanged when same, else changed.
func (p *pending) put(storedID int64, same bool, row []any) {
	switch {
	case storedID == 0:
		p.ins, p.added = append(p.ins, row), p.added+1
	case same:
		p.unchanged++
	default:
		p.ids, p.up, p.changed = append(p.ids, storedID), append(p.up, row), p.changed+1
	}
}

// flush counts p under kind and writes it to t; inserted ids go to m's
// records by t.Key.
func (a *applier) flush(ctx context.Context, kind string, t Table, p *pending, m *ents) error {
	a.count(kind, p.added, p.changed, p.unchanged, 0)
	if len(p.ins) > 0 {
		var got func(id int64, key string)
		if m != nil {
			got = func(id int64, key string) { m.ext[key].id = id }
		}
		if err := a.tx.Insert(ctx, t, p.ins, got); err != nil {
			return a.s.wrap(err, "insert %s", t.Name)
		}
	}
	if len(p.ids) > 0 {
		if err := a.tx.Update(ctx, t, p.ids, p.up); err != nil {
			return a.s.wrap(err, "update %s", t.Name)
		}
	}
	return nil
}

// remove deletes the rows of table with the given ids and counts them
// Removed under kind.
func (a *applier) remove(ctx context.Context, kind, table string, ids []int64) error {
	a.count(kind, 0, 0, 0, len(ids))
	if len(ids) == 0 {
		return nil
	}
	_, err := a.tx.Exec(ctx, `DELETE FROM `+table+` WHERE id IN (`+a.s.d.InList(1, "bigint")+`)`, a.s.d.List(ids))
	return a.s.wrap(err, "remove %s", table)
}

// The tables Apply writes, school_id first where a table has one.
var (
	yearsTable   = NewTable("years", "name", "school_id bigint, name text, start_date date, end_date date")
	periodsTable = NewTable("periods", "ext_id", `school_id bigint, year_id bigint, ext_id text, name text,
		kind text, min_level int, max_level int, start_date date, end_date date`)
	daysOffTable = NewTable("days_off", "", `school_id bigint, name text, kind text, min_level int,
		max_level int, class_id nbigint, start_date date, end_date date`)
	slotsTable = NewTable("timetable_slots", "", `school_id bigint, class_id bigint, group_id nbigint,
		subject_id bigint, teacher_id nbigint, weekday int, number int, valid_from date, valid_to date`)
	subjectsTable = NewTable("subjects", "ext_id", "school_id bigint, ext_id text, name text, short text")
	classesTable  = NewTable("classes", "ext_id", "school_id bigint, ext_id text, name text, level int")
	staffTable    = NewTable("staff", "ext_id", `school_id bigint, ext_id text, last_name text, first_name text,
		middle_name text, phone text, email text, active_from date, active_to date`)
	rolesTable    = NewTable("staff_roles", "", "staff_id bigint, role text, class_id nbigint, level text")
	studentsTable = NewTable("students", "ext_id", `school_id bigint, ext_id text, last_name text,
		first_name text, middle_name text, class_id nbigint, birth_date date, phone text, email text,
		status text, left_on date, left_reason text, updated_at timestamptz`)
	groupsTable    = NewTable("groups", "ext_id", "school_id bigint, ext_id text, class_id bigint, name text")
	membersTable   = NewTable("group_members", "", "group_id bigint, student_id bigint")
	guardiansTable = NewTable("guardians", "ext_id", `school_id bigint, ext_id text, last_name text,
		first_name text, middle_name text, kind text, phone text, email text`)
	guardianLinksTable = NewTable("guardian_students", "", "guardian_id bigint, student_id bigint").
				OnConflict("ON CONFLICT DO NOTHING")
	lessonsTable = NewTable("lessons", "ext_id", `school_id bigint, ext_id text, class_id bigint,
		group_id nbigint, subject_id bigint, teacher_id nbigint, date date, number int, topic text, homework text`)
	gradesTable = NewTable("grades", "", `school_id bigint, ext_id text, student_id bigint, subject_id bigint,
		lesson_id nbigint, teacher_id nbigint, period_id bigint, date date, value nsmallint, mark ntext,
		work_type text, weight int, description text, updated_at timestamptz`)
	attendanceTable = NewTable("attendance", "", `school_id bigint, student_id bigint, lesson_id bigint,
		date date, mark text`)
	homeworkTable = NewTable("homework", "", `school_id bigint, ext_id text, student_id bigint,
		subject_id bigint, lesson_id nbigint, date date, text text`)
	finalsTable = NewTable("final_grades", "", `school_id bigint, student_id bigint, subject_id bigint,
		kind text, year_id bigint, period_id nbigint, value nsmallint, mark ntext, updated_at timestamptz`)
	aggregatesTable = NewTable("aggregates", "", `student_id bigint, period_id bigint, subject_id bigint,
		sum bigint, weights bigint, count int`).OnConflict(`ON CONFLICT (student_id, period_id, subject_id)
		DO UPDATE SET sum = aggregates.sum + excluded.sum, weights = aggregates.weights + excluded.weights,
		count = aggregates.count + excluded.count`)
)

// kindText returns a named string kind as the plain string a text column takes.
func kindText[T ~string](v T) string { return string(v) }
