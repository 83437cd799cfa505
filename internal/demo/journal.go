package demo

import (
	"fmt"
	"math/rand/v2"
	"strconv"

	"github.com/schooldiary/diary/internal/diary"
)

// Day statuses of a pupil: present, or away for the whole day.
const (
	here    int8 = iota
	sick         // «б»
	excused      // «у»
	leave        // «п», away on the parents' request
)

// Rates of absences: a day's chance to fall ill (for 2–7 school days), to be
// away with a reason or on request, and a lesson's chance of a truancy or
// of being late (more often to the first lesson).
const (
	illStart     = 0.008
	excusedDay   = 0.002
	leaveDay     = 0.001
	truancy      = 0.003
	lateFirst    = 0.015
	lateLater    = 0.003
	submitShare  = 0.95 // share of present students marked for a whole-class work
	riskHomework = 0.15 // chance an at-risk student gets an assignment at a lesson
)

// tally sums a pupil's marks in one subject and period.
type tally struct {
	sum, weights int32
	n, pass      int16
}

// classGen generates the journal of one class.
type classGen struct {
	g       *generator
	p       *schoolPlan
	c       *classPlan
	bb      *builder
	pupils  []pupil
	members [3][]int // pupil indices of the whole class and of groups 1 and 2
	hours   []int    // weekly hours per subject
	ordinal []int    // lessons so far per subject*3+group
	status  []int8   // today's status per pupil
	present []int    // scratch: pupils at the current lesson
	acc     [][]tally
	days    []dayInfo
}

// lessonCtx is one lesson being generated.
type lessonCtx struct {
	di, num, s, grp, k int
	ext, topic         string
	teacher, work      string
	whole              bool
}

// classBatch returns the batch of class ci: its students, groups, the
// guardians of families whose last child it holds, and its journal.
func (g *generator) classBatch(p *schoolPlan, ci int) *diary.Batch {
	c := &p.classes[ci]
	bb := g.newBuilder(p, "demo:"+p.code+"/"+c.ext)
	cg := &classGen{g: g, p: p, c: c, bb: bb, days: g.days[c.level],
		hours: make([]int, len(subjects)), ordinal: make([]int, len(subjects)*3)}
	cg.pupils = g.students(bb, p, c)
	g.groups(bb, c, cg.pupils)
	g.guardians(bb, p, c)
	cg.prepare()
	cg.reserve()
	cg.journal()
	cg.weekly()
	cg.finals()
	return bb.b
}

// prepare fills the class's hours, group members and tallies.
func (cg *classGen) prepare() {
	for _, h := range curriculum[cg.c.level] {
		cg.hours[h.subj] = h.n
	}
	for i, pu := range cg.pupils {
		cg.members[0] = append(cg.members[0], i)
		if pu.group > 0 {
			cg.members[pu.group] = append(cg.members[pu.group], i)
		}
	}
	cg.status = make([]int8, len(cg.pupils))
	cg.acc = make([][]tally, len(cg.g.cal.periods))
	for i := range cg.acc {
		cg.acc[i] = make([]tally, len(cg.pupils)*len(subjects))
	}
}

// reserve sizes the batch's slices for the lessons up to the horizon and
// the marks expected with them, so appending seldom copies.
func (cg *classGen) reserve() {
	lessons := 0
	for _, day := range cg.days {
		if day.date.After(cg.g.horizon) {
			break
		}
		if day.period >= 0 {
			lessons += len(cg.c.timetable[day.weekday]) + 1
		}
	}
	b, n := cg.bb.b, len(cg.pupils)
	b.Lessons = make([]diary.LessonIn, 0, lessons)
	b.Grades = make([]diary.GradeIn, 0, lessons*n/4+16)
	b.Attendance = make([]diary.AttendanceIn, 0, lessons*n/20+16)
}

// journal walks the school days up to the horizon and makes every lesson;
// marks only up to Until. Text and marks use separate random streams so a
// later Until does not change the lessons already planned.
func (cg *classGen) journal() {
	g := cg.g
	for di, day := range cg.days {
		if day.date.After(g.horizon) {
			break
		}
		if day.period < 0 {
			continue
		}
		key := []uint64{pDay, uint64(cg.p.idx), uint64(cg.c.idx), uint64(di)}
		text := rngOf(g.opt.Seed, append(key, 0)...)
		var r *rand.Rand
		if !day.date.After(g.opt.Until) {
			r = rngOf(g.opt.Seed, append(key, 1)...)
			cg.dayStatus(r)
		}
		for n, s := range cg.c.timetable[day.weekday] {
			cg.lesson(text, r, di, n+1, int(s))
		}
	}
}

// dayStatus decides who is away for the whole day.
func (cg *classGen) dayStatus(r *rand.Rand) {
	for i := range cg.pupils {
		pu := &cg.pupils[i]
		if pu.ill > 0 {
			pu.ill--
			cg.status[i] = sick
			pu.back = pu.ill == 0
			continue
		}
		switch u := r.Float64(); {
		case u < illStart:
			pu.ill, cg.status[i] = 1+r.IntN(6), sick
		case u < illStart+excusedDay:
			cg.status[i] = excused
		case u < illStart+excusedDay+leaveDay:
			cg.status[i] = leave
		default:
			cg.status[i] = here
		}
	}
}

// lesson makes the lesson number num of subject s on day di, one per English
// group in 5–11, and its marks when r is set.
func (cg *classGen) lesson(text, r *rand.Rand, di, num, s int) {
	grps := []int{0}
	if isEnglish(s) && hasGroups(cg.c.level) {
		grps = []int{1, 2}
	}
	for _, grp := range grps {
		cg.ordinal[s*3+grp]++
		l := lessonCtx{di: di, num: num, s: s, grp: grp, k: cg.ordinal[s*3+grp]}
		l.ext = lessonExt(cg.c.ext, cg.days[di].date, num, grp)
		l.topic = topicOf(s, cg.c.level, l.k)
		l.whole, l.work = cg.workOf(s, l.k)
		if t := cg.c.teacherOf(s, grp); t >= 0 {
			l.teacher = cg.p.staff[t].ext
		}
		cg.addLesson(text, l)
		if r != nil {
			cg.marks(r, l)
		}
	}
}

// addLesson adds the lesson record with its topic and class homework.
func (cg *classGen) addLesson(text *rand.Rand, l lessonCtx) {
	topic := l.topic
	if l.whole && l.work == workTest {
		topic = "Контрольная работа по теме «" + l.topic + "»"
	}
	in := diary.LessonIn{Src: cg.bb.src(), ClassRef: cg.c.ext, SubjectRef: subjects[l.s].ext, TeacherRef: l.teacher,
		Lesson: diary.Lesson{ExtID: l.ext, Date: cg.days[l.di].date, Number: l.num, Topic: topic,
			Homework: homeworkOf(text, l.s, cg.c.level, l.k)}}
	if l.grp > 0 {
		in.GroupRef = groupExt(cg.c.ext, l.grp)
	}
	cg.bb.b.Lessons = append(cg.bb.b.Lessons, in)
}

// workOf says whether the k-th lesson of s has a work for the whole class
// and which: every 3rd to 5th lesson by the subject's hours, every third of
// them a test in subjects marked 1–5.
func (cg *classGen) workOf(s, k int) (bool, string) {
	cycle := 5
	switch {
	case subjects[s].grading == passOnly:
		cycle = 4
	case cg.hours[s] == 1:
		cycle = 3
	case cg.hours[s] == 2:
		cycle = 4
	}
	if k%cycle != 0 {
		return false, ""
	}
	if subjects[s].grading == numeric && (k/cycle)%3 == 0 {
		return true, workTest
	}
	return true, subjects[s].work
}

// lessonExt returns "7a-20250901-3", with "-g1" for a group's lesson.
func lessonExt(classExt string, d diary.Date, num, grp int) string {
	b := make([]byte, 0, 24)
	b = append(b, classExt...)
	b = append(b, '-')
	b = strconv.AppendInt(b, int64(d.Year*10000+int(d.Month)*100+d.Day), 10)
	b = append(b, '-')
	b = strconv.AppendInt(b, int64(num), 10)
	if grp > 0 {
		b = append(b, "-g"...)
		b = strconv.AppendInt(b, int64(grp), 10)
	}
	return string(b)
}

// pupilSuffix returns "-05" for the pupil at 0-based position 4.
func pupilSuffix(pos int) string { return fmt.Sprintf("-%02d", pos+1) }
