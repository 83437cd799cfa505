package i18n

// Announcements of the staff to the families of a class, of levels or of
// the whole school: the notice the families get, and the staff home's way
// to write one, preview it, send it and see how its delivery went.
const (
	AnnounceNotice  Key = "announce.notice"  // {school}, {text}: what a family gets
	AnnounceSubject Key = "announce.subject" // {school}: the email's subject

	AnnounceScopeSchool Key = "announce.scope_school"
	AnnounceScopeLevels Key = "announce.scope_levels" // {from}, {to}
	AnnounceScopeLevel  Key = "announce.scope_level"  // {n}: one parallel
	AnnounceScopeClass  Key = "announce.scope_class"  // {class}

	HelpStaffAnnounce Key = "help.staff_announce"
	AnnounceChoose    Key = "announce.choose"
	AnnounceAskText   Key = "announce.ask_text"  // {scope}, {max}
	AnnounceTooLong   Key = "announce.too_long"  // {n}, {max}
	AnnouncePreview   Key = "announce.preview"   // {scope}, {n}, {unreachable}
	AnnounceNobody    Key = "announce.nobody"    // {scope}, {unreachable}
	AnnounceSent      Key = "announce.sent"      // {n}, {unreachable}
	AnnounceCancelled Key = "announce.cancelled" //
	AnnounceExpired   Key = "announce.expired"   //
	AnnounceListHead  Key = "announce.list_head" //
	AnnounceListNone  Key = "announce.list_none" //
	AnnounceListLine  Key = "announce.list_line" // {date}, {scope}, {text}, {n}, {sent}, {email}, {failed}, {waiting}
	BtnStaffAnnounce  Key = "btn.staff_announce"
	BtnStaffAnnounces Key = "btn.staff_announces"
	BtnAnnounceScope  Key = "btn.announce_scope" // {scope}
	BtnAnnounceSend   Key = "btn.announce_send"
	BtnAnnounceCancel Key = "btn.announce_cancel"
	AnnounceFileAdded Key = "announce.file_added" // {name}, {size}: the preview's file line

	AnnounceFileAttached Key = "announce.file_attached" // {name}, {size}: asks for the text
	AnnounceFileType     Key = "announce.file_type"     // {name}
	AnnounceFileLarge    Key = "announce.file_large"    // {size}, {max} (MB)
	AnnounceFileFailed   Key = "announce.file_failed"   //
	AnnounceFileIgnored  Key = "announce.file_ignored"  // a file outside an announcement
	AnnounceSizeKB       Key = "announce.size_kb"       // {n}
	AnnounceSizeMB       Key = "announce.size_mb"       // {n}: a decimal
)

var announceMessages = messages{
	AnnounceNotice: {
		"<b>Объявление школы «{school}»</b>\n\n{text}",
		"<b>Announcement of the school «{school}»</b>\n\n{text}",
	},
	AnnounceSubject:     {"Объявление школы «{school}»", "Announcement of the school «{school}»"},
	AnnounceScopeSchool: {"вся школа", "the whole school"},
	AnnounceScopeLevels: {
		"{from}–{to} классы",
		"grades {from}–{to}",
	},
	AnnounceScopeLevel: {"{n}-е классы", "grade {n}"},
	AnnounceScopeClass: {"класс {class}", "class {class}"},
	HelpStaffAnnounce: {
		"• <b>Объявление</b> — сообщение семьям Вашего класса, ступени или всей школы: текст (и файл, если нужен), " +
			"предпросмотр и подтверждение; семьи получат его в боте, в тихие часы — утром.\n" +
			"• <b>Мои объявления</b> — сколько доставлено, ушло по почте, не доставлено, ждёт.",
		"• <b>Announcement</b> — a message to the families of your class, level or the whole school: " +
			"text (and a file if needed), preview and confirmation; families get it in the bot, in quiet hours in the morning.\n" +
			"• <b>My announcements</b> — how many were delivered, sent by email, failed, waiting.",
	},
	AnnounceChoose: {
		"<b>Объявление</b>: кому его отправить?",
		"<b>Announcement</b>: whom to send it to?",
	},
	AnnounceAskText: {
		"Объявление: {scope}.\nНапишите его текст одним сообщением (не длиннее {max} знаков). " +
			"Нужен файл (PDF, XLSX, PNG, JPEG до 10 МБ) — просто пришлите его, текст можно написать в подписи. " +
			"Перед отправкой Вы увидите, как его получат семьи. Передумали — нажмите /cancel.",
		"Announcement: {scope}.\nWrite its text in one message (at most {max} characters). " +
			"Need a file (PDF, XLSX, PNG, JPEG up to 10 MB)? Just send it, with the text as its caption if you like. " +
			"Before it goes you will see it as the families will. Changed your mind? Press /cancel.",
	},
	AnnounceTooLong: {
		"Текст слишком длинный: {n} знаков, можно не больше {max}. Сократите его и пришлите снова.",
		"The text is too long: {n} characters, at most {max}. Please shorten it and send it again.",
	},
	AnnouncePreview: {
		"<b>Так объявление получат семьи</b> ({scope}):\n\n{notice}\n\n" +
			"Получателей: <b>{n}</b>. {unreachable, plural, =0 {Подключены все семьи.} " +
			"one {Не подключена к боту # семья — ей объявление не придёт.} " +
			"few {Не подключены к боту # семьи — им объявление не придёт.} " +
			"many {Не подключены к боту # семей — им объявление не придёт.} " +
			"other {Не подключены к боту # семьи — им объявление не придёт.}}",
		"<b>This is how the families will get it</b> ({scope}):\n\n{notice}\n\n" +
			"Recipients: <b>{n}</b>. {unreachable, plural, =0 {Every family is linked.} " +
			"one {# family has not linked the bot and will not get it.} " +
			"other {# families have not linked the bot and will not get it.}}",
	},
	AnnounceNobody: {
		"Объявление ({scope}) некому отправить: ни одна семья не подключила бот с согласием " +
			"(не подключены: {unreachable}).",
		"There is nobody to send the announcement ({scope}) to: no family linked the bot with consent " +
			"(not linked: {unreachable}).",
	},
	AnnounceSent: {
		"Отправлено {n, plural, one {# семье} few {# семьям} many {# семьям} other {# семьи}}. " +
			"Не подключены к боту: {unreachable}. " +
			"Как идёт доставка, видно в «Мои объявления».",
		"Sent to {n, plural, one {# family} other {# families}}. " +
			"Not linked to the bot: {unreachable}. " +
			"See how delivery goes in «My announcements».",
	},
	AnnounceCancelled: {"Объявление не отправлено.", "The announcement was not sent."},
	AnnounceExpired: {
		"Это объявление уже отправлено или отменено. Чтобы написать новое, откройте меню: /start.",
		"This announcement was already sent or cancelled. To write a new one, open the menu: /start.",
	},
	AnnounceListHead: {"<b>Мои объявления</b>", "<b>My announcements</b>"},
	AnnounceListNone: {"Вы ещё не отправляли объявлений.", "You have not sent any announcements yet."},
	AnnounceListLine: {
		"{date}, {scope}: «{text}»\nПолучателей {n}: доставлено {sent}, по почте {email}, " +
			"не доставлено {failed}, ждёт {waiting}",
		"{date}, {scope}: «{text}»\nRecipients {n}: delivered {sent}, by email {email}, " +
			"failed {failed}, waiting {waiting}",
	},
	BtnStaffAnnounce:  {"Объявление", "Announcement"},
	BtnStaffAnnounces: {"Мои объявления", "My announcements"},
	BtnAnnounceScope:  {"{scope}", "{scope}"},
	BtnAnnounceSend:   {"Отправить", "Send"},
	BtnAnnounceCancel: {"Отменить", "Cancel"},
	AnnounceFileAdded: {"📎 Файл: {name} ({size})", "📎 File: {name} ({size})"},
	AnnounceFileAttached: {
		"Файл «{name}» ({size}) приложен. Теперь напишите текст объявления одним сообщением.",
		"The file {name} ({size}) is attached. Now write the announcement's text in one message.",
	},
	AnnounceFileType: {
		"Файл «{name}» нельзя приложить к объявлению: подходят PDF, таблица Excel (XLSX) и картинки PNG и JPEG. " +
			"Пришлите другой файл или продолжайте без него — объявление не потеряно.",
		"The file {name} cannot be attached to an announcement: PDF, Excel tables (XLSX) and PNG or JPEG pictures can. " +
			"Send another file or go on without one — the announcement is kept.",
	},
	AnnounceFileLarge: {
		"Файл слишком большой ({size}): к объявлению можно приложить файл не больше {max} МБ. " +
			"Уменьшите его и пришлите снова или продолжайте без него — объявление не потеряно.",
		"The file is too large ({size}): an announcement's file may be at most {max} MB. " +
			"Make it smaller and send it again, or go on without one — the announcement is kept.",
	},
	AnnounceFileFailed: {
		"Не удалось получить файл из Telegram. Пришлите его ещё раз — объявление не потеряно.",
		"The file could not be fetched from Telegram. Please send it again — the announcement is kept.",
	},
	AnnounceFileIgnored: {
		"Этот файл я не сохраняю: файл прикладывают к объявлению школы, когда его пишут. Меню: /start.",
		"I do not keep this file: a file is attached to a school announcement while it is written. Menu: /start.",
	},
	AnnounceSizeKB: {"{n} КБ", "{n} KB"},
	AnnounceSizeMB: {"{n} МБ", "{n} MB"},
}
