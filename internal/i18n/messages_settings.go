package i18n

// Settings: child, language, notifications, consent.
const (
	SettingsTitle    Key = "settings.title"
	SettingsLangSet  Key = "settings.lang_set"
	SettingsNotifyOn Key = "settings.notify_on"
	SettingsNotifyOf Key = "settings.notify_off"

	BtnSettingsChild   Key = "btn.settings_child"
	BtnSettingsLang    Key = "btn.settings_lang"
	BtnSettingsConsent Key = "btn.settings_consent"
)

var settingsMessages = messages{
	SettingsTitle:    {"<b>Настройки</b>\n\nВыберите, что изменить.", "<b>Settings</b>\n\nChoose what to change."},
	SettingsLangSet:  {"Язык интерфейса: русский.", "Interface language: English."},
	SettingsNotifyOn: {"Уведомления включены.", "Notifications are on."},
	SettingsNotifyOf: {
		"Уведомления выключены. Включить их снова можно здесь же, в настройках.",
		"Notifications are off. You can turn them back on here, in the settings.",
	},
	BtnSettingsChild: {"Выбор ребёнка", "Child"},
	// The language button names both languages, so that someone who switched
	// by mistake can find the way back.
	BtnSettingsLang:    {"Язык · Language", "Language · Язык"},
	BtnSettingsConsent: {"Согласие на обработку данных", "Consent to data processing"},
}
