package i18n

// The codes staff issue from the bot one at a time: a class teacher's code
// for one family of the class (a letter or a link to forward), and the
// director's or journal administrator's code for a new colleague (clause
// 3.2: access within 3 days of starting work).
const (
	BtnStaffFamily    Key = "btn.staff_family"    // {class}
	BtnStaffColleague Key = "btn.staff_colleague" //
	BtnStaffMore      Key = "btn.staff_more"      // the next page of a list
	BtnCodeLetter     Key = "btn.code_letter"     // the code as a PDF letter
	BtnCodeLink       Key = "btn.code_link"       // the code as a deep link

	StaffFamilyPick    Key = "staff.family_pick"    // {class}
	StaffFamilyHow     Key = "staff.family_how"     // {name}, {class}, {n} codes
	StaffFamilyLetter  Key = "staff.family_letter"  // caption: {name}, {class}, {n} letters, {date} the codes expire
	StaffFamilyLinks   Key = "staff.family_links"   // {name}, {class}, {date}, {links}
	StaffCodeLinkLine  Key = "staff.code_link_line" // {recipient}, {kind}, {link}
	StaffCodeForParent Key = "staff.code_for_parent"
	StaffCodeForChild  Key = "staff.code_for_child"

	StaffColleaguePick   Key = "staff.colleague_pick"   // {n} working today
	BtnStaffColleagueOf  Key = "btn.staff_colleague_of" // {name}, {roles}
	StaffColleagueHow    Key = "staff.colleague_how"    // {name}, {roles}
	StaffColleagueLetter Key = "staff.colleague_letter" // caption: {name}, {date}
	StaffColleagueLink   Key = "staff.colleague_link"   // {name}, {roles}, {date}, {link}
)

var staffCodeMessages = messages{
	BtnStaffFamily:    {"Код для одной семьи {class}", "A code for one family of {class}"},
	BtnStaffColleague: {"Код для сотрудника", "A code for a colleague"},
	BtnStaffMore:      {"Дальше →", "More →"},
	BtnCodeLetter:     {"Письмо (PDF)", "Letter (PDF)"},
	BtnCodeLink:       {"Ссылка для пересылки", "A link to forward"},
	StaffFamilyPick: {
		"<b>Код для одной семьи, {class} класс</b>\nВыберите ученика: новые коды получат он и его родители.",
		"<b>A code for one family, class {class}</b>\nChoose the student: new codes go to them and their parents.",
	},
	StaffFamilyHow: {
		"<b>{name}</b>, {class} класс: {n, plural, one {# код} few {# кода} many {# кодов} other {# кода}} " +
			"(ученик и родители). Как передать их семье?",
		"<b>{name}</b>, class {class}: {n, plural, one {# code} other {# codes}} (the student and the parents). " +
			"How should the family get them?",
	},
	StaffFamilyLetter: {
		"Письма с кодами для семьи: {name}, {class} класс, " +
			"{n, plural, one {# письмо} few {# письма} many {# писем} other {# письма}}. " +
			"Коды действуют до {date} включительно. Прежние неиспользованные коды этой семьи больше не действуют.",
		"Letters with codes for one family: {name}, class {class}, {n, plural, one {# letter} other {# letters}}. " +
			"The codes work until {date} inclusive. The family's earlier unused codes no longer work.",
	},
	StaffFamilyLinks: {
		"<b>Ссылки для семьи: {name}, {class} класс</b>\nПерешлите каждому его ссылку: она открывает бот " +
			"и подключает дневник один раз, до {date} включительно. Прежние неиспользованные коды и ссылки " +
			"этой семьи больше не действуют.\n\n{links}",
		"<b>Links for one family: {name}, class {class}</b>\nForward each person their own link: it opens the bot " +
			"and links the diary once, until {date} inclusive. The family's earlier unused codes and links " +
			"no longer work.\n\n{links}",
	},
	StaffCodeLinkLine:  {"{recipient} ({kind}):\n{link}", "{recipient} ({kind}):\n{link}"},
	StaffCodeForParent: {"родитель", "parent"},
	StaffCodeForChild:  {"ученик", "student"},
	StaffColleaguePick: {
		"<b>Код для сотрудника</b> (п. 3.2: доступ в течение 3 дней с начала работы)\n" +
			"Работают сегодня: {n}. Выберите сотрудника.",
		"<b>A code for a colleague</b> (clause 3.2: access within 3 days of starting work)\n" +
			"Working today: {n}. Choose the staff member.",
	},
	BtnStaffColleagueOf: {"{name} — {roles}", "{name} — {roles}"},
	StaffColleagueHow: {
		"<b>{name}</b> — {roles}.\nНовый одноразовый код для подключения к боту. Как его передать?",
		"<b>{name}</b> — {roles}.\nA new one-time code to link the bot. How should they get it?",
	},
	StaffColleagueLetter: {
		"Письмо с кодом для сотрудника: {name}. Код действует до {date} включительно. " +
			"Прежний неиспользованный код этого сотрудника больше не действует.",
		"A letter with a code for the staff member {name}. The code works until {date} inclusive. " +
			"Their earlier unused code no longer works.",
	},
	StaffColleagueLink: {
		"<b>Ссылка для сотрудника: {name}</b> ({roles})\nПерешлите её сотруднику: она открывает бот " +
			"и подключает его один раз, до {date} включительно. Прежний неиспользованный код " +
			"этого сотрудника больше не действует.\n\n{link}",
		"<b>A link for the staff member {name}</b> ({roles})\nForward it to them: it opens the bot and " +
			"links them once, until {date} inclusive. Their earlier unused code no longer works.\n\n{link}",
	},
}
