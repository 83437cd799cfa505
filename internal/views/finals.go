package views

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/i18n"
)

// finalKindOrder orders a subject's grades of a year: its periods' first
// (by period start), then the year's, the exam's and the final one.
var finalKindOrder = map[diary.FinalKind]int{diary.FinalPeriod: 0, diary.FinalYear: 1, diary.FinalExam: 2, diary.FinalFinal: 3}

// finalKindKeys are the labels of the grades that are not a period's.
var finalKindKeys = map[diary.FinalKind]i18n.Key{
	diary.FinalYear: i18n.ViewFinalYear, diary.FinalExam: i18n.ViewFinalExam, diary.FinalFinal: i18n.ViewFinalFinal,
}

// finals writes the period, year, exam and final grades of the year, a
// subject a line: «<b>Математика</b>: 1 четверть <b>4</b> · год <b>5</b>».
func (v *view) finals() (string, [][]Button, error) {
	y, ok, err := v.year()
	if err != nil || !ok {
		return v.noPeriods(), nil, err
	}
	fs, err := v.st.FinalGrades(v.ctx, v.student.ID, y.ID)
	if err != nil {
		return "", nil, fmt.Errorf("final grades: %w", err)
	}
	periods, err := v.st.Periods(v.ctx, v.school.ID, y.ID)
	if err != nil {
		return "", nil, fmt.Errorf("periods: %w", err)
	}
	subjects, err := v.subjectNames()
	if err != nil {
		return "", nil, err
	}
	head := lines(v.t(i18n.ViewFinalsTitle, "year", y.Name), v.who())
	if len(fs) == 0 {
		return head + "\n\n" + v.t(i18n.EmptyFinal), nil, nil
	}
	return head + "\n\n" + v.finalBlocks(fs, periods, subjects), nil, nil
}

// finalBlocks writes the grades by subject name.
func (v *view) finalBlocks(fs []diary.FinalGrade, periods []diary.Period, subjects map[int64]diary.Subject) string {
	byID := make(map[int64]diary.Period, len(periods))
	for _, p := range periods {
		byID[p.ID] = p
	}
	fs = slices.Clone(fs)
	slices.SortStableFunc(fs, func(a, b diary.FinalGrade) int {
		return cmp.Or(strings.Compare(subjectName(subjects, a.SubjectID), subjectName(subjects, b.SubjectID)),
			cmp.Compare(a.SubjectID, b.SubjectID), cmp.Compare(finalKindOrder[a.Kind], finalKindOrder[b.Kind]),
			byID[a.PeriodID].Start.Compare(byID[b.PeriodID].Start))
	})
	var blocks, items []string
	for i, f := range fs {
		items = append(items, v.t(i18n.ViewFinalItem, "label", v.finalLabel(f, byID), "grade", i18n.Safe(finalMark(v.lang, f))))
		if i+1 == len(fs) || fs[i+1].SubjectID != f.SubjectID {
			name := "<b>" + string(i18n.Escape(subjectName(subjects, f.SubjectID))) + "</b>"
			blocks = append(blocks, name+": "+strings.Join(items, " · "))
			items = nil
		}
	}
	return strings.Join(blocks, "\n")
}

// finalLabel names what a final grade is for: the period's name, «год» …
func (v *view) finalLabel(f diary.FinalGrade, periods map[int64]diary.Period) i18n.Safe {
	if key, ok := finalKindKeys[f.Kind]; ok {
		return i18n.Safe(v.t(key))
	}
	if p, ok := periods[f.PeriodID]; ok {
		return i18n.Escape(p.Name)
	}
	return i18n.Escape(string(f.Kind))
}
