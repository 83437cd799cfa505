package main

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/store"
)

const noticesHelp = `Использование:
  diaryctl notices [--school КОД] [--status СОСТОЯНИЕ] [--kind ВИД] [--limit N]
  diaryctl notices --id N

Без --id — уведомления, новые сверху (по умолчанию 50): номер, когда создано,
состояние, вид, получатель (вид и номер записи, без имён), последнее событие
истории. С --id — одно уведомление со всей историей. Время — по часовому поясу
школы. Команда только читает базу.

Состояния: queued — ждёт отправки, held — отложено на тихие часы, sent —
отправлено в мессенджер, sent_email — отправлено письмом, failed — не
доставлено (причина — в истории).

Usage:
  diaryctl notices [--school CODE] [--status STATUS] [--kind KIND] [--limit N]
  diaryctl notices --id N

Without --id, the notices newest first (50 by default): id, created, status,
kind, recipient (kind and record id, no names), the last event of the
history. With --id, one notice with its whole history. Times are in the
school's zone. The command only reads the store.

Statuses: queued, held (quiet hours), sent (messenger), sent_email, failed.
`

// noticeReader is what diaryctl notices reads (both SQL stores have it).
type noticeReader interface {
	Notices(ctx context.Context, f diary.NoticeFilter) ([]diary.NoticeEntry, error)
	Notice(ctx context.Context, id int64) (diary.Notice, error)
	NoticeEvents(ctx context.Context, id int64) ([]diary.NoticeEvent, error)
}

// noticesMigration is the migration that made the notices' tables.
const noticesMigration = 8

// noticesArgs are the flags of diaryctl notices.
type noticesArgs struct {
	school, status, kind string
	limit                int
	id                   int64
}

// cmdNotices lists notices, or shows one with its history.
func cmdNotices(ctx context.Context, a *app, args []string) error {
	na, err := parseNotices(a, args)
	if err != nil {
		return err
	}
	db, err := a.openExisting(ctx, false)
	if err != nil {
		return err
	}
	defer db.Close()
	nr, err := a.noticeReader(ctx, db)
	if err != nil {
		return err
	}
	if na.id != 0 {
		return showNotice(ctx, a, db, nr, na.id)
	}
	return listNotices(ctx, a, db, nr, na)
}

// parseNotices reads the flags; an unknown status names the valid ones.
func parseNotices(a *app, args []string) (noticesArgs, error) {
	var na noticesArgs
	fs := newFlags("notices", noticesHelp, a.stderr)
	fs.StringVar(&na.school, "school", "", "")
	fs.StringVar(&na.status, "status", "", "")
	fs.StringVar(&na.kind, "kind", "", "")
	fs.IntVar(&na.limit, "limit", 50, "")
	fs.Int64Var(&na.id, "id", 0, "")
	pos, err := parse(fs, args)
	if err != nil {
		return na, err
	}
	if err := wantArgs(fs, pos, 0, 0); err != nil {
		return na, err
	}
	return na, checkNoticesArgs(na)
}

// checkNoticesArgs refuses an unknown status and a limit or id below 1.
func checkNoticesArgs(na noticesArgs) error {
	if na.status != "" && !diary.NoticeStatus(na.status).Valid() {
		return sentence(nil, fmt.Sprintf("Нет состояния уведомления «%s». Возможные: %s.", na.status, statusList(true)),
			fmt.Sprintf("No notice status %q. Valid ones: %s.", na.status, statusList(false)))
	}
	if na.limit < 1 {
		return sentence(nil, fmt.Sprintf("--limit %d: нужно число не меньше 1.", na.limit),
			fmt.Sprintf("--limit %d: want a number of 1 or more.", na.limit))
	}
	if na.id < 0 {
		return sentence(nil, fmt.Sprintf("--id %d: номер уведомления — положительное число.", na.id),
			fmt.Sprintf("--id %d: a notice id is a positive number.", na.id))
	}
	return nil
}

// statusList lists the statuses, in Russian with their meaning or plain.
func statusList(ru bool) string {
	var out []string
	for _, s := range diary.NoticeStatuses {
		if ru {
			out = append(out, string(s)+" ("+statusWords[s]+")")
		} else {
			out = append(out, string(s))
		}
	}
	return strings.Join(out, ", ")
}

// noticeReader returns the store's notices, once it has them.
func (a *app) noticeReader(ctx context.Context, db store.DB) (noticeReader, error) {
	nr, ok := db.(noticeReader)
	applied, _, err := db.Version(ctx)
	if err != nil {
		return nil, fmt.Errorf("notices: %w", err)
	}
	if !ok || applied < noticesMigration {
		where, whereEn := a.storeName()
		return nil, sentence(errors.New("no notices table"),
			fmt.Sprintf("Уведомлений %s ещё нет: база не обновлена. Обновите её: diaryctl migrate.", where),
			fmt.Sprintf("No notices %s yet: the store is not migrated. Run diaryctl migrate.", whereEn))
	}
	return nr, nil
}
