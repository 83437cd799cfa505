package views

import (
	"fmt"
	"slices"
	"strings"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/i18n"
)

// newsDefault is how far back the News view looks without a last visit.
const newsDefault = 7

// news writes what is new since a.Since (the family's last visit): the
// grades of the current period put or changed since, the attendance marks
// and the class homework of the days since, up to today.
func (v *view) news() (string, [][]Button, error) {
	from := v.newsFrom()
	grades, err := v.newGrades()
	if err != nil {
		return "", nil, err
	}
	marks, err := v.st.Attendance(v.ctx, v.student.ID, from, v.today)
	if err != nil {
		return "", nil, fmt.Errorf("attendance: %w", err)
	}
	lessons, err := v.st.StudentLessons(v.ctx, v.student.ID, from, v.today)
	if err != nil {
		return "", nil, fmt.Errorf("lessons: %w", err)
	}
	subjects, err := v.subjectNames()
	if err != nil {
		return "", nil, err
	}
	sections := []string{
		v.newsSection(i18n.ViewNewsGrades, v.newsGrades(grades, subjects)),
		v.newsSection(i18n.ViewNewsAbsences, v.attendanceList(marks, subjects)),
		v.newsSection(i18n.ViewNewsHomework, v.newsHomework(lessons, subjects)),
	}
	body := strings.Join(nonEmpty(sections), "\n\n")
	if body == "" {
		body = v.t(i18n.ViewNewsNothing)
	}
	head := lines(v.t(i18n.ViewNewsTitle, "since", i18n.Safe(v.sinceText())), v.who())
	return head + "\n\n" + body, v.newsButtons(), nil
}

// newsFrom is the first day the News view covers, in the school's zone.
func (v *view) newsFrom() diary.Date {
	if v.a.Since.IsZero() {
		return v.today.AddDays(-newsDefault)
	}
	return diary.DateIn(v.a.Since, v.school.Location())
}

// sinceText writes when the view counts from: «20 окт, 18:05», or the day.
func (v *view) sinceText() string {
	if v.a.Since.IsZero() {
		return i18n.DayMonthShort(v.lang, v.newsFrom())
	}
	at := v.a.Since.In(v.school.Location())
	return i18n.DayMonthShort(v.lang, v.newsFrom()) + ", " + at.Format("15:04")
}

// newGrades returns the grades of the current period put since a.Since
// (or dated since the first day covered, without it).
func (v *view) newGrades() ([]diary.Grade, error) {
	c, err := v.choosePeriod()
	if err != nil || !c.ok {
		return nil, err
	}
	d, err := v.st.StudentDiary(v.ctx, v.student.ID, c.period.ID)
	if err != nil {
		return nil, fmt.Errorf("diary: %w", err)
	}
	var out []diary.Grade
	for _, sd := range d.Subjects {
		for _, g := range sd.Grades {
			if v.isNew(g) {
				out = append(out, g)
			}
		}
	}
	slices.SortStableFunc(out, func(a, b diary.Grade) int { return a.Date.Compare(b.Date) })
	return out, nil
}

// isNew reports whether grade g, of a day up to today, came after a.Since.
func (v *view) isNew(g diary.Grade) bool {
	if g.Date.After(v.today) {
		return false
	}
	if v.a.Since.IsZero() || g.UpdatedAt.IsZero() {
		return !g.Date.Before(v.newsFrom())
	}
	return g.UpdatedAt.After(v.a.Since)
}

// newsGrades writes the new grades: «17 окт · Алгебра: <b>5</b> (×2)».
func (v *view) newsGrades(grades []diary.Grade, subjects map[int64]diary.Subject) string {
	out := make([]string, len(grades))
	for i, g := range grades {
		out[i] = v.t(i18n.ViewNewsGrade, "date", i18n.Safe(i18n.DayMonthShort(v.lang, g.Date)),
			"subject", subjectName(subjects, g.SubjectID), "mark", i18n.Safe(compactMark(v.lang, g)))
	}
	return lines(out...)
}

// newsHomework writes the class homework set at the lessons covered.
func (v *view) newsHomework(lessons []diary.Lesson, subjects map[int64]diary.Subject) string {
	var out []string
	for _, l := range lessons {
		if strings.TrimSpace(l.Homework) != "" {
			out = append(out, v.t(i18n.ViewHomeworkLine, "subject", subjectName(subjects, l.SubjectID), "text", l.Homework))
		}
	}
	return lines(out...)
}

// newsSection writes a titled section, "" when it has nothing.
func (v *view) newsSection(title i18n.Key, body string) string {
	if body == "" {
		return ""
	}
	return v.t(title) + "\n" + body
}

// nonEmpty drops the empty strings.
func nonEmpty(parts []string) []string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}

// newsButtons lead to the grades and to tomorrow.
func (v *view) newsButtons() [][]Button {
	return [][]Button{{
		{Label: v.plain(i18n.MenuGrades), Action: Action{View: Grades, StudentID: v.student.ID}},
		{Label: v.plain(i18n.MenuTomorrow), Action: Action{View: Tomorrow, StudentID: v.student.ID}},
	}}
}
