package views

import (
	"fmt"
	"strings"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/i18n"
)

// timetable writes the student's lessons of a day or a week: the number, the
// subject and the topic of each, or why a day has none.
func (v *view) timetable() (string, [][]Button, error) {
	s, err := v.span()
	if err != nil {
		return "", nil, err
	}
	lessons, err := v.st.StudentLessons(v.ctx, v.student.ID, s.from, s.to)
	if err != nil {
		return "", nil, fmt.Errorf("lessons: %w", err)
	}
	off, err := v.daysOff(s)
	if err != nil {
		return "", nil, err
	}
	subjects, err := v.subjectNames()
	if err != nil {
		return "", nil, err
	}
	byDay := map[diary.Date][]diary.Lesson{}
	has := map[diary.Date]bool{}
	for _, l := range lessons {
		byDay[l.Date] = append(byDay[l.Date], l)
		has[l.Date] = true
	}
	var blocks []string
	for _, d := range s.days(has) {
		blocks = append(blocks, v.timetableDay(d, byDay[d], off, subjects))
	}
	text := lines(v.t(i18n.ViewTimetableTitle), v.who()) + "\n\n" + strings.Join(blocks, "\n\n")
	return text, v.spanButtons(Timetable, s), nil
}

// timetableDay writes one day of the timetable.
func (v *view) timetableDay(d diary.Date, lessons []diary.Lesson, off []diary.DayOff, subjects map[int64]diary.Subject) string {
	if len(lessons) == 0 {
		if why := v.offReason(d, off); why != "" {
			return v.dayHeader(d, why)
		}
		return lines(v.dayHeader(d, ""), v.t(i18n.EmptyTimetable))
	}
	out := []string{v.dayHeader(d, "")}
	for _, l := range lessons {
		name := subjectName(subjects, l.SubjectID)
		if l.Topic == "" {
			out = append(out, v.t(i18n.ViewLesson, "number", l.Number, "subject", name))
			continue
		}
		out = append(out, v.t(i18n.ViewLessonTopic, "number", l.Number, "subject", name, "topic", l.Topic))
	}
	return lines(out...)
}
