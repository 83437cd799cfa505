package letters

import (
	"net/url"
	"strings"
)

// The fixed texts of a letter. Russian first; one short paragraph in English closes the page.
const (
	textTitle     = "Подключение к электронному дневнику в Telegram"
	textCodeLabel = "Код подключения"
	textHowTo     = "Как подключиться"
	textImportant = "Важно"
	textEnglish   = "In English. Scan the QR code with your phone camera, or open the school's bot " +
		"in Telegram and send it the code. The code is personal and works only once, until the date " +
		"above. Before showing any data the bot asks for your consent to the processing of personal " +
		"data (Federal Law No. 152-FZ); you can withdraw it at any time in the bot's settings. " +
		"If it does not work, contact the class teacher."
)

// note is one point of the «Важно» section: a bold title over a paragraph.
type note struct{ title, body string }

// recipientRole is what the recipient is to the child, printed after their name.
func recipientRole(l Letter) string {
	switch l.Kind {
	case KindStudent:
		return "сам ученик (ученица)"
	case KindStaff:
		if l.Role != "" {
			return "сотрудник школы: " + l.Role
		}
		return "сотрудник школы"
	}
	return "родитель (законный представитель)"
}

// expiryLine says until when the code works; empty when the date is unknown.
func expiryLine(l Letter) string {
	if strings.TrimSpace(l.ExpiresOn) == "" {
		return ""
	}
	return "Действует до " + l.ExpiresOn + " г."
}

// botName is the bot's username taken from a t.me deep link, or "" for any other link.
func botName(deepLink string) string {
	u, err := url.Parse(deepLink)
	if err != nil || (u.Host != "t.me" && u.Host != "telegram.me") {
		return ""
	}
	name := strings.Trim(u.Path, "/")
	if name == "" || strings.Contains(name, "/") {
		return ""
	}
	return name
}

// botLine names the bot for a reader who types instead of scanning; empty without a name.
func botLine(l Letter) string {
	if name := botName(l.DeepLink); name != "" {
		return "Бот в Telegram: @" + name
	}
	return ""
}

// steps are the numbered instructions of «Как подключиться».
func steps(l Letter) []string {
	open := "откройте бота школы в Telegram"
	if name := botName(l.DeepLink); name != "" {
		open = "найдите в Telegram бота @" + name
	}
	whose := "оценки, посещаемость, домашние задания и расписание ребёнка"
	if l.Kind == KindStudent {
		whose = "ваши оценки, посещаемость, домашние задания и расписание"
	}
	if l.Kind == KindStaff {
		return staffSteps(open)
	}
	return []string{
		"Наведите камеру телефона на QR-код и откройте ссылку: запустится бот школы в Telegram. " +
			"Нажмите «Запустить» (Start) — код подставится сам.",
		"Если QR-код не считывается, " + open + ", нажмите «Запустить» и отправьте боту код " +
			"подключения сообщением. Большие и маленькие буквы не различаются.",
		"Прочитайте согласие на обработку персональных данных и примите его. После этого бот " +
			"покажет " + whose + ".",
	}
}

// notes are the points of «Важно»: the code is personal, what consent means, what to do if
// linking fails.
func notes(l Letter) []note {
	personal := "Код предназначен только для получателя, указанного выше. Не передавайте его " +
		"другим и не публикуйте. После подключения код перестаёт действовать."
	if l.Kind == KindGuardian {
		personal += " У каждого родителя и у ребёнка — свой код."
	}
	if l.Kind == KindStaff {
		return staffNotes(personal)
	}
	return []note{
		{"Код одноразовый и личный", personal},
		{"Согласие на обработку персональных данных", "Бот показывает данные только после " +
			"согласия на их обработку по Федеральному закону от 27.07.2006 № 152-ФЗ «О персональных " +
			"данных». Согласие можно отозвать в любой момент в настройках бота — доступ к данным " +
			"прекратится сразу."},
		{"Если не получается", "Если код не принимается, срок его действия истёк или письмо " +
			"потерялось, обратитесь к классному руководителю — он выдаст новый код. После пяти " +
			"неверных попыток ввод кода блокируется на час. Сотрудники школы никогда не спрашивают " +
			"этот код."},
	}
}

// staffSteps are the instructions of a staff letter: no consent step, the
// staff menu instead of a child's diary.
func staffSteps(open string) []string {
	return []string{
		"Наведите камеру телефона на QR-код и откройте ссылку: запустится бот школы в Telegram. " +
			"Нажмите «Запустить» (Start) — код подставится сам.",
		"Если QR-код не считывается, " + open + ", нажмите «Запустить» и отправьте боту код " +
			"подключения сообщением. Большие и маленькие буквы не различаются.",
		"Бот откроет меню сотрудника: уроки, классы и сводки, которые положены по Вашей должности. " +
			"Что в нём есть, расскажет команда /help.",
	}
}

// staffNotes are the points of «Важно» of a staff letter.
func staffNotes(personal string) []note {
	return []note{
		{"Код одноразовый и личный", personal + " Через бот Вам видны данные учеников: " +
			"не подключайте его на чужом телефоне."},
		{"Если не получается", "Если код не принимается, срок его действия истёк или письмо " +
			"потерялось, обратитесь к администратору журнала — он выдаст новый код. После пяти " +
			"неверных попыток ввод кода блокируется на час. При увольнении доступ прекращается."},
	}
}
