package i18n

// Access requests of families without a code (clause 2.10).
const (
	AccessRecorded  Key = "access.recorded"  // {date} of the request, {days} the school has
	AccessDuplicate Key = "access.duplicate" // {date} of the earlier request
)

var accessMessages = messages{
	AccessRecorded: {
		"Запрос на доступ записан {date} и передан классному руководителю. " +
			"Школа предоставит доступ в течение " +
			"{days, plural, one {# дня} few {# дней} many {# дней} other {# дня}}.",
		"Your access request was recorded on {date} and sent to the class teacher. " +
			"The school will give you access within {days, plural, one {# day} other {# days}}.",
	},
	AccessDuplicate: {
		"Ваш запрос от {date} уже передан классному руководителю. Ответ придёт сюда.",
		"Your request of {date} has already been sent to the class teacher. The answer will come here.",
	},
	AccessAskRelation: {
		"Кем Вы приходитесь ученику? Выберите ниже или напишите: мама, папа, бабушка, опекун…",
		"Who are you to the student? Choose below or write it: mother, father, grandmother, guardian…",
	},
	AccessAskPhone: {
		"Поделитесь номером телефона кнопкой «Поделиться номером» ниже: Telegram подтвердит, " +
			"что номер Ваш, и школа сверит его со своими списками. Номер увидит только классный руководитель.",
		"Share your phone number with the “Share my phone number” button below: Telegram confirms " +
			"the number is yours and the school checks it against its records. Only the class teacher sees it.",
	},
	AccessPhoneButton: {
		"Нажмите, пожалуйста, кнопку «Поделиться номером»: номер, набранный вручную, школа проверить не может.",
		"Please press “Share my phone number”: the school cannot check a number typed by hand.",
	},
	AccessCard: {
		"<b>Заявка на доступ к дневнику</b> от {date}\n" +
			"Заявитель: {name} ({relation}), телефон {phone}\n" +
			"Ученик: {child}, {class} класс\n\n{match}",
		"<b>Diary access request</b> of {date}\n" +
			"From: {name} ({relation}), phone {phone}\n" +
			"Student: {child}, class {class}\n\n{match}",
	},
	AccessMatchFull: {
		"В списках школы: ученик {student}, номер телефона совпадает с номером родителя — {guardian}.",
		"In the school's records: student {student}; the phone matches the guardian {guardian}.",
	},
	AccessMatchStudent: {
		"Ученик {student} есть в списках, но этого номера нет среди номеров его родителей. " +
			"Одобрить заявку можно, когда номер внесут в журнал; иначе откажите и напишите почему.",
		"The student {student} is in the records, but this number is not among the guardians' numbers. " +
			"The request can be approved once the number is in the journal; otherwise refuse and say why.",
	},
	AccessMatchNone: {
		"Ученика с таким именем в {class} классе нет в списках школы. Одобрить заявку нельзя: откажите и напишите почему.",
		"There is no student of that name in class {class}. The request cannot be approved: refuse it and say why.",
	},
	AccessDue: {
		"Решить — до {date} (10 дней со дня заявки).",
		"Decide by {date} (10 days from the request).",
	},
	AccessWaiting: {
		"Ждут Вашего решения " +
			"{n, plural, one {# заявка} few {# заявки} many {# заявок} other {# заявки}} на доступ к дневнику.",
		"{n, plural, one {# access request waits} other {# access requests wait}} for your decision.",
	},
	AccessNoneWaiting: {
		"Новых заявок на доступ нет.",
		"There are no new access requests.",
	},
	AccessCannotApprove: {
		"Одобрить эту заявку нельзя: заявитель не совпадает со списками школы. Можно отказать, указав причину.",
		"This request cannot be approved: the requester does not match the school's records. You can refuse it and give the reason.",
	},
	AccessDecided: {
		"Эта заявка уже рассмотрена.",
		"This request has already been decided.",
	},
	AccessApproved: {
		"Заявка одобрена: {name} подключён к дневнику ({child}). Бот попросит согласие на обработку данных.",
		"Request approved: {name} is linked to the diary ({child}). The bot will ask for consent to data processing.",
	},
	AccessApprovedTo: {
		"Школа одобрила Вашу заявку: дневник подключён — <b>{child}</b>, {class} класс.",
		"The school approved your request: the diary is linked — <b>{child}</b>, class {class}.",
	},
	AccessAskReason: {
		"Напишите одним сообщением причину отказа — её получит заявитель.",
		"Write the reason for the refusal in one message: the requester will receive it.",
	},
	AccessRefusedSent: {
		"Отказ с причиной отправлен заявителю.",
		"The refusal and its reason have been sent to the requester.",
	},
	AccessRefusedTo: {
		"Школа отклонила Вашу заявку на доступ к дневнику ({child}).\nПричина: {reason}\n\n" +
			"Если есть вопросы, обратитесь к классному руководителю.",
		"The school refused your request for access to the diary ({child}).\nReason: {reason}\n\n" +
			"If you have questions, please contact the class teacher.",
	},
	AccessStatusNone: {
		"У Вас нет заявок на доступ. Если у Вас нет кода из письма школы, нажмите «У меня нет кода».",
		"You have no access requests. If you have no code from the school's letter, press “I have no code”.",
	},
	AccessStatusOpen: {
		"Заявка от {date}: {child}, {class} класс — на рассмотрении у классного руководителя, ответ — до {due}.",
		"Request of {date}: {child}, class {class} — with the class teacher, the answer is due by {due}.",
	},
	AccessStatusDone: {
		"Заявка от {date}: {child}, {class} класс — одобрена {decided}.",
		"Request of {date}: {child}, class {class} — approved on {decided}.",
	},
	AccessStatusRefused: {
		"Заявка от {date}: {child}, {class} класс — отклонена {decided}. Причина: {reason}",
		"Request of {date}: {child}, class {class} — refused on {decided}. Reason: {reason}",
	},
	BtnRelationMother:   {"Мама", "Mother"},
	BtnRelationFather:   {"Папа", "Father"},
	BtnRelationGuardian: {"Опекун или законный представитель", "Guardian or legal representative"},
	BtnRequests:         {"Заявки на доступ", "Access requests"},
	BtnMyRequest:        {"Моя заявка", "My request"},
	BtnApprove:          {"Одобрить", "Approve"},
	BtnRefuse:           {"Отказать", "Refuse"},
}

// The access request as a workflow (clauses 2.10, 3.6.6): who the
// requester is, the phone Telegram verified, the class teacher's card and
// decision, and the requester's view of the status.
const (
	AccessAskRelation   Key = "access.ask_relation"
	AccessAskPhone      Key = "access.ask_phone"
	AccessPhoneButton   Key = "access.phone_button" // a phone typed instead of shared
	AccessCard          Key = "access.card"         // {date}, {name}, {relation}, {phone}, {child}, {class}, {match}
	AccessMatchFull     Key = "access.match_full"   // {student}, {guardian}
	AccessMatchStudent  Key = "access.match_student"
	AccessMatchNone     Key = "access.match_none" // {class}
	AccessDue           Key = "access.due"        // {date} by which to decide
	AccessWaiting       Key = "access.waiting"    // {n} requests wait for the class teacher
	AccessNoneWaiting   Key = "access.none_waiting"
	AccessCannotApprove Key = "access.cannot_approve"
	AccessDecided       Key = "access.decided"
	AccessApproved      Key = "access.approved"        // to the class teacher: {name}, {child}
	AccessApprovedTo    Key = "access.approved_parent" // to the requester: {child}, {class}
	AccessAskReason     Key = "access.ask_reason"
	AccessRefusedSent   Key = "access.refused_sent"
	AccessRefusedTo     Key = "access.refused_parent" // to the requester: {child}, {reason}
	AccessStatusNone    Key = "access.status_none"
	AccessStatusOpen    Key = "access.status_open"     // {date}, {child}, {class}, {due}
	AccessStatusDone    Key = "access.status_approved" // {date}, {child}, {class}, {decided}
	AccessStatusRefused Key = "access.status_refused"  // {date}, {child}, {class}, {decided}, {reason}

	BtnRelationMother   Key = "btn.relation_mother"
	BtnRelationFather   Key = "btn.relation_father"
	BtnRelationGuardian Key = "btn.relation_guardian"
	BtnRequests         Key = "btn.requests"
	BtnMyRequest        Key = "btn.my_request"
	BtnApprove          Key = "btn.approve"
	BtnRefuse           Key = "btn.refuse"
)
