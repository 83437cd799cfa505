package i18n

// Access requests of families without a code (clause 2.10).
const (
	AccessAsk       Key = "access.ask"
	AccessRecorded  Key = "access.recorded"  // {date} of the request, {days} the school has
	AccessDuplicate Key = "access.duplicate" // {date} of the earlier request
)

var accessMessages = messages{
	AccessAsk: {
		"Если у Вас нет кода, можно запросить доступ. Напишите одним сообщением " +
			"фамилию и имя ученика и класс, например: «Иванов Пётр, 5А». " +
			"Запрос получит классный руководитель.",
		"If you have no code, you can request access. Write the student's surname, " +
			"first name and class in one message, for example: “Ivanov Pyotr, 5A”. " +
			"The class teacher will receive the request.",
	},
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
}
