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

	// HintCodeLength answers text made like a link code of the wrong length.
	HintCodeLength Key = "hint.code_length" // {got}, {want}
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

	HintCodeLength: {
		"Похоже на код из письма, но в нём {got, plural, one {# знак} few {# знака} many {# знаков} other {# знака}}, а в коде их {want}: " +
			"две группы по пять букв и цифр через дефис. Проверьте, не пропущен ли или не добавлен ли знак, и отправьте код ещё раз.",
		"This looks like the code from the letter, but it has {got, plural, one {# symbol} other {# symbols}} and a code has {want}: " +
			"two groups of five letters and digits with a hyphen. Check for a missing or extra symbol and send the code again.",
	},
}
