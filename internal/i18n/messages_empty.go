package i18n

// What a view says when it has nothing to show.
const (
	EmptyGrades     Key = "empty.grades"
	EmptyAttendance Key = "empty.attendance"
	EmptyHomework   Key = "empty.homework"
	EmptyTimetable  Key = "empty.timetable"
	EmptyPeriods    Key = "empty.periods"
	EmptyFinal      Key = "empty.final"
	EmptyChildren   Key = "empty.children"
)

var emptyMessages = messages{
	EmptyGrades:     {"Оценок за этот период пока нет.", "No grades for this term yet."},
	EmptyAttendance: {"Пропусков за этот период нет.", "No absences this term."},
	EmptyHomework:   {"Домашнее задание не задано.", "No homework has been set."},
	EmptyTimetable:  {"Уроков нет.", "No lessons."},
	EmptyPeriods:    {"Периоды и каникулы ещё не внесены в журнал.", "The terms and holidays have not been entered yet."},
	EmptyFinal:      {"Итоговых оценок пока нет.", "No final grades yet."},
	EmptyChildren: {
		"Подключённых учеников нет. Чтобы подключить дневник, отправьте код из письма школы.",
		"No students are linked. To link a diary, send the code from the school's letter.",
	},
}
