// Package demo generates a deterministic demo school, or a region of them, and
// writes it through a diary.Writer: a year's calendar, subjects, classes 1А…11Б,
// staff in every role, students with their guardians, English groups, and the
// journal (dated lessons with topics and homework, grades, attendance,
// individual homework, period grades) up to a date. Everything is a pure
// function of Options: the same options give the same records, and each
// class's journal is drawn from its own random streams, so a later Until only
// adds days.
//
// The first school has code "demo-1" and the name DemoSchoolName. Whatever the
// seed, as long as it has at least a few dozen students, its well-known people are:
//
//   - ParentExtID "g-0001", a mother with two children in the school:
//     StudentExtID "7a-01" (7А) and SiblingExtID "3a-01" (3А); the children's
//     father is "g-0002". Her phone is ParentPhone.
//   - StudentExtID "7a-01", a student of 7А (English group "7a-en1").
//   - SubjectTeacherExtID "t-math-1", who teaches algebra, geometry and
//     probability in 7А (and other classes).
//   - ClassTeacherExtID "t-rus-1", the class teacher of 7А, who also teaches
//     Russian and literature there.
//   - DeputyExtID "dep-basic", the deputy director for classes 5–9;
//     "dep-primary" and "dep-secondary" cover 1–4 and 10–11.
//   - DirectorExtID "dir"; "jadm" is the journal administrator, "sysadm" the
//     system administrator.
//
// Names change with the seed; ext ids and phone numbers do not. Other ext ids:
// classes "7a", "11b" (letters past «Я» get a number: "7a2"); students
// "7a-05"; groups "7a-en1"/"7a-en2"; guardians "g-0001"…; primary teachers
// "t-prim-3a" (class teacher of 3А); subject teachers "t-<subject>-<n>";
// lessons "7a-20250901-3" (class, date, lesson number, "-g1"/"-g2" for a
// group); grades and individual homework add the student's number.
//
// The week: classes 1–9 study five days (Monday to Friday), 10–11 six days
// (to Saturday), so the school's SchoolDays is 6. Lessons a day: 4–5 in the
// first class, up to 7 in 7–9. First-graders get no marks and no homework.
package demo

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/schooldiary/diary/internal/diary"
)

// The well-known records of the first school; see the package comment.
const (
	DemoSchoolCode      = "demo-1"
	DemoSchoolName      = "МБОУ «СОШ» пгт. Войвож"
	ParentExtID         = "g-0001"
	ParentPhone         = "+79123456789"
	StudentExtID        = "7a-01"
	SiblingExtID        = "3a-01"
	SubjectTeacherExtID = "t-math-1"
	ClassTeacherExtID   = "t-rus-1"
	DeputyExtID         = "dep-basic"
	DirectorExtID       = "dir"
)

// DefaultStudents is the number of students of one school when
// Options.Students is 0: two classes a level, 25–31 students a class.
const DefaultStudents = 620

// Options say what to generate.
type Options struct {
	// Seed picks the names, sizes, marks and absences.
	Seed int64
	// Schools is the number of schools, 1 when 0; at most 999.
	Schools int
	// Students is the total over all schools, DefaultStudents a school when 0.
	Students int
	// Until is the last day with grades and attendance; the end of the year's
	// lessons when zero. Year or Until must be set.
	Until diary.Date
	// Year is the academic year starting on 1 September of Year; when 0, the
	// year that contains Until.
	Year int
	// Ahead is the number of days after Until with planned lessons (topics and
	// homework, no marks), so the timetable and tomorrow's homework exist.
	Ahead int
	// OnBatch, when set, is called after each batch is written.
	OnBatch func(done, total int)
}

// Summary counts what Generate wrote.
type Summary struct {
	Schools, Classes, Students, Guardians, Staff, Subjects int
	Groups, Lessons, Grades, Attendance, Homework, Finals  int
	// Slots counts the weekly timetable's slots.
	Slots int
	// Batches is the number of Apply calls; Records the records they held.
	Batches, Records int
}

// add counts the records of b.
func (s *Summary) add(b *diary.Batch) {
	if b.School.Name != "" {
		s.Schools++
	}
	s.Classes += len(b.Classes)
	s.Students += len(b.Students)
	s.Guardians += len(b.Guardians)
	s.Staff += len(b.Staff)
	s.Subjects += len(b.Subjects)
	s.Groups += len(b.Groups)
	s.Lessons += len(b.Lessons)
	s.Grades += len(b.Grades)
	s.Attendance += len(b.Attendance)
	s.Homework += len(b.Homework)
	s.Finals += len(b.Finals)
	s.Slots += len(b.Timetable)
	s.Batches++
	s.Records += b.Len()
}

// Generate writes the demo data through w, one batch per school (calendar,
// subjects, classes, staff) and then one per class (students, groups,
// guardians, lessons, grades, attendance, homework, period grades), so memory
// stays bounded at any size. The next batch is generated while w writes the
// current one. It stops at the first error of w or ctx.
func Generate(ctx context.Context, w diary.Writer, opt Options) (Summary, error) {
	g, err := newGenerator(opt)
	if err != nil {
		return Summary{}, err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	ch, errc := make(chan *diary.Batch, 2), make(chan error, 1)
	go func() {
		defer close(ch)
		errc <- g.produce(ctx, ch)
	}()
	sum, err := g.consume(ctx, w, ch)
	cancel()
	for range ch {
	}
	if perr := <-errc; err == nil && perr != nil {
		err = fmt.Errorf("demo: %w", perr)
	}
	return sum, err
}

// consume writes the batches from ch through w.
func (g *generator) consume(ctx context.Context, w diary.Writer, ch <-chan *diary.Batch) (Summary, error) {
	var sum Summary
	total := g.batchCount()
	for b := range ch {
		if _, err := w.Apply(ctx, b, diary.ApplyOptions{}); err != nil {
			return sum, fmt.Errorf("demo: write %s: %w", b.School.Code, err)
		}
		sum.add(b)
		if g.opt.OnBatch != nil {
			g.opt.OnBatch(sum.Batches, total)
		}
	}
	return sum, nil
}

// generator holds what every school shares: the options and the calendar.
type generator struct {
	opt     Options
	cal     calendar
	days    [12][]dayInfo
	horizon diary.Date // the last day with lessons: Until + Ahead
}

// newGenerator checks the options and fills in the defaults.
func newGenerator(opt Options) (*generator, error) {
	if err := normalize(&opt); err != nil {
		return nil, fmt.Errorf("demo: %w", err)
	}
	g := &generator{opt: opt, cal: newCalendar(opt.Year)}
	if opt.Until.IsZero() {
		g.opt.Until = g.cal.lastDay()
	}
	g.days = g.cal.table()
	g.horizon = g.opt.Until.AddDays(opt.Ahead)
	return g, nil
}

// normalize applies the defaults of opt and rejects impossible values.
func normalize(o *Options) error {
	switch {
	case o.Schools < 0 || o.Schools > 999:
		return errors.New("schools must be 1–999")
	case o.Students < 0:
		return errors.New("students must not be negative")
	case o.Ahead < 0:
		return errors.New("ahead must not be negative")
	case o.Year == 0 && o.Until.IsZero():
		return errors.New("until or year is required")
	}
	o.Schools = max(o.Schools, 1)
	if o.Students == 0 {
		o.Students = DefaultStudents * o.Schools
	}
	if (o.Students+o.Schools-1)/o.Schools > maxPerSchool/2 {
		return fmt.Errorf("at most %d students a school", maxPerSchool/2)
	}
	if o.Year == 0 {
		o.Year = o.Until.Year
		if o.Until.Month < time.September {
			o.Year--
		}
	}
	return nil
}

// studentsOf returns the number of students of school i.
func (g *generator) studentsOf(i int) int {
	n := g.opt.Students / g.opt.Schools
	if i < g.opt.Students%g.opt.Schools {
		n++
	}
	return n
}

// batchCount is the number of batches Generate writes.
func (g *generator) batchCount() int {
	total := 0
	for i := range g.opt.Schools {
		total += 1 + 11*lettersPerLevel(g.studentsOf(i))
	}
	return total
}

// produce generates every batch in order and sends it to ch.
func (g *generator) produce(ctx context.Context, ch chan<- *diary.Batch) error {
	send := func(b *diary.Batch) error {
		select {
		case ch <- b:
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	for i := range g.opt.Schools {
		p := g.newSchoolPlan(i, g.studentsOf(i))
		if err := send(g.schoolBatch(p)); err != nil {
			return err
		}
		for c := range p.classes {
			if err := send(g.classBatch(p, c)); err != nil {
				return err
			}
		}
	}
	return nil
}
