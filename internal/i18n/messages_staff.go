package i18n

// The staff's home by role (clauses 3.3.2–3.3.5, 3.6.4–3.6.8): a subject
// teacher's lessons, classes and student cards with the expected grade; a
// class teacher's class at a glance; a deputy's levels; the school's
// coverage and activity for the director and the journal administrator.
const (
	StaffStart Key = "staff.start" // /start of a linked staff member; {name}

	HelpStaffHead    Key = "help.staff_head"
	HelpStaffTeacher Key = "help.staff_teacher"
	HelpStaffClass   Key = "help.staff_class"
	HelpStaffDeputy  Key = "help.staff_deputy"
	HelpStaffAdmin   Key = "help.staff_admin"
	HelpStaffFoot    Key = "help.staff_foot"

	StaffDuties   Key = "staff.duties"    // {roles} of the staff member, under the menu's title
	StaffNoRoles  Key = "staff.no_roles"  // a linked staff member without a role today
	StaffNotYours Key = "staff.not_yours" // a view outside the role's rights
	StaffNone     Key = "staff.none"      // an empty list of names

	StaffLessonsTitle Key = "staff.lessons_title" // {date}
	StaffLessonsNone  Key = "staff.lessons_none"  // {date}
	StaffLessonLine   Key = "staff.lesson_line"   // {number}, {class}, {subject}, {topic}, {homework}
	StaffLessonHead   Key = "staff.lesson_head"   // {class}, {subject}, {number}, {date}, {topic}, {homework}
	StaffRosterLine   Key = "staff.roster_line"   // {i}, {name}
	StaffRosterMarked Key = "staff.roster_marked" // {i}, {name}, {mark}
	StaffRosterAbsent Key = "staff.roster_absent" // {n} marked absent

	StaffClassesTitle Key = "staff.classes_title"
	StaffClassesNone  Key = "staff.classes_none"
	StaffStudentsHead Key = "staff.students_head" // {class}, {subject}

	StaffCardHead        Key = "staff.card_head"         // {name}, {class}, {subject}, {period}
	StaffCardGrade       Key = "staff.card_grade"        // {date}, {mark}, {work}
	StaffCardNoGrades    Key = "staff.card_no_grades"    //
	StaffCardAverage     Key = "staff.card_average"      // {average}
	StaffCardExpected    Key = "staff.card_expected"     // {value} from the average
	StaffCardExpectedSet Key = "staff.card_expected_set" // {value}, {date}, {reason}
	StaffCardNoPeriod    Key = "staff.card_no_period"    // no period today
	StaffExpectAsk       Key = "staff.expect_ask"        // {name}, {subject}
	StaffExpectReason    Key = "staff.expect_reason"     // {value}, {name}, {subject}
	StaffExpectSaved     Key = "staff.expect_saved"      // {value}, {name}, {subject}, {reason}

	StaffClassHead        Key = "staff.class_head"         // {class}, {n} students
	StaffClassLinked      Key = "staff.class_linked"       // {linked}, {total}
	StaffClassUnlinked    Key = "staff.class_unlinked"     // {names} not linked
	StaffClassConsented   Key = "staff.class_consented"    // {consented}, {total}
	StaffClassUnseen      Key = "staff.class_unseen"       // {linked} families, {names} of those not seen
	StaffClassAllSeen     Key = "staff.class_all_seen"     // {linked} families, all seen
	StaffClassNoLinked    Key = "staff.class_no_linked"    // nobody linked: nobody can be "not seen"
	StaffClassCount       Key = "staff.class_count"        // {n} names behind a «Показать всех» button
	StaffClassUnlinkedAll Key = "staff.class_unlinked_all" // full list head: {class}, {n}
	StaffClassUnseenAll   Key = "staff.class_unseen_all"   // full list head: {class}, {n}
	StaffRequestsHead     Key = "staff.requests_head"      // {n} pending requests, oldest first
	StaffClassRequests    Key = "staff.class_requests"     // {n}
	StaffClassRequest     Key = "staff.class_request"      // {name}, {child}, {date}
	StaffClassAbsent      Key = "staff.class_absent"       // {names}
	StaffClassRisk        Key = "staff.class_risk"         // {n}
	StaffClassRiskLine    Key = "staff.class_risk_line"    // {name}, {subjects}
	StaffClassRiskSubject Key = "staff.class_risk_subject" // {subject}, {average}

	StaffLevelsHead     Key = "staff.levels_head" // {range} of the week
	StaffLevelLine      Key = "staff.level_line"  // {class}, {average}, {risk}, {n}, {absences}
	StaffLevelsNone     Key = "staff.levels_none"
	StaffLevelPrimary   Key = "staff.level_primary"   // a levels' group title
	StaffLevelBasic     Key = "staff.level_basic"     // a levels' group title
	StaffLevelSecondary Key = "staff.level_secondary" // a levels' group title
	StaffCoverHead      Key = "staff.cover_head"
	StaffCoverLine      Key = "staff.cover_line"   // {class}, {linked}, {consented}, {total}
	StaffCoverTotal     Key = "staff.cover_total"  // {linked}, {consented}, {total}, {percent}
	StaffActiveHead     Key = "staff.active_head"  // {range}
	StaffActiveLine     Key = "staff.active_line"  // {class}, {seen}, {total}, {percent}
	StaffActiveTotal    Key = "staff.active_total" // {seen}, {total}, {percent}

	BtnStaffToday        Key = "btn.staff_today"
	BtnStaffTomorrow     Key = "btn.staff_tomorrow"
	BtnStaffClasses      Key = "btn.staff_classes"
	BtnStaffClass        Key = "btn.staff_class" // {class}
	BtnStaffLevels       Key = "btn.staff_levels"
	BtnStaffCover        Key = "btn.staff_cover"
	BtnStaffActive       Key = "btn.staff_active"
	BtnStaffHome         Key = "btn.staff_home"
	BtnStaffLesson       Key = "btn.staff_lesson"   // {number}, {class}, {subject}
	BtnStaffTeaching     Key = "btn.staff_teaching" // {class}, {subject}
	BtnStaffGroup        Key = "btn.staff_group"    // {class}, {group}, {subject}
	BtnStaffStudent      Key = "btn.staff_student"  // {name}
	BtnStaffExpect       Key = "btn.staff_expect"
	BtnStaffValue        Key = "btn.staff_value"         // {value}
	BtnStaffShowUnlinked Key = "btn.staff_show_unlinked" // {n}
	BtnStaffShowUnseen   Key = "btn.staff_show_unseen"   // {n}
	BtnStaffToClass      Key = "btn.staff_to_class"      // {class}
	BtnStaffToLevels     Key = "btn.staff_to_levels"

	RoleTeacher         Key = "role.teacher"
	RoleClassTeacher    Key = "role.class_teacher" // {class}
	RoleDeputyPrimary   Key = "role.deputy_primary"
	RoleDeputyBasic     Key = "role.deputy_basic"
	RoleDeputySecondary Key = "role.deputy_secondary"
	RoleDirector        Key = "role.director"
	RoleJournalAdmin    Key = "role.journal_admin"
	RoleSysAdmin        Key = "role.sysadmin"
)

var staffMessages = messages{
	StaffStart: {"Здравствуйте, {name}!", "Hello, {name}!"},
	HelpStaffHead: {
		"<b>Бот электронного дневника для сотрудников школы</b>\n\nЧто Вам доступно:",
		"<b>The electronic diary bot for the school's staff</b>\n\nWhat you can do:",
	},
	HelpStaffTeacher: {
		"• <b>Уроки сегодня</b> и <b>Уроки завтра</b> — Ваши уроки: класс, предмет, номер, тема, " +
			"заданное на дом; по уроку — список класса с отмеченными отсутствующими.\n" +
			"• <b>Мои классы</b> — классы и группы, где Вы ведёте уроки; карточка ученика по Вашему " +
			"предмету: оценки с работами, средний балл, ожидаемая оценка. Ожидаемую оценку за период " +
			"можно выставить или изменить с указанием причины (п. 3.6.4).",
		"• <b>Today's lessons</b> and <b>Tomorrow's lessons</b> — your lessons: class, subject, number, " +
			"topic, homework given; for a lesson, the class list with those marked absent.\n" +
			"• <b>My classes</b> — the classes and groups you teach; a student's card in your subject: " +
			"grades with their works, the average, the expected grade. You can set or change the " +
			"expected period grade with a reason (clause 3.6.4).",
	},
	HelpStaffClass: {
		"• <b>Класс</b> — Ваш класс одним взглядом: кто подключил дневник, кто дал согласие, " +
			"кто не заходил неделю, запросы на доступ, отсутствующие сегодня, ученики со средним " +
			"баллом ниже 2,5.\n• <b>Коды для класса</b> — PDF с письмами для семей (одноразовые коды).\n" +
			"• <b>Код для одной семьи</b> — новые коды для одного ученика и его родителей: письмо (PDF) " +
			"или ссылки, которые можно переслать.\n• /requests — запросы на доступ от родителей без кода.",
		"• <b>Class</b> — your class at a glance: who linked the diary, who consented, who has not " +
			"visited for a week, access requests, today's absences, students averaging below 2.5.\n" +
			"• <b>Codes for the class</b> — a PDF of letters for the families (one-time codes).\n" +
			"• <b>A code for one family</b> — new codes for one student and their parents: a letter (PDF) " +
			"or links to forward.\n• /requests — access requests from parents without a code.",
	},
	HelpStaffDeputy: {
		"• <b>Классы по ступеням</b> — классы Ваших ступеней: средний балл, доля учеников " +
			"в зоне риска, пропуски за неделю.",
		"• <b>Classes by level</b> — the classes of your levels: average, share of students at risk, " +
			"absences of the week.",
	},
	HelpStaffAdmin: {
		"• <b>Подключение и согласия</b> — по классам школы: сколько семей подключили дневник " +
			"и дали согласие.\n• <b>Активность за неделю</b> — какая доля семей каждого класса " +
			"открывала дневник за 7 дней (п. 3.3.2).\n• <b>Код для сотрудника</b> — одноразовый код " +
			"для нового коллеги (п. 3.2: доступ в течение 3 дней с начала работы): письмо (PDF) или ссылка.",
		"• <b>Linking and consent</b> — by class: how many families linked the diary and consented.\n" +
			"• <b>Activity of the week</b> — the share of each class's families who opened the diary in " +
			"7 days (clause 3.3.2).\n• <b>A code for a colleague</b> — a one-time code for a new colleague " +
			"(clause 3.2: access within 3 days of starting work): a letter (PDF) or a link.",
	},
	HelpStaffFoot: {
		"/start — меню, /settings — настройки, /help — эта справка.",
		"/start — the menu, /settings — settings, /help — this help.",
	},
	StaffDuties: {"Должность: {roles}.", "Duties: {roles}."},
	StaffNoRoles: {
		"Сейчас у Вас нет действующей должности в школе, поэтому разделов сотрудника нет. " +
			"Если это ошибка, обратитесь к администратору журнала.",
		"You hold no current post at the school, so there are no staff sections. " +
			"If this is a mistake, please contact the journal administrator.",
	},
	StaffNotYours: {
		"Эти данные Вам недоступны: здесь видны только классы, которые входят в Ваши обязанности.",
		"This is not available to you: you see only the classes your duties cover.",
	},
	StaffNone:         {"нет", "none"},
	StaffLessonsTitle: {"<b>Ваши уроки, {date}</b>", "<b>Your lessons, {date}</b>"},
	StaffLessonsNone: {
		"На {date} в журнале нет Ваших уроков.",
		"The journal has no lessons of yours on {date}.",
	},
	StaffLessonLine: {
		"{number}. <b>{class}</b>, {subject}\nТема: {topic}\nЗадано: {homework}",
		"{number}. <b>{class}</b>, {subject}\nTopic: {topic}\nHomework: {homework}",
	},
	StaffLessonHead: {
		"<b>{class}, {subject}</b>, {number}-й урок, {date}\nТема: {topic}\nЗадано: {homework}",
		"<b>{class}, {subject}</b>, lesson {number}, {date}\nTopic: {topic}\nHomework: {homework}",
	},
	StaffRosterLine:   {"{i}. {name}", "{i}. {name}"},
	StaffRosterMarked: {"{i}. {name} — <b>{mark}</b>", "{i}. {name} — <b>{mark}</b>"},
	StaffRosterAbsent: {
		"Отмечено отсутствующих: {n, plural, =0 {никого} one {#} few {#} many {#} other {#}}.",
		"Marked absent: {n, plural, =0 {nobody} one {#} other {#}}.",
	},
	StaffClassesTitle: {
		"<b>Мои классы</b>: выберите класс и предмет.",
		"<b>My classes</b>: choose a class and subject.",
	},
	StaffClassesNone: {
		"В журнале этого учебного года нет Ваших уроков.",
		"The journal of this school year has no lessons of yours.",
	},
	StaffStudentsHead: {
		"<b>{class}, {subject}</b>: выберите ученика.",
		"<b>{class}, {subject}</b>: choose a student.",
	},
	StaffCardHead:     {"<b>{name}</b>, {class}\n{subject}, {period}", "<b>{name}</b>, {class}\n{subject}, {period}"},
	StaffCardGrade:    {"{date}: <b>{mark}</b> — {work}", "{date}: <b>{mark}</b> — {work}"},
	StaffCardNoGrades: {"Оценок за период пока нет.", "No grades in this period yet."},
	StaffCardAverage:  {"Средний балл: <b>{average}</b>", "Average: <b>{average}</b>"},
	StaffCardExpected: {
		"Ожидаемая оценка: <b>{value}</b> (по среднему баллу)",
		"Expected grade: <b>{value}</b> (from the average)",
	},
	StaffCardExpectedSet: {
		"Ожидаемая оценка: <b>{value}</b>, выставлена учителем {date}. Причина: {reason}",
		"Expected grade: <b>{value}</b>, set by the teacher on {date}. Reason: {reason}",
	},
	StaffCardNoPeriod: {
		"Сейчас не идёт учебный период: оценок и ожидаемой оценки нет.",
		"No school period is running now: there are no grades or expected grade.",
	},
	StaffExpectAsk: {
		"Ожидаемая оценка за период: {name}, {subject}. Выберите оценку.",
		"Expected period grade: {name}, {subject}. Choose the grade.",
	},
	StaffExpectReason: {
		"Ожидаемая оценка <b>{value}</b>: {name}, {subject}.\nНапишите одним сообщением причину. " +
			"Если оценка ниже среднего балла, родители получат её вместе с причиной (п. 3.6.4). " +
			"Передумали — нажмите /cancel.",
		"Expected grade <b>{value}</b>: {name}, {subject}.\nWrite the reason in one message. " +
			"If the grade is below the average, the parents will get it with the reason (clause 3.6.4). " +
			"Changed your mind? Press /cancel.",
	},
	StaffExpectSaved: {
		"Записано: ожидаемая оценка <b>{value}</b>, {name}, {subject}. Причина: {reason}",
		"Saved: expected grade <b>{value}</b>, {name}, {subject}. Reason: {reason}",
	},
	StaffClassHead: {
		"<b>Класс {class}</b>: {n, plural, one {# ученик} few {# ученика} many {# учеников} other {# ученика}}",
		"<b>Class {class}</b>: {n, plural, one {# student} other {# students}}",
	},
	StaffClassLinked: {
		"Подключили дневник: <b>{linked}</b> из {total}",
		"Linked the diary: <b>{linked}</b> of {total}",
	},
	StaffClassUnlinked: {"Не подключены: {names}", "Not linked: {names}"},
	StaffClassConsented: {
		"Дали согласие на обработку данных: <b>{consented}</b> из {total}",
		"Consented to data processing: <b>{consented}</b> of {total}",
	},
	StaffClassUnseen: {
		"Из подключённых семей ({linked}) не заходили в дневник 7 дней: {names}",
		"Of the linked families ({linked}), not opened the diary for 7 days: {names}",
	},
	StaffClassAllSeen: {
		"Из подключённых семей ({linked}) все заходили в дневник за 7 дней.",
		"Of the linked families ({linked}), all opened the diary in the last 7 days.",
	},
	StaffClassNoLinked: {
		"Кто не заходил в дневник 7 дней, видно только по подключённым семьям, а подключённых пока нет.",
		"Who has not opened the diary for 7 days shows only for linked families, and none has linked yet.",
	},
	StaffClassCount: {
		"{n, plural, one {# ученик} few {# ученика} many {# учеников} other {# ученика}} — список по кнопке ниже",
		"{n, plural, one {# student} other {# students}} — the list is behind the button below",
	},
	StaffClassUnlinkedAll: {
		"<b>Класс {class}</b>: не подключили дневник — " +
			"{n, plural, one {# ученик} few {# ученика} many {# учеников} other {# ученика}}",
		"<b>Class {class}</b>: not linked to the diary — {n, plural, one {# student} other {# students}}",
	},
	StaffClassUnseenAll: {
		"<b>Класс {class}</b>: семьи подключены, но не заходили в дневник 7 дней — " +
			"{n, plural, one {# ученик} few {# ученика} many {# учеников} other {# ученика}}",
		"<b>Class {class}</b>: linked but not opened the diary for 7 days — {n, plural, one {# student} other {# students}}",
	},
	StaffRequestsHead: {
		"<b>Заявки на доступ</b>: {n, plural, one {# заявка} few {# заявки} many {# заявок} other {# заявки}}, " +
			"ниже по одной, сначала самые старые.",
		"<b>Access requests</b>: {n, plural, one {# request} other {# requests}}, one by one below, oldest first.",
	},
	StaffClassRequests: {
		"Запросы на доступ: {n, plural, =0 {нет} one {#} few {#} many {#} other {#}}",
		"Access requests: {n, plural, =0 {none} one {#} other {#}}",
	},
	StaffClassRequest: {"• {name} — {child}, от {date}", "• {name} — {child}, of {date}"},
	StaffClassAbsent:  {"Отсутствуют сегодня: {names}", "Absent today: {names}"},
	StaffClassRisk: {
		"Средний балл ниже 2,5: {n, plural, =0 {нет} one {# ученик} few {# ученика} many {# учеников} other {# ученика}}",
		"Average below 2.5: {n, plural, =0 {nobody} one {# student} other {# students}}",
	},
	StaffClassRiskLine:    {"• {name}: {subjects}", "• {name}: {subjects}"},
	StaffClassRiskSubject: {"{subject} {average}", "{subject} {average}"},
	StaffLevelsHead: {
		"<b>Классы Ваших ступеней</b>\nср. — средний балл за период; риск — доля учеников со средним " +
			"ниже 2,5 по какому-либо предмету (в скобках — сколько их); пропуски — уроки, пропущенные за {range}",
		"<b>The classes of your levels</b>\navg — the period's average; risk — the share of students averaging " +
			"below 2.5 in some subject (how many in brackets); missed — lessons missed in {range}",
	},
	StaffLevelLine: {
		"<b>{class}</b>: ср. {average} · риск {risk} ({n}) · пропуски {absences}",
		"<b>{class}</b>: avg {average} · risk {risk} ({n}) · missed {absences}",
	},
	StaffLevelPrimary:   {"<b>1–4 классы</b>", "<b>Classes 1–4</b>"},
	StaffLevelBasic:     {"<b>5–9 классы</b>", "<b>Classes 5–9</b>"},
	StaffLevelSecondary: {"<b>10–11 классы</b>", "<b>Classes 10–11</b>"},
	StaffLevelsNone:     {"На Ваших ступенях нет классов.", "Your levels have no classes."},
	StaffCoverHead: {
		"<b>Подключение и согласия по классам</b> (подключили / дали согласие / всего учеников)",
		"<b>Linking and consent by class</b> (linked / consented / students)",
	},
	StaffCoverLine: {"{class}: {linked} / {consented} / {total}", "{class}: {linked} / {consented} / {total}"},
	StaffCoverTotal: {
		"<b>Школа</b>: {linked} / {consented} / {total}, подключено {percent}",
		"<b>School</b>: {linked} / {consented} / {total}, {percent} linked",
	},
	StaffActiveHead: {
		"<b>Активность за неделю</b> {range}: семьи, открывавшие дневник (из всех учеников класса)",
		"<b>Activity of the week</b> {range}: families who opened the diary (of the class's students)",
	},
	StaffActiveLine:  {"{class}: {seen} из {total} ({percent})", "{class}: {seen} of {total} ({percent})"},
	StaffActiveTotal: {"<b>Школа</b>: {seen} из {total} ({percent})", "<b>School</b>: {seen} of {total} ({percent})"},

	BtnStaffToday:        {"Уроки сегодня", "Today's lessons"},
	BtnStaffTomorrow:     {"Уроки завтра", "Tomorrow's lessons"},
	BtnStaffClasses:      {"Мои классы", "My classes"},
	BtnStaffClass:        {"Класс {class}", "Class {class}"},
	BtnStaffLevels:       {"Классы по ступеням", "Classes by level"},
	BtnStaffCover:        {"Подключение и согласия", "Linking and consent"},
	BtnStaffActive:       {"Активность за неделю", "Activity of the week"},
	BtnStaffHome:         {"Меню сотрудника", "Staff menu"},
	BtnStaffLesson:       {"{number}. {class} · {subject}", "{number}. {class} · {subject}"},
	BtnStaffTeaching:     {"{class} · {subject}", "{class} · {subject}"},
	BtnStaffGroup:        {"{class} ({group}) · {subject}", "{class} ({group}) · {subject}"},
	BtnStaffStudent:      {"{name}", "{name}"},
	BtnStaffExpect:       {"Выставить ожидаемую оценку", "Set the expected grade"},
	BtnStaffValue:        {"{value}", "{value}"},
	BtnStaffShowUnlinked: {"Показать всех: не подключены ({n})", "Show all: not linked ({n})"},
	BtnStaffShowUnseen:   {"Показать всех: не заходили ({n})", "Show all: not seen ({n})"},
	BtnStaffToClass:      {"← Класс {class}", "← Class {class}"},
	BtnStaffToLevels:     {"← К ступеням", "← To the levels"},

	RoleTeacher:         {"учитель", "teacher"},
	RoleClassTeacher:    {"классный руководитель {class}", "class teacher of {class}"},
	RoleDeputyPrimary:   {"заместитель директора, 1–4 классы", "deputy director, classes 1–4"},
	RoleDeputyBasic:     {"заместитель директора, 5–9 классы", "deputy director, classes 5–9"},
	RoleDeputySecondary: {"заместитель директора, 10–11 классы", "deputy director, classes 10–11"},
	RoleDirector:        {"директор", "director"},
	RoleJournalAdmin:    {"администратор журнала", "journal administrator"},
	RoleSysAdmin:        {"системный администратор", "system administrator"},
}
