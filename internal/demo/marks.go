package demo

import (
	"fmt"
	"math/rand/v2"

	"github.com/schooldiary/diary/internal/diary"
)

// marks adds the attendance, individual homework and grades of a lesson.
func (cg *classGen) marks(r *rand.Rand, l lessonCtx) {
	cg.present = cg.present[:0]
	for _, i := range cg.members[l.grp] {
		if m := cg.absence(r, i, l.num); m != "" {
			cg.bb.b.Attendance = append(cg.bb.b.Attendance, diary.AttendanceIn{Src: cg.bb.src(),
				StudentRef: cg.pupils[i].ext, LessonRef: l.ext, Mark: m})
			if m != diary.Late {
				continue
			}
		}
		cg.present = append(cg.present, i)
		cg.individual(r, i, l)
	}
	if cg.c.level == 1 {
		return
	}
	if l.whole {
		for _, i := range cg.present {
			if r.Float64() < submitShare {
				cg.grade(r, i, l, l.work)
			}
		}
		return
	}
	if subjects[l.s].grading != passOnly {
		cg.oral(r, l)
	}
}

// absence returns the pupil's attendance mark at lesson num, "" when present.
func (cg *classGen) absence(r *rand.Rand, i, num int) string {
	switch cg.status[i] {
	case sick:
		return diary.Ill
	case excused:
		return diary.Excused
	case leave:
		return diary.Pass
	}
	late := lateLater
	if num == 1 {
		late = lateFirst
	}
	switch x := r.Float64(); {
	case x < truancy:
		return diary.Absent
	case x < truancy+late:
		return diary.Late
	}
	return ""
}

// oral marks a few present pupils for answers and homework: about a tenth
// of the class at a lesson of a subject with 3+ hours, a fifth with 1 hour.
func (cg *classGen) oral(r *rand.Rand, l lessonCtx) {
	frac := 0.10
	switch cg.hours[l.s] {
	case 1:
		frac = 0.20
	case 2:
		frac = 0.14
	}
	n := min(len(cg.present), int(float64(len(cg.present))*frac+r.Float64()))
	for j := range n {
		k := j + r.IntN(len(cg.present)-j)
		cg.present[j], cg.present[k] = cg.present[k], cg.present[j]
		cg.grade(r, cg.present[j], l, oralWork(r, l.s))
	}
}

// oralWork picks the kind of a mark that is not for a whole-class work.
func oralWork(r *rand.Rand, s int) string {
	ext := subjects[s].ext
	x := r.Float64()
	switch {
	case ext == "pe":
		return workClass
	case (ext == "lit" || ext == "litread") && x < 0.25:
		return workRecite
	case x < 0.6:
		return workOral
	case x < 0.8:
		return workHome
	}
	return workClass
}

// grade adds pupil i's mark for the work at lesson l and counts it.
func (cg *classGen) grade(r *rand.Rand, i int, l lessonCtx, work string) {
	pu := &cg.pupils[i]
	gr := diary.Grade{ExtID: l.ext + pu.suffix, Date: cg.days[l.di].date, WorkType: work,
		Weight: weights[work], Description: l.topic}
	if !score(r, pu, l, &gr) {
		return
	}
	cg.count(i, l, gr)
	cg.bb.b.Grades = append(cg.bb.b.Grades, diary.GradeIn{Src: cg.bb.src(), Grade: gr, StudentRef: pu.ext,
		SubjectRef: subjects[l.s].ext, LessonRef: l.ext, TeacherRef: l.teacher})
}

// score sets the grade's value or mark: «зач» in pass-only subjects and for
// the standards of physical education («незач» rarely, «осв» for the
// exempt), else a mark around the pupil's level. False when the pupil gets
// none (the exempt at an ordinary PE lesson).
func score(r *rand.Rand, pu *pupil, l lessonCtx, gr *diary.Grade) bool {
	switch g := subjects[l.s].grading; {
	case g == passOnly:
		gr.Mark = diary.MarkPass
	case g == physical && pu.peExempt:
		gr.Mark = diary.MarkExempt
		return l.whole
	case g == physical && l.whole:
		gr.Mark = diary.MarkPass
		if r.Float64() < 0.03 {
			gr.Mark = diary.MarkFail
		}
	default:
		sigma := 0.7
		if gr.Weight >= 2*diary.WeightOne {
			sigma = 0.85
		}
		gr.Value = gradeValue(r, float64(pu.mu[l.s]), sigma)
	}
	return true
}

// gradeValue draws a mark around mu: 2 below 2.5, 5 from 4.5, 1 rarely.
func gradeValue(r *rand.Rand, mu, sigma float64) int {
	x := mu + r.NormFloat64()*sigma
	switch {
	case x < 1:
		return 1
	case x < 2.5:
		return 2
	case x >= 4.5:
		return 5
	}
	return int(x + 0.5)
}

// count adds a grade to the pupil's tally of the lesson's period.
func (cg *classGen) count(i int, l lessonCtx, gr diary.Grade) {
	t := &cg.acc[cg.days[l.di].period][i*len(subjects)+l.s]
	if gr.Numeric() {
		t.sum += int32(gr.Weight * gr.Value)
		t.weights += int32(gr.Weight)
		t.n++
	} else if gr.Mark == diary.MarkPass {
		t.pass++
	}
}

// individual gives pupil i an assignment of their own at lesson l: the
// lessons missed when back from an illness, or extra practice in the subject
// an at-risk pupil is failing. It is due at the subject's next lesson.
func (cg *classGen) individual(r *rand.Rand, i int, l lessonCtx) {
	pu := &cg.pupils[i]
	if cg.c.level == 1 || subjects[l.s].hw == hwNone || subjects[l.s].grading != numeric {
		return
	}
	var text string
	switch {
	case pu.back:
		pu.back = false
		text = fmt.Sprintf("Выполнить задания, пропущенные во время болезни, по теме «%s»", l.topic)
	case pu.risk == l.s && r.Float64() < riskHomework:
		text = fmt.Sprintf("Индивидуальное задание: повторить тему «%s», карточка № %d", l.topic, 1+r.IntN(30))
	default:
		return
	}
	due, ok := cg.nextLesson(l.di, l.s)
	if !ok {
		return
	}
	cg.bb.b.Homework = append(cg.bb.b.Homework, diary.HomeworkIn{Src: cg.bb.src(), StudentRef: pu.ext,
		SubjectRef: subjects[l.s].ext, LessonRef: l.ext,
		Homework: diary.Homework{ExtID: "hw-" + l.ext + pu.suffix, Date: due, Text: text}})
}

// nextLesson returns the date of the class's next lesson of s after day di.
func (cg *classGen) nextLesson(di, s int) (diary.Date, bool) {
	for dj := di + 1; dj < len(cg.days); dj++ {
		d := cg.days[dj]
		if d.period < 0 {
			continue
		}
		for _, x := range cg.c.timetable[d.weekday] {
			if int(x) == s {
				return d.date, true
			}
		}
	}
	return diary.Date{}, false
}
