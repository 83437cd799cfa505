package i18n

// The bot's texts beyond the families' seed set: staff linking and the class
// teacher's link letters, the access request conversation, the command menu
// of each role and a few settings.
const (
	StaffLinked Key = "staff.linked" // {name} of the staff member
	StaffMenu   Key = "staff.menu"   // {name} of the staff member

	CodesIssued  Key = "codes.issued"  // {class}, {n} letters, {date} the codes expire
	CodesEmpty   Key = "codes.empty"   // {class} has no enrolled students
	CodesRefused Key = "codes.refused" // not the class teacher of that class now

	AccessAskName       Key = "access.ask_name"
	AccessAskChild      Key = "access.ask_child"
	AccessAskClass      Key = "access.ask_class"
	AccessAskSchool     Key = "access.ask_school"
	AccessUnknownSchool Key = "access.unknown_school"
	AccessCancelled     Key = "access.cancelled"

	SettingsLangChoose Key = "settings.lang_choose"
	ConsentNone        Key = "consent.none" // settings → consent without any linked child
	ErrViewUnavailable Key = "error.view_unavailable"

	CmdMenu       Key = "cmd.menu"
	CmdGrades     Key = "cmd.grades"
	CmdHomework   Key = "cmd.homework"
	CmdTimetable  Key = "cmd.timetable"
	CmdAttendance Key = "cmd.attendance"
	CmdTomorrow   Key = "cmd.tomorrow"
	CmdNews       Key = "cmd.news"
	CmdRequests   Key = "cmd.requests"
	CmdSettings   Key = "cmd.settings"
	CmdCodes      Key = "cmd.codes"

	BtnCodes    Key = "btn.codes" // {class}
	BtnNotifyOn Key = "btn.notify_on"
)

var botMessages = messages{
	StaffLinked: {
		"Готово! Вы подключены как сотрудник школы: <b>{name}</b>.",
		"Done! You are linked as a member of the school's staff: <b>{name}</b>.",
	},
	StaffMenu: {
		"<b>{name}</b>, меню сотрудника. Выберите действие.",
		"<b>{name}</b>, staff menu. Choose an action.",
	},
	CodesIssued: {
		"Письма с кодами для класса {class}: " +
			"{n, plural, one {# письмо} few {# письма} many {# писем} other {# письма}}. " +
			"Каждый код действует один раз, до {date}. Распечатайте и раздайте письма семьям лично.",
		"Letters with codes for class {class}: {n, plural, one {# letter} other {# letters}}. " +
			"Each code works once, until {date}. Print the letters and hand them to the families in person.",
	},
	CodesEmpty: {
		"В классе {class} нет учеников, коды выдавать некому.",
		"Class {class} has no students, so there is nobody to issue codes to.",
	},
	CodesRefused: {
		"Выдавать коды может только классный руководитель этого класса.",
		"Only the class teacher of this class can issue its codes.",
	},
	AccessAskName: {
		"Запрос доступа к дневнику. Напишите, пожалуйста, Вашу фамилию, имя и отчество.",
		"Access request. Please write your surname, first name and patronymic.",
	},
	AccessAskChild: {
		"Напишите фамилию и имя ученика.",
		"Write the student's surname and first name.",
	},
	AccessAskClass: {
		"В каком классе учится ученик? Например: 5А.",
		"Which class is the student in? For example: 5A.",
	},
	AccessAskSchool: {
		"Напишите код школы: он указан на сайте школы и в объявлениях классного руководителя.",
		"Write the school's code: it is on the school's website and in the class teacher's notices.",
	},
	AccessUnknownSchool: {
		"Школа с таким кодом не найдена. Проверьте код и отправьте его ещё раз.",
		"No school has this code. Please check it and send it again.",
	},
	AccessCancelled: {
		"Запрос отменён. Чтобы начать заново, нажмите /start.",
		"The request was cancelled. To start again, press /start.",
	},
	SettingsLangChoose: {"Выберите язык · Choose the language", "Choose the language · Выберите язык"},
	ConsentNone: {
		"Нет подключённых учеников, согласие на обработку данных не записано.",
		"No students are linked, so no consent to data processing is on record.",
	},
	ErrViewUnavailable: {
		"Этот раздел пока недоступен. Попробуйте, пожалуйста, позже.",
		"This section is not available yet. Please try again later.",
	},
	CmdMenu:       {"Главное меню", "Main menu"},
	CmdGrades:     {"Оценки", "Grades"},
	CmdHomework:   {"Домашнее задание", "Homework"},
	CmdTimetable:  {"Расписание", "Timetable"},
	CmdAttendance: {"Посещаемость", "Attendance"},
	CmdTomorrow:   {"Завтра: уроки и домашнее задание", "Tomorrow: lessons and homework"},
	CmdNews:       {"Что нового с прошлого визита", "What's new since the last visit"},
	CmdRequests:   {"Запросы на доступ от родителей", "Access requests from parents"},
	CmdSettings:   {"Настройки", "Settings"},
	CmdCodes:      {"Коды для класса", "Codes for the class"},
	BtnCodes:      {"Коды для класса {class}", "Codes for class {class}"},
	BtnNotifyOn:   {"Включить уведомления", "Turn notifications on"},
}
