package demo

import (
	"fmt"
	"math"
	"time"

	"github.com/schooldiary/diary/internal/diary"
)

// pupil is a student of the class being generated, with what drives their
// marks and absences.
type pupil struct {
	ext      string
	suffix   string // "-05" for the fifth: appended to lesson ids for grades
	slot     int
	group    int       // English group 1 or 2 in classes 5–11, else 0
	mu       []float32 // expected mark per subject
	peExempt bool      // exempt from physical education: «осв»
	risk     int       // subject index the student may fail, -1 for none
	ill      int       // school days of illness still to come
	back     bool      // came back from an illness today
	hwGiven  bool      // got the catch-up assignment after the last illness
}

// riskSubjects are the subjects an at-risk student may be failing.
var riskSubjects = []string{"rus", "math", "alg", "geom", "en", "phys", "chem"}

// Shares of students.
const (
	riskShare     = 0.05 // at risk of a «2» in one subject
	exemptShare   = 0.02 // exempt from physical education
	phoneShare    = 0.6  // students of 7–11 with their own phone
	emailShare    = 0.85 // guardians with an e-mail address
	oldStartShare = 0.06 // a year older than the class (started late)
)

// students adds the class's students to the batch and returns them as pupils.
func (g *generator) students(bb *builder, p *schoolPlan, c *classPlan) []pupil {
	pupils := make([]pupil, c.size)
	for pos := range c.size {
		slot := c.first + pos
		st, pu := g.student(p, c, slot, pos)
		pupils[pos] = pu
		bb.b.Students = append(bb.b.Students, diary.StudentIn{Src: bb.src(), Student: st, ClassRef: c.ext})
	}
	return pupils
}

// student draws the student in slot, the pos-th of class c.
func (g *generator) student(p *schoolPlan, c *classPlan, slot, pos int) (diary.Student, pupil) {
	r := rngOf(g.opt.Seed, pStudent, uint64(p.idx), uint64(slot))
	fam := &p.families[p.slotFamily[slot]]
	st := diary.Student{ExtID: studentExt(c.ext, pos), Status: diary.Enrolled,
		Name: person(r, r.IntN(2) == 0, int(fam.surname), int(fam.father))}
	st.BirthDate = diary.NewDate(g.opt.Year-c.level-6, time.January, 1).AddDays(r.IntN(365))
	if fam.n == 1 && r.Float64() < oldStartShare {
		st.BirthDate = st.BirthDate.AddDays(-365)
	}
	if c.level >= 7 && r.Float64() < phoneShare {
		st.Phone = phoneFor(phoneStudent, p.idx, slot)
		st.Email = fmt.Sprintf("%s.%s.%d@example.net", translit(st.Name.Last), translit(st.Name.First), p.idx*maxPerSchool+slot+1)
	}
	pu := pupil{ext: st.ExtID, suffix: pupilSuffix(pos), slot: slot, risk: -1, peExempt: r.Float64() < exemptShare}
	if hasGroups(c.level) {
		pu.group = 1 + btoi(pos >= (c.size+1)/2)
	}
	g.abilities(r.Float64(), r.NormFloat64(), &pu, p.idx, c.level)
	return st, pu
}

// abilities sets a pupil's expected mark per subject: a personal level
// around 3.9, a per-subject offset, and for some a failing subject.
func (g *generator) abilities(riskDraw, norm float64, pu *pupil, school, lvl int) {
	base := math.Min(4.95, math.Max(3.1, 3.9+0.45*norm))
	if lvl >= 2 && riskDraw < riskShare {
		var cand []int
		for _, h := range curriculum[lvl] {
			for _, ext := range riskSubjects {
				if subjects[h.subj].ext == ext {
					cand = append(cand, h.subj)
				}
			}
		}
		pu.risk = cand[int(riskDraw/riskShare*float64(len(cand)))%len(cand)]
	}
	pu.mu = make([]float32, len(subjects))
	for s := range subjects {
		u := unit(hashOf(g.opt.Seed, pAbility, uint64(school), uint64(pu.slot), uint64(s)))
		mu := math.Min(5, base+(u-0.5)*0.6)
		if s == pu.risk {
			mu = 2.2 + 0.4*u
		}
		pu.mu[s] = float32(mu)
	}
}

// groups adds the two English groups of a class of 5–11.
func (g *generator) groups(bb *builder, c *classPlan, pupils []pupil) {
	if !hasGroups(c.level) {
		return
	}
	for grp := 1; grp <= 2; grp++ {
		refs := []string{}
		for _, pu := range pupils {
			if pu.group == grp {
				refs = append(refs, pu.ext)
			}
		}
		bb.b.Groups = append(bb.b.Groups, diary.GroupIn{Src: bb.src(), ClassRef: c.ext, StudentRefs: refs,
			Group: diary.Group{ExtID: groupExt(c.ext, grp), Name: fmt.Sprintf("Английский язык, %d группа", grp)}})
	}
}

// groupExt returns the ext id of English group grp (1 or 2) of a class.
func groupExt(classExt string, grp int) string { return fmt.Sprintf("%s-en%d", classExt, grp) }

// guardians adds the guardians of the families this class's batch writes.
func (g *generator) guardians(bb *builder, p *schoolPlan, c *classPlan) {
	for _, fi := range c.families {
		f := &p.families[fi]
		refs := []string{p.studentRef(int(f.kids[0]))}
		if f.n == 2 {
			refs = append(refs, p.studentRef(int(f.kids[1])))
		}
		idx := int(f.firstGuardian)
		for _, who := range []bool{f.mother, f.dad, f.rep} {
			if who {
				gd := g.guardian(p, f, idx)
				bb.b.Guardians = append(bb.b.Guardians, diary.GuardianIn{Src: bb.src(), Guardian: gd, StudentRefs: refs})
				idx++
			}
		}
	}
}

// guardian draws guardian idx of family f: the mother, the father (whose
// first name gives the children's patronymic) or a grandmother as the legal
// representative, in that order.
func (g *generator) guardian(p *schoolPlan, f *family, idx int) diary.Guardian {
	r := rngOf(g.opt.Seed, pGuardian, uint64(p.idx), uint64(idx))
	last := surnames[f.surname]
	gd := diary.Guardian{ExtID: fmt.Sprintf("g-%04d", idx+1), Kind: diary.Parent, Phone: phoneFor(phoneGuardian, p.idx, idx)}
	switch first := int(f.firstGuardian); {
	case f.mother && idx == first:
		gd.Name = diary.Name{Last: feminine(last), First: pick(r, femaleNames), Middle: pick(r, maleNames).daughter}
	case f.dad && idx == first+btoi(f.mother):
		gd.Name = diary.Name{Last: last, First: maleNames[f.father].first, Middle: pick(r, maleNames).son}
	default:
		if r.IntN(2) == 0 {
			last = pick(r, surnames)
		}
		gd.Kind = diary.Representative
		gd.Name = diary.Name{Last: feminine(last), First: pick(r, femaleNames), Middle: pick(r, maleNames).daughter}
	}
	if r.Float64() < emailShare {
		gd.Email = guardianEmail(gd.Name.Last, gd.Name.First, p.idx, idx)
	}
	return gd
}
