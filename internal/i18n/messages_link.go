package i18n

// Linking a chat to a student by code or by phone, and the refusals of
// clause 2.7.
const (
	LinkAskCode          Key = "link.ask_code"
	LinkAskCodeOrContact Key = "link.ask_code_or_contact" // where the school allows phone matching
	LinkDone             Key = "link.done"                // {child}, {class}
	LinkContactNotOwn    Key = "link.contact_not_own"     // a contact of someone else was shared
	LinkContactOff       Key = "link.contact_off"         // the school does not match phones

	RefusedLeft Key = "refused.left" // the student left; the journal gives no reason
	// The departure the journal recorded, with its {date}.
	RefusedLeftExpelled    Key = "refused.left_expelled"
	RefusedLeftTransferred Key = "refused.left_transferred"
	RefusedLeftGraduated   Key = "refused.left_graduated"
	RefusedLeftNotInRoster Key = "refused.left_not_in_roster"
	RefusedUsed            Key = "refused.used"       // the code was already used
	RefusedExpired         Key = "refused.expired"    // the code expired
	RefusedUnknown         Key = "refused.unknown"    // no such code; {left} attempts before the lockout
	RefusedNotMember       Key = "refused.not_member" // not a guardian or student of this school
	RefusedPhone           Key = "refused.phone"      // the shared {phone} is not in the roster
	RefusedNoConsent       Key = "refused.no_consent" // no consent yet
	RefusedLocked          Key = "refused.locked"     // too many wrong codes; {minutes} to wait

	BtnShareContact Key = "btn.share_contact"
	BtnNoCode       Key = "btn.no_code"
)

var linkMessages = messages{
	LinkAskCode: {
		"Отправьте код из письма школы. Буквы можно вводить и заглавные, и строчные.",
		"Send the code from the school's letter. Capital and small letters both work.",
	},
	LinkAskCodeOrContact: {
		"Отправьте код из письма школы или нажмите «Поделиться номером». " +
			"Если Ваш номер есть в списках школы, бот найдёт Вашего ребёнка.",
		"Send the code from the school's letter or press “Share my phone number”. " +
			"If the school has your number on record, the bot will find your child.",
	},
	LinkDone: {
		"Готово! Дневник подключён: <b>{child}</b>, {class} класс.",
		"Done! The diary is linked: <b>{child}</b>, class {class}.",
	},
	LinkContactNotOwn: {
		"Пожалуйста, поделитесь своим номером — кнопкой «Поделиться номером» ниже.",
		"Please share your own number with the “Share my phone number” button below.",
	},
	LinkContactOff: {
		"В этой школе доступ по номеру телефона не используется. Отправьте код из письма школы.",
		"This school does not give access by phone number. Please send the code from the school's letter.",
	},
	RefusedLeft: {
		"Доступ закрыт: ученик выбыл из школы или отчислен. " +
			"Если это ошибка, обратитесь в школу.",
		"Access is closed: the student has left the school or has been expelled. " +
			"If this is a mistake, please contact the school.",
	},
	RefusedLeftExpelled: {
		"Доступ закрыт: ученик отчислен из школы {date}. " +
			"Если это ошибка, обратитесь в школу.",
		"Access is closed: the student was expelled from the school on {date}. " +
			"If this is a mistake, please contact the school.",
	},
	RefusedLeftTransferred: {
		"Доступ закрыт: ученик переведён в другую школу {date}. " +
			"Дневник новой школы подключается через неё.",
		"Access is closed: the student transferred to another school on {date}. " +
			"The new school's diary is linked through that school.",
	},
	RefusedLeftGraduated: {
		"Доступ закрыт: ученик окончил школу {date}. Поздравляем с выпуском!",
		"Access is closed: the student graduated from the school on {date}. Congratulations!",
	},
	RefusedLeftNotInRoster: {
		"Доступ закрыт: с {date} ученика нет в списках школы. " +
			"Если это ошибка, обратитесь в школу.",
		"Access is closed: since {date} the student is not on the school's roster. " +
			"If this is a mistake, please contact the school.",
	},
	RefusedUsed: {
		"Этот код уже использован: каждый код действует только один раз. " +
			"Если Вы его не вводили, сообщите классному руководителю — он выдаст новый код.",
		"This code has already been used: each code works only once. " +
			"If you did not enter it, tell the class teacher, who will issue a new one.",
	},
	RefusedExpired: {
		"Этот код больше не действует: истёк его срок или школа уже выдала Вам новый код. " +
			"Воспользуйтесь последним письмом или попросите новый код у классного руководителя.",
		"This code no longer works: it has expired or the school has issued you a newer one. " +
			"Please use the latest letter or ask the class teacher for a new code.",
	},
	RefusedUnknown: {
		"Такого кода нет. Проверьте, нет ли опечатки, и отправьте код ещё раз. " +
			"{left, plural, one {Осталась # попытка} few {Осталось # попытки} " +
			"many {Осталось # попыток} other {Осталось # попытки}}.",
		"There is no such code. Please check it for typos and send it again. " +
			"{left, plural, one {# attempt left} other {# attempts left}}.",
	},
	RefusedNotMember: {
		"Не удалось подтвердить, что Вы родитель, законный представитель или ученик этой школы. " +
			"Доступ открывается только по коду из письма школы или по номеру телефона, " +
			"который есть у школы. Обратитесь, пожалуйста, к классному руководителю.",
		"We could not confirm that you are a parent, legal guardian or student of this school. " +
			"Access is given only with the code from the school's letter or with a phone number " +
			"the school has on record. Please contact the class teacher.",
	},
	RefusedPhone: {
		"Номер {phone} не найден в списках школы. Отправьте код из письма школы " +
			"или попросите классного руководителя проверить Ваш номер.",
		"The number {phone} is not in the school's records. Send the code from the school's letter " +
			"or ask the class teacher to check your number.",
	},
	RefusedNoConsent: {
		"Сведения об ученике можно показать только после Вашего согласия на обработку " +
			"персональных данных. Прочитайте текст согласия и нажмите «Даю согласие».",
		"Information about the student can be shown only after you consent to the processing " +
			"of personal data. Please read the consent text and press “I consent”.",
	},
	RefusedLocked: {
		"Слишком много неверных кодов. Попробуйте снова через " +
			"{minutes, plural, one {# минуту} few {# минуты} many {# минут} other {# минуты}}.",
		"Too many wrong codes. Please try again in {minutes, plural, one {# minute} other {# minutes}}.",
	},
	BtnShareContact: {"Поделиться номером", "Share my phone number"},
	BtnNoCode:       {"У меня нет кода", "I have no code"},
}
