package demo

import (
	"math/rand/v2"
	"sort"
	"time"

	"github.com/schooldiary/diary/internal/diary"
)

// extraDayOrder is where the days with one lesson more go first: mid-week.
var extraDayOrder = []int{1, 2, 3, 0, 4, 5}

// buildTimetable lays out the weekly hours of level lvl over its school days:
// the days differ by at most one lesson, a subject's lessons are spread over
// different days while possible, and each day's order is shuffled. The result
// is the subject index for each lesson number (0-based), per day (0 Monday).
func buildTimetable(r *rand.Rand, c *classPlan, load [][6]int) [][]int8 {
	days := weekDays(c.level)
	plan := append([]hours(nil), curriculum[c.level]...)
	sort.SliceStable(plan, func(i, j int) bool { return plan[i].n > plan[j].n })
	total := 0
	for _, h := range plan {
		total += h.n
	}
	caps := dayCaps(total, days)
	tt := make([][]int8, days)
	for _, h := range plan {
		for range h.n {
			d := bestDay(r, tt, caps, h.subj, c.dayLoad(h.subj, load))
			tt[d] = append(tt[d], int8(h.subj))
			for _, t := range c.teachersOf(h.subj) {
				load[t][d]++
			}
		}
	}
	for _, day := range tt {
		r.Shuffle(len(day), func(i, j int) { day[i], day[j] = day[j], day[i] })
	}
	return tt
}

// dayCaps splits total lessons over days, the extra ones mid-week first.
func dayCaps(total, days int) []int {
	caps := make([]int, days)
	for d := range caps {
		caps[d] = total / days
	}
	for i, k := 0, 0; i < total%days; k++ {
		if extraDayOrder[k] < days {
			caps[extraDayOrder[k]]++
			i++
		}
	}
	return caps
}

// bestDay picks a day with room for subject s: fewest lessons of s first,
// then the least busy day of its teachers (teacherLoad), then most room
// left, then at random.
func bestDay(r *rand.Rand, tt [][]int8, caps []int, s int, teacherLoad [6]int) int {
	best, bestKey := -1, 0
	for d := range tt {
		room := caps[d] - len(tt[d])
		if room <= 0 {
			continue
		}
		key := count(tt[d], s)*100000 + teacherLoad[d]*1000 - room*100 + r.IntN(100)
		if best < 0 || key < bestKey {
			best, bestKey = d, key
		}
	}
	return best
}

// count returns how many times s occurs in day.
func count(day []int8, s int) int {
	n := 0
	for _, x := range day {
		if int(x) == s {
			n++
		}
	}
	return n
}

// maxLessons bounds the lessons of a day in a busy table.
const maxLessons = 8

// busyTable marks, per staff member, the lesson numbers taken on each day.
type busyTable [][6][maxLessons]bool

// planTimetables builds every class's timetable, class by class, ordering
// each day's lessons so that a teacher already busy at a lesson number in
// another class is avoided where the day allows (a few clashes remain when
// a teacher has more lessons on a day than fit).
func (p *schoolPlan) planTimetables(seed int64) {
	busy, load := make(busyTable, len(p.staff)), make([][6]int, len(p.staff))
	for ci := range p.classes {
		c := &p.classes[ci]
		r := rngOf(seed, pTimetable, uint64(p.idx), uint64(ci))
		c.timetable = buildTimetable(r, c, load)
		for d, day := range c.timetable {
			c.timetable[d] = c.order(r, d, day, busy)
		}
	}
}

// order returns the day's lessons ordered so that as few as possible fall at
// a number where a teacher is busy in another class (a maximum matching of
// lessons to numbers, tried in a random order), and marks its teachers busy.
func (c *classPlan) order(r *rand.Rand, d int, day []int8, busy busyTable) []int8 {
	n := len(day)
	at := make([]int, n) // lesson number → index into day, -1 when empty
	for j := range at {
		at[j] = -1
	}
	var try func(i int, seen []bool) bool
	try = func(i int, seen []bool) bool {
		for _, j := range r.Perm(n) {
			if seen[j] || !c.free(int(day[i]), d, j, busy) {
				continue
			}
			seen[j] = true
			if at[j] < 0 || try(at[j], seen) {
				at[j] = i
				return true
			}
		}
		return false
	}
	placed := make([]bool, n)
	for _, i := range r.Perm(n) {
		placed[i] = try(i, make([]bool, n))
	}
	return c.fill(d, day, at, placed, busy)
}

// fill puts the unplaced lessons into the empty numbers, marks the day's
// teachers busy and returns the day in lesson-number order.
func (c *classPlan) fill(d int, day []int8, at []int, placed []bool, busy busyTable) []int8 {
	next := 0
	for i, ok := range placed {
		if ok {
			continue
		}
		for at[next] >= 0 {
			next++
		}
		at[next] = i
	}
	out := make([]int8, len(day))
	for j, i := range at {
		out[j] = day[i]
		for _, t := range c.teachersOf(int(day[i])) {
			busy[t][d][j] = true
		}
	}
	return out
}

// free reports whether every teacher of subject s is free at lesson j of day d.
func (c *classPlan) free(s, d, j int, busy busyTable) bool {
	for _, t := range c.teachersOf(s) {
		if busy[t][d][j] {
			return false
		}
	}
	return true
}

// teachersOf lists the teachers of subject s in the class: two for English
// in groups, one otherwise.
func (c *classPlan) teachersOf(s int) []int32 {
	var out []int32
	for g := range 3 {
		if t := c.teach[s*3+g]; t >= 0 {
			out = append(out, t)
		}
	}
	return out
}

// dayLoad returns, per day, the most lessons any teacher of s already has.
func (c *classPlan) dayLoad(s int, load [][6]int) [6]int {
	var out [6]int
	for _, t := range c.teachersOf(s) {
		for d := range out {
			out[d] = max(out[d], load[t][d])
		}
	}
	return out
}

// weekly adds the class's weekly timetable (the one its dated lessons
// follow) as timetable slots valid for the whole year, so lessons after the
// horizon are planned too: one slot per English group in 5–11.
func (cg *classGen) weekly() {
	for wd, day := range cg.c.timetable {
		for n, s := range day {
			cg.slots(time.Weekday(wd+1), n+1, int(s))
		}
	}
}

// slots adds the slots of subject s at lesson num on wd.
func (cg *classGen) slots(wd time.Weekday, num, s int) {
	grps := []int{0}
	if isEnglish(s) && hasGroups(cg.c.level) {
		grps = []int{1, 2}
	}
	for _, grp := range grps {
		in := diary.SlotIn{Src: cg.bb.src(), ClassRef: cg.c.ext, SubjectRef: subjects[s].ext,
			Slot: diary.Slot{Weekday: wd, Number: num}}
		if t := cg.c.teacherOf(s, grp); t >= 0 {
			in.TeacherRef = cg.p.staff[t].ext
		}
		if grp > 0 {
			in.GroupRef = groupExt(cg.c.ext, grp)
		}
		cg.bb.b.Timetable = append(cg.bb.b.Timetable, in)
	}
}
