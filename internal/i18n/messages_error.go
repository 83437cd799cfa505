package i18n

// Errors as the user sees them.
const (
	ErrGeneric      Key = "error.generic"
	ErrStaleButton  Key = "error.stale_button"  // a button whose data no longer resolves
	ErrNotLinked    Key = "error.not_linked"    // a view asked for before any link
	ErrUnknownInput Key = "error.unknown_input" // text the bot cannot place
)

var errorMessages = messages{
	ErrGeneric: {
		"Что-то пошло не так. Попробуйте, пожалуйста, ещё раз чуть позже.",
		"Something went wrong. Please try again a little later.",
	},
	ErrStaleButton: {
		"Эта кнопка устарела. Откройте меню заново: /start.",
		"This button is out of date. Please open the menu again: /start.",
	},
	ErrNotLinked: {
		"Сначала подключите дневник: отправьте код из письма школы.",
		"Please link a diary first: send the code from the school's letter.",
	},
	ErrUnknownInput: {
		"Не удалось понять сообщение. Выберите пункт меню или нажмите /help.",
		"Sorry, I did not understand that. Choose a menu item or press /help.",
	},
}
