package i18n

// Greeting, help and command descriptions.
const (
	StartNew  Key = "start.new"  // /start of a chat with nothing linked
	StartBack Key = "start.back" // /start of a linked user; {name}
	Help      Key = "help.family"
	CmdStart  Key = "cmd.start" // setMyCommands description of /start
	CmdHelp   Key = "cmd.help"  // setMyCommands description of /help
)

var startMessages = messages{
	StartNew: {
		"Здравствуйте! Это бот электронного дневника школы.\n\n" +
			"Здесь можно смотреть оценки, посещаемость, домашние задания и расписание, " +
			"а также получать уведомления от школы.\n\n" +
			"Чтобы начать, отправьте код из письма, которое Вам выдали в школе, " +
			"или отсканируйте QR-код из этого письма.",
		"Hello! This is the school's electronic diary bot.\n\n" +
			"Here you can see grades, attendance, homework and the timetable, " +
			"and receive notices from the school.\n\n" +
			"To begin, send the code from the letter the school gave you, " +
			"or scan the QR code in that letter.",
	},
	StartBack: {
		"Здравствуйте, {name}! Выберите в меню, что посмотреть.",
		"Hello, {name}! Choose in the menu what to view.",
	},
	Help: {
		"<b>Что умеет бот</b>\n\n" +
			"• <b>Оценки</b> — по предметам, с датой и видом работы, средний балл " +
			"и ожидаемая оценка за период.\n" +
			"• <b>Посещаемость</b> — пропуски и опоздания за период.\n" +
			"• <b>Домашнее задание</b> — на сегодня, на завтра и на неделю.\n" +
			"• <b>Расписание</b> — уроки на сегодня, на завтра и на неделю.\n" +
			"• <b>Завтра</b> — завтрашние уроки по порядку и домашнее задание к каждому (/tomorrow).\n" +
			"• <b>Что нового</b> — новые оценки, пропуски и задания с Вашего прошлого визита (/news).\n" +
			"• <b>Периоды и каникулы</b> — четверти или полугодия и каникулы.\n" +
			"• <b>Итоговые оценки</b> — за периоды и за год.\n" +
			"• <b>Настройки</b> — выбор ребёнка, язык, уведомления, согласие на обработку данных.\n\n" +
			"Можно просто написать словом: «оценки», «дз», «расписание», «пропуски», «завтра».\n\n" +
			"Если в дневнике ошибка, обратитесь к классному руководителю. " +
			"Если Вы не можете пользоваться ботом, сообщите об этом классному руководителю — " +
			"школа выдаст сведения на бумаге.",
		"<b>What the bot can do</b>\n\n" +
			"• <b>Grades</b> — by subject, with the date and type of work, the average " +
			"and the expected grade for the term.\n" +
			"• <b>Attendance</b> — absences and late arrivals for the term.\n" +
			"• <b>Homework</b> — for today, tomorrow and the week.\n" +
			"• <b>Timetable</b> — lessons for today, tomorrow and the week.\n" +
			"• <b>Tomorrow</b> — tomorrow's lessons in order with each lesson's homework (/tomorrow).\n" +
			"• <b>What's new</b> — new grades, absences and homework since your last visit (/news).\n" +
			"• <b>Terms and holidays</b> — the school's terms and holidays.\n" +
			"• <b>Final grades</b> — for each term and for the year.\n" +
			"• <b>Settings</b> — child, language, notifications, consent to data processing.\n\n" +
			"You can also just write a word: “grades”, “homework”, “timetable”, “attendance”, “tomorrow” " +
			"(in Russian: «оценки», «дз», «расписание», «пропуски», «завтра»).\n\n" +
			"If something in the diary is wrong, please contact the class teacher. " +
			"If you cannot use the bot, tell the class teacher, " +
			"and the school will give you the information on paper.",
	},
	CmdStart: {"Главное меню", "Main menu"},
	CmdHelp:  {"Что умеет бот", "What the bot can do"},
}
