package demo

// family is the children of one family in a school and who represents them.
// Siblings share the surname and the patronymic's root.
type family struct {
	kids          [2]int32 // student slots; kids[1] is valid when n == 2
	n             int8
	mother, dad   bool
	rep           bool  // a legal representative (a grandmother, a guardian)
	surname       int16 // index into surnames (male form)
	father        int16 // index into maleNames: the children's patronymic
	firstGuardian int32 // index of the family's first guardian in the school
}

// guardians returns how many guardians the family has.
func (f *family) guardians() int { return btoi(f.mother) + btoi(f.dad) + btoi(f.rep) }

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// siblingShare is the share of families with a second child in the school.
const siblingShare = 0.12

// planFamilies groups the school's n students into families. Family 0 is the
// well-known parent's: both parents, the first student of 7А and the first of
// 3А. The others follow in slot order.
func (p *schoolPlan) planFamilies(seed int64, n int) {
	p.slotFamily = make([]int32, n)
	for i := range p.slotFamily {
		p.slotFamily[i] = -1
	}
	p.families = make([]family, 0, n)
	if a, b := p.personaSlots(); a >= 0 {
		p.addFamily(seed, a, b, true)
	}
	for slot := range n {
		if p.slotFamily[slot] < 0 {
			p.addFamily(seed, slot, p.siblingFor(seed, slot), false)
		}
	}
	p.numberGuardians()
}

// personaSlots returns the slots of the first students of 7А and 3А, or -1.
func (p *schoolPlan) personaSlots() (int, int) {
	older, younger := p.classByName("7А"), p.classByName("3А")
	if older == nil || older.size == 0 {
		return -1, -1
	}
	if younger == nil || younger.size == 0 {
		return older.first, -1
	}
	return older.first, younger.first
}

// siblingFor picks, for some students, a still single student two to five
// classes apart as a sibling; -1 for none.
func (p *schoolPlan) siblingFor(seed int64, slot int) int {
	r := rngOf(seed, pSibling, uint64(p.idx), uint64(slot))
	if r.Float64() >= siblingShare {
		return -1
	}
	lvl := p.classes[p.classOfSlot(slot)].level
	d := 2 + r.IntN(4)
	if lvl+d > 11 {
		d = -d
	}
	if lvl+d < 1 {
		return -1
	}
	c := &p.classes[(lvl+d-1)*p.letters+r.IntN(p.letters)]
	if c.size == 0 {
		return -1
	}
	if s := c.first + r.IntN(c.size); p.slotFamily[s] < 0 {
		return s
	}
	return -1
}

// addFamily adds a family of the student in slot a and, unless b < 0, b.
func (p *schoolPlan) addFamily(seed int64, a, b int, persona bool) {
	idx := int32(len(p.families))
	r := rngOf(seed, pFamily, uint64(p.idx), uint64(a))
	f := family{kids: [2]int32{int32(a), -1}, n: 1,
		surname: int16(r.IntN(len(surnames))), father: int16(r.IntN(len(maleNames)))}
	switch x := r.Float64(); {
	case persona || x < 0.62:
		f.mother, f.dad = true, true
	case x < 0.90:
		f.mother = true
	case x < 0.94:
		f.dad = true
	default:
		f.rep = true
	}
	p.slotFamily[a] = idx
	if b >= 0 {
		f.kids[1], f.n = int32(b), 2
		p.slotFamily[b] = idx
	}
	p.families = append(p.families, f)
}

// numberGuardians gives each family its guardians' numbers and tells each
// class which families its batch writes: those whose last child (by class
// order) is in it, so that every child is already written.
func (p *schoolPlan) numberGuardians() {
	next := int32(0)
	for i := range p.families {
		f := &p.families[i]
		f.firstGuardian = next
		next += int32(f.guardians())
		last := p.classOfSlot(int(f.kids[0]))
		if f.n == 2 {
			last = max(last, p.classOfSlot(int(f.kids[1])))
		}
		p.classes[last].families = append(p.classes[last].families, int32(i))
	}
}
