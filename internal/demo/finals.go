package demo

import "github.com/schooldiary/diary/internal/diary"

// finals adds the period grade of every pupil in every subject for each
// period of the class's level that ended by Until, and the year grade once
// the year's lessons are over. First-graders get none.
func (cg *classGen) finals() {
	if cg.c.level == 1 {
		return
	}
	years := cg.periodFinals()
	if cg.g.opt.Until.Before(cg.g.cal.lastDay()) {
		return
	}
	for i := range cg.pupils {
		for _, h := range curriculum[cg.c.level] {
			cg.addFinal(i, h.subj, cg.yearFinal(i, h.subj, years[i*len(subjects)+h.subj]), "")
		}
	}
}

// periodFinals adds the grades of the ended periods and returns the numeric
// ones per pupil*subject.
func (cg *classGen) periodFinals() [][]int {
	years := make([][]int, len(cg.pupils)*len(subjects))
	for pi, per := range cg.g.cal.periods {
		if cg.c.level < per.MinLevel || cg.c.level > per.MaxLevel || per.End.After(cg.g.opt.Until) {
			continue
		}
		for i := range cg.pupils {
			for _, h := range curriculum[cg.c.level] {
				k := i*len(subjects) + h.subj
				f := cg.periodFinal(i, h.subj, cg.acc[pi][k])
				cg.addFinal(i, h.subj, f, per.ExtID)
				if f.Value > 0 {
					years[k] = append(years[k], f.Value)
				}
			}
		}
	}
	return years
}

// periodFinal is the period grade from a tally: the weighted average rounded
// half up, «зач» in pass-only subjects, «осв» for the exempt, else «н/а».
func (cg *classGen) periodFinal(i, s int, t tally) diary.FinalGrade {
	f := diary.FinalGrade{Kind: diary.FinalPeriod}
	switch {
	case t.n > 0:
		f.Value = int((2*t.sum + t.weights) / (2 * t.weights))
	case subjects[s].grading == physical && cg.pupils[i].peExempt:
		f.Mark = diary.MarkExempt
	case t.pass > 0:
		f.Mark = diary.MarkPass
	default:
		f.Mark = diary.MarkNotGraded
	}
	return f
}

// yearFinal is the year grade: the rounded mean of the numeric period grades.
func (cg *classGen) yearFinal(i, s int, vals []int) diary.FinalGrade {
	f := diary.FinalGrade{Kind: diary.FinalYear}
	if len(vals) == 0 {
		f.Mark = cg.periodFinal(i, s, tally{pass: int16(btoi(subjects[s].grading == passOnly))}).Mark
		return f
	}
	sum := 0
	for _, v := range vals {
		sum += v
	}
	f.Value = (2*sum + len(vals)) / (2 * len(vals))
	return f
}

// addFinal adds a final grade of pupil i in subject s.
func (cg *classGen) addFinal(i, s int, f diary.FinalGrade, periodRef string) {
	cg.bb.b.Finals = append(cg.bb.b.Finals, diary.FinalIn{Src: cg.bb.src(), Final: f,
		StudentRef: cg.pupils[i].ext, SubjectRef: subjects[s].ext,
		YearRef: cg.g.cal.year.Name, PeriodRef: periodRef})
}
