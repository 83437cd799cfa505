package views_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/i18n"
	"github.com/schooldiary/diary/internal/store/storetest"
	"github.com/schooldiary/diary/internal/views"
)

// viewCase is one rendering and what its text must and must not contain.
type viewCase struct {
	name    string
	lang    i18n.Lang
	today   string
	student string
	action  views.Action
	want    []string
	notWant []string
}

// run renders each case against s.
func run(t *testing.T, s *school, tests []viewCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := tt.action
			a.StudentID = s.student(t, tt.student)
			got, _ := s.render(t, tt.lang, tt.today, a)
			wantAll(t, got, tt.want...)
			wantNone(t, got, tt.notWant...)
		})
	}
}

func TestGrades(t *testing.T) {
	s := newSchool(t, nil)
	setExpected(t, s, storetest.StudentVolkov, 4, "Не сдал две работы")
	q2 := s.periods[storetest.PeriodQ2]
	run(t, s, []viewCase{
		{name: "ru marks, averages, expected and period grades", lang: i18n.RU, today: "2026-09-10", student: storetest.StudentBelov,
			action: views.Action{View: views.Grades},
			want: []string{"<b>Оценки · 1 четверть</b>", "Белов Антон, 5А\n\n<b>Английский язык</b> — 4,00 · ожид. 4\n" +
				"<b>Математика</b> — 3,67 · за период: <b>4</b>\n<b>Русский язык</b> — 2,00 · ожид. 2\n" +
				"<b>Физическая культура</b> · за период: <b>зач</b>\n\n<i>Средний балл с учётом веса работ"},
			notWant: []string{"Немецкий", "каникулы", "(учитель)", "3 (×2)"}},
		{name: "en decimal point and pass", lang: i18n.EN, today: "2026-09-10", student: storetest.StudentBelov,
			action: views.Action{View: views.Grades},
			want:   []string{"<b>Grades · 1 четверть</b>", "class 5А", "— 3.67 · term grade: <b>4</b>", "— 2.00 · exp. 2", "<b>Физическая культура</b> · term grade: <b>pass</b>\n"}},
		{name: "teacher's expected grade with reason", lang: i18n.RU, today: "2026-09-10", student: storetest.StudentVolkov,
			action: views.Action{View: views.Grades},
			want:   []string{"<b>Математика</b> — 4,60 · ожид. 4 (учитель)\n"}, notWant: []string{"Причина"}},
		{name: "average rounds by the school's rule", lang: i18n.RU, today: "2026-09-10", student: storetest.StudentBelova,
			action: views.Action{View: views.Grades},
			want:   []string{"<b>Оценки · 1 полугодие</b>", "<b>Математика</b> — 4,60 · ожид. 5\n"}},
		{name: "non-numeric mark only", lang: i18n.RU, today: "2026-09-10", student: storetest.StudentGuseva,
			action: views.Action{View: views.Grades},
			want:   []string{"<b>Математика</b> — н/а\n"}, notWant: []string{"н/а · "}},
		{name: "vacation shows the last finished period", lang: i18n.RU, today: "2026-10-28", student: storetest.StudentBelov,
			action: views.Action{View: views.Grades},
			want:   []string{"<b>Оценки · 1 четверть</b>", "Сейчас каникулы — показан прошедший период: 1 четверть."}},
		{name: "vacation note in English", lang: i18n.EN, today: "2026-10-28", student: storetest.StudentBelov,
			action: views.Action{View: views.Grades},
			want:   []string{"It is a holiday now — showing the last term: 1 четверть."}},
		{name: "before the year the first period", lang: i18n.RU, today: "2026-08-20", student: storetest.StudentBelov,
			action: views.Action{View: views.Grades},
			want:   []string{"Учебный период ещё не начался — показан ближайший: 1 четверть."}},
		{name: "another period", lang: i18n.RU, today: "2026-12-01", student: storetest.StudentBelov,
			action:  views.Action{View: views.Grades, PeriodID: q2},
			want:    []string{"<b>Оценки · 2 четверть</b>", "<b>Математика</b> — 4,00 · ожид. 4\n"},
			notWant: []string{"Русский"}},
		{name: "empty student", lang: i18n.RU, today: "2026-09-10", student: emptyStudent,
			action: views.Action{View: views.Grades},
			want:   []string{"Оценок за этот период пока нет."}, notWant: []string{"<b>Математика</b>"}},
		{name: "empty student en", lang: i18n.EN, today: "2026-09-10", student: emptyStudent,
			action: views.Action{View: views.Grades},
			want:   []string{"No grades for this term yet."}},
	})
}

// setExpected records a math teacher's expected grade in the first quarter
// (the first half for 10Б).
func setExpected(t *testing.T, s *school, student string, value int, reason string) {
	t.Helper()
	err := s.db.SetExpectedGrade(s.ctx, diary.ExpectedGrade{StudentID: s.student(t, student),
		SubjectID: s.subjects[storetest.SubjMath], PeriodID: s.periods[storetest.PeriodQ1],
		TeacherID: s.staff[storetest.StaffIvanova], Value: value, Reason: reason})
	if err != nil {
		t.Fatalf("SetExpectedGrade: %v", err)
	}
}

func TestGradesButtons(t *testing.T) {
	s := newSchool(t, nil)
	belov := s.student(t, storetest.StudentBelov)
	_, pages := s.render(t, i18n.RU, "2026-12-01", views.Action{View: views.Grades, StudentID: belov})
	got := pages[len(pages)-1].Buttons
	var labels []string
	var prev *views.Action
	for _, row := range got {
		for _, b := range row {
			labels = append(labels, b.Label)
			if b.Label == "← 1 четверть" {
				prev = &b.Action
			}
		}
	}
	if want := "Матем.|← 1 четверть"; strings.Join(labels, "|") != want {
		t.Errorf("labels = %q, want %q", strings.Join(labels, "|"), want)
	}
	if prev == nil || prev.PeriodID != s.periods[storetest.PeriodQ1] || prev.View != views.Grades || prev.StudentID != belov {
		t.Fatalf("previous period button = %+v", prev)
	}
	text, _ := s.render(t, i18n.RU, "2026-12-01", *prev)
	wantAll(t, text, "<b>Оценки · 1 четверть</b>", "<b>Математика</b> — 3,67")
	wantNone(t, text, "каникулы")
}

func TestSubjectDetail(t *testing.T) {
	s := newSchool(t, nil)
	setExpected(t, s, storetest.StudentVolkov, 4, "Не сдал две работы")
	math := s.subjects[storetest.SubjMath]
	run(t, s, []viewCase{
		{name: "ru each mark with work and description", lang: i18n.RU, today: "2026-09-10", student: storetest.StudentBelov,
			action: views.Action{View: views.SubjectDetail, SubjectID: math},
			want: []string{"<b>Математика · 1 четверть</b>",
				"7 сен · <b>5</b> · ответ на уроке — Устный счёт\n8 сен · <b>3</b> (×2) · контрольная работа — Входная контрольная\n\n",
				"Средний балл: <b>3,67</b> (2 оценки)", "Оценка за период: <b>4</b>", "(×2) — вес работы: в среднем балле она считается как две оценки."},
			notWant: []string{"Ожидаемая"}},
		{name: "en", lang: i18n.EN, today: "2026-09-10", student: storetest.StudentBelov,
			action: views.Action{View: views.SubjectDetail, SubjectID: math},
			want:   []string{"8 Sep · <b>3</b> (×2) · контрольная работа — Входная контрольная", "Average: <b>3.67</b> (2 grades)", "Term grade: <b>4</b>", "it counts as two grades"}},
		{name: "teacher expects lower, with reason", lang: i18n.RU, today: "2026-09-10", student: storetest.StudentVolkov,
			action: views.Action{View: views.SubjectDetail, SubjectID: math},
			want: []string{"8 сен · <b>5</b> (×1,5) · самостоятельная работа", "Средний балл: <b>4,60</b> (2 оценки)",
				"Учитель ожидает оценку <b>4</b> (по среднему баллу — 5)", "Причина: Не сдал две работы"}},
		{name: "expected from the average", lang: i18n.RU, today: "2026-09-10", student: storetest.StudentBelov,
			action: views.Action{View: views.SubjectDetail, SubjectID: s.subjects[storetest.SubjRus]},
			want:   []string{"11 сен · <b>2</b> · диктант — Словарный диктант", "(1 оценка)", "Ожидаемая оценка за период: <b>2</b>"}},
		{name: "no marks in the subject", lang: i18n.RU, today: "2026-09-10", student: emptyStudent,
			action: views.Action{View: views.SubjectDetail, SubjectID: math},
			want:   []string{"<b>Математика · 1 четверть</b>", "Оценок за этот период пока нет."}},
	})
}

func TestAttendance(t *testing.T) {
	s := newSchool(t, nil)
	run(t, s, []viewCase{
		{name: "ru counts by subject with plurals and the legend", lang: i18n.RU, today: "2026-09-10", student: storetest.StudentBelov,
			action: views.Action{View: views.Attendance},
			want: []string{"<b>Посещаемость · 1 четверть</b>", "Пропущено: <b>1 урок</b> · опозданий: 1\n\n" +
				"• Математика: 1 урок (н 1)\n• Физическая культура: оп 1\n\n",
				"<i>н — без уважительной причины · б — по болезни · у — по уважительной причине · п — по заявлению · оп — опоздание (не пропуск).</i>"},
			notWant: []string{"8 сен"}},
		{name: "ru the list by date on demand", lang: i18n.RU, today: "2026-09-10", student: storetest.StudentBelov,
			action:  views.Action{View: views.Attendance, Span: views.SpanDates},
			want:    []string{"<b>По датам</b>\n8 сен · Математика · н\n9 сен · Физическая культура · оп", "н — без уважительной причины"},
			notWant: []string{"Пропущено"}},
		{name: "en", lang: i18n.EN, today: "2026-09-10", student: storetest.StudentBelov,
			action: views.Action{View: views.Attendance},
			want:   []string{"Missed: <b>1 lesson</b> · late: 1", "• Математика: 1 lesson (absent 1)", "absent — unexcused"}},
		{name: "ill", lang: i18n.RU, today: "2026-09-10", student: storetest.StudentVolkov,
			action: views.Action{View: views.Attendance},
			want:   []string{"Пропущено: <b>1 урок</b>", "• Русский язык: 1 урок (б 1)"}},
		{name: "excused in a half", lang: i18n.RU, today: "2026-09-10", student: storetest.StudentErshov,
			action: views.Action{View: views.Attendance},
			want:   []string{"<b>Посещаемость · 1 полугодие</b>", "(у 1)"}},
		{name: "none", lang: i18n.RU, today: "2026-09-10", student: storetest.StudentGuseva,
			action: views.Action{View: views.Attendance},
			want:   []string{"Пропусков за этот период нет."}, notWant: []string{"Пропущено"}},
		{name: "none en", lang: i18n.EN, today: "2026-09-10", student: emptyStudent,
			action: views.Action{View: views.Attendance},
			want:   []string{"No absences this term."}},
	})
}

// TestAttendanceSwitch: the counts lead to the list by date and back.
func TestAttendanceSwitch(t *testing.T) {
	s := newSchool(t, nil)
	belov := s.student(t, storetest.StudentBelov)
	_, pages := s.render(t, i18n.RU, "2026-09-10", views.Action{View: views.Attendance, StudentID: belov})
	byDate := pages[len(pages)-1].Buttons[0][0]
	if byDate.Label != "По датам" || byDate.Action.Span != views.SpanDates || byDate.Action.PeriodID == 0 {
		t.Fatalf("first button %+v, want «По датам»", byDate)
	}
	_, pages = s.render(t, i18n.RU, "2026-09-10", byDate.Action)
	if back := pages[len(pages)-1].Buttons[0][0]; back.Label != "По предметам" || back.Action.Span != "" {
		t.Errorf("first button of the list %+v, want «По предметам»", back)
	}
}

func TestAttendancePlurals(t *testing.T) {
	s := newSchool(t, func(b *diary.Batch) {
		for _, l := range []string{storetest.LessonMath0907, storetest.LessonRus0907, storetest.LessonRus0910,
			storetest.LessonEng0907} {
			b.Attendance = append(b.Attendance, diary.AttendanceIn{Src: diary.Source{File: "att.csv", Line: 9},
				StudentRef: storetest.StudentBelov, LessonRef: l, Mark: diary.Ill})
		}
	})
	run(t, s, []viewCase{
		{name: "ru five lessons, four ill", lang: i18n.RU, today: "2026-09-10", student: storetest.StudentBelov,
			action: views.Action{View: views.Attendance},
			want:   []string{"Пропущено: <b>5 уроков</b>", "• Математика: 2 урока (н 1, б 1)\n• Русский язык: 2 урока (б 2)\n• Английский язык: 1 урок (б 1)"}},
		{name: "en", lang: i18n.EN, today: "2026-09-10", student: storetest.StudentBelov,
			action: views.Action{View: views.Attendance},
			want:   []string{"Missed: <b>5 lessons</b>", "• Русский язык: 2 lessons (ill 2)"}},
	})
}

func TestHomework(t *testing.T) {
	s := newSchool(t, nil)
	run(t, s, []viewCase{
		{name: "week: class homework at the next lesson, individual ones, by day", lang: i18n.RU, today: "2026-09-10",
			student: storetest.StudentBelov, action: views.Action{View: views.Homework, Span: views.SpanWeek},
			want: []string{"<b>Домашнее задание</b>\nБелов Антон, 5А",
				"<b>Пн, 7 сентября</b>\nДомашнее задание не задано.",
				"<b>Вт, 8 сентября</b>\n• Английский язык <i>(к следующему уроку)</i>: Выучить слова\n• Математика: № 1–5, стр. 8",
				"<b>Чт, 10 сентября</b>\n• Русский язык: Упр. 12\n• Математика <i>(индивидуально)</i>: Повторить таблицу умножения на 7",
				"<b>Пт, 11 сентября</b>\n• Русский язык <i>(к следующему уроку)</i>: Упр. 20"},
			notWant: []string{"Сб, 12", "Вс, 13", "Выписать 10 словарных слов"}},
		{name: "today", lang: i18n.RU, today: "2026-09-10", student: storetest.StudentBelov,
			action: views.Action{View: views.Homework, Span: views.SpanToday},
			want:   []string{"<b>Чт, 10 сентября</b>\n• Русский язык: Упр. 12"}, notWant: []string{"Вт, 8", "Упр. 20"}},
		{name: "tomorrow", lang: i18n.RU, today: "2026-09-10", student: storetest.StudentBelov,
			action: views.Action{View: views.Homework, Span: views.SpanTomorrow},
			want:   []string{"<b>Пт, 11 сентября</b>\n• Русский язык <i>(к следующему уроку)</i>: Упр. 20"}, notWant: []string{"Упр. 12"}},
		{name: "next week from Sunday", lang: i18n.RU, today: "2026-09-13", student: storetest.StudentBelov,
			action: views.Action{View: views.Homework, Span: views.SpanWeek},
			want:   []string{"<b>Пн, 14 сентября</b>\n• Русский язык <i>(индивидуально)</i>: Выписать 10 словарных слов"}},
		{name: "tomorrow is Saturday", lang: i18n.RU, today: "2026-09-11", student: storetest.StudentBelov,
			action: views.Action{View: views.Homework, Span: views.SpanTomorrow},
			want:   []string{"<b>Сб, 12 сентября</b> — выходной"}},
		{name: "a day of a vacation", lang: i18n.RU, today: "2026-10-27", student: storetest.StudentBelov,
			action: views.Action{View: views.Homework},
			want:   []string{"<b>Вт, 27 октября</b> — Осенние каникулы"}},
		{name: "group homework only of the student's group", lang: i18n.RU, today: "2026-09-08", student: storetest.StudentGuseva,
			action: views.Action{View: views.Homework},
			want:   []string{"• Математика: № 1–5, стр. 8"}, notWant: []string{"Выучить слова", "Английский"}},
		{name: "en", lang: i18n.EN, today: "2026-09-10", student: storetest.StudentBelov,
			action: views.Action{View: views.Homework, Span: views.SpanWeek},
			want:   []string{"<b>Homework</b>", "<b>Thu, 10 September</b>\n• Русский язык: Упр. 12\n• Математика <i>(individual)</i>:", "<b>Mon, 7 September</b>\nNo homework has been set."}},
		{name: "empty student", lang: i18n.RU, today: "2026-09-10", student: emptyStudent,
			action: views.Action{View: views.Homework},
			want:   []string{"<b>Чт, 10 сентября</b>\nДомашнее задание не задано."}},
	})
}

func TestTimetable(t *testing.T) {
	s := newSchool(t, nil)
	run(t, s, []viewCase{
		{name: "today: number, subject, topic", lang: i18n.RU, today: "2026-09-07", student: storetest.StudentBelov,
			action: views.Action{View: views.Timetable},
			want: []string{"<b>Расписание</b>\nБелов Антон, 5А\n\n<b>Пн, 7 сентября</b>\n1. Математика — <i>Натуральные числа</i>\n" +
				"2. Русский язык — <i>Звуки и буквы</i>\n3. Английский язык — <i>Greetings</i>"},
			notWant: []string{"Немецкий"}},
		{name: "the other group", lang: i18n.RU, today: "2026-09-07", student: storetest.StudentGuseva,
			action: views.Action{View: views.Timetable},
			want:   []string{"3. Немецкий язык — <i>Begrüßung</i>"}, notWant: []string{"Английский"}},
		{name: "lesson without a topic", lang: i18n.EN, today: "2026-09-07", student: storetest.StudentBelova,
			action: views.Action{View: views.Timetable, Span: views.SpanWeek},
			want:   []string{"<b>Mon, 7 September</b>\n1. Математика — <i>Тригонометрический круг</i>", "<b>Fri, 11 September</b>\nNo lessons."}},
		{name: "holiday", lang: i18n.RU, today: "2026-11-03", student: storetest.StudentBelov,
			action: views.Action{View: views.Timetable, Span: views.SpanTomorrow},
			want:   []string{"<b>Ср, 4 ноября</b> — День народного единства"}},
		{name: "week with a holiday and a lesson", lang: i18n.RU, today: "2026-11-09", student: storetest.StudentBelov,
			action: views.Action{View: views.Timetable, Span: views.SpanWeek},
			want:   []string{"<b>Пн, 9 ноября</b>\nУроков нет.", "<b>Вт, 10 ноября</b>\n2. Математика — <i>Обыкновенные дроби</i>"}},
		{name: "week of a given day", lang: i18n.RU, today: "2026-09-10", student: storetest.StudentBelov,
			action: views.Action{View: views.Timetable, Span: views.SpanWeek, Day: diary.MustDate("2026-11-04")},
			want:   []string{"<b>Пн, 2 ноября</b> — Осенние каникулы", "<b>Ср, 4 ноября</b> — День народного единства", "<b>Пт, 6 ноября</b>\nУроков нет."}},
		{name: "Sunday en", lang: i18n.EN, today: "2026-09-13", student: storetest.StudentBelov,
			action: views.Action{View: views.Timetable},
			want:   []string{"<b>Sun, 13 September</b> — day off"}},
		{name: "empty student", lang: i18n.RU, today: "2026-09-07", student: emptyStudent,
			action: views.Action{View: views.Timetable},
			want:   []string{"<b>Пн, 7 сентября</b>\nУроков нет."}},
	})
}

func TestPeriods(t *testing.T) {
	s := newSchool(t, nil)
	run(t, s, []viewCase{
		{name: "quarters and the level's holidays", lang: i18n.RU, today: "2026-09-10", student: storetest.StudentBelov,
			action: views.Action{View: views.Periods},
			want: []string{"<b>Учебный год 2026/2027</b>", "<b>1 четверть: 1 сентября – 24 октября</b> ← сейчас\n2 четверть: 5 ноября – 27 декабря",
				"Осенние каникулы: 25 октября – 3 ноября (10 дней)", "День народного единства: 4 ноября (1 день)",
				"Зимние каникулы: 28 декабря 2026 г. – 10 января 2027 г. (14 дней)", "Весенние каникулы: 22–30 марта (9 дней)"},
			notWant: []string{"полугодие", "Дополнительные каникулы"}},
		{name: "halves and the current vacation", lang: i18n.RU, today: "2026-10-28", student: storetest.StudentErshov,
			action: views.Action{View: views.Periods},
			want: []string{"<b>1 полугодие: 1 сентября – 27 декабря</b> ← сейчас\n2 полугодие: 11 января – 26 мая",
				"<b>Осенние каникулы: 25 октября – 3 ноября</b> (10 дней) ← сейчас"},
			notWant: []string{"четверть"}},
		{name: "en", lang: i18n.EN, today: "2026-09-10", student: storetest.StudentBelov,
			action: views.Action{View: views.Periods},
			want:   []string{"<b>School year 2026/2027</b>", "<b>Terms</b>", "← now", "(1 day)", "(10 days)"}},
	})
}

func TestFinals(t *testing.T) {
	s := newSchool(t, func(b *diary.Batch) {
		b.Finals = append(b.Finals,
			diary.FinalIn{Src: diary.Source{File: "finals.csv", Line: 7}, StudentRef: storetest.StudentBelov, SubjectRef: storetest.SubjMath,
				YearRef: storetest.YearName, Final: diary.FinalGrade{Kind: diary.FinalYear, Value: 5}},
			diary.FinalIn{Src: diary.Source{File: "finals.csv", Line: 8}, StudentRef: storetest.StudentBelov, SubjectRef: storetest.SubjMath,
				YearRef: storetest.YearName, PeriodRef: storetest.PeriodQ2, Final: diary.FinalGrade{Kind: diary.FinalPeriod, Value: 5}})
	})
	run(t, s, []viewCase{
		{name: "periods then the year, by subject", lang: i18n.RU, today: "2026-09-10", student: storetest.StudentBelov,
			action: views.Action{View: views.Finals},
			want: []string{"<b>Итоговые оценки · 2026/2027</b>",
				"<b>Математика</b>: 1 четверть <b>4</b> · 2 четверть <b>5</b> · год <b>5</b>\n<b>Физическая культура</b>: 1 четверть <b>зач</b>"}},
		{name: "en", lang: i18n.EN, today: "2026-09-10", student: storetest.StudentBelov,
			action: views.Action{View: views.Finals},
			want:   []string{"year <b>5</b>", "<b>Физическая культура</b>: 1 четверть <b>pass</b>"}},
		{name: "none", lang: i18n.RU, today: "2026-09-10", student: storetest.StudentVolkov,
			action: views.Action{View: views.Finals},
			want:   []string{"Итоговых оценок пока нет."}},
		{name: "none en", lang: i18n.EN, today: "2026-09-10", student: emptyStudent,
			action: views.Action{View: views.Finals},
			want:   []string{"No final grades yet."}},
	})
}

// TestEscaping puts HTML into every kind of user text and checks that it
// comes out escaped and the pages stay valid Telegram HTML.
func TestEscaping(t *testing.T) {
	s := newSchool(t, func(b *diary.Batch) {
		for i := range b.Lessons {
			if b.Lessons[i].Lesson.ExtID == storetest.LessonMath0907 {
				b.Lessons[i].Lesson.Topic, b.Lessons[i].Lesson.Homework = injected, injected
			}
		}
		b.Grades[0].Grade.Description, b.Grades[0].Grade.WorkType = injected, injected
		b.Subjects[3].Subject.Name = "Немецкий " + injected
		b.Homework[0].Homework.Text = injected
		b.Periods[0].Period.Name = "1 " + injected
		b.Students[len(b.Students)-1].Student.Name.First = injected
	})
	setExpected(t, s, storetest.StudentBelov, 3, injected)
	math := s.subjects[storetest.SubjMath]
	tests := []struct {
		name    string
		student string
		today   string
		action  views.Action
	}{
		{"grades: period name and reason", storetest.StudentBelov, "2026-09-10", views.Action{View: views.Grades}},
		{"subject: work, description, reason", storetest.StudentBelov, "2026-09-10", views.Action{View: views.SubjectDetail, SubjectID: math}},
		{"timetable: topic", storetest.StudentBelov, "2026-09-07", views.Action{View: views.Timetable}},
		{"timetable: subject name", storetest.StudentGuseva, "2026-09-07", views.Action{View: views.Timetable}},
		{"homework: class and individual", storetest.StudentBelov, "2026-09-08", views.Action{View: views.Homework, Span: views.SpanWeek}},
		{"grades: subject name in the list of subjects without marks", storetest.StudentGuseva, "2026-09-10", views.Action{View: views.Grades}},
		{"attendance: period", storetest.StudentBelov, "2026-09-10", views.Action{View: views.Attendance}},
		{"periods: period", storetest.StudentBelov, "2026-09-10", views.Action{View: views.Periods}},
		{"finals: period", storetest.StudentBelov, "2026-09-10", views.Action{View: views.Finals}},
		{"student's name", emptyStudent, "2026-09-10", views.Action{View: views.Grades}},
	}
	for _, tt := range tests {
		for _, lang := range i18n.Langs() {
			t.Run(tt.name+"/"+string(lang), func(t *testing.T) {
				a := tt.action
				a.StudentID = s.student(t, tt.student)
				got, _ := s.render(t, lang, tt.today, a)
				wantAll(t, got, injectedEscaped)
				wantNone(t, got, "<script>", `"x"`, "&amp;lt;")
			})
		}
	}
}

// TestLongViewIsSplit fills a week with long homework texts: the view comes
// in several pages, each within Telegram's limit and valid on its own, none
// of the text lost, the buttons under the last.
func TestLongViewIsSplit(t *testing.T) {
	long := strings.Repeat("Решить задачи 😀 № 1–5 <со звёздочкой> & проверить; ", 60) // ~3000 characters a lesson
	s := newSchool(t, func(b *diary.Batch) {
		for i := range b.Lessons {
			b.Lessons[i].Lesson.Homework = long
		}
	})
	for _, lang := range i18n.Langs() {
		t.Run(string(lang), func(t *testing.T) {
			a := views.Action{View: views.Homework, Span: views.SpanWeek, StudentID: s.student(t, storetest.StudentBelov)}
			_, pages := s.render(t, lang, "2026-09-10", a)
			if len(pages) < 3 {
				t.Fatalf("%d pages, want at least 3", len(pages))
			}
			if got := len(pages[len(pages)-1].Buttons); got != 2 {
				t.Errorf("last page has %d button rows, want 2", got)
			}
			whole := strings.Join(pagesText(pages), "")
			escaped := string(i18n.Escape(long))
			if got, want := strings.Count(squeeze(whole), squeeze(escaped)), 4; got < want {
				t.Errorf("the long homework appears whole %d times, want %d", got, want)
			}
		})
	}
}

// pagesText returns the texts of pages.
func pagesText(pages []views.Page) []string {
	out := make([]string, len(pages))
	for i, p := range pages {
		out[i] = p.Text
	}
	return out
}

// squeeze drops spaces, line breaks and tags, so that text cut across pages
// compares with the original.
func squeeze(s string) string {
	s = anyTagRE.ReplaceAllString(s, "")
	return strings.NewReplacer(" ", "", "\n", "").Replace(s)
}

func TestRenderErrors(t *testing.T) {
	s := newSchool(t, nil)
	belov := s.student(t, storetest.StudentBelov)
	tests := []struct {
		name   string
		action views.Action
		want   error
	}{
		{"unknown student", views.Action{View: views.Grades, StudentID: 999999}, diary.ErrNotFound},
		{"period of another level", views.Action{View: views.Grades, StudentID: belov, PeriodID: s.periods[storetest.PeriodH1]}, diary.ErrNotFound},
		{"unknown period", views.Action{View: views.Attendance, StudentID: belov, PeriodID: 999999}, diary.ErrNotFound},
		{"unknown subject", views.Action{View: views.SubjectDetail, StudentID: belov, SubjectID: 999999}, diary.ErrNotFound},
		{"unknown view", views.Action{View: "secrets", StudentID: belov}, &diary.Error{Code: diary.EInvalid}},
		{"unknown span", views.Action{View: views.Homework, StudentID: belov, Span: "year"}, &diary.Error{Code: diary.EInvalid}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pages, err := views.Render(s.ctx, s.db, i18n.RU, diary.MustDate("2026-09-10"), tt.action)
			if !errors.Is(err, tt.want) {
				t.Errorf("Render = %d pages, %v; want %v", len(pages), err, tt.want)
			}
		})
	}
}

// TestSubjectOfAnotherSchool shows that a subject id of another school is
// not found, though the subject exists.
func TestSubjectOfAnotherSchool(t *testing.T) {
	s := newSchool(t, nil)
	other := storetest.SmallSchoolNamed("other-school", "Другая школа")
	if _, err := s.db.Apply(s.ctx, other, diary.ApplyOptions{}); err != nil {
		t.Fatalf("apply: %v", err)
	}
	sc, err := s.db.SchoolByCode(s.ctx, "other-school")
	if err != nil {
		t.Fatal(err)
	}
	subs, err := s.db.Subjects(s.ctx, sc.ID)
	if err != nil || len(subs) == 0 {
		t.Fatalf("subjects: %v, %v", subs, err)
	}
	a := views.Action{View: views.SubjectDetail, StudentID: s.student(t, storetest.StudentBelov), SubjectID: subs[0].ID}
	if _, err := views.Render(s.ctx, s.db, i18n.RU, diary.MustDate("2026-09-10"), a); !errors.Is(err, diary.ErrNotFound) {
		t.Errorf("Render = %v, want ErrNotFound", err)
	}
}

func TestActionJSON(t *testing.T) {
	tests := []struct {
		name string
		a    views.Action
		want string
	}{
		{"grades", views.Action{View: views.Grades, StudentID: 42}, `{"v":"grades","s":42}`},
		{"subject", views.Action{View: views.SubjectDetail, StudentID: 42, PeriodID: 7, SubjectID: 3}, `{"v":"subject","s":42,"p":7,"j":3}`},
		{"week", views.Action{View: views.Homework, StudentID: 42, Day: diary.MustDate("2026-09-07"), Span: views.SpanWeek},
			`{"v":"homework","s":42,"d":"2026-09-07","n":"week"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := json.Marshal(tt.a)
			if err != nil {
				t.Fatal(err)
			}
			if got := string(b); got != tt.want {
				t.Errorf("Marshal = %s, want %s", got, tt.want)
			}
			var back views.Action
			if err := json.Unmarshal(b, &back); err != nil || back != tt.a {
				t.Errorf("Unmarshal = %+v, %v; want %+v", back, err, tt.a)
			}
		})
	}
}

// TestWeekendLessons shows a Saturday in the week only when it has lessons.
func TestWeekendLessons(t *testing.T) {
	s := newSchool(t, func(b *diary.Batch) {
		b.Lessons = append(b.Lessons, diary.LessonIn{Src: diary.Source{File: "lessons.csv", Line: 50},
			ClassRef: storetest.Class10B, SubjectRef: storetest.SubjMath, TeacherRef: storetest.StaffPetrov,
			Lesson: diary.Lesson{ExtID: "l-10b-math-0912", Date: diary.MustDate("2026-09-12"), Number: 2, Topic: "Синус", Homework: "§ 2"}})
	})
	run(t, s, []viewCase{
		{name: "Saturday with a lesson", lang: i18n.RU, today: "2026-09-10", student: storetest.StudentBelova,
			action: views.Action{View: views.Timetable, Span: views.SpanWeek},
			want:   []string{"<b>Сб, 12 сентября</b>\n2. Математика — <i>Синус</i>"}, notWant: []string{"Вс, 13"}},
		{name: "Saturday with homework due", lang: i18n.RU, today: "2026-09-10", student: storetest.StudentBelova,
			action: views.Action{View: views.Homework, Span: views.SpanWeek},
			want:   []string{"<b>Сб, 12 сентября</b>\n• Математика: § 1"}},
		{name: "no Saturday without lessons", lang: i18n.RU, today: "2026-09-10", student: storetest.StudentBelov,
			action: views.Action{View: views.Timetable, Span: views.SpanWeek},
			want:   []string{"<b>Пт, 11 сентября</b>"}, notWant: []string{"Сб, 12"}},
	})
}

func TestEncodeDecode(t *testing.T) {
	tests := []struct {
		name string
		a    views.Action
		want string
	}{
		{"menu view", views.Action{View: views.Grades, StudentID: 5}, "grades"},
		{"final", views.Action{View: views.Finals, StudentID: 5}, "final"},
		{"subject of a period", views.Action{View: views.SubjectDetail, StudentID: 5, PeriodID: 7, SubjectID: 3}, "subject:p7:j3"},
		{"tomorrow", views.Action{View: views.Homework, StudentID: 5, Span: views.SpanTomorrow}, "homework:tomorrow"},
		{"a week", views.Action{View: views.Timetable, StudentID: 5, Span: views.SpanWeek, Day: diary.MustDate("2026-09-14")},
			"timetable:week:d2026-09-14"},
		{"the list of absences", views.Action{View: views.Attendance, StudentID: 5, Span: views.SpanDates, PeriodID: 2}, "attendance:dates:p2"},
		{"the next school day", views.Action{View: views.Tomorrow, StudentID: 5}, "tomorrow"},
		{"news since a visit", views.Action{View: views.News, StudentID: 5, Since: time.Unix(1760950800, 0).UTC()}, "news:t1760950800"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := views.Encode(tt.a); got != tt.want {
				t.Errorf("Encode = %q, want %q", got, tt.want)
			}
			got, err := views.Decode(tt.want, tt.a.StudentID)
			if err != nil || got != tt.a {
				t.Errorf("Decode = %+v, %v; want %+v", got, err, tt.a)
			}
		})
	}
}

func TestDecodeRejects(t *testing.T) {
	for _, s := range []string{"", "secrets", "grades:", "grades::p1", "grades:p0", "grades:p-1", "grades:p01", "grades:px",
		"grades:p1:p2", "homework:today:week", "homework:d2026-13-01", "homework:year", "Grades", "subject:j9999999999999999999",
		"grades:s5", "grades:p1:"} {
		t.Run(s, func(t *testing.T) {
			a, err := views.Decode(s, 5)
			if !errors.Is(err, &diary.Error{Code: diary.EInvalid}) {
				t.Errorf("Decode(%q) = %+v, %v; want EInvalid", s, a, err)
			}
		})
	}
}

// FuzzDecode checks that Decode never panics and that what it accepts
// encodes back to the same action.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{"grades", "subject:p7:j3", "homework:week:d2026-09-14", "timetable:tomorrow"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, err := views.Decode(s, 1)
		if err != nil {
			return
		}
		back, err := views.Decode(views.Encode(a), 1)
		if err != nil || back != a {
			t.Errorf("Decode(Encode(%+v)) = %+v, %v", a, back, err)
		}
	})
}

func TestTomorrow(t *testing.T) {
	s := newSchool(t, nil)
	run(t, s, []viewCase{
		{name: "lessons in order, each with its homework", lang: i18n.RU, today: "2026-09-09", student: storetest.StudentBelov,
			action: views.Action{View: views.Tomorrow},
			want: []string{"<b>Завтра</b>\nБелов Антон, 5А\n\n<b>Чт, 10 сентября</b>\n2. Русский язык — Упр. 12\n" +
				"• Математика <i>(индивидуально)</i>: Повторить таблицу умножения на 7"}},
		{name: "a lesson without homework", lang: i18n.RU, today: "2026-09-06", student: storetest.StudentBelov,
			action: views.Action{View: views.Tomorrow},
			want:   []string{"<b>Пн, 7 сентября</b>\n1. Математика — <i>без задания</i>\n2. Русский язык — <i>без задания</i>"}},
		{name: "tomorrow a day off, no lessons within a week", lang: i18n.RU, today: "2026-09-11", student: storetest.StudentBelov,
			action: views.Action{View: views.Tomorrow},
			want:   []string{"<b>Сб, 12 сентября</b> — выходной"}},
		{name: "after a holiday the next school day", lang: i18n.RU, today: "2026-11-03", student: storetest.StudentBelov,
			action: views.Action{View: views.Tomorrow},
			want:   []string{"<b>Ближайший учебный день</b>\n<i>Завтра: День народного единства.</i>", "<b>Вт, 10 ноября</b>\n2. Математика"}},
		{name: "en", lang: i18n.EN, today: "2026-09-09", student: storetest.StudentBelov,
			action: views.Action{View: views.Tomorrow},
			want:   []string{"<b>Tomorrow</b>", "<b>Thu, 10 September</b>\n2. Русский язык — Упр. 12"}},
	})
}

func TestNews(t *testing.T) {
	s := newSchool(t, nil)
	run(t, s, []viewCase{
		{name: "a week back without a visit: grades, absences, homework up to today", lang: i18n.RU, today: "2026-09-10", student: storetest.StudentBelov,
			action: views.Action{View: views.News},
			want: []string{"<b>Что нового</b> с 3 сен\nБелов Антон, 5А",
				"<b>Оценки</b>\n7 сен · Английский язык: <b>4</b>\n7 сен · Математика: <b>5</b>\n8 сен · Математика: <b>3 (×2)</b>\n9 сен · Физическая культура: <b>зач</b>\n\n",
				"<b>Пропуски</b>\n8 сен · Математика · н\n9 сен · Физическая культура · оп\n\n",
				"<b>Задания</b>\n• Математика: № 1–5, стр. 8"},
			notWant: []string{"11 сен"}},
		{name: "since a visit after the grades were put: nothing new", lang: i18n.RU, today: "2026-09-10", student: storetest.StudentGuseva,
			action: views.Action{View: views.News, Since: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)},
			want:   []string{"с 1 янв", "С прошлого раза ничего нового."}, notWant: []string{"<b>Оценки</b>"}},
		{name: "en", lang: i18n.EN, today: "2026-09-10", student: storetest.StudentBelov,
			action: views.Action{View: views.News},
			want:   []string{"<b>What's new</b> since 3 Sep", "<b>Absences</b>"}},
	})
}
