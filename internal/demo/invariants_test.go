package demo

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/diary"
)

// world indexes what one school's batches wrote.
type world struct {
	school   diary.School
	year     diary.AcademicYear
	periods  []diary.Period
	daysOff  []diary.DayOff
	subjects map[string]diary.Subject
	classes  map[string]diary.Class
	staff    map[string]diary.StaffIn
	students map[string]diary.StudentIn
	groups   map[string]diary.GroupIn
	guards   map[string]diary.GuardianIn
	lessons  map[string]diary.LessonIn
	grades   []diary.GradeIn
	attend   []diary.AttendanceIn
	homework []diary.HomeworkIn
	finals   []diary.FinalIn
	dupes    []string
}

// index builds the world of the first school, checking every reference
// points to a record of the same or an earlier batch.
func index(t *testing.T, batches []*diary.Batch) *world {
	t.Helper()
	w := &world{subjects: map[string]diary.Subject{}, classes: map[string]diary.Class{},
		staff: map[string]diary.StaffIn{}, students: map[string]diary.StudentIn{}, groups: map[string]diary.GroupIn{},
		guards: map[string]diary.GuardianIn{}, lessons: map[string]diary.LessonIn{}}
	for _, b := range batches {
		if b.School.Code != DemoSchoolCode {
			continue
		}
		if b.School.Name != "" {
			w.school = b.School
		}
		w.addCalendar(b)
		w.addPeople(t, b)
		w.addJournal(t, b)
	}
	return w
}

func (w *world) addCalendar(b *diary.Batch) {
	for _, y := range b.Years {
		w.year = y.Year
	}
	for _, p := range b.Periods {
		w.periods = append(w.periods, p.Period)
	}
	for _, d := range b.DaysOff {
		w.daysOff = append(w.daysOff, d.DayOff)
	}
	for _, s := range b.Subjects {
		w.subjects[s.Subject.ExtID] = s.Subject
	}
	for _, c := range b.Classes {
		w.classes[c.Class.ExtID] = c.Class
	}
}

// put stores v under key, recording a duplicate.
func put[T any](w *world, m map[string]T, kind, key string, v T) {
	if _, ok := m[key]; ok {
		w.dupes = append(w.dupes, kind+" "+key)
	}
	m[key] = v
}

func (w *world) addPeople(t *testing.T, b *diary.Batch) {
	t.Helper()
	for _, s := range b.Staff {
		put(w, w.staff, "staff", s.Staff.ExtID, s)
		for _, r := range s.Roles {
			w.need(t, r.ClassRef == "" || w.classes[r.ClassRef].ExtID != "", "class", r.ClassRef)
		}
	}
	for _, s := range b.Students {
		w.need(t, w.classes[s.ClassRef].ExtID != "", "class", s.ClassRef)
		put(w, w.students, "student", s.Student.ExtID, s)
	}
	for _, g := range b.Groups {
		for _, ref := range g.StudentRefs {
			w.need(t, w.students[ref].ClassRef == g.ClassRef, "student of the group's class", ref)
		}
		put(w, w.groups, "group", g.Group.ExtID, g)
	}
	for _, g := range b.Guardians {
		for _, ref := range g.StudentRefs {
			w.need(t, w.students[ref].Student.ExtID != "", "student", ref)
		}
		put(w, w.guards, "guardian", g.Guardian.ExtID, g)
	}
}

func (w *world) addJournal(t *testing.T, b *diary.Batch) {
	t.Helper()
	for _, l := range b.Lessons {
		w.need(t, w.classes[l.ClassRef].ExtID != "", "class", l.ClassRef)
		w.need(t, w.subjects[l.SubjectRef].ExtID != "", "subject", l.SubjectRef)
		w.need(t, w.staff[l.TeacherRef].Staff.ExtID != "", "teacher", l.TeacherRef)
		w.need(t, l.GroupRef == "" || w.groups[l.GroupRef].ClassRef == l.ClassRef, "group", l.GroupRef)
		put(w, w.lessons, "lesson", l.Lesson.ExtID, l)
	}
	for _, g := range b.Grades {
		w.need(t, w.lessons[g.LessonRef].ClassRef != "", "lesson", g.LessonRef)
		w.need(t, w.students[g.StudentRef].ClassRef != "", "student", g.StudentRef)
	}
	for _, a := range b.Attendance {
		w.need(t, w.lessons[a.LessonRef].ClassRef != "", "lesson", a.LessonRef)
	}
	w.grades = append(w.grades, b.Grades...)
	w.attend = append(w.attend, b.Attendance...)
	w.homework = append(w.homework, b.Homework...)
	w.finals = append(w.finals, b.Finals...)
}

// need reports a reference that does not resolve.
func (w *world) need(t *testing.T, ok bool, kind, ref string) {
	t.Helper()
	if !ok {
		t.Errorf("unresolved %s %q", kind, ref)
	}
}

// attends reports whether the student is expected at the lesson.
func (w *world) attends(student string, l diary.LessonIn) bool {
	st := w.students[student]
	if st.ClassRef != l.ClassRef {
		return false
	}
	if l.GroupRef == "" {
		return true
	}
	for _, ref := range w.groups[l.GroupRef].StudentRefs {
		if ref == student {
			return true
		}
	}
	return false
}

// noLessons reports whether level lvl has no lessons on d by the calendar.
func (w *world) noLessons(lvl int, d diary.Date) bool {
	for _, h := range w.daysOff {
		if h.Applies(lvl, d) {
			return true
		}
	}
	for _, p := range w.periods {
		if p.Covers(lvl, d) {
			return false
		}
	}
	return true
}

// demoWorld generates the default school up to mid-October once per test binary.
var demoWorld = func() func(t *testing.T) *world {
	var w *world
	return func(t *testing.T) *world {
		t.Helper()
		if w == nil {
			rec, _ := generate(t, Options{Seed: 2025, Until: diary.MustDate("2025-10-17"), Ahead: 3}, true)
			w = index(t, rec.batches)
		}
		return w
	}
}()

func TestReferencesAndIDs(t *testing.T) {
	w := demoWorld(t)
	if len(w.dupes) > 0 {
		t.Errorf("duplicate ext ids: %v", w.dupes[:min(5, len(w.dupes))])
	}
	if w.school.Name != DemoSchoolName || w.school.SchoolDays != 6 {
		t.Errorf("school = %+v", w.school)
	}
}

func TestLessonsFollowCalendar(t *testing.T) {
	w := demoWorld(t)
	perDay := map[string]int{}
	for _, l := range w.lessons {
		c := w.classes[l.ClassRef]
		d := l.Lesson.Date
		if w.noLessons(c.Level, d) {
			t.Errorf("lesson %s on a day off", l.Lesson.ExtID)
		}
		wd := d.Weekday()
		if wd == time.Sunday || (wd == time.Saturday && c.Level < 10) {
			t.Errorf("lesson %s of level %d on %s", l.Lesson.ExtID, c.Level, wd)
		}
		if (l.SubjectRef == "en" && c.Level >= 5) != (l.GroupRef != "") {
			t.Errorf("lesson %s: subject %s, group %q", l.Lesson.ExtID, l.SubjectRef, l.GroupRef)
		}
		if l.Lesson.Topic == "" || (c.Level > 1 && l.SubjectRef == "math" && l.Lesson.Homework == "") {
			t.Errorf("lesson %s: topic %q, homework %q", l.Lesson.ExtID, l.Lesson.Topic, l.Lesson.Homework)
		}
		perDay[l.ClassRef+d.String()] = max(perDay[l.ClassRef+d.String()], l.Lesson.Number)
	}
	for key, n := range perDay {
		if n < 4 || n > 7 {
			t.Errorf("%s: %d lessons", key, n)
		}
	}
}

func TestGradesFitLessons(t *testing.T) {
	w := demoWorld(t)
	until := diary.MustDate("2025-10-17")
	for _, g := range w.grades {
		l := w.lessons[g.LessonRef]
		gr := g.Grade
		lvl := w.classes[l.ClassRef].Level
		switch {
		case gr.Date != l.Lesson.Date || g.SubjectRef != l.SubjectRef || g.TeacherRef != l.TeacherRef:
			t.Errorf("grade %s does not match its lesson", gr.ExtID)
		case !w.attends(g.StudentRef, l):
			t.Errorf("grade %s: student %s not at lesson %s", gr.ExtID, g.StudentRef, g.LessonRef)
		case w.noLessons(lvl, gr.Date) || gr.Date.After(until):
			t.Errorf("grade %s dated %s", gr.ExtID, gr.Date)
		case gr.Numeric() == (gr.Mark != "") || gr.Weight != weights[gr.WorkType] || gr.Weight == 0:
			t.Errorf("grade %s: value %d mark %q work %q weight %d", gr.ExtID, gr.Value, gr.Mark, gr.WorkType, gr.Weight)
		case lvl == 1:
			t.Errorf("grade %s in the first class", gr.ExtID)
		}
	}
}

func TestAttendanceAndHomework(t *testing.T) {
	w := demoWorld(t)
	valid := map[string]bool{diary.Absent: true, diary.Ill: true, diary.Excused: true, diary.Pass: true, diary.Late: true}
	seen := map[string]int{}
	for _, a := range w.attend {
		if !valid[a.Mark] || !w.attends(a.StudentRef, w.lessons[a.LessonRef]) {
			t.Errorf("attendance %+v", a)
		}
		seen[a.Mark]++
	}
	for m := range valid {
		if seen[m] == 0 {
			t.Errorf("no attendance mark %q among %v", m, seen)
		}
	}
	if len(w.homework) == 0 {
		t.Error("no individual homework")
	}
	for _, h := range w.homework {
		l := w.lessons[h.LessonRef]
		if !h.Homework.Date.After(l.Lesson.Date) || h.SubjectRef != l.SubjectRef || !w.attends(h.StudentRef, l) {
			t.Errorf("homework %+v for lesson %+v", h, l.Lesson)
		}
	}
}

func TestPeopleLookReal(t *testing.T) {
	w := demoWorld(t)
	phone := regexp.MustCompile(`^\+79\d{9}$`)
	phones := map[string]string{}
	check := func(who, p string) {
		if p == "" {
			return
		}
		if !phone.MatchString(p) {
			t.Errorf("%s: phone %q", who, p)
		}
		if other, ok := phones[p]; ok {
			t.Errorf("%s and %s share phone %s", who, other, p)
		}
		phones[p] = who
	}
	for id, s := range w.students {
		check(id, s.Student.Phone)
		checkName(t, id, s.Student.Name)
		lvl := w.classes[s.ClassRef].Level
		age := 2025 - s.Student.BirthDate.Year
		if s.Student.BirthDate.Month >= time.September {
			age--
		}
		if age < lvl+5 || age > lvl+7 {
			t.Errorf("%s in class %d is %d on 1 September", id, lvl, age)
		}
	}
	for id, g := range w.guards {
		check(id, g.Guardian.Phone)
		checkSiblings(t, w, g)
	}
	for id, s := range w.staff {
		check(id, s.Staff.Phone)
		if s.Staff.ActiveFrom.IsZero() || s.Staff.ActiveFrom.After(w.year.Start) {
			t.Errorf("%s active from %s", id, s.Staff.ActiveFrom)
		}
	}
}

// checkName checks the patronymic and the surname agree with the first name's sex.
func checkName(t *testing.T, id string, n diary.Name) {
	t.Helper()
	female := false
	for _, f := range femaleNames {
		female = female || f == n.First
	}
	femMiddle := strings.HasSuffix(n.Middle, "вна") || strings.HasSuffix(n.Middle, "ична")
	if female != femMiddle || (!female && !strings.HasSuffix(n.Middle, "ич")) {
		t.Errorf("%s: %s", id, n.Full())
	}
	if !female && feminine(n.Last) == n.Last && !strings.HasSuffix(n.Last, "ко") &&
		!strings.HasSuffix(n.Last, "их") && !strings.HasSuffix(n.Last, "ых") &&
		!strings.HasSuffix(n.Last, "ук") && n.Last != "Пак" {
		t.Errorf("%s: male surname %q looks female", id, n.Last)
	}
}

// checkSiblings checks that children of one parent share surname and patronymic root.
func checkSiblings(t *testing.T, w *world, g diary.GuardianIn) {
	t.Helper()
	if len(g.StudentRefs) < 2 || g.Guardian.Kind != diary.Parent {
		return
	}
	a, b := w.students[g.StudentRefs[0]].Student.Name, w.students[g.StudentRefs[1]].Student.Name
	root := func(n diary.Name) string {
		for _, m := range maleNames {
			if m.son == n.Middle || m.daughter == n.Middle {
				return m.first
			}
		}
		return "?" + n.Middle
	}
	male := func(n diary.Name) string {
		for _, s := range surnames {
			if s == n.Last || feminine(s) == n.Last {
				return s
			}
		}
		return n.Last
	}
	if male(a) != male(b) || root(a) != root(b) {
		t.Errorf("siblings %s and %s of %s", a.Full(), b.Full(), g.Guardian.ExtID)
	}
}

func TestPersonas(t *testing.T) {
	w := demoWorld(t)
	parent := w.guards[ParentExtID]
	if got := strings.Join(parent.StudentRefs, ","); got != StudentExtID+","+SiblingExtID {
		t.Errorf("%s represents %s", ParentExtID, got)
	}
	if parent.Guardian.Phone != ParentPhone || parent.Guardian.Kind != diary.Parent {
		t.Errorf("parent = %+v", parent.Guardian)
	}
	has := func(ext string, want diary.StaffRoleIn) bool {
		for _, r := range w.staff[ext].Roles {
			if r == want {
				return true
			}
		}
		return false
	}
	for _, tt := range []struct {
		ext  string
		role diary.StaffRoleIn
	}{
		{SubjectTeacherExtID, diary.StaffRoleIn{Role: diary.RoleTeacher}},
		{ClassTeacherExtID, diary.StaffRoleIn{Role: diary.RoleClassTeacher, ClassRef: "7a"}},
		{DeputyExtID, diary.StaffRoleIn{Role: diary.RoleDeputy, Level: diary.LevelBasic}},
		{DirectorExtID, diary.StaffRoleIn{Role: diary.RoleDirector}},
		{"jadm", diary.StaffRoleIn{Role: diary.RoleJournalAdmin}},
		{"sysadm", diary.StaffRoleIn{Role: diary.RoleSysAdmin}},
	} {
		if !has(tt.ext, tt.role) {
			t.Errorf("%s lacks %+v: %+v", tt.ext, tt.role, w.staff[tt.ext].Roles)
		}
	}
	teaches := map[string]bool{}
	for _, l := range w.lessons {
		if l.ClassRef == "7a" {
			teaches[l.TeacherRef+"/"+l.SubjectRef] = true
		}
	}
	if !teaches[SubjectTeacherExtID+"/alg"] || !teaches[ClassTeacherExtID+"/rus"] {
		t.Errorf("7a's teachers: %v", teaches)
	}
}

func TestEveryClassHasOneClassTeacher(t *testing.T) {
	w := demoWorld(t)
	count := map[string]int{}
	for _, s := range w.staff {
		for _, r := range s.Roles {
			if r.Role == diary.RoleClassTeacher {
				count[r.ClassRef]++
			}
		}
	}
	for ext := range w.classes {
		if count[ext] != 1 {
			t.Errorf("class %s has %d class teachers", ext, count[ext])
		}
	}
}

func TestMarksArePlausible(t *testing.T) {
	w := demoWorld(t)
	var sum, n, twos int
	marks := map[string]int{}
	type key struct{ student, subject string }
	acc := map[key][2]int{}
	for _, g := range w.grades {
		if !g.Grade.Numeric() {
			marks[g.Grade.Mark]++
			continue
		}
		sum, n = sum+g.Grade.Value, n+1
		if g.Grade.Value <= 2 {
			twos++
		}
		k := key{g.StudentRef, g.SubjectRef}
		a := acc[k]
		acc[k] = [2]int{a[0] + g.Grade.Value*g.Grade.Weight, a[1] + g.Grade.Weight}
	}
	mean := float64(sum) / float64(n)
	if mean < 3.5 || mean > 4.3 {
		t.Errorf("mean mark %.2f", mean)
	}
	if share := float64(twos) / float64(n); share < 0.03 || share > 0.2 {
		t.Errorf("share of 2s %.3f", share)
	}
	failing := 0
	for _, a := range acc {
		if 2*a[0] < 5*a[1] {
			failing++
		}
	}
	if failing == 0 || float64(failing)/float64(len(acc)) > 0.05 {
		t.Errorf("%d of %d student-subject averages below 2.5", failing, len(acc))
	}
	if marks[diary.MarkPass] == 0 || marks[diary.MarkExempt] == 0 {
		t.Errorf("non-numeric marks: %v", marks)
	}
	lessons := 0
	for _, l := range w.lessons {
		if !l.Lesson.Date.After(diary.MustDate("2025-10-17")) {
			lessons += 28
		}
	}
	if rate := float64(len(w.attend)) / float64(lessons); rate < 0.01 || rate > 0.1 {
		t.Errorf("attendance marks per student-lesson %.3f", rate)
	}
}

func TestTeachersRarelyClash(t *testing.T) {
	w := demoWorld(t)
	slots := map[string]int{}
	for _, l := range w.lessons {
		slots[l.TeacherRef+l.Lesson.Date.String()+string(rune('0'+l.Lesson.Number))]++
	}
	clashes := 0
	for _, n := range slots {
		clashes += n - 1
	}
	if share := float64(clashes) / float64(len(w.lessons)); share > 0.015 {
		t.Errorf("%d of %d lessons clash with the teacher's other lesson (%.3f)", clashes, len(w.lessons), share)
	}
	t.Logf("%d clashes in %d lessons", clashes, len(w.lessons))
}
