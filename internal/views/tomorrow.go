package views

import (
	"fmt"
	"strings"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/i18n"
)

// lookAhead is how many days after today the Tomorrow view looks for the
// next day with lessons.
const lookAhead = 7

// tomorrow writes the next school day: tomorrow, or the first day with
// lessons after it within a week (saying why tomorrow has none), its
// lessons in order each with the homework due at it, then homework due
// that day at no lesson of it.
func (v *view) tomorrow() (string, [][]Button, error) {
	lessons, off, subjects, err := v.homeworkFrame(span{from: v.today, to: v.today})
	if err != nil {
		return "", nil, err
	}
	day := nextSchoolDay(lessons, v.today)
	own, err := v.st.Homework(v.ctx, v.student.ID, day, day)
	if err != nil {
		return "", nil, fmt.Errorf("homework: %w", err)
	}
	items := append(v.classHomework(lessons, span{from: day, to: day}, off), ownHomework(own, lessons)...)
	text := lines(v.tomorrowTitle(day, off), v.who()) + "\n\n" + v.tomorrowDay(day, lessonsOn(lessons, day), items, off, subjects)
	return text, v.tomorrowButtons(), nil
}

// nextSchoolDay is the first day after today within lookAhead days that
// has lessons; tomorrow when none has.
func nextSchoolDay(lessons []diary.Lesson, today diary.Date) diary.Date {
	for _, l := range lessons {
		if l.Date.After(today) && !l.Date.After(today.AddDays(lookAhead)) {
			return l.Date
		}
	}
	return today.AddDays(1)
}

// lessonsOn returns the lessons of day d, in order.
func lessonsOn(lessons []diary.Lesson, d diary.Date) []diary.Lesson {
	var out []diary.Lesson
	for _, l := range lessons {
		if l.Date == d {
			out = append(out, l)
		}
	}
	return out
}

// tomorrowTitle heads the view: «Завтра», or the next school day with why
// tomorrow has no lessons.
func (v *view) tomorrowTitle(day diary.Date, off []diary.DayOff) string {
	tomorrow := v.today.AddDays(1)
	if day == tomorrow {
		return v.t(i18n.ViewTomorrowTitle)
	}
	why := v.offReason(tomorrow, off)
	if why == "" {
		why = v.t(i18n.EmptyTimetable)
	}
	return lines(v.t(i18n.ViewNextDayTitle), v.t(i18n.ViewTomorrowOff, "what", i18n.Safe(why)))
}

// tomorrowDay writes the day's lessons with their homework beside them.
func (v *view) tomorrowDay(d diary.Date, lessons []diary.Lesson, items []hwItem, off []diary.DayOff, subjects map[int64]diary.Subject) string {
	if len(lessons) == 0 {
		return v.dayHeader(d, v.offReason(d, off))
	}
	out := []string{v.dayHeader(d, "")}
	used := make([]bool, len(items))
	for _, l := range lessons {
		var hw []string
		for i, it := range items {
			if !used[i] && it.subject == l.SubjectID && (it.number == l.Number || it.number == 0 || it.own) {
				hw, used[i] = append(hw, string(i18n.Escape(it.text))), true
			}
		}
		out = append(out, v.lessonWithHomework(l, subjectName(subjects, l.SubjectID), hw))
	}
	for i, it := range items {
		if !used[i] {
			out = append(out, v.t(it.key, "subject", subjectName(subjects, it.subject), "text", it.text))
		}
	}
	return lines(out...)
}

// lessonWithHomework writes «2. Алгебра — № 234, 235», or the lesson with
// «без задания».
func (v *view) lessonWithHomework(l diary.Lesson, subject string, hw []string) string {
	if len(hw) == 0 {
		return v.t(i18n.ViewTomorrowFree, "number", l.Number, "subject", subject)
	}
	return v.t(i18n.ViewTomorrowLesson, "number", l.Number, "subject", subject, "homework", i18n.Safe(strings.Join(hw, "; ")))
}

// tomorrowButtons lead to the week's homework and timetable.
func (v *view) tomorrowButtons() [][]Button {
	return [][]Button{{
		{Label: v.plain(i18n.BtnHomeworkWeek), Action: Action{View: Homework, StudentID: v.student.ID, Span: SpanWeek}},
		{Label: v.plain(i18n.BtnTimetableWeek), Action: Action{View: Timetable, StudentID: v.student.ID, Span: SpanWeek}},
	}}
}
