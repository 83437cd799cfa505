package bot

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/i18n"
)

// The subject teacher's button kinds.
const (
	kindLessons  = "s.lessons"  // Action today/tomorrow
	kindLesson   = "s.lesson"   // lesson Arg: its class list with the marks
	kindClasses  = "s.classes"  // my classes
	kindStudents = "s.students" // class Arg, Action "subject.group"
	kindCard     = "s.card"     // Student's card in subject Arg
	kindExpect   = "s.expect"   // ask the expected grade of Student in subject Arg
	kindValue    = "s.value"    // expected grade Action for Student in subject Arg
)

// init registers the buttons of this file in staffActions.
func init() {
	staffActions[kindLessons] = (*B).staffLessons
	staffActions[kindLesson] = (*B).staffLesson
	staffActions[kindClasses] = (*B).staffClasses
	staffActions[kindStudents] = (*B).staffStudents
	staffActions[kindCard] = (*B).staffCard
	staffActions[kindExpect] = (*B).staffExpect
	staffActions[kindValue] = (*B).staffValue
}

// teacherButtons are the subject teacher's entries of the staff home.
func teacherButtons(lang i18n.Lang, _ *staffScope) []button {
	return []button{
		{Kind: kindLessons, Action: "today", Text: i18n.Plain(lang, i18n.BtnStaffToday)},
		{Kind: kindLessons, Action: "tomorrow", Text: i18n.Plain(lang, i18n.BtnStaffTomorrow)},
		{Kind: kindClasses, Text: i18n.Plain(lang, i18n.BtnStaffClasses)},
	}
}

// teacherScope returns the user's first scope with a teacher's role now.
func (b *B) teacherScope(ctx context.Context, r *req) (*staffScope, error) {
	return b.scopeWhere(ctx, r, func(sc *staffScope) bool { return sc.has(diary.RoleTeacher) })
}

// scopeWhere returns the user's first staff scope that ok accepts, nil
// when there is none.
func (b *B) scopeWhere(ctx context.Context, r *req, ok func(*staffScope) bool) (*staffScope, error) {
	scopes, err := b.staffScopes(ctx, r.userID)
	if err != nil {
		return nil, err
	}
	for _, sc := range scopes {
		if ok(sc) {
			return sc, nil
		}
	}
	return nil, nil
}

// staffLessons shows the teacher's lessons of today or tomorrow, each with
// its topic and homework, and a button to its class list.
func (b *B) staffLessons(ctx context.Context, r *req, btn button) error {
	sc, err := b.teacherScope(ctx, r)
	if err != nil || sc == nil {
		return b.orRefuse(ctx, r, err)
	}
	day := sc.today
	if btn.Action == "tomorrow" {
		day = day.AddDays(1)
	}
	lessons, err := b.d.Store.TeacherLessons(ctx, sc.member.staff.ID, day, day)
	if err != nil {
		return fmt.Errorf("staff lessons: %w", err)
	}
	if err := b.recordStaffVisit(ctx, r, sc, 0, "staff.lessons"); err != nil {
		return err
	}
	return b.sendLessons(ctx, r, day, lessons)
}

// sendLessons sends the list of lessons of day with a button for each.
func (b *B) sendLessons(ctx context.Context, r *req, day diary.Date, lessons []diary.Lesson) error {
	date := i18n.WeekdayDayMonth(r.lang, day)
	if len(lessons) == 0 {
		return b.sendButtons(ctx, r, i18n.T(r.lang, i18n.StaffLessonsNone, "date", date), [][]button{staffHomeButton(r.lang)})
	}
	nm := newNamer(b)
	parts := []string{i18n.T(r.lang, i18n.StaffLessonsTitle, "date", date)}
	var btns []button
	for _, l := range lessons {
		cl, subj, err := nm.lesson(ctx, l)
		if err != nil {
			return err
		}
		parts = append(parts, i18n.T(r.lang, i18n.StaffLessonLine, "number", l.Number, "class", cl,
			"subject", subj, "topic", orDash(l.Topic), "homework", orDash(l.Homework)))
		btns = append(btns, button{Kind: kindLesson, Arg: l.ID,
			Text: i18n.Plain(r.lang, i18n.BtnStaffLesson, "number", l.Number, "class", cl, "subject", subj)})
	}
	rows := append(singles(btns), staffHomeButton(r.lang))
	return b.sendButtons(ctx, r, strings.Join(parts, "\n\n"), rows)
}

// staffLesson shows a lesson's class list with the marks of those absent;
// only to the teacher of the lesson or of its class and subject.
func (b *B) staffLesson(ctx context.Context, r *req, btn button) error {
	l, err := b.d.Store.Lesson(ctx, btn.Arg)
	if errors.Is(err, diary.ErrNotFound) {
		return b.refuseStaff(ctx, r)
	}
	if err != nil {
		return fmt.Errorf("staff lesson: %w", err)
	}
	sc, err := b.scopeWhere(ctx, r, func(sc *staffScope) bool {
		return sc.school.ID == l.SchoolID && sc.has(diary.RoleTeacher) &&
			(l.TeacherID == sc.member.staff.ID || sc.teaches(l.ClassID, l.SubjectID, []int64{l.GroupID}))
	})
	if err != nil || sc == nil {
		return b.orRefuse(ctx, r, err)
	}
	text, err := b.lessonRoster(ctx, r.lang, l)
	if err != nil {
		return err
	}
	if err := b.recordStaffVisit(ctx, r, sc, 0, "staff.lesson"); err != nil {
		return err
	}
	return b.sendButtons(ctx, r, text, [][]button{staffHomeButton(r.lang)})
}

// lessonRoster writes a lesson's head and its students, the marked ones
// with their mark.
func (b *B) lessonRoster(ctx context.Context, lang i18n.Lang, l diary.Lesson) (string, error) {
	cl, subj, err := newNamer(b).lesson(ctx, l)
	if err != nil {
		return "", err
	}
	students, err := b.rosterOf(ctx, l.ClassID, l.GroupID)
	if err != nil {
		return "", err
	}
	marks, err := b.d.Store.LessonAttendance(ctx, l.ID)
	if err != nil {
		return "", fmt.Errorf("lesson roster: %w", err)
	}
	byStudent := map[int64]string{}
	for _, a := range marks {
		byStudent[a.StudentID] = a.Mark
	}
	parts := []string{i18n.T(lang, i18n.StaffLessonHead, "class", cl, "subject", subj, "number", l.Number,
		"date", i18n.WeekdayDayMonth(lang, l.Date), "topic", orDash(l.Topic), "homework", orDash(l.Homework))}
	lines, absent := rosterLines(lang, students, byStudent)
	parts = append(parts, lines, i18n.T(lang, i18n.StaffRosterAbsent, "n", absent))
	return strings.Join(parts, "\n\n"), nil
}

// rosterLines numbers the students, with the mark of each marked one, and
// counts those absent.
func rosterLines(lang i18n.Lang, students []diary.Student, marks map[int64]string) (string, int) {
	lines := make([]string, len(students))
	absent := 0
	for i, s := range students {
		m, ok := marks[s.ID]
		if !ok {
			lines[i] = i18n.T(lang, i18n.StaffRosterLine, "i", i+1, "name", s.Name.Full())
			continue
		}
		lines[i] = i18n.T(lang, i18n.StaffRosterMarked, "i", i+1, "name", s.Name.Full(), "mark", m)
		if diary.Absence(m) {
			absent++
		}
	}
	return strings.Join(lines, "\n"), absent
}

// rosterOf lists the enrolled students of a group, or of the class when
// groupID is 0.
func (b *B) rosterOf(ctx context.Context, classID, groupID int64) ([]diary.Student, error) {
	var ss []diary.Student
	var err error
	if groupID != 0 {
		ss, err = b.d.Store.StudentsOfGroup(ctx, groupID)
	} else {
		ss, err = b.d.Store.StudentsOfClass(ctx, classID)
	}
	if err != nil {
		return nil, fmt.Errorf("roster: %w", err)
	}
	return ss, nil
}

// staffClasses lists the classes, groups and subjects the teacher teaches
// this school year.
func (b *B) staffClasses(ctx context.Context, r *req, _ button) error {
	sc, err := b.teacherScope(ctx, r)
	if err != nil || sc == nil {
		return b.orRefuse(ctx, r, err)
	}
	if len(sc.teaching) == 0 {
		return b.sendButtons(ctx, r, i18n.T(r.lang, i18n.StaffClassesNone), [][]button{staffHomeButton(r.lang)})
	}
	nm := newNamer(b)
	var btns []button
	for _, t := range sc.teaching {
		label, err := nm.teaching(ctx, r.lang, t)
		if err != nil {
			return err
		}
		btns = append(btns, button{Kind: kindStudents, Arg: t.ClassID, Action: fmt.Sprintf("%d.%d", t.SubjectID, t.GroupID), Text: label})
	}
	if err := b.recordStaffVisit(ctx, r, sc, 0, "staff.classes"); err != nil {
		return err
	}
	return b.sendButtons(ctx, r, i18n.T(r.lang, i18n.StaffClassesTitle), append(singles(btns), staffHomeButton(r.lang)))
}

// teachingOf parses a students button's class, subject and group.
func teachingOf(btn button) diary.Teaching {
	subj, group, _ := strings.Cut(btn.Action, ".")
	t := diary.Teaching{ClassID: btn.Arg}
	t.SubjectID, _ = strconv.ParseInt(subj, 10, 64)
	t.GroupID, _ = strconv.ParseInt(group, 10, 64)
	return t
}

// staffStudents lists the students of a class or group the teacher teaches
// in a subject, each a button to their card.
func (b *B) staffStudents(ctx context.Context, r *req, btn button) error {
	t := teachingOf(btn)
	sc, err := b.scopeWhere(ctx, r, func(sc *staffScope) bool { return sc.teaches(t.ClassID, t.SubjectID, []int64{t.GroupID}) })
	if err != nil || sc == nil {
		return b.orRefuse(ctx, r, err)
	}
	students, err := b.rosterOf(ctx, t.ClassID, t.GroupID)
	if err != nil {
		return err
	}
	cl, subj, err := newNamer(b).lesson(ctx, diary.Lesson{ClassID: t.ClassID, SubjectID: t.SubjectID})
	if err != nil {
		return err
	}
	var btns []button
	for _, s := range students {
		btns = append(btns, button{Kind: kindCard, Student: s.ID, Arg: t.SubjectID,
			Text: i18n.Plain(r.lang, i18n.BtnStaffStudent, "name", s.Name.Short())})
	}
	if err := b.recordStaffVisit(ctx, r, sc, 0, "staff.students"); err != nil {
		return err
	}
	text := i18n.T(r.lang, i18n.StaffStudentsHead, "class", cl, "subject", subj)
	return b.sendButtons(ctx, r, text, append(pairs(btns), staffHomeButton(r.lang)))
}

// cardAccess is a teacher's authorised look at a student in a subject.
type cardAccess struct {
	sc      *staffScope
	student diary.Student
	class   diary.Class
	subject diary.Subject
}

// authorizeCard re-checks now that the user teaches the student's class
// (or the student's group) the subject; nil when they do not.
func (b *B) authorizeCard(ctx context.Context, r *req, studentID, subjectID int64) (*cardAccess, error) {
	st, err := b.d.Store.Student(ctx, studentID)
	if errors.Is(err, diary.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("staff card: %w", err)
	}
	groups, err := b.d.Store.GroupsOfStudent(ctx, st.ID)
	if err != nil {
		return nil, fmt.Errorf("staff card: %w", err)
	}
	ids := []int64{0}
	for _, g := range groups {
		ids = append(ids, g.ID)
	}
	sc, err := b.scopeWhere(ctx, r, func(sc *staffScope) bool {
		return sc.school.ID == st.SchoolID && sc.teaches(st.ClassID, subjectID, ids)
	})
	if err != nil || sc == nil {
		return nil, err
	}
	return b.cardOf(ctx, sc, st, subjectID)
}

// cardOf reads the class and subject of an authorised card.
func (b *B) cardOf(ctx context.Context, sc *staffScope, st diary.Student, subjectID int64) (*cardAccess, error) {
	cl, err := b.d.Store.Class(ctx, st.ClassID)
	if err != nil {
		return nil, fmt.Errorf("staff card: %w", err)
	}
	subj, err := b.d.Store.Subject(ctx, subjectID)
	if err != nil {
		return nil, fmt.Errorf("staff card: %w", err)
	}
	return &cardAccess{sc: sc, student: st, class: cl, subject: subj}, nil
}

// staffCard shows a student's card in the teacher's subject: the period's
// grades with their works, the weighted average and the expected grade.
func (b *B) staffCard(ctx context.Context, r *req, btn button) error {
	ca, err := b.authorizeCard(ctx, r, btn.Student, btn.Arg)
	if err != nil || ca == nil {
		return b.orRefuse(ctx, r, err)
	}
	text, err := b.cardText(ctx, r.lang, ca)
	if err != nil {
		return err
	}
	if err := b.recordStaffVisit(ctx, r, ca.sc, ca.student.ID, "staff.card"); err != nil {
		return err
	}
	rows := [][]button{
		{{Kind: kindExpect, Student: ca.student.ID, Arg: ca.subject.ID, Text: i18n.Plain(r.lang, i18n.BtnStaffExpect)}},
		staffHomeButton(r.lang),
	}
	return b.sendButtons(ctx, r, text, rows)
}

// cardText writes the card of an authorised student in a subject.
func (b *B) cardText(ctx context.Context, lang i18n.Lang, ca *cardAccess) (string, error) {
	p, err := b.d.Store.PeriodAt(ctx, ca.sc.school.ID, ca.class.Level, ca.sc.today)
	if errors.Is(err, diary.ErrNotFound) {
		return i18n.T(lang, i18n.StaffCardNoPeriod), nil
	}
	if err != nil {
		return "", fmt.Errorf("staff card: %w", err)
	}
	d, err := b.d.Store.StudentDiary(ctx, ca.student.ID, p.ID)
	if err != nil {
		return "", fmt.Errorf("staff card: %w", err)
	}
	sd := diary.SubjectDiary{Subject: ca.subject}
	for _, s := range d.Subjects {
		if s.Subject.ID == ca.subject.ID {
			sd = s
		}
	}
	head := i18n.T(lang, i18n.StaffCardHead, "name", ca.student.Name.Full(), "class", ca.class.Name,
		"subject", ca.subject.Name, "period", p.Name)
	return head + "\n\n" + subjectCard(lang, sd, ca.sc.school), nil
}

// subjectCard writes a subject's grades, average and expected grade.
func subjectCard(lang i18n.Lang, sd diary.SubjectDiary, school diary.School) string {
	var lines []string
	for _, g := range sd.Grades {
		lines = append(lines, i18n.T(lang, i18n.StaffCardGrade, "date", i18n.DayMonth(lang, g.Date),
			"mark", markOf(g), "work", workOf(g)))
	}
	if len(lines) == 0 {
		lines = append(lines, i18n.T(lang, i18n.StaffCardNoGrades))
	}
	agg := diary.Average(sd.Grades)
	lines = append(lines, "", i18n.T(lang, i18n.StaffCardAverage, "average", agg))
	if e := sd.Expected; e != nil {
		return strings.Join(append(lines, i18n.T(lang, i18n.StaffCardExpectedSet, "value", e.Value,
			"date", diary.DateIn(e.SetAt, school.Location()), "reason", orDash(e.Reason))), "\n")
	}
	if v, ok := diary.ExpectedFromAverage(agg, school.RoundUpFrom); ok {
		lines = append(lines, i18n.T(lang, i18n.StaffCardExpected, "value", v))
	}
	return strings.Join(lines, "\n")
}

// markOf writes a grade's mark with its weight when it is not 1: «4 (×2)».
func markOf(g diary.Grade) string {
	m := g.Mark
	if g.Numeric() {
		m = strconv.Itoa(g.Value)
	}
	if g.Weight != diary.WeightOne {
		m += " (×" + diary.FormatHundredthsShort(int64(g.Weight)) + ")"
	}
	return m
}

// workOf writes what a grade was for: the work's type and description.
func workOf(g diary.Grade) string {
	switch {
	case g.Description == "":
		return orDash(g.WorkType)
	case g.WorkType == "":
		return g.Description
	}
	return g.WorkType + ": " + g.Description
}

// orDash returns s, or «—» when it is empty.
func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return diary.NoValue
	}
	return s
}

// orRefuse returns err when there is one, else refuses the view.
func (b *B) orRefuse(ctx context.Context, r *req, err error) error {
	if err != nil {
		return err
	}
	return b.refuseStaff(ctx, r)
}
