package demo

import (
	"fmt"
	"sort"

	"github.com/schooldiary/diary/internal/diary"
)

// classPlan is one class of a school plan.
type classPlan struct {
	idx        int
	level      int
	name, ext  string
	size       int
	first      int      // slot of the first student
	timetable  [][]int8 // subject index per lesson number, per day of the week
	teach      []int32  // staff index per subject*3+group (group 0 is the whole class)
	classTeach int32    // staff index of the class teacher
	families   []int32  // families whose guardians this class's batch writes
}

// teacherOf returns the staff index teaching subject s to group g of the class.
func (c *classPlan) teacherOf(s, g int) int32 { return c.teach[s*3+g] }

// schoolPlan is everything about one school that is needed across its
// classes: the classes, families and staff. Lessons, grades and attendance
// are made class by class and never held for the whole school.
type schoolPlan struct {
	idx        int
	code, name string
	letters    int // classes per level
	classes    []classPlan
	families   []family
	slotFamily []int32
	staff      []staffPlan
}

// schoolNames gives the name of the i-th demo school (0-based).
func schoolNames(i int) (code, name string) {
	code = fmt.Sprintf("demo-%d", i+1)
	if i == 0 {
		return code, DemoSchoolName
	}
	towns := []string{"г. Сосногорск", "г. Ухта", "г. Сыктывкар", "г. Печора", "г. Вуктыл",
		"г. Усинск", "г. Инта", "г. Воркута", "пгт. Нижний Одес", "с. Ижма"}
	return code, fmt.Sprintf("МБОУ «СОШ № %d» %s", i/len(towns)+1, towns[i%len(towns)])
}

// newSchoolPlan plans school idx with n students.
func (g *generator) newSchoolPlan(idx, n int) *schoolPlan {
	p := &schoolPlan{idx: idx}
	p.code, p.name = schoolNames(idx)
	p.planClasses(g, n)
	p.planFamilies(g.opt.Seed, n)
	p.planStaff(g)
	p.planTimetables(g.opt.Seed)
	return p
}

// planClasses lays out the classes of levels 1–11 and their sizes.
func (p *schoolPlan) planClasses(g *generator, n int) {
	p.letters = lettersPerLevel(n)
	sizes := classSizes(g.opt.Seed, p.idx, n, p.letters)
	slot := 0
	for lvl := 1; lvl <= 11; lvl++ {
		for i := range p.letters {
			c := classPlan{idx: len(p.classes), level: lvl, size: sizes[len(p.classes)], first: slot}
			c.name, c.ext = classNames(lvl, i)
			p.classes = append(p.classes, c)
			slot += c.size
		}
	}
}

// classOfSlot returns the class index of a student slot.
func (p *schoolPlan) classOfSlot(slot int) int {
	return sort.Search(len(p.classes), func(i int) bool { return p.classes[i].first+p.classes[i].size > slot })
}

// studentRef returns the ext id of the student in slot.
func (p *schoolPlan) studentRef(slot int) string {
	c := &p.classes[p.classOfSlot(slot)]
	return studentExt(c.ext, slot-c.first)
}

// classByName returns the class named name, or nil.
func (p *schoolPlan) classByName(name string) *classPlan {
	for i := range p.classes {
		if p.classes[i].name == name {
			return &p.classes[i]
		}
	}
	return nil
}

// yearStart is the first day of the generated academic year.
func (g *generator) yearStart() diary.Date { return g.cal.year.Start }
