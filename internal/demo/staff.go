package demo

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/schooldiary/diary/internal/diary"
)

// staffPlan is one employee of a school plan.
type staffPlan struct {
	ext   string
	name  diary.Name
	from  diary.Date
	roles []diary.StaffRoleIn
}

// bundle is what one teacher takes over in one class: the subjects of a
// department for the whole class or one group.
type bundle struct {
	class, group int
	subjects     []int
	hours        int
}

// teacherLoad is the weekly number of lessons a teacher aims at.
const teacherLoad = 24

// planStaff hires the administration, a teacher for every primary class and
// subject teachers by department, then picks class teachers for 5–11.
func (p *schoolPlan) planStaff(g *generator) {
	for _, a := range []struct {
		ext  string
		role diary.StaffRoleIn
	}{
		{DirectorExtID, diary.StaffRoleIn{Role: diary.RoleDirector}},
		{"dep-primary", diary.StaffRoleIn{Role: diary.RoleDeputy, Level: diary.LevelPrimary}},
		{DeputyExtID, diary.StaffRoleIn{Role: diary.RoleDeputy, Level: diary.LevelBasic}},
		{"dep-secondary", diary.StaffRoleIn{Role: diary.RoleDeputy, Level: diary.LevelSecondary}},
		{"jadm", diary.StaffRoleIn{Role: diary.RoleJournalAdmin}},
		{"sysadm", diary.StaffRoleIn{Role: diary.RoleSysAdmin}},
	} {
		p.hire(g, a.ext, a.role)
	}
	for i := range p.classes {
		p.classes[i].teach = make([]int32, len(subjects)*3)
		for j := range p.classes[i].teach {
			p.classes[i].teach[j] = -1
		}
		p.classes[i].classTeach = -1
	}
	p.planTeachers(g)
	p.planClassTeachers()
}

// hire adds an employee with a name, a start date and roles.
func (p *schoolPlan) hire(g *generator, ext string, roles ...diary.StaffRoleIn) int32 {
	idx := len(p.staff)
	r := rngOf(g.opt.Seed, pStaff, uint64(p.idx), uint64(idx))
	female := r.Float64() < 0.8
	s := staffPlan{ext: ext, roles: roles,
		name: person(r, female, r.IntN(len(surnames)), r.IntN(len(maleNames)))}
	years := r.IntN(30)
	s.from = diary.NewDate(g.opt.Year-years, time.August, 15+r.IntN(15))
	p.staff = append(p.staff, s)
	return int32(idx)
}

// levelOrder is the order classes are handed to teachers in: the first
// teacher of every department starts with 7А, so the well-known teachers
// teach the well-known student.
var levelOrder = []int{7, 8, 9, 10, 11, 5, 6, 1, 2, 3, 4}

// planTeachers hires the primary teachers and the subject departments.
func (p *schoolPlan) planTeachers(g *generator) {
	lists, order := map[string][]bundle{}, []string{}
	add := func(dept string, b bundle) {
		if _, ok := lists[dept]; !ok {
			order = append(order, dept)
		}
		l := lists[dept]
		if n := len(l); n > 0 && l[n-1].class == b.class && l[n-1].group == b.group {
			l[n-1].subjects = append(l[n-1].subjects, b.subjects...)
			l[n-1].hours += b.hours
		} else {
			l = append(l, b)
		}
		lists[dept] = l
	}
	for _, lvl := range levelOrder {
		for ci := (lvl - 1) * p.letters; ci < lvl*p.letters; ci++ {
			p.bundlesOf(g, ci, add)
		}
	}
	for _, dept := range order {
		if !strings.HasSuffix(dept, "#2") {
			n := p.allocate(g, dept, 1, lists[dept])
			p.allocate(g, dept, n+1, lists[dept+"#2"])
		}
	}
}

// bundlesOf hands the subjects of class ci to add, by department; primary
// subjects go to the class's own teacher at once.
func (p *schoolPlan) bundlesOf(g *generator, ci int, add func(string, bundle)) {
	c := &p.classes[ci]
	for _, h := range curriculum[c.level] {
		dept := department(h.subj, c.level)
		switch {
		case dept == "prim":
			if c.classTeach < 0 {
				c.classTeach = p.hire(g, "t-prim-"+c.ext, diary.StaffRoleIn{Role: diary.RoleTeacher},
					diary.StaffRoleIn{Role: diary.RoleClassTeacher, ClassRef: c.ext})
			}
			c.teach[h.subj*3] = c.classTeach
		case isEnglish(h.subj) && hasGroups(c.level):
			add(dept, bundle{class: ci, group: 1, subjects: []int{h.subj}, hours: h.n})
			add(dept+"#2", bundle{class: ci, group: 2, subjects: []int{h.subj}, hours: h.n})
		case isEnglish(h.subj) && ci%2 == 1:
			add(dept+"#2", bundle{class: ci, subjects: []int{h.subj}, hours: h.n})
		default:
			add(dept, bundle{class: ci, subjects: []int{h.subj}, hours: h.n})
		}
	}
}

// allocate hires as many teachers of dept as its hours need, numbered from
// first, and hands them the bundles in order, each up to an equal load. It
// returns the number of the last teacher hired.
func (p *schoolPlan) allocate(g *generator, dept string, first int, bs []bundle) int {
	total := 0
	for _, b := range bs {
		total += b.hours
	}
	if total == 0 {
		return first - 1
	}
	n := max(1, int(math.Round(float64(total)/teacherLoad)))
	limit := (total + n - 1) / n
	num, load, t := first, 0, int32(-1)
	for _, b := range bs {
		if t < 0 || (load > 0 && load+b.hours > limit) {
			if t >= 0 {
				num++
			}
			t = p.hire(g, fmt.Sprintf("t-%s-%d", dept, num), diary.StaffRoleIn{Role: diary.RoleTeacher})
			load = 0
		}
		load += b.hours
		for _, s := range b.subjects {
			p.classes[b.class].teach[s*3+b.group] = t
		}
	}
	return num
}

// planClassTeachers gives every class of 5–11 a class teacher among its own
// teachers, one class each while possible; 7А gets the first Russian teacher.
func (p *schoolPlan) planClassTeachers() {
	taken := make([]bool, len(p.staff))
	assign := func(c *classPlan, t int32) {
		c.classTeach, taken[t] = t, true
		s := &p.staff[t]
		s.roles = append(s.roles, diary.StaffRoleIn{Role: diary.RoleClassTeacher, ClassRef: c.ext})
	}
	if c := p.classByName("7А"); c != nil {
		assign(c, c.teacherOf(subjectIndex["rus"], 0))
	}
	for i := range p.classes {
		c := &p.classes[i]
		if c.classTeach >= 0 {
			continue
		}
		cand := p.candidates(c)
		best := cand[0]
		for _, t := range cand {
			if !taken[t] {
				best = t
				break
			}
		}
		assign(c, best)
	}
}

// candidates lists the teachers of a class in curriculum order, rotated by
// the class's index so that departments share the class teacher duty.
func (p *schoolPlan) candidates(c *classPlan) []int32 {
	plan := curriculum[c.level]
	var out []int32
	for k := range plan {
		h := plan[(k+c.idx)%len(plan)]
		for g := range 3 {
			if t := c.teacherOf(h.subj, g); t >= 0 {
				out = append(out, t)
			}
		}
	}
	return out
}
