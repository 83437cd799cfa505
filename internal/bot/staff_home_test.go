package bot

import (
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/demo"
	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/i18n"
	"github.com/schooldiary/diary/internal/telegramtest"
)

// thursday is the day of the journal with marks at the subject teacher's
// lessons: the tests move the clock back to it from startTime (a Monday).
const thursday = -4 * 24 * time.Hour

// forgedUpdates numbers the updates tests send past the emulator.
var forgedUpdates atomic.Int64

// forge issues btn to the user as the bot would (as if some message of
// the bot carried it) and presses it: a button for what the user may not
// see must get nothing.
func (h *harness) forge(userID int64, btn button) {
	h.t.Helper()
	id, err := h.b.newButtonID()
	if err != nil {
		h.t.Fatal(err)
	}
	if err := h.b.issue(h.ctx, &req{chatID: userID, userID: userID}, id, btn); err != nil {
		h.t.Fatal(err)
	}
	if err := h.b.Receive(h.ctx, callbackUpdate(50_000_000+forgedUpdates.Add(1), userID, id)); err != nil {
		h.t.Fatal(err)
	}
}

// buttonWith returns the text of the first button of m whose label contains s.
func buttonWith(t *testing.T, m telegramtest.Message, s string) string {
	t.Helper()
	for _, row := range m.InlineKeyboard {
		for _, b := range row {
			if strings.Contains(b.Text, s) {
				return b.Text
			}
		}
	}
	t.Fatalf("no button with %q in %+v", s, m.InlineKeyboard)
	return ""
}

// hasButton reports whether m has a button labelled text.
func hasButton(m telegramtest.Message, text string) bool {
	for _, row := range m.InlineKeyboard {
		for _, b := range row {
			if b.Text == text {
				return true
			}
		}
	}
	return false
}

// classOf returns the demo school's class named name.
func (h *harness) classOf(name string) diary.Class {
	h.t.Helper()
	cl, err := h.db.ClassByName(h.ctx, h.school.ID, name)
	if err != nil {
		h.t.Fatalf("class %s: %v", name, err)
	}
	return cl
}

// staffVisits counts the school's visits of view recorded for staffID.
func (h *harness) staffVisits(staffID int64, view string) int {
	h.t.Helper()
	vs, err := h.db.Visits(h.ctx, h.school.ID, time.Time{}, h.clock.Now().Add(time.Hour))
	if err != nil {
		h.t.Fatal(err)
	}
	n := 0
	for _, v := range vs {
		if v.StaffID == staffID && v.View == view {
			n++
		}
	}
	return n
}

// TestSubjectTeacherHome: a subject teacher's home has their lessons of
// today and tomorrow, a lesson's class list with the absent marked, their
// classes, a student's card and the expected grade with a reason; family
// commands and /help lead to the staff's own home, every view is recorded.
func TestSubjectTeacherHome(t *testing.T) {
	forEachStore(t, options{}, func(t *testing.T, h *harness) {
		h.clock.Advance(thursday)
		teacher := h.staffByExt(diary.RoleTeacher, demo.SubjectTeacherExtID)
		u := h.user(telegramtest.User{})
		menu := h.linkStaff(u.ID, teacher)
		if !strings.Contains(menu.Text, "Должность: учитель.") {
			t.Errorf("the menu does not name the duties: %q", menu.Text)
		}
		for _, key := range []i18n.Key{i18n.BtnStaffToday, i18n.BtnStaffTomorrow, i18n.BtnStaffClasses} {
			if !hasButton(menu, label(key)) {
				t.Errorf("no %q in the teacher's menu %+v", label(key), menu.InlineKeyboard)
			}
		}
		if hasButton(menu, label(i18n.BtnStaffCover)) || hasButton(menu, label(i18n.BtnStaffLevels)) {
			t.Errorf("a teacher's menu has the administration's buttons: %+v", menu.InlineKeyboard)
		}
		h.press(u.ID, menu, label(i18n.BtnStaffToday))
		today := h.expect(u.ID, "Ваши уроки")
		for _, want := range []string{"7А", "Случайные события и вероятности", "Задано: № 45, 47, 50", "8А"} {
			if !strings.Contains(today.Text, want) {
				t.Errorf("today's lessons lack %q:\n%s", want, today.Text)
			}
		}
		oneARow(t, today, kindLesson)
		h.press(u.ID, today, buttonWith(t, today, "3. 8А"))
		roster := h.expect(u.ID, "8А")
		h.checkRoster(roster, "8А", diary.DateOf(h.clock.Now()), 3)
		menu = h.home(u.ID, roster, teacher)
		h.press(u.ID, menu, label(i18n.BtnStaffTomorrow))
		tomorrow := h.expect(u.ID, "Ваши уроки")
		if h.staffVisits(teacher.ID, "staff.lessons") != 2 || h.staffVisits(teacher.ID, "staff.lesson") != 1 {
			t.Errorf("the teacher's views are not all recorded")
		}
		h.teacherCard(u.ID, teacher, h.home(u.ID, tomorrow, teacher))
		h.send(u.ID, "/grades")
		h.expectKey(u.ID, i18n.StaffMenu, "name", teacher.Name.Full())
		h.send(u.ID, "/start")
		if m := h.next(u.ID); strings.Contains(m.Text, "Выберите в меню") {
			t.Errorf("a teacher's greeting has the families' wording: %q", m.Text)
		}
		h.expectKey(u.ID, i18n.StaffMenu, "name", teacher.Name.Full())
		h.send(u.ID, "/help")
		help := h.expectKey(u.ID, i18n.HelpStaffTeacher)
		if strings.Contains(help.Text, i18n.PlainText(i18n.Safe(i18n.T(i18n.RU, i18n.HelpStaffAdmin)))) {
			t.Errorf("a teacher's help describes the administration's views")
		}
	})
}

// oneARow fails unless every row of m holding a button of kind holds
// only it: long labels are cut on a phone when two share a row.
func oneARow(t *testing.T, m telegramtest.Message, kind string) {
	t.Helper()
	if len(m.InlineKeyboard) < 2 {
		t.Fatalf("too few rows to check: %+v", m.InlineKeyboard)
	}
	for _, row := range m.InlineKeyboard[:len(m.InlineKeyboard)-1] {
		if len(row) != 1 {
			t.Errorf("%s: %d buttons in a row %+v", kind, len(row), row)
		}
	}
}

// home presses «Меню сотрудника» on view m and returns the staff menu it
// becomes.
func (h *harness) home(userID int64, m telegramtest.Message, s diary.Staff) telegramtest.Message {
	h.t.Helper()
	h.press(userID, m, label(i18n.BtnStaffHome))
	return h.expectKey(userID, i18n.StaffMenu, "name", s.Name.Full())
}

// checkRoster checks a lesson's class list: every student of the class,
// those marked at the lesson with their mark.
func (h *harness) checkRoster(m telegramtest.Message, class string, day diary.Date, number int) {
	h.t.Helper()
	cl := h.classOf(class)
	lessons, err := h.db.ClassLessons(h.ctx, cl.ID, 0, day, day)
	if err != nil {
		h.t.Fatal(err)
	}
	var lesson diary.Lesson
	for _, l := range lessons {
		if l.Number == number {
			lesson = l
		}
	}
	marks, err := h.db.LessonAttendance(h.ctx, lesson.ID)
	if err != nil || len(marks) == 0 {
		h.t.Fatalf("the demo has no marks at %s #%d: %v", day, number, err)
	}
	students, _ := h.db.StudentsOfClass(h.ctx, cl.ID)
	for _, s := range students {
		if !strings.Contains(m.Text, s.Name.Full()) {
			h.t.Errorf("the class list lacks %s:\n%s", s.Name.Full(), m.Text)
		}
	}
	for _, a := range marks {
		st, _ := h.db.Student(h.ctx, a.StudentID)
		if want := st.Name.Full() + " — " + a.Mark; !strings.Contains(m.Text, want) {
			h.t.Errorf("the class list lacks %q:\n%s", want, m.Text)
		}
	}
}

// teacherCard goes from «Мои классы» to a student's card of 7А and sets the
// expected grade with a reason.
func (h *harness) teacherCard(userID int64, teacher diary.Staff, menu telegramtest.Message) {
	h.t.Helper()
	h.press(userID, menu, label(i18n.BtnStaffClasses))
	classes := h.expectKey(userID, i18n.StaffClassesTitle)
	if strings.Contains(fmt.Sprint(classes.InlineKeyboard), "10А") {
		h.t.Errorf("a teacher of 7–9 is offered 10А: %+v", classes.InlineKeyboard)
	}
	oneARow(h.t, classes, kindStudents)
	h.press(userID, classes, buttonWith(h.t, classes, "7А"))
	list := h.expect(userID, "выберите ученика")
	students, _ := h.db.StudentsOfClass(h.ctx, h.classOf("7А").ID)
	st := students[0]
	h.press(userID, list, st.Name.Short())
	card := h.expect(userID, st.Name.Full())
	for _, want := range []string{"Средний балл", "Ожидаемая оценка"} {
		if !strings.Contains(card.Text, want) {
			h.t.Errorf("the card lacks %q:\n%s", want, card.Text)
		}
	}
	h.press(userID, card, label(i18n.BtnStaffExpect))
	values := h.expect(userID, "Выберите оценку")
	h.press(userID, values, "3")
	h.expect(userID, "Напишите одним сообщением причину")
	h.send(userID, "Не сдана контрольная <работа>")
	h.expect(userID, "Записано: ожидаемая оценка 3")
	h.checkExpected(st, teacher, 3, "Не сдана контрольная <работа>")
	if h.staffVisits(teacher.ID, "staff.card") != 1 {
		h.t.Errorf("the card view is not recorded")
	}
}

// checkExpected checks that the store holds the teacher's expected grade.
func (h *harness) checkExpected(st diary.Student, teacher diary.Staff, value int, reason string) {
	h.t.Helper()
	cl, _ := h.db.Class(h.ctx, st.ClassID)
	p, err := h.db.PeriodAt(h.ctx, h.school.ID, cl.Level, diary.DateOf(h.clock.Now()))
	if err != nil {
		h.t.Fatal(err)
	}
	got, err := h.db.ExpectedGrades(h.ctx, st.ID, p.ID)
	if err != nil || len(got) != 1 {
		h.t.Fatalf("expected grades: %+v, %v", got, err)
	}
	if g := got[0]; g.Value != value || g.Reason != reason || g.TeacherID != teacher.ID {
		h.t.Errorf("expected grade = %+v", g)
	}
}

// TestStaffScoping: a forged button for what the role does not cover gets
// nothing — a teacher of 7–9 nothing of 10А or of another teacher's lesson,
// a deputy of 5–9 nothing of 10А — and the refusal names nothing.
func TestStaffScoping(t *testing.T) {
	forEachStore(t, options{}, func(t *testing.T, h *harness) {
		c10 := h.classOf("10А")
		students, _ := h.db.StudentsOfClass(h.ctx, c10.ID)
		subjects, _ := h.db.Subjects(h.ctx, h.school.ID)
		teacher := h.staffByExt(diary.RoleTeacher, demo.SubjectTeacherExtID)
		u := h.user(telegramtest.User{})
		h.linkStaff(u.ID, teacher)
		other := h.staffByExt(diary.RoleTeacher, "t-math-2")
		day := diary.DateOf(startTime)
		theirs, _ := h.db.TeacherLessons(h.ctx, other.ID, day, day.AddDays(3))
		forged := []button{
			{Kind: kindStudents, Arg: c10.ID, Action: fmt.Sprintf("%d.0", subjects[0].ID)},
			{Kind: kindLesson, Arg: theirs[0].ID},
			{Kind: kindClass, Arg: h.classOf("7А").ID},
			{Kind: kindCover},
			{Kind: kindLevels},
			{Kind: kindLesson, Arg: 1 << 40},
		}
		for _, s := range subjects {
			forged = append(forged, button{Kind: kindCard, Student: students[0].ID, Arg: s.ID},
				button{Kind: kindValue, Student: students[0].ID, Arg: s.ID, Action: "2"})
		}
		for _, btn := range forged {
			h.forge(u.ID, btn)
			if m := h.expectKey(u.ID, i18n.StaffNotYours); strings.Contains(m.Text, students[0].Name.Last) {
				t.Errorf("a refusal names the student: %q", m.Text)
			}
		}
		deputy := h.staffByExt(diary.RoleDeputy, demo.DeputyExtID)
		d := h.user(telegramtest.User{})
		h.linkStaff(d.ID, deputy)
		for _, btn := range []button{{Kind: kindClass, Arg: c10.ID}, {Kind: kindCard, Student: students[0].ID, Arg: subjects[0].ID}, {Kind: kindActive}} {
			h.forge(d.ID, btn)
			h.expectKey(d.ID, i18n.StaffNotYours)
		}
	})
}

// TestClassTeacherGlance: the class teacher sees who linked, consented and
// visited, the open requests of the class, today's absences and the
// students at risk; the view is recorded.
func TestClassTeacherGlance(t *testing.T) {
	forEachStore(t, options{}, func(t *testing.T, h *harness) {
		h.clock.Advance(thursday)
		f := h.parent()
		pu := h.user(telegramtest.User{})
		fmenu := h.linkParent(pu.ID, f, f.student)
		h.press(pu.ID, fmenu, label(i18n.MenuGrades))
		h.expect(pu.ID, " · grades")
		_, err := h.db.CreateAccessRequest(h.ctx, diary.AccessRequest{SchoolID: h.school.ID, TelegramUserID: 777,
			ChatID: 777, Name: "Смирнова Ольга", ChildName: "Смирнов Олег", ClassName: "7 а", ClassID: f.student.ClassID})
		if err != nil {
			t.Fatal(err)
		}
		students, _ := h.db.StudentsOfClass(h.ctx, f.student.ClassID)
		atRisk := students[len(students)-1]
		h.applyLowGrades(atRisk, 2)
		teacher := h.staffByExt(diary.RoleClassTeacher, demo.ClassTeacherExtID)
		u := h.user(telegramtest.User{})
		menu := h.linkStaff(u.ID, teacher)
		h.expectKey(u.ID, i18n.AccessWaiting, "n", 1)
		if !strings.Contains(menu.Text, "Должность: учитель, классный руководитель 7А.") {
			t.Errorf("the menu does not name the duties: %q", menu.Text)
		}
		h.press(u.ID, menu, label(i18n.BtnStaffClass, "class", "7А"))
		glance := h.expect(u.ID, "Класс 7А")
		n := len(students)
		for _, want := range []string{
			fmt.Sprintf("Подключили дневник: 1 из %d", n), fmt.Sprintf("Дали согласие на обработку данных: 1 из %d", n),
			fmt.Sprintf("Не подключены: %d учеников — список по кнопке ниже", n-1),
			"Из подключённых семей (1) все заходили в дневник за 7 дней.",
			"Смирнова Ольга — Смирнов Олег", "Запросы на доступ: 1", "Средний балл ниже 2,5",
		} {
			if !strings.Contains(glance.Text, want) {
				t.Errorf("the glance lacks %q:\n%s", want, glance.Text)
			}
		}
		h.checkRiskByStudent(glance.Text)
		if line := lineOf(glance.Text, "• "+shortName(atRisk)); strings.Count(line, ";") < 1 {
			t.Errorf("%s is at risk in two subjects, the glance says %q", atRisk.Name.Full(), line)
		}
		h.checkAbsentToday(glance.Text, f.student.ClassID)
		for _, s := range students {
			if short := s.Name.Short(); strings.Contains(glance.Text, short) {
				t.Errorf("%q can break across lines: no no-break spaces", short)
			}
		}
		if h.staffVisits(teacher.ID, "staff.class") != 1 {
			t.Errorf("the glance is not recorded")
		}
		h.checkUnlinkedList(u.ID, glance, students, f.student)
	})
}

// applyLowGrades gives st fifteen 1s today in each of the school's first
// subjects: an average below 2,5 in them.
func (h *harness) applyLowGrades(st diary.Student, subjects int) {
	h.t.Helper()
	all, err := h.db.Subjects(h.ctx, h.school.ID)
	if err != nil || len(all) < subjects {
		h.t.Fatalf("subjects: %v", err)
	}
	b := &diary.Batch{School: diary.School{Code: h.school.Code}, AsOf: diary.DateOf(startTime)}
	for i, subj := range all[:subjects] {
		for j := range 15 {
			b.Grades = append(b.Grades, diary.GradeIn{StudentRef: st.ExtID, SubjectRef: subj.ExtID,
				Grade: diary.Grade{ExtID: fmt.Sprintf("low-%d-%d", i, j), Date: diary.DateOf(h.clock.Now()),
					Value: 1, Weight: diary.WeightOne}})
		}
	}
	if _, err := h.db.Apply(h.ctx, b, diary.ApplyOptions{}); err != nil {
		h.t.Fatalf("Apply: %v", err)
	}
}

// checkRiskByStudent checks the glance's students at risk: one line a
// student, as many lines as the count says.
func (h *harness) checkRiskByStudent(text string) {
	h.t.Helper()
	part := text[strings.Index(text, "Средний балл ниже 2,5"):]
	lines := strings.Split(part, "\n")
	var n int
	if _, err := fmt.Sscanf(lines[0], "Средний балл ниже 2,5: %d", &n); err != nil || n == 0 {
		h.t.Fatalf("the demo has no students at risk in 7А: %q", lines[0])
	}
	seen := map[string]bool{}
	for _, l := range lines[1:] {
		name, _, _ := strings.Cut(strings.TrimPrefix(l, "• "), ":")
		if seen[name] {
			h.t.Errorf("%s has more than one line at risk:\n%s", name, part)
		}
		seen[name] = true
	}
	if len(lines)-1 != n {
		h.t.Errorf("the count says %d at risk, %d lines follow:\n%s", n, len(lines)-1, part)
	}
}

// checkUnlinkedList opens the full list of the families not linked from
// the glance: one full name a line, the linked family not among them; it
// leads back to the glance.
func (h *harness) checkUnlinkedList(userID int64, glance telegramtest.Message, students []diary.Student, linked diary.Student) {
	h.t.Helper()
	h.press(userID, glance, label(i18n.BtnStaffShowUnlinked, "n", len(students)-1))
	list := h.expect(userID, "не подключили дневник")
	for _, s := range students {
		listed := strings.Contains(list.Text, ". "+s.Name.Full()+"\n") || strings.HasSuffix(list.Text, ". "+s.Name.Full())
		if listed == (s.ID == linked.ID) {
			h.t.Errorf("%s listed = %v in the unlinked:\n%s", s.Name.Full(), listed, list.Text)
		}
	}
	h.press(userID, list, label(i18n.BtnStaffToClass, "class", "7А"))
	back := h.expect(userID, "Подключили дневник")
	if !hasButton(back, label(i18n.BtnRequests)) {
		h.t.Errorf("the class teacher's glance has no button to the requests: %+v", back.InlineKeyboard)
	}
	h.press(userID, back, label(i18n.BtnRequests))
	h.expectKey(userID, i18n.StaffRequestsHead, "n", 1)
}

// lineOf returns the line of text that starts with prefix.
func lineOf(text, prefix string) string {
	for _, l := range strings.Split(text, "\n") {
		if strings.HasPrefix(l, prefix) {
			return l
		}
	}
	return ""
}

// checkAbsentToday checks the glance's absences against the journal.
func (h *harness) checkAbsentToday(text string, classID int64) {
	h.t.Helper()
	today := diary.DateOf(h.clock.Now())
	marks, _ := h.db.ClassAttendance(h.ctx, classID, today, today)
	line := lineOf(text, "Отсутствуют сегодня")
	for _, a := range marks {
		st, _ := h.db.Student(h.ctx, a.StudentID)
		if diary.Absence(a.Mark) && !strings.Contains(line, shortName(st)) {
			h.t.Errorf("%s is absent today, the glance says %q", shortName(st), line)
		}
	}
}

// TestDeputyLevels: a deputy of 5–9 sees their classes and nothing else.
func TestDeputyLevels(t *testing.T) {
	forEachStore(t, options{}, func(t *testing.T, h *harness) {
		deputy := h.staffByExt(diary.RoleDeputy, demo.DeputyExtID)
		u := h.user(telegramtest.User{})
		menu := h.linkStaff(u.ID, deputy)
		if hasButton(menu, label(i18n.BtnStaffToday)) || hasButton(menu, label(i18n.BtnStaffCover)) {
			t.Errorf("a deputy's menu: %+v", menu.InlineKeyboard)
		}
		h.press(u.ID, menu, label(i18n.BtnStaffLevels))
		levels := h.expect(u.ID, "Классы Ваших ступеней")
		if !strings.Contains(levels.Text, "\n\n5–9 классы\n5А: ср. ") {
			t.Errorf("the level's title is not set apart by a blank line:\n%s", levels.Text)
		}
		for _, cl := range []string{"5А", "6А", "7А", "8А", "9А"} {
			if !strings.Contains(levels.Text, "\n"+cl+": ср. ") {
				t.Errorf("the levels lack %s:\n%s", cl, levels.Text)
			}
		}
		for _, cl := range []string{"10А", "11А", "1А", "4А"} {
			if strings.Contains(levels.Text, cl) || strings.Contains(fmt.Sprint(levels.InlineKeyboard), cl) {
				t.Errorf("a deputy of 5–9 sees %s:\n%s", cl, levels.Text)
			}
		}
		h.press(u.ID, levels, label(i18n.BtnStaffClass, "class", "9А"))
		glance := h.expect(u.ID, "Класс 9А")
		if want := i18n.T(i18n.RU, i18n.StaffClassNoLinked); !strings.Contains(glance.Text, want) {
			t.Errorf("no family of 9А linked, the glance does not say who can be unseen:\n%s", glance.Text)
		}
		if hasButton(glance, label(i18n.BtnRequests)) || hasButton(glance, label(i18n.BtnStaffFamily, "class", "9А")) {
			t.Errorf("a deputy's glance has the class teacher's buttons: %+v", glance.InlineKeyboard)
		}
		h.press(u.ID, glance, label(i18n.BtnStaffToLevels))
		h.expect(u.ID, "Классы Ваших ступеней")
		if h.staffVisits(deputy.ID, "staff.levels") != 2 || h.staffVisits(deputy.ID, "staff.class") != 1 {
			t.Errorf("the deputy's views are not recorded")
		}
	})
}

// TestSchoolCoverage: the director and the journal administrator see the
// linking, consent and the week's activity of every class.
func TestSchoolCoverage(t *testing.T) {
	forEachStore(t, options{}, func(t *testing.T, h *harness) {
		f := h.parent()
		pu := h.user(telegramtest.User{})
		fmenu := h.linkParent(pu.ID, f, f.student)
		h.press(pu.ID, fmenu, label(i18n.MenuGrades))
		h.expect(pu.ID, " · grades")
		students, _ := h.db.StudentsOfClass(h.ctx, f.student.ClassID)
		for _, who := range []struct {
			role diary.Role
			ext  string
		}{{diary.RoleDirector, demo.DirectorExtID}, {diary.RoleJournalAdmin, "jadm"}} {
			s := h.staffByExt(who.role, who.ext)
			u := h.user(telegramtest.User{})
			menu := h.linkStaff(u.ID, s)
			h.press(u.ID, menu, label(i18n.BtnStaffCover))
			cover := h.expect(u.ID, "Подключение и согласия по классам")
			if want := fmt.Sprintf("7А: 1 / 1 / %d", len(students)); !strings.Contains(cover.Text, want) {
				t.Errorf("%s: coverage lacks %q:\n%s", who.ext, want, cover.Text)
			}
			if !strings.Contains(cover.Text, "10А: 0 / 0 /") || !strings.Contains(cover.Text, "Школа: 1 / 1 / 60") {
				t.Errorf("%s: coverage of the school:\n%s", who.ext, cover.Text)
			}
			h.press(u.ID, h.home(u.ID, cover, s), label(i18n.BtnStaffActive))
			active := h.expect(u.ID, "Активность за неделю")
			if want := fmt.Sprintf("7А: 1 из %d", len(students)); !strings.Contains(active.Text, want) {
				t.Errorf("%s: activity lacks %q:\n%s", who.ext, want, active.Text)
			}
			if h.staffVisits(s.ID, "staff.cover") != 1 || h.staffVisits(s.ID, "staff.active") != 1 {
				t.Errorf("%s: the views are not recorded", who.ext)
			}
		}
	})
}

// TestGroupTeacherAndCancel: a teacher of a language group is offered the
// group, whose list holds its members only; /cancel drops a pending
// expected grade without writing it.
func TestGroupTeacherAndCancel(t *testing.T) {
	forEachStore(t, options{}, func(t *testing.T, h *harness) {
		teacher := h.staffByExt(diary.RoleTeacher, "t-en-1")
		u := h.user(telegramtest.User{})
		menu := h.linkStaff(u.ID, teacher)
		h.press(u.ID, menu, label(i18n.BtnStaffClasses))
		classes := h.expectKey(u.ID, i18n.StaffClassesTitle)
		h.press(u.ID, classes, buttonWith(t, classes, "7А ("))
		list := h.expect(u.ID, "выберите ученика")
		sc, err := h.b.scopeOf(h.ctx, staffMember{staff: teacher})
		if err != nil {
			t.Fatal(err)
		}
		var group int64
		for _, tt := range sc.teaching {
			if tt.ClassID == h.classOf("7А").ID {
				group = tt.GroupID
			}
		}
		members, _ := h.db.StudentsOfGroup(h.ctx, group)
		if got := len(list.InlineKeyboard) - 1; got != (len(members)+1)/2 || len(members) == 0 {
			t.Errorf("%d rows of students for a group of %d", got, len(members))
		}
		h.press(u.ID, list, members[0].Name.Short())
		card := h.expect(u.ID, members[0].Name.Full())
		h.press(u.ID, card, label(i18n.BtnStaffExpect))
		h.press(u.ID, h.expect(u.ID, "Выберите оценку"), "5")
		h.expect(u.ID, "Напишите одним сообщением причину")
		h.send(u.ID, "/cancel")
		h.expectKey(u.ID, i18n.StaffMenu, "name", teacher.Name.Full())
		h.send(u.ID, "просто текст")
		h.expectKey(u.ID, i18n.ErrUnknownInput)
		p, _ := h.db.PeriodAt(h.ctx, h.school.ID, 7, diary.DateOf(h.clock.Now()))
		if got, _ := h.db.ExpectedGrades(h.ctx, members[0].ID, p.ID); len(got) != 0 {
			t.Errorf("a cancelled expected grade was written: %+v", got)
		}
	})
}
