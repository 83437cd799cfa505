package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/schooldiary/diary/internal/bot"
	"github.com/schooldiary/diary/internal/config"
)

// defaultConsentRU is the consent text shown when CONSENT_FILE is not set.
// A school should replace it with its own text approved by its director.
const defaultConsentRU = `Согласие на обработку персональных данных

В соответствии с Федеральным законом от 27.07.2006 № 152-ФЗ «О персональных данных» я даю школе согласие на обработку персональных данных моего ребёнка (ФИО, класс, оценки, посещаемость, домашние задания, расписание) и моих (ФИО, телефон, идентификатор Telegram) для предоставления информации о текущей успеваемости в электронном виде.

Данные показываются только мне и только о моём ребёнке; каждый просмотр записывается. Согласие действует до его отзыва. Отозвать его можно в любой момент в разделе «Настройки» — доступ прекратится сразу.`

// defaultConsentEN is the English rendering of the default consent.
const defaultConsentEN = `Consent to personal data processing

Under Russian Federal Law No. 152-FZ "On Personal Data", I consent to the school processing my child's personal data (name, class, grades, attendance, homework, timetable) and mine (name, phone, Telegram id) to give me my child's current academic record electronically.

The data is shown only to me and only about my child; every view is recorded. The consent lasts until withdrawn; withdraw it any time in Settings and access ends at once.`

// consentText returns the consent in force: CONSENT_FILE (Russian; its text
// is shown in both languages) or the built-in text, with CONSENT_VERSION.
func consentText(cfg config.Bot) (bot.ConsentText, error) {
	c := bot.ConsentText{Version: cfg.ConsentVersion, RU: defaultConsentRU, EN: defaultConsentEN}
	if cfg.ConsentFile == "" {
		return c, nil
	}
	b, err := os.ReadFile(cfg.ConsentFile)
	if err != nil {
		return c, fmt.Errorf("CONSENT_FILE: %w", err)
	}
	text := strings.TrimSpace(string(b))
	if text == "" {
		return c, fmt.Errorf("CONSENT_FILE %s is empty", cfg.ConsentFile)
	}
	c.RU, c.EN = text, ""
	return c, nil
}
