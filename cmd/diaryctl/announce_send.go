package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/schooldiary/diary/internal/announce"
	"github.com/schooldiary/diary/internal/notify"
	"github.com/schooldiary/diary/internal/store"
)

// sendAnnouncement enqueues the draft's notices through notify's Enqueue
// without starting its workers (a notice exists iff its delivery job is
// scheduled: the bot or the scheduler delivers it) and prints the counts.
func (a *app) sendAnnouncement(ctx context.Context, db store.DB, d announce.Draft) error {
	adb, ok := db.(announceDB)
	if !ok {
		return fmt.Errorf("announce: the store %T keeps no announcements", db)
	}
	svc, err := notify.New(adb, notify.Config{Logger: a.log})
	if err != nil {
		return err
	}
	ann, err := announce.Send(ctx, adb, svc, d)
	if err != nil {
		return explainAnnounce(err)
	}
	if ann.Recipients == 0 {
		fmt.Fprintf(a.stdout, "Объявление не отправлено: в выбранных классах ни одна семья не подключила бот с согласием "+
			"(не подключены: %d).\nNot sent: no family of the chosen classes linked the bot with consent (not linked: %d).\n",
			ann.Unreachable, ann.Unreachable)
		return nil
	}
	fmt.Fprintf(a.stdout, "Объявление %d поставлено в очередь / announcement %d queued: получателей / recipients: %d, "+
		"не подключены / not linked: %d\n", ann.ID, ann.ID, ann.Recipients, ann.Unreachable)
	return nil
}

// explainAnnounce turns the draft's faults into sentences.
func explainAnnounce(err error) error {
	switch {
	case errors.Is(err, announce.ErrEmpty):
		return sentence(err, "Текст объявления пуст: передайте его в --text.", "The announcement's text is empty: pass it in --text.")
	case errors.Is(err, announce.ErrTooLong):
		return sentence(err, fmt.Sprintf("Текст объявления длиннее %d знаков: сократите его.", announce.MaxText),
			fmt.Sprintf("The announcement's text is longer than %d characters: shorten it.", announce.MaxText))
	case errors.Is(err, announce.ErrFileLarge):
		return sentence(err, fmt.Sprintf("Файл больше %d МБ: семьи его не получат; уменьшите его.", announce.MaxFile>>20),
			fmt.Sprintf("The file is larger than %d MB: reduce it.", announce.MaxFile>>20))
	}
	return err
}
