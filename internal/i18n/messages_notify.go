package i18n

// Notification choices in the settings (issue 8 item 5): a switch per kind
// of notice, the regulation's required warning (3.6.4) shown without one,
// the channel, and the email address confirmed by a six-digit code
// (clauses 3.3.6–3.3.7: email as the family's other channel).
const (
	NotifyTitle        Key = "notify.title"
	NotifyKindExpected Key = "notify.kind_expected" // the kinds, in lines and on buttons
	NotifyKindVisit    Key = "notify.kind_visit"
	NotifyKindReport   Key = "notify.kind_report"
	NotifyKindReply    Key = "notify.kind_reply"
	NotifyLineOn       Key = "notify.line_on"       // {kind}
	NotifyLineOff      Key = "notify.line_off"      // {kind}
	NotifyLineRequired Key = "notify.line_required" // {kind}
	NotifyMuted        Key = "notify.muted"
	NotifyViaTelegram  Key = "notify.via_telegram"
	NotifyViaEmail     Key = "notify.via_email"
	NotifyEmailLine    Key = "notify.email_line" // {email}, masked
	NotifyEmailNone    Key = "notify.email_none"
	NotifyEmailOff     Key = "notify.email_off" // the school has no email set up
	NotifyRequired     Key = "notify.required"  // a press that would turn a required kind off
	NotifyEmailFirst   Key = "notify.email_first"

	EmailAsk       Key = "email.ask"
	EmailBad       Key = "email.bad"
	EmailCodeSent  Key = "email.code_sent"  // {email}, {minutes}
	EmailCodeWrong Key = "email.code_wrong" // {left}
	EmailCodeHint  Key = "email.code_hint"  // a text that is no code
	EmailCodeDead  Key = "email.code_dead"
	EmailConfirmed Key = "email.confirmed" // {email}
	EmailSendFail  Key = "email.send_fail"
	EmailBadBox    Key = "email.bad_box" // the mail server refused the address
	EmailSubject   Key = "email.subject"
	EmailBody      Key = "email.body" // {code}, {minutes}

	BtnNotifyKindOn  Key = "btn.notify_kind_on"  // {kind}
	BtnNotifyKindOff Key = "btn.notify_kind_off" // {kind}
	BtnNotifyAllOff  Key = "btn.notify_all_off"
	BtnViaEmail      Key = "btn.via_email"
	BtnViaTelegram   Key = "btn.via_telegram"
	BtnEmailAdd      Key = "btn.email_add"
	BtnEmailChange   Key = "btn.email_change"
)

var notifyMessages = messages{
	NotifyTitle:        {"<b>Уведомления</b>", "<b>Notifications</b>"},
	NotifyKindExpected: {"Оценка за период ниже среднего балла", "Period grade below the average"},
	NotifyKindVisit:    {"Напоминание заглянуть в дневник", "Reminder to open the diary"},
	NotifyKindReport:   {"Отчёт в конце периода", "Report at the end of a period"},
	NotifyKindReply:    {"Ответы учителей", "Teachers' answers"},
	NotifyLineOn:       {"✅ {kind}: включено", "✅ {kind}: on"},
	NotifyLineOff:      {"❌ {kind}: выключено", "❌ {kind}: off"},
	NotifyLineRequired: {
		"📌 {kind}: обязательное — можно получать по почте",
		"📌 {kind}: required — can come by email",
	},
	NotifyMuted: {
		"Необязательные уведомления выключены; обязательные приходят всё равно.",
		"Optional notifications are off; the required ones still come.",
	},
	NotifyViaTelegram: {
		"Куда: в Telegram (если бот заблокирован — на почту).",
		"Where: to Telegram (by email if the bot is blocked).",
	},
	NotifyViaEmail:  {"Куда: только на почту.", "Where: by email only."},
	NotifyEmailLine: {"Почта: {email} (подтверждена).", "Email: {email} (confirmed)."},
	NotifyEmailNone: {"Почта не указана.", "No email address."},
	NotifyEmailOff: {
		"Уведомления по почте в этой школе не настроены.",
		"Email notifications are not set up at this school.",
	},
	NotifyRequired: {
		"Это уведомление обязательно по положению об электронном дневнике: выключить его нельзя, " +
			"но можно получать его по почте.",
		"This notification is required by the school's regulation: it cannot be turned off, " +
			"but it can come by email.",
	},
	NotifyEmailFirst: {
		"Сначала добавьте и подтвердите адрес почты.",
		"First add and confirm an email address.",
	},
	EmailAsk: {
		"Напишите адрес электронной почты для уведомлений. Мы пришлём на него код из шести цифр.",
		"Type the email address for notifications. We will send a six-digit code to it.",
	},
	EmailBad: {
		"Это не похоже на адрес почты. Напишите адрес целиком, например ivanova@mail.ru.",
		"This does not look like an email address. Type the whole address, for example ivanova@mail.ru.",
	},
	EmailCodeSent: {
		"Мы отправили код на {email}. Напишите его сюда. Код действует " +
			"{minutes, plural, one {# минуту} few {# минуты} many {# минут} other {# минуты}}.",
		"We sent a code to {email}. Type it here. The code works for " +
			"{minutes, plural, one {# minute} other {# minutes}}.",
	},
	EmailCodeWrong: {
		"Код не подходит. {left, plural, one {Осталась # попытка} few {Осталось # попытки} " +
			"many {Осталось # попыток} other {Осталось # попытки}}.",
		"The code does not match. {left, plural, one {# try left} other {# tries left}}.",
	},
	EmailCodeHint: {
		"Напишите код из шести цифр из письма. Чтобы указать другой адрес, просто напишите его.",
		"Type the six-digit code from the email. To give another address, just type it.",
	},
	EmailCodeDead: {
		"Код больше не действует, запросите новый.",
		"The code no longer works, ask for a new one.",
	},
	EmailConfirmed: {
		"Почта {email} подтверждена. Теперь уведомления можно получать на неё.",
		"The address {email} is confirmed. Notifications can now come to it.",
	},
	EmailSendFail: {
		"Не удалось отправить письмо. Попробуйте немного позже.",
		"The email could not be sent. Please try again a little later.",
	},
	EmailBadBox: {
		"Почтовый сервер не принимает письма на этот адрес. Проверьте адрес и напишите его ещё раз.",
		"The mail server does not accept mail for this address. Check it and type it again.",
	},
	EmailSubject: {"Код подтверждения почты", "Email confirmation code"},
	EmailBody: {
		"Ваш код подтверждения почты для уведомлений электронного дневника: {code}\n\n" +
			"Код действует {minutes, plural, one {# минуту} few {# минуты} many {# минут} other {# минуты}}. " +
			"Если Вы не запрашивали код, просто не отвечайте на это письмо.",
		"Your code to confirm the email address for the school diary's notifications: {code}\n\n" +
			"The code works for {minutes, plural, one {# minute} other {# minutes}}. " +
			"If you did not ask for it, just ignore this email.",
	},
	BtnNotifyKindOn:  {"Включить: {kind}", "Turn on: {kind}"},
	BtnNotifyKindOff: {"Выключить: {kind}", "Turn off: {kind}"},
	BtnNotifyAllOff:  {"Выключить все необязательные", "Turn all optional off"},
	BtnViaEmail:      {"Получать только на почту", "By email only"},
	BtnViaTelegram:   {"Получать в Telegram", "To Telegram"},
	BtnEmailAdd:      {"Добавить почту", "Add email"},
	BtnEmailChange:   {"Изменить почту", "Change email"},
}
