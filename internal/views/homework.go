package views

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/i18n"
)

// How far around the days shown homework is looked for: a lesson's class
// homework is due at the next lesson of its subject (and group), which may
// come after a vacation.
const (
	homeworkBack  = 28
	homeworkAhead = 21
)

// hwItem is one piece of homework due on a day.
type hwItem struct {
	due     diary.Date
	number  int // the lesson number it is due at, for the order in the day
	own     bool
	subject int64
	key     i18n.Key
	text    string
}

// homework writes the homework due on the days of the action, grouped by
// day: the class homework given at the lessons the student attends (due at
// the subject's next lesson; at the next school day, marked so, when that
// lesson is not in the journal yet) and the student's individual
// assignments (due on their date).
func (v *view) homework() (string, [][]Button, error) {
	s, err := v.span()
	if err != nil {
		return "", nil, err
	}
	lessons, off, subjects, err := v.homeworkFrame(s)
	if err != nil {
		return "", nil, err
	}
	own, err := v.st.Homework(v.ctx, v.student.ID, s.from, s.to)
	if err != nil {
		return "", nil, fmt.Errorf("homework: %w", err)
	}
	items := append(v.classHomework(lessons, s, off), ownHomework(own, lessons)...)
	return v.homeworkText(s, items, off, subjects), v.spanButtons(Homework, s), nil
}

// classHomework returns the class homework due within s.
func (v *view) classHomework(lessons []diary.Lesson, s span, off []diary.DayOff) []hwItem {
	cal := diary.NewCalendar(v.school, nil, off)
	var out []hwItem
	for i, l := range lessons {
		if strings.TrimSpace(l.Homework) == "" {
			continue
		}
		it := hwItem{subject: l.SubjectID, key: i18n.ViewHomeworkLine, text: l.Homework}
		if next, ok := nextLesson(lessons, i); ok {
			it.due, it.number = next.Date, next.Number
		} else {
			it.due, it.number, it.key = cal.AddSchoolDays(l.Date, 1, v.level()), 0, i18n.ViewHomeworkNext
		}
		if it.due.Within(s.from, s.to) {
			out = append(out, it)
		}
	}
	return out
}

// nextLesson returns the first lesson after lessons[i]'s day of the same
// subject and group; lessons are by date and number.
func nextLesson(lessons []diary.Lesson, i int) (diary.Lesson, bool) {
	l := lessons[i]
	for _, n := range lessons[i+1:] {
		if n.Date.After(l.Date) && n.SubjectID == l.SubjectID && n.GroupID == l.GroupID {
			return n, true
		}
	}
	return diary.Lesson{}, false
}

// ownHomework returns the individual assignments as items, each placed at
// the student's lesson of its subject on its day when there is one.
func ownHomework(hw []diary.Homework, lessons []diary.Lesson) []hwItem {
	out := make([]hwItem, 0, len(hw))
	for _, h := range hw {
		it := hwItem{due: h.Date, number: 99, own: true, subject: h.SubjectID, key: i18n.ViewHomeworkOwn, text: h.Text}
		for _, l := range lessons {
			if l.Date == h.Date && l.SubjectID == h.SubjectID {
				it.number = l.Number
				break
			}
		}
		out = append(out, it)
	}
	return out
}

// homeworkText writes the homework of each day of s.
func (v *view) homeworkText(s span, items []hwItem, off []diary.DayOff, subjects map[int64]diary.Subject) string {
	slices.SortStableFunc(items, func(a, b hwItem) int {
		return cmp.Or(a.due.Compare(b.due), cmp.Compare(a.number, b.number), compareBool(a.own, b.own))
	})
	byDay := map[diary.Date][]hwItem{}
	has := map[diary.Date]bool{}
	for _, it := range items {
		byDay[it.due] = append(byDay[it.due], it)
		has[it.due] = true
	}
	var blocks []string
	for _, d := range s.days(has) {
		blocks = append(blocks, v.homeworkDay(d, byDay[d], off, subjects))
	}
	return lines(v.t(i18n.ViewHomeworkTitle), v.who()) + "\n\n" + strings.Join(blocks, "\n\n")
}

// homeworkDay writes the homework due on one day.
func (v *view) homeworkDay(d diary.Date, items []hwItem, off []diary.DayOff, subjects map[int64]diary.Subject) string {
	if len(items) == 0 {
		if why := v.offReason(d, off); why != "" {
			return v.dayHeader(d, why)
		}
		return lines(v.dayHeader(d, ""), v.t(i18n.EmptyHomework))
	}
	out := []string{v.dayHeader(d, "")}
	for _, it := range items {
		out = append(out, v.t(it.key, "subject", subjectName(subjects, it.subject), "text", it.text))
	}
	return lines(out...)
}

// compareBool orders false before true.
func compareBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case !a:
		return -1
	}
	return 1
}

// homeworkFrame reads what placing homework on the days of s needs: the
// student's lessons from homeworkBack days before s to homeworkAhead after
// (a lesson's homework is due at the subject's next lesson), the days off
// of that span and the subjects by id.
func (v *view) homeworkFrame(s span) ([]diary.Lesson, []diary.DayOff, map[int64]diary.Subject, error) {
	wide := span{from: s.from.AddDays(-homeworkBack), to: s.to.AddDays(homeworkAhead)}
	lessons, err := v.st.StudentLessons(v.ctx, v.student.ID, wide.from, wide.to)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("lessons: %w", err)
	}
	off, err := v.daysOff(wide)
	if err != nil {
		return nil, nil, nil, err
	}
	subjects, err := v.subjectNames()
	return lessons, off, subjects, err
}
