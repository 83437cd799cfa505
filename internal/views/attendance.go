package views

import (
	"fmt"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/i18n"
)

// attendance writes the lessons a student missed in a period: the total,
// the count of each kind of mark, and the marks by date.
func (v *view) attendance() (string, [][]Button, error) {
	c, err := v.choosePeriod()
	if err != nil || !c.ok {
		return v.noPeriods(), nil, err
	}
	marks, err := v.st.Attendance(v.ctx, v.student.ID, c.period.Start, c.period.End)
	if err != nil {
		return "", nil, fmt.Errorf("attendance: %w", err)
	}
	subjects, err := v.subjectNames()
	if err != nil {
		return "", nil, err
	}
	head := lines(v.t(i18n.ViewAttendanceTitle, "period", c.period.Name), v.who(), c.note)
	body := v.t(i18n.EmptyAttendance)
	if len(marks) > 0 {
		body = lines(v.attendanceCounts(marks), "", v.t(i18n.ViewByDate), v.attendanceList(marks, subjects))
	}
	return head + "\n\n" + body, rows(nil, v.periodButtons(c, Attendance)), nil
}

// attendanceCounts writes the total of missed lessons and a line for each
// kind of mark present: «• по болезни: 2 урока», «• опоздания: 1 раз».
func (v *view) attendanceCounts(marks []diary.Attendance) string {
	count := map[string]int{}
	for _, m := range marks {
		count[m.Mark]++
	}
	missed := len(marks) - count[diary.Late]
	out := []string{v.t(i18n.ViewMissedTotal, "n", missed)}
	for _, k := range attendanceKinds {
		n := count[k.mark]
		if n == 0 {
			continue
		}
		unit := i18n.N(v.lang, i18n.Lessons, n)
		if k.mark == diary.Late {
			unit = i18n.N(v.lang, i18n.ViewTimes, n)
		}
		out = append(out, v.t(i18n.ViewMissedLine, "kind", i18n.Safe(v.t(k.kind)), "count", i18n.Safe(unit)))
	}
	return lines(out...)
}

// attendanceList writes each mark: «8 сен · Математика · н».
func (v *view) attendanceList(marks []diary.Attendance, subjects map[int64]diary.Subject) string {
	out := make([]string, len(marks))
	for i, m := range marks {
		out[i] = v.t(i18n.ViewAttendanceEntry, "date", i18n.Safe(i18n.DayMonthShort(v.lang, m.Date)),
			"subject", subjectName(subjects, m.SubjectID), "mark", i18n.Safe(attendanceCode(v.lang, m.Mark)))
	}
	return lines(out...)
}
