package demo

import (
	"github.com/schooldiary/diary/internal/diary"
)

// builder fills one batch and numbers its records' sources.
type builder struct {
	b    *diary.Batch
	file string
	line int
}

// newBuilder starts a batch of school p named file in the sources.
func (g *generator) newBuilder(p *schoolPlan, file string) *builder {
	return &builder{b: &diary.Batch{School: diary.School{Code: p.code}, AsOf: g.opt.Until}, file: file}
}

// src returns the source of the next record.
func (bb *builder) src() diary.Source {
	bb.line++
	return diary.Source{File: bb.file, Line: bb.line}
}

// schoolBatch returns the school with its calendar, subjects, classes and staff.
func (g *generator) schoolBatch(p *schoolPlan) *diary.Batch {
	bb := g.newBuilder(p, "demo:"+p.code)
	b := bb.b
	b.School = diary.School{Code: p.code, Name: p.name, SchoolDays: 6}.WithDefaults()
	b.Years = []diary.YearIn{{Src: bb.src(), Year: g.cal.year}}
	for _, per := range g.cal.periods {
		b.Periods = append(b.Periods, diary.PeriodIn{Src: bb.src(), Period: per, YearRef: g.cal.year.Name})
	}
	for _, d := range g.cal.daysOff {
		b.DaysOff = append(b.DaysOff, diary.DayOffIn{Src: bb.src(), DayOff: d})
	}
	for _, s := range subjects {
		b.Subjects = append(b.Subjects, diary.SubjectIn{Src: bb.src(),
			Subject: diary.Subject{ExtID: s.ext, Name: s.name, Short: s.short}})
	}
	for _, c := range p.classes {
		b.Classes = append(b.Classes, diary.ClassIn{Src: bb.src(),
			Class: diary.Class{ExtID: c.ext, Name: c.name, Level: c.level}})
	}
	for i, s := range p.staff {
		b.Staff = append(b.Staff, diary.StaffIn{Src: bb.src(), Roles: s.roles, Staff: diary.Staff{
			ExtID: s.ext, Name: s.name, ActiveFrom: s.from,
			Phone: phoneFor(phoneStaff, p.idx, i), Email: schoolEmail(s.name.Last, s.ext, p.code),
		}})
	}
	return b
}
