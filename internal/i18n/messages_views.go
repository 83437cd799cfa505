package i18n

import (
	"strconv"

	"github.com/schooldiary/diary/internal/diary"
)

// The diary views of clause 2.3 (internal/views): grades, one subject,
// attendance, homework, timetable, periods and holidays, final grades.
const (
	ViewStudent       Key = "view.student"         // {student}, {class}
	ViewVacationNote  Key = "view.vacation_note"   // {period}
	ViewUpcomingNote  Key = "view.upcoming_note"   // {period}
	ViewGradesTitle   Key = "view.grades_title"    // {period}
	ViewGradesLegend  Key = "view.grades_legend"   //
	ViewNoGradesYet   Key = "view.no_grades_yet"   // {subjects}
	ViewTermGrade     Key = "view.term_grade"      // {grade}: in a subject's line
	ViewByTeacher     Key = "view.by_teacher"      // after a teacher's expected grade
	ViewReason        Key = "view.reason"          // {reason}
	ViewSubjectTitle  Key = "view.subject_title"   // {subject}, {period}
	ViewWeight        Key = "view.weight"          // {weight}
	ViewAverageLine   Key = "view.average_line"    // {average}, {n}
	ViewExpectedLine  Key = "view.expected_line"   // {grade}
	ViewTeacherLine   Key = "view.teacher_line"    // {grade}, {auto}
	ViewTermGradeLine Key = "view.term_grade_line" // {grade}
	ViewExpectedShort Key = "view.expected_short"  // {grade}: in a subject's line
	ViewWeightLegend  Key = "view.weight_legend"   // under a subject's marks

	ViewMarkPass      Key = "view.mark_pass"
	ViewMarkFail      Key = "view.mark_fail"
	ViewMarkNotGraded Key = "view.mark_not_graded"
	ViewMarkExempt    Key = "view.mark_exempt"

	ViewAttendanceTitle    Key = "view.attendance_title" // {period}
	ViewMissedTotal        Key = "view.missed_total"     // {n}
	ViewByDate             Key = "view.by_date"
	ViewLateTotal          Key = "view.late_total"           // {n}
	ViewAttendanceSubject  Key = "view.attendance_subject"   // {subject}, {count}, {marks}
	ViewAttendanceLateOnly Key = "view.attendance_late_only" // {subject}, {marks}
	ViewLegend             Key = "view.legend"               // {items}
	ViewLegendItem         Key = "view.legend_item"          // {code}, {kind}
	BtnAttendanceByDate    Key = "btn.attendance_by_date"
	BtnAttendanceBySubject Key = "btn.attendance_by_subject"
	ViewAttendanceEntry    Key = "view.attendance_entry" // {date}, {subject}, {mark}
	ViewAbsentKind         Key = "view.absent_kind"
	ViewIllKind            Key = "view.ill_kind"
	ViewExcusedKind        Key = "view.excused_kind"
	ViewByRequestKind      Key = "view.by_request_kind"
	ViewLateKind           Key = "view.late_kind"
	ViewAbsentMark         Key = "view.absent_mark"
	ViewIllMark            Key = "view.ill_mark"
	ViewExcusedMark        Key = "view.excused_mark"
	ViewByRequestMark      Key = "view.by_request_mark"
	ViewLateMark           Key = "view.late_mark"

	ViewHomeworkTitle  Key = "view.homework_title"
	ViewHomeworkLine   Key = "view.homework_line"   // {subject}, {text}
	ViewHomeworkOwn    Key = "view.homework_own"    // {subject}, {text}
	ViewHomeworkNext   Key = "view.homework_next"   // {subject}, {text}
	ViewTimetableTitle Key = "view.timetable_title" //
	ViewLesson         Key = "view.lesson"          // {number}, {subject}
	ViewLessonTopic    Key = "view.lesson_topic"    // {number}, {subject}, {topic}
	ViewDay            Key = "view.day"             // {day}
	ViewDayOff         Key = "view.day_off"         // {day}, {what}
	ViewWeekend        Key = "view.weekend"

	ViewPeriodsTitle  Key = "view.periods_title"  // {year}
	ViewPeriodsHeader Key = "view.periods_header" //
	ViewPeriodLine    Key = "view.period_line"    // {name}, {range}
	ViewPeriodNow     Key = "view.period_now"     // {name}, {range}
	ViewHolidays      Key = "view.holidays"       //
	ViewHolidayLine   Key = "view.holiday_line"   // {name}, {range}, {n}
	ViewHolidayNow    Key = "view.holiday_now"    // {name}, {range}, {n}

	ViewFinalsTitle Key = "view.finals_title" // {year}
	ViewFinalYear   Key = "view.final_year"
	ViewFinalExam   Key = "view.final_exam"
	ViewFinalFinal  Key = "view.final_final"
	ViewFinalItem   Key = "view.final_item" // {label}, {grade}

	ViewTomorrowTitle  Key = "view.tomorrow_title"
	ViewNextDayTitle   Key = "view.next_day_title"
	ViewTomorrowOff    Key = "view.tomorrow_off"    // {what}
	ViewTomorrowLesson Key = "view.tomorrow_lesson" // {number}, {subject}, {homework}
	ViewTomorrowFree   Key = "view.tomorrow_free"   // {number}, {subject}
	BtnHomeworkWeek    Key = "btn.homework_week"
	BtnTimetableWeek   Key = "btn.timetable_week"

	ViewNewsTitle    Key = "view.news_title"    // {since}
	ViewNewsGrades   Key = "view.news_grades"   //
	ViewNewsGrade    Key = "view.news_grade"    // {date}, {subject}, {mark}
	ViewNewsAbsences Key = "view.news_absences" //
	ViewNewsHomework Key = "view.news_homework" //
	ViewNewsNothing  Key = "view.news_nothing"  //

	BtnViewPrevPeriod Key = "btn.view_prev_period" // {period}
	BtnViewNextPeriod Key = "btn.view_next_period" // {period}
	BtnViewAllGrades  Key = "btn.view_all_grades"
	BtnViewPrevWeek   Key = "btn.view_prev_week"
	BtnViewNextWeek   Key = "btn.view_next_week"
)

var viewMessages = messages{
	ViewStudent:      {"{student}, {class}", "{student}, class {class}"},
	ViewVacationNote: {"<i>Сейчас каникулы — показан прошедший период: {period}.</i>", "<i>It is a holiday now — showing the last term: {period}.</i>"},
	ViewUpcomingNote: {"<i>Учебный период ещё не начался — показан ближайший: {period}.</i>", "<i>The term has not started yet — showing the next one: {period}.</i>"},
	ViewGradesTitle:  {"<b>Оценки · {period}</b>", "<b>Grades · {period}</b>"},
	ViewGradesLegend: {
		"<i>Средний балл с учётом веса работ · ожид. — ожидаемая оценка за период · ↑ ↓ → — последние три оценки выше прежних, ниже или как прежде. Все оценки — в кнопке предмета.</i>",
		"<i>Weighted average · exp. — the expected term grade · ↑ ↓ → — the last three grades above the earlier ones, below or about the same. Every grade: the subject's button.</i>",
	},
	ViewNoGradesYet:   {"Без оценок: {subjects}.", "No grades yet: {subjects}."},
	ViewTermGrade:     {"за период: <b>{grade}</b>", "term grade: <b>{grade}</b>"},
	ViewByTeacher:     {"(учитель)", "(teacher)"},
	ViewReason:        {"Причина: {reason}", "Reason: {reason}"},
	ViewSubjectTitle:  {"<b>{subject} · {period}</b>", "<b>{subject} · {period}</b>"},
	ViewWeight:        {"(×{weight})", "(×{weight})"},
	ViewAverageLine:   {"Средний балл: <b>{average}</b> ({n, plural, one {# оценка} few {# оценки} many {# оценок} other {# оценки}})", "Average: <b>{average}</b> ({n, plural, one {# grade} other {# grades}})"},
	ViewExpectedLine:  {"Ожидаемая оценка за период: <b>{grade}</b>", "Expected term grade: <b>{grade}</b>"},
	ViewTeacherLine:   {"Учитель ожидает оценку <b>{grade}</b> (по среднему баллу — {auto})", "The teacher expects <b>{grade}</b> (by the average: {auto})"},
	ViewTermGradeLine: {"Оценка за период: <b>{grade}</b>", "Term grade: <b>{grade}</b>"},
	ViewExpectedShort: {"ожид. {grade}", "exp. {grade}"},
	ViewWeightLegend: {
		"<i>(×2) — вес работы: в среднем балле она считается как две оценки.</i>",
		"<i>(×2) — the work's weight: it counts as two grades in the average.</i>",
	},

	ViewMarkPass:      {"зач", "pass"},
	ViewMarkFail:      {"незач", "fail"},
	ViewMarkNotGraded: {"н/а", "n/a"},
	ViewMarkExempt:    {"осв", "exempt"},

	ViewAttendanceTitle: {"<b>Посещаемость · {period}</b>", "<b>Attendance · {period}</b>"},
	ViewMissedTotal: {
		"Пропущено: <b>{n, plural, one {# урок} few {# урока} many {# уроков} other {# урока}}</b>",
		"Missed: <b>{n, plural, one {# lesson} other {# lessons}}</b>",
	},
	ViewByDate: {"<b>По датам</b>", "<b>By date</b>"},
	ViewLateTotal: {
		"опозданий: {n}",
		"late: {n}",
	},
	ViewAttendanceSubject:  {"• {subject}: {count} ({marks})", "• {subject}: {count} ({marks})"},
	ViewAttendanceLateOnly: {"• {subject}: {marks}", "• {subject}: {marks}"},
	ViewLegend:             {"<i>{items}.</i>", "<i>{items}.</i>"},
	ViewLegendItem:         {"{code} — {kind}", "{code} — {kind}"},
	BtnAttendanceByDate:    {"По датам", "By date"},
	BtnAttendanceBySubject: {"По предметам", "By subject"},
	ViewAttendanceEntry:    {"{date} · {subject} · {mark}", "{date} · {subject} · {mark}"},
	ViewAbsentKind:         {"без уважительной причины", "unexcused"},
	ViewIllKind:            {"по болезни", "illness"},
	ViewExcusedKind:        {"по уважительной причине", "excused"},
	ViewByRequestKind:      {"по заявлению", "on request"},
	ViewLateKind:           {"опоздание (не пропуск)", "late (not missed)"},
	ViewAbsentMark:         {"н", "absent"},
	ViewIllMark:            {"б", "ill"},
	ViewExcusedMark:        {"у", "excused"},
	ViewByRequestMark:      {"п", "on request"},
	ViewLateMark:           {"оп", "late"},

	ViewHomeworkTitle:  {"<b>Домашнее задание</b>", "<b>Homework</b>"},
	ViewHomeworkLine:   {"• {subject}: {text}", "• {subject}: {text}"},
	ViewHomeworkOwn:    {"• {subject} <i>(индивидуально)</i>: {text}", "• {subject} <i>(individual)</i>: {text}"},
	ViewHomeworkNext:   {"• {subject} <i>(к следующему уроку)</i>: {text}", "• {subject} <i>(for the next lesson)</i>: {text}"},
	ViewTimetableTitle: {"<b>Расписание</b>", "<b>Timetable</b>"},
	ViewLesson:         {"{number}. {subject}", "{number}. {subject}"},
	ViewLessonTopic:    {"{number}. {subject} — <i>{topic}</i>", "{number}. {subject} — <i>{topic}</i>"},
	ViewDay:            {"<b>{day}</b>", "<b>{day}</b>"},
	ViewDayOff:         {"<b>{day}</b> — {what}", "<b>{day}</b> — {what}"},
	ViewWeekend:        {"выходной", "day off"},

	ViewPeriodsTitle:  {"<b>Учебный год {year}</b>", "<b>School year {year}</b>"},
	ViewPeriodsHeader: {"<b>Учебные периоды</b>", "<b>Terms</b>"},
	ViewPeriodLine:    {"{name}: {range}", "{name}: {range}"},
	ViewPeriodNow:     {"<b>{name}: {range}</b> ← сейчас", "<b>{name}: {range}</b> ← now"},
	ViewHolidays:      {"<b>Каникулы и праздники</b>", "<b>Holidays</b>"},
	ViewHolidayLine: {
		"{name}: {range} ({n, plural, one {# день} few {# дня} many {# дней} other {# дня}})",
		"{name}: {range} ({n, plural, one {# day} other {# days}})",
	},
	ViewHolidayNow: {
		"<b>{name}: {range}</b> ({n, plural, one {# день} few {# дня} many {# дней} other {# дня}}) ← сейчас",
		"<b>{name}: {range}</b> ({n, plural, one {# day} other {# days}}) ← now",
	},

	ViewFinalsTitle: {"<b>Итоговые оценки · {year}</b>", "<b>Final grades · {year}</b>"},
	ViewFinalYear:   {"год", "year"},
	ViewFinalExam:   {"экзамен", "exam"},
	ViewFinalFinal:  {"итоговая", "final"},
	ViewFinalItem:   {"{label} <b>{grade}</b>", "{label} <b>{grade}</b>"},

	ViewTomorrowTitle:  {"<b>Завтра</b>", "<b>Tomorrow</b>"},
	ViewNextDayTitle:   {"<b>Ближайший учебный день</b>", "<b>The next school day</b>"},
	ViewTomorrowOff:    {"<i>Завтра: {what}.</i>", "<i>Tomorrow: {what}.</i>"},
	ViewTomorrowLesson: {"{number}. {subject} — {homework}", "{number}. {subject} — {homework}"},
	ViewTomorrowFree:   {"{number}. {subject} — <i>без задания</i>", "{number}. {subject} — <i>no homework</i>"},
	BtnHomeworkWeek:    {"Задания на неделю", "Homework of the week"},
	BtnTimetableWeek:   {"Расписание на неделю", "Timetable of the week"},

	ViewNewsTitle:    {"<b>Что нового</b> с {since}", "<b>What's new</b> since {since}"},
	ViewNewsGrades:   {"<b>Оценки</b>", "<b>Grades</b>"},
	ViewNewsGrade:    {"{date} · {subject}: <b>{mark}</b>", "{date} · {subject}: <b>{mark}</b>"},
	ViewNewsAbsences: {"<b>Пропуски</b>", "<b>Absences</b>"},
	ViewNewsHomework: {"<b>Задания</b>", "<b>Homework</b>"},
	ViewNewsNothing:  {"С прошлого раза ничего нового.", "Nothing new since last time."},

	BtnViewPrevPeriod: {"← {period}", "← {period}"},
	BtnViewNextPeriod: {"{period} →", "{period} →"},
	BtnViewAllGrades:  {"← Все предметы", "← All subjects"},
	BtnViewPrevWeek:   {"← Прошлая неделя", "← Previous week"},
	BtnViewNextWeek:   {"Следующая неделя →", "Next week →"},
}

// monthsShort are the months' short names after a day: «12 окт», "12 Oct".
var monthsShort = map[Lang][12]string{
	RU: {"янв", "фев", "мар", "апр", "мая", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"},
	EN: {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
}

// DayMonthShort writes a date briefly, for lists of marks: «12 окт», "12 Oct".
func DayMonthShort(lang Lang, d diary.Date) string {
	return strconv.Itoa(d.Day) + " " + monthsShort[lang.norm()][wrap(int(d.Month)-1, 12)]
}
