package views

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/i18n"
)

// view is one rendering: the request and the student it is about.
type view struct {
	ctx     context.Context
	st      Store
	lang    i18n.Lang
	today   diary.Date
	a       Action
	student diary.Student
	class   diary.Class
	school  diary.School
}

// load reads the student of a, their class and school.
func load(ctx context.Context, st Store, lang i18n.Lang, today diary.Date, a Action) (*view, error) {
	v := &view{ctx: ctx, st: st, lang: lang, today: today, a: a}
	var err error
	if v.student, err = st.Student(ctx, a.StudentID); err != nil {
		return nil, fmt.Errorf("views: student %d: %w", a.StudentID, err)
	}
	if v.class, err = st.Class(ctx, v.student.ClassID); err != nil {
		return nil, fmt.Errorf("views: class of student %d: %w", a.StudentID, err)
	}
	if v.school, err = st.School(ctx, v.student.SchoolID); err != nil {
		return nil, fmt.Errorf("views: school of student %d: %w", a.StudentID, err)
	}
	v.school = v.school.WithDefaults()
	return v, nil
}

// level returns the class level of the student.
func (v *view) level() int { return v.class.Level }

// t renders a catalogue text in the view's language.
func (v *view) t(key i18n.Key, args ...any) string { return i18n.T(v.lang, key, args...) }

// plain renders a button label in the view's language.
func (v *view) plain(key i18n.Key, args ...any) string { return i18n.Plain(v.lang, key, args...) }

// who is the line naming the student: «Белов Антон, 5А».
func (v *view) who() string {
	n := v.student.Name
	return v.t(i18n.ViewStudent, "student", strings.TrimSpace(n.Last+" "+n.First), "class", v.class.Name)
}

// levelPeriods lists the periods of the student's class level, every year,
// by start.
func (v *view) levelPeriods() ([]diary.Period, error) {
	all, err := v.st.Periods(v.ctx, v.school.ID, 0)
	if err != nil {
		return nil, fmt.Errorf("periods: %w", err)
	}
	var out []diary.Period
	for _, p := range all {
		if v.level() >= p.MinLevel && v.level() <= p.MaxLevel {
			out = append(out, p)
		}
	}
	slices.SortFunc(out, func(a, b diary.Period) int { return a.Start.Compare(b.Start) })
	return out, nil
}

// periodChoice is the period a view shows, its neighbours for the
// navigation buttons, and the note telling why it is not the current one.
type periodChoice struct {
	period     diary.Period
	prev, next *diary.Period
	note       string
	ok         bool // false when the level has no period at all
}

// choosePeriod returns a.PeriodID when set (ErrNotFound when it is not a
// period of the student's level), else the period that contains today, else
// the last finished one (a vacation), else the first one to come.
func (v *view) choosePeriod() (periodChoice, error) {
	ps, err := v.levelPeriods()
	if err != nil || len(ps) == 0 {
		return periodChoice{}, err
	}
	i, note := v.currentPeriod(ps)
	if v.a.PeriodID != 0 {
		if i = slices.IndexFunc(ps, func(p diary.Period) bool { return p.ID == v.a.PeriodID }); i < 0 {
			return periodChoice{}, fmt.Errorf("period %d: %w", v.a.PeriodID, diary.ErrNotFound)
		}
		note = ""
	}
	c := periodChoice{period: ps[i], note: note, ok: true}
	if i > 0 {
		c.prev = &ps[i-1]
	}
	if i+1 < len(ps) {
		c.next = &ps[i+1]
	}
	return c, nil
}

// currentPeriod returns the index in ps (non-empty, by start) of the period
// to show as of today, with the note explaining a period other than today's.
func (v *view) currentPeriod(ps []diary.Period) (int, string) {
	last := -1
	for i, p := range ps {
		switch {
		case p.Covers(v.level(), v.today):
			return i, ""
		case p.End.Before(v.today):
			last = i
		}
	}
	if last >= 0 {
		return last, v.t(i18n.ViewVacationNote, "period", ps[last].Name)
	}
	return 0, v.t(i18n.ViewUpcomingNote, "period", ps[0].Name)
}

// periodButtons returns the row of buttons to the previous and the next
// period for view kind (and subject), or nil when there is neither.
func (v *view) periodButtons(c periodChoice, kind ViewKind) []Button {
	var row []Button
	if c.prev != nil {
		row = append(row, Button{Label: v.plain(i18n.BtnViewPrevPeriod, "period", c.prev.Name),
			Action: Action{View: kind, StudentID: v.student.ID, PeriodID: c.prev.ID, SubjectID: v.a.SubjectID}})
	}
	if c.next != nil && !c.next.Start.After(v.today) {
		row = append(row, Button{Label: v.plain(i18n.BtnViewNextPeriod, "period", c.next.Name),
			Action: Action{View: kind, StudentID: v.student.ID, PeriodID: c.next.ID, SubjectID: v.a.SubjectID}})
	}
	return row
}

// subjectNames maps the school's subjects by id.
func (v *view) subjectNames() (map[int64]diary.Subject, error) {
	subs, err := v.st.Subjects(v.ctx, v.school.ID)
	if err != nil {
		return nil, fmt.Errorf("subjects: %w", err)
	}
	m := make(map[int64]diary.Subject, len(subs))
	for _, s := range subs {
		m[s.ID] = s
	}
	return m, nil
}

// subjectName returns the name of subject id, or «—» when unknown.
func subjectName(m map[int64]diary.Subject, id int64) string {
	if s, ok := m[id]; ok {
		return s.Name
	}
	return diary.NoValue
}

// lines joins non-empty lines with line breaks.
func lines(parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, "\n")
}

// rows appends the non-empty rows to buttons.
func rows(buttons [][]Button, rs ...[]Button) [][]Button {
	for _, r := range rs {
		if len(r) > 0 {
			buttons = append(buttons, r)
		}
	}
	return buttons
}
