package i18n

// Menu and navigation button labels (plain text: buttons are not HTML).
const (
	MenuGrades     Key = "menu.grades"
	MenuAttendance Key = "menu.attendance"
	MenuHomework   Key = "menu.homework"
	MenuTimetable  Key = "menu.timetable"
	MenuPeriods    Key = "menu.periods"
	MenuFinal      Key = "menu.final"
	MenuSettings   Key = "menu.settings"
	MenuMain       Key = "menu.main"
	MenuTomorrow   Key = "menu.tomorrow"
	MenuNews       Key = "menu.news"

	BtnToday    Key = "btn.today"
	BtnTomorrow Key = "btn.tomorrow"
	BtnWeek     Key = "btn.week"
	BtnBack     Key = "btn.back"
	BtnCancel   Key = "btn.cancel"
)

var menuMessages = messages{
	MenuGrades:     {"Оценки", "Grades"},
	MenuAttendance: {"Посещаемость", "Attendance"},
	MenuHomework:   {"Домашнее задание", "Homework"},
	MenuTimetable:  {"Расписание", "Timetable"},
	MenuPeriods:    {"Периоды и каникулы", "Terms and holidays"},
	MenuFinal:      {"Итоговые оценки", "Final grades"},
	MenuSettings:   {"Настройки", "Settings"},
	MenuMain:       {"Главное меню", "Main menu"},
	MenuTomorrow:   {"Завтра", "Tomorrow"},
	MenuNews:       {"Что нового", "What's new"},

	BtnToday:    {"Сегодня", "Today"},
	BtnTomorrow: {"Завтра", "Tomorrow"},
	BtnWeek:     {"Неделя", "Week"},
	BtnBack:     {"Назад", "Back"},
	BtnCancel:   {"Отмена", "Cancel"},
}
