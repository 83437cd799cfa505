package i18n

// Consent to personal data processing (152-ФЗ): the request, acceptance and
// withdrawal.
const (
	ConsentRequest     Key = "consent.request"      // {child}, {text} of the school, {version}
	ConsentAccepted    Key = "consent.accepted"     // after acceptance
	ConsentGiven       Key = "consent.given"        // under the answered request: {date}, {time}
	ConsentDeclined    Key = "consent.declined"     // after a refusal to consent
	ConsentStatus      Key = "consent.status"       // {child}, {date}, {version}
	ConsentWithdrawAsk Key = "consent.withdraw_ask" // {child}
	ConsentWithdrawn   Key = "consent.withdrawn"    // {child}

	BtnConsentAccept   Key = "btn.consent_accept"
	BtnConsentDecline  Key = "btn.consent_decline"
	BtnConsentWithdraw Key = "btn.consent_withdraw"
)

var consentMessages = messages{
	ConsentRequest: {
		"Перед тем как показать сведения об ученике ({child}), школа просит Вашего согласия " +
			"на обработку персональных данных по Федеральному закону № 152-ФЗ.\n\n" +
			"{text}\n\n<i>Редакция согласия: {version}.</i>",
		"Before showing information about the student ({child}), the school asks for your consent " +
			"to the processing of personal data under Federal Law No. 152-FZ.\n\n" +
			"{text}\n\n<i>Consent version: {version}.</i>",
	},
	ConsentGiven: {"✅ Согласие дано {date} в {time}.", "✅ Consent given on {date} at {time}."},
	ConsentAccepted: {
		"Спасибо! Согласие записано. Отозвать его можно в любой момент: " +
			"«Настройки» → «Согласие на обработку данных».",
		"Thank you! Your consent has been recorded. You can withdraw it at any time: " +
			"Settings → Consent to data processing.",
	},
	ConsentDeclined: {
		"Без согласия бот не может показывать сведения об ученике. " +
			"Если передумаете, нажмите /start.",
		"Without consent the bot cannot show information about the student. " +
			"If you change your mind, press /start.",
	},
	ConsentStatus: {
		"Согласие на обработку персональных данных ({child}) дано {date}, редакция {version}.",
		"Consent to personal data processing ({child}) was given on {date}, version {version}.",
	},
	ConsentWithdrawAsk: {
		"Отозвать согласие на обработку персональных данных ({child})? " +
			"Бот сразу перестанет показывать сведения об этом ученике и присылать уведомления о нём. " +
			"Чтобы подключиться снова, понадобится новый код.",
		"Withdraw your consent to personal data processing ({child})? " +
			"The bot will at once stop showing information about this student and sending notices about them. " +
			"To link again you will need a new code.",
	},
	ConsentWithdrawn: {
		"Согласие отозвано, дневник отключён: {child}. " +
			"Уведомления об этом ученике больше не придут. Отметка об отзыве сохранена.",
		"Consent withdrawn and the diary unlinked: {child}. " +
			"You will no longer receive notices about this student. The withdrawal has been recorded.",
	},
	BtnConsentAccept:   {"Даю согласие", "I consent"},
	BtnConsentDecline:  {"Не даю согласие", "I do not consent"},
	BtnConsentWithdraw: {"Отозвать согласие", "Withdraw consent"},
	ConsentStudentAsk: {
		"Дневник откроется, когда мама, папа или другой законный представитель даст согласие " +
			"на обработку твоих персональных данных. Попроси их открыть этого бота и нажать «Даю согласие». " +
			"Если у них ещё нет кода, его выдаст классный руководитель.",
		"The diary opens once your mother, father or another legal guardian consents to the processing " +
			"of your personal data. Ask them to open this bot and press “I consent”. " +
			"If they have no code yet, the class teacher will give them one.",
	},
	ConsentStudentGiven: {
		"Согласие на обработку твоих персональных данных дал родитель {date}. " +
			"Если он его отзовёт, дневник закроется.",
		"A parent consented to the processing of your personal data on {date}. " +
			"If they withdraw it, the diary closes.",
	},
	ConsentStudentOpen: {
		"Родитель дал согласие — твой дневник открыт. Нажми /start, чтобы открыть меню.",
		"A parent has consented: your diary is open. Press /start for the menu.",
	},
	ConsentParentPrompt: {
		"Ученик {child} подключил дневник в Telegram. Бот покажет ему оценки и задания только после " +
			"Вашего согласия на обработку персональных данных ребёнка.",
		"The student {child} has linked the diary in Telegram. The bot shows them grades and homework only " +
			"after you consent to the processing of the child's personal data.",
	},
	ConsentNotForStudent: {
		"Согласие за тебя даёт родитель или законный представитель — попроси их об этом.",
		"Your parent or legal guardian gives the consent for you: please ask them.",
	},
}

// A student's access follows a guardian's consent (clause 3.3.6, 152-ФЗ
// art. 9): the student is told, in a student's words, to ask a parent, and
// the linked parents are asked.
const (
	ConsentStudentAsk    Key = "consent.student_ask"     // to the student
	ConsentStudentGiven  Key = "consent.student_given"   // to the student: {date} a parent consented
	ConsentStudentOpen   Key = "consent.student_open"    // to the student, once a parent consented
	ConsentParentPrompt  Key = "consent.parent_prompt"   // to a linked parent: {child} waits
	ConsentNotForStudent Key = "consent.not_for_student" // a student pressing an old consent button
)
