package i18n

// Settings: child, language, notifications, consent.
const (
	SettingsTitle   Key = "settings.title"
	SettingsLangSet Key = "settings.lang_set"

	BtnSettingsChild   Key = "btn.settings_child"
	BtnSettingsLang    Key = "btn.settings_lang"
	BtnSettingsNotify  Key = "btn.settings_notify"
	BtnSettingsConsent Key = "btn.settings_consent"
)

var settingsMessages = messages{
	SettingsTitle:    {"<b>Настройки</b>\n\nВыберите, что изменить.", "<b>Settings</b>\n\nChoose what to change."},
	SettingsLangSet:  {"Язык интерфейса: русский.", "Interface language: English."},
	BtnSettingsChild: {"Выбор ребёнка", "Child"},
	// The language button names both languages, so that someone who switched
	// by mistake can find the way back.
	BtnSettingsLang:    {"Язык · Language", "Language · Язык"},
	BtnSettingsNotify:  {"Уведомления", "Notifications"},
	BtnSettingsConsent: {"Согласие на обработку данных", "Consent to data processing"},
}
