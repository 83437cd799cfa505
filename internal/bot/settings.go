package bot

import (
	"context"

	"github.com/schooldiary/diary/internal/i18n"
)

// settings shows the settings: child, language, notifications, consent.
func (b *B) settings(ctx context.Context, r *req) error {
	w, err := b.people(ctx, r.userID)
	if err != nil {
		return err
	}
	var rows [][]button
	if len(w.children) > 1 {
		rows = append(rows, []button{{Kind: btnChildren, Text: i18n.Plain(r.lang, i18n.BtnSettingsChild)}})
	}
	rows = append(rows, []button{{Kind: btnLangs, Text: i18n.Plain(r.lang, i18n.BtnSettingsLang)}})
	rows = append(rows, []button{{Kind: btnNotify, Text: i18n.Plain(r.lang, i18n.BtnSettingsNotify)}})
	if len(w.children) > 0 {
		rows = append(rows, []button{{Kind: btnConsentStatus, Text: i18n.Plain(r.lang, i18n.BtnSettingsConsent)}})
	}
	rows = append(rows, []button{{Kind: btnMenu, Text: i18n.Plain(r.lang, i18n.BtnBack)}})
	return b.sendButtons(ctx, r, i18n.T(r.lang, i18n.SettingsTitle), rows)
}

// languages offers the catalogue's languages by their own names, with the
// way back to the settings.
func (b *B) languages(ctx context.Context, r *req) error {
	var row []button
	for _, l := range i18n.Langs() {
		row = append(row, button{Kind: btnLang, Action: string(l), Text: l.Name()})
	}
	back := []button{{Kind: btnSettings, Text: i18n.Plain(r.lang, i18n.BtnBack)}}
	return b.sendButtons(ctx, r, i18n.T(r.lang, i18n.SettingsLangChoose), [][]button{row, back})
}

// onLanguage stores the chosen language and re-sets the command menu in it.
func (b *B) onLanguage(ctx context.Context, r *req, btn button) error {
	lang, ok := i18n.Parse(btn.Action)
	if !ok {
		return b.sendStale(ctx, r)
	}
	if err := b.setLanguage(ctx, r, lang); err != nil {
		return err
	}
	if err := b.updateCommands(ctx, r); err != nil {
		return err
	}
	return b.send(ctx, r.chatID, i18n.T(r.lang, i18n.SettingsLangSet), nil)
}
