package views

import (
	"fmt"
	"slices"
	"strings"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/i18n"
)

// grades writes the first screen of a period's grades, one line a subject:
// its weighted average, the expected (or the set) period grade and the
// trend of its last marks; the marks themselves are in the subject's view,
// one button a subject. Subjects without marks are named at the end.
func (v *view) grades() (string, [][]Button, error) {
	c, err := v.choosePeriod()
	if err != nil || !c.ok {
		return v.noPeriods(), nil, err
	}
	d, err := v.st.StudentDiary(v.ctx, v.student.ID, c.period.ID)
	if err != nil {
		return "", nil, fmt.Errorf("diary: %w", err)
	}
	var items, empty []string
	var subjects []Button
	for _, sd := range d.Subjects {
		if len(sd.Grades) == 0 && sd.Final == nil && sd.Expected == nil {
			empty = append(empty, sd.Subject.Name)
			continue
		}
		items = append(items, v.subjectLine(sd))
		subjects = append(subjects, v.subjectButton(sd.Subject, c.period.ID))
	}
	body := v.t(i18n.EmptyGrades)
	if len(items) > 0 {
		body = strings.Join(items, "\n") + "\n\n" + v.t(i18n.ViewGradesLegend)
	}
	if len(empty) > 0 {
		body += "\n" + v.t(i18n.ViewNoGradesYet, "subjects", strings.Join(empty, ", "))
	}
	text := lines(v.t(i18n.ViewGradesTitle, "period", c.period.Name), v.who(), c.note) + "\n\n" + body
	return text, rows(pairs(subjects), v.periodButtons(c, Grades)), nil
}

// subjectLine writes one subject of the grades' first screen:
// «<b>Математика</b> — 3,67 · ожид. 4 ↑», «… · за период: <b>4</b>».
func (v *view) subjectLine(sd diary.SubjectDiary) string {
	s := "<b>" + string(i18n.Escape(sd.Subject.Name)) + "</b>"
	if !sd.Aggregate.Empty() {
		s += " — " + i18n.Average(v.lang, sd.Aggregate)
	} else if len(sd.Grades) > 0 && sd.Final == nil {
		s += " — " + compactMark(v.lang, sd.Grades[len(sd.Grades)-1])
	}
	if sd.Final != nil {
		s += " · " + v.t(i18n.ViewTermGrade, "grade", i18n.Safe(finalMark(v.lang, *sd.Final)))
	} else if e, teacher := v.expected(sd); e != 0 {
		s += " · " + v.t(i18n.ViewExpectedShort, "grade", e)
		if teacher {
			s += " " + v.t(i18n.ViewByTeacher)
		}
	}
	if arrow := trend(sd.Grades); arrow != "" {
		s += " " + arrow
	}
	return s
}

// trendLast is how many of the last numeric marks make a subject's trend.
const trendLast = 3

// trend compares the weighted mean of a subject's last trendLast numeric
// marks with that of the earlier ones: «↑» a quarter of a point or more
// above, «↓» as much below, «→» about the same; "" with too few marks.
func trend(grades []diary.Grade) string {
	var num []diary.Grade
	for _, g := range grades {
		if g.Numeric() && g.Weight > 0 {
			num = append(num, g)
		}
	}
	if len(num) <= trendLast {
		return ""
	}
	lastSum, lastW := weighted(num[len(num)-trendLast:])
	prevSum, prevW := weighted(num[:len(num)-trendLast])
	diff := 4 * (lastSum*prevW - prevSum*lastW) // 4·(last−prev)·lastW·prevW
	switch {
	case diff >= lastW*prevW:
		return "↑"
	case -diff >= lastW*prevW:
		return "↓"
	}
	return "→"
}

// weighted returns Σ weight·value and Σ weight of grades.
func weighted(grades []diary.Grade) (sum, weights int64) {
	for _, g := range grades {
		sum += int64(g.Weight) * int64(g.Value)
		weights += int64(g.Weight)
	}
	return sum, weights
}

// expected returns the expected period grade of a subject: the teacher's
// when set (teacher true), else the average rounded by the school's rule;
// 0 when there is neither.
func (v *view) expected(sd diary.SubjectDiary) (grade int, teacher bool) {
	if sd.Expected != nil && sd.Expected.Value > 0 {
		return sd.Expected.Value, true
	}
	e, _ := diary.ExpectedFromAverage(sd.Aggregate, v.school.RoundUpFrom)
	return e, false
}

// subjectButton opens one subject of a period in detail.
func (v *view) subjectButton(s diary.Subject, periodID int64) Button {
	label := s.Short
	if label == "" {
		label = s.Name
	}
	return Button{Label: label, Action: Action{View: SubjectDetail, StudentID: v.student.ID, PeriodID: periodID, SubjectID: s.ID}}
}

// pairs lays buttons out two a row.
func pairs(bs []Button) [][]Button {
	var out [][]Button
	for i := 0; i < len(bs); i += 2 {
		out = append(out, bs[i:min(i+2, len(bs))])
	}
	return out
}

// noPeriods is the text of a view that needs a period when the student's
// level has none.
func (v *view) noPeriods() string {
	return lines(v.who(), "", v.t(i18n.EmptyPeriods))
}

// subject writes one subject of a period mark by mark: the date, the mark,
// the work and its weight, what the work was; then the average, the expected
// and the period grade.
func (v *view) subject() (string, [][]Button, error) {
	sub, err := v.st.Subject(v.ctx, v.a.SubjectID)
	if err != nil || sub.SchoolID != v.school.ID {
		return "", nil, fmt.Errorf("subject %d: %w", v.a.SubjectID, notFound(err))
	}
	c, err := v.choosePeriod()
	if err != nil || !c.ok {
		return v.noPeriods(), nil, err
	}
	d, err := v.st.StudentDiary(v.ctx, v.student.ID, c.period.ID)
	if err != nil {
		return "", nil, fmt.Errorf("diary: %w", err)
	}
	sd := diary.SubjectDiary{Subject: sub}
	for _, x := range d.Subjects {
		if x.Subject.ID == sub.ID {
			sd = x
		}
	}
	head := lines(v.t(i18n.ViewSubjectTitle, "subject", sub.Name, "period", c.period.Name), v.who(), c.note)
	back := []Button{{Label: v.plain(i18n.BtnViewAllGrades), Action: Action{View: Grades, StudentID: v.student.ID, PeriodID: c.period.ID}}}
	return head + "\n\n" + v.subjectBody(sd), rows(nil, v.periodButtons(c, SubjectDetail), back), nil
}

// subjectBody writes the marks of one subject and its summary.
func (v *view) subjectBody(sd diary.SubjectDiary) string {
	if len(sd.Grades) == 0 && sd.Final == nil && sd.Expected == nil {
		return v.t(i18n.EmptyGrades)
	}
	marks := make([]string, len(sd.Grades))
	for i, g := range sd.Grades {
		marks[i] = v.gradeLine(g)
	}
	summary := lines(v.summary(sd)...)
	if slices.ContainsFunc(sd.Grades, weighs) {
		summary = lines(summary, v.t(i18n.ViewWeightLegend))
	}
	if len(marks) == 0 || summary == "" {
		return lines(strings.Join(marks, "\n"), summary)
	}
	return strings.Join(marks, "\n") + "\n\n" + summary
}

// weighs reports whether a grade counts with a weight other than 1.
func weighs(g diary.Grade) bool {
	return g.Numeric() && g.Weight != diary.WeightOne && g.Weight > 0
}

// gradeLine writes one mark: «12 окт · <b>5</b> (×2) · контрольная работа — Дроби».
func (v *view) gradeLine(g diary.Grade) string {
	s := i18n.DayMonthShort(v.lang, g.Date) + " · <b>" + gradeMark(v.lang, g) + "</b>"
	if weighs(g) {
		s += " " + v.t(i18n.ViewWeight, "weight", i18n.Hundredths(g.Weight))
	}
	if g.WorkType != "" {
		s += " · " + string(i18n.Escape(g.WorkType))
	}
	if g.Description != "" {
		s += " — " + string(i18n.Escape(g.Description))
	}
	return s
}

// summary writes a subject's average, expected grade (with the teacher's
// reason) and period grade, each on its own line.
func (v *view) summary(sd diary.SubjectDiary) []string {
	var out []string
	if !sd.Aggregate.Empty() {
		out = append(out, v.t(i18n.ViewAverageLine, "average", sd.Aggregate, "n", sd.Aggregate.Count))
	}
	auto, hasAuto := diary.ExpectedFromAverage(sd.Aggregate, v.school.RoundUpFrom)
	switch {
	case sd.Expected != nil && sd.Expected.Value > 0:
		autoText := diary.NoValue
		if hasAuto {
			autoText = fmt.Sprint(auto)
		}
		out = append(out, v.t(i18n.ViewTeacherLine, "grade", sd.Expected.Value, "auto", autoText))
		if sd.Expected.Reason != "" {
			out = append(out, v.t(i18n.ViewReason, "reason", sd.Expected.Reason))
		}
	case hasAuto && sd.Final == nil:
		out = append(out, v.t(i18n.ViewExpectedLine, "grade", auto))
	}
	if sd.Final != nil {
		out = append(out, v.t(i18n.ViewTermGradeLine, "grade", i18n.Safe(finalMark(v.lang, *sd.Final))))
	}
	return out
}

// notFound returns err, or diary.ErrNotFound when err is nil (a record of
// another school).
func notFound(err error) error {
	if err == nil {
		return diary.ErrNotFound
	}
	return err
}
