package views

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/i18n"
)

// attendance writes the lessons a student missed in a period: first the
// total and a line a subject with its marks counted, and the legend of the
// marks; with Span SpanDates the marks by date instead. A button switches
// between the two.
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
	if len(marks) == 0 {
		return head + "\n\n" + v.t(i18n.EmptyAttendance), rows(nil, v.periodButtons(c, Attendance)), nil
	}
	dates := v.a.Span == SpanDates
	body := v.attendanceTotal(marks) + "\n\n" + v.attendanceBySubject(marks, subjects)
	if dates {
		body = lines(v.t(i18n.ViewByDate), v.attendanceList(marks, subjects))
	}
	body += "\n\n" + v.attendanceLegend()
	return head + "\n\n" + body, rows(nil, v.attendanceSwitch(c, dates), v.periodButtons(c, Attendance)), nil
}

// attendanceSwitch is the button between the counts and the list by date.
func (v *view) attendanceSwitch(c periodChoice, dates bool) []Button {
	a := Action{View: Attendance, StudentID: v.student.ID, PeriodID: c.period.ID}
	if dates {
		return []Button{{Label: v.plain(i18n.BtnAttendanceBySubject), Action: a}}
	}
	a.Span = SpanDates
	return []Button{{Label: v.plain(i18n.BtnAttendanceByDate), Action: a}}
}

// attendanceTotal writes the missed lessons (lateness is not missing) and
// the times late: «Пропущено: <b>3 урока</b>, опозданий: 1».
func (v *view) attendanceTotal(marks []diary.Attendance) string {
	late := 0
	for _, m := range marks {
		if m.Mark == diary.Late {
			late++
		}
	}
	total := v.t(i18n.ViewMissedTotal, "n", len(marks)-late)
	if late > 0 {
		total += " · " + v.t(i18n.ViewLateTotal, "n", late)
	}
	return total
}

// attendanceBySubject writes a line a subject, most missed first:
// «• Математика: 2 урока (н 1, б 1)».
func (v *view) attendanceBySubject(marks []diary.Attendance, subjects map[int64]diary.Subject) string {
	by := map[int64]map[string]int{}
	for _, m := range marks {
		if by[m.SubjectID] == nil {
			by[m.SubjectID] = map[string]int{}
		}
		by[m.SubjectID][m.Mark]++
	}
	ids := make([]int64, 0, len(by))
	for id := range by {
		ids = append(ids, id)
	}
	missed := func(id int64) int { return sumMarks(by[id]) - by[id][diary.Late] }
	slices.SortFunc(ids, func(a, b int64) int {
		return cmp.Or(cmp.Compare(missed(b), missed(a)), strings.Compare(subjectName(subjects, a), subjectName(subjects, b)))
	})
	out := make([]string, len(ids))
	for i, id := range ids {
		name, marks := subjectName(subjects, id), i18n.Safe(v.markCounts(by[id]))
		out[i] = v.t(i18n.ViewAttendanceLateOnly, "subject", name, "marks", marks)
		if n := missed(id); n > 0 {
			out[i] = v.t(i18n.ViewAttendanceSubject, "subject", name, "count", i18n.Safe(i18n.N(v.lang, i18n.Lessons, n)), "marks", marks)
		}
	}
	return lines(out...)
}

// attendanceLegend explains every attendance mark: «н — без уважительной
// причины · б — по болезни · …».
func (v *view) attendanceLegend() string {
	items := make([]string, len(attendanceKinds))
	for i, k := range attendanceKinds {
		items[i] = v.t(i18n.ViewLegendItem, "code", i18n.Safe(v.t(k.code)), "kind", i18n.Safe(v.t(k.kind)))
	}
	return v.t(i18n.ViewLegend, "items", i18n.Safe(strings.Join(items, " · ")))
}

// sumMarks counts every mark of a subject.
func sumMarks(count map[string]int) int {
	n := 0
	for _, c := range count {
		n += c
	}
	return n
}

// markCounts writes a subject's marks counted, in the legend's order:
// «н 1, б 2».
func (v *view) markCounts(count map[string]int) string {
	var out []string
	for _, k := range attendanceKinds {
		if n := count[k.mark]; n > 0 {
			out = append(out, v.t(k.code)+" "+strconv.Itoa(n))
		}
	}
	return strings.Join(out, ", ")
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
