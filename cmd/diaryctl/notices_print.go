package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"text/tabwriter"
	"time"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/store"
)

// statusWords say what each status means, in Russian.
var statusWords = map[diary.NoticeStatus]string{
	diary.NoticeQueued:    "ждёт отправки",
	diary.NoticeHeld:      "отложено на тихие часы",
	diary.NoticeSent:      "отправлено в мессенджер",
	diary.NoticeSentEmail: "отправлено письмом",
	diary.NoticeFailed:    "не доставлено",
}

// recipientWords name the recipients' kinds in Russian.
var recipientWords = map[diary.LinkKind]string{
	diary.LinkGuardian: "родитель",
	diary.LinkStudent:  "ученик",
	diary.LinkStaff:    "сотрудник",
}

// listNotices prints the notices na selects, newest first.
func listNotices(ctx context.Context, a *app, db store.DB, nr noticeReader, na noticesArgs) error {
	f := diary.NoticeFilter{Status: diary.NoticeStatus(na.status), Kind: na.kind, Limit: na.limit}
	if na.school != "" {
		s, err := a.schoolByCode(ctx, db, na.school)
		if err != nil {
			return err
		}
		f.SchoolID = s.ID
	}
	es, err := nr.Notices(ctx, f)
	if err != nil {
		return fmt.Errorf("notices: %w", err)
	}
	if len(es) == 0 {
		fmt.Fprintln(a.stdout, "Таких уведомлений нет. / No such notices.")
		return nil
	}
	return printNotices(a.stdout, es, na.limit)
}

// printNotices prints a table of the notices.
func printNotices(w io.Writer, es []diary.NoticeEntry, limit int) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "№ / ID\tСоздано / Created\tСостояние / Status\tВид / Kind\tПолучатель / Recipient\tПоследнее событие / Last event")
	for _, e := range es {
		loc := diary.School{TimeZone: e.TimeZone}.Location()
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s %s: %s\n", e.ID, clock(e.CreatedAt, loc), e.Status, e.Kind,
			recipient(e.Recipient), clock(e.Last.At, loc), e.Last.Status, short(e.Last.Detail, 80))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(es) == limit {
		fmt.Fprintf(w, "Показаны последние %d; больше — с --limit. / The latest %d shown; more with --limit.\n", limit, limit)
	}
	return nil
}

// showNotice prints one notice and its whole history.
func showNotice(ctx context.Context, a *app, db store.DB, nr noticeReader, id int64) error {
	n, err := nr.Notice(ctx, id)
	if errors.Is(err, diary.ErrNotFound) {
		where, whereEn := a.storeName()
		return sentence(err, fmt.Sprintf("Уведомления № %d нет %s.", id, where),
			fmt.Sprintf("No notice %d %s.", id, whereEn))
	}
	if err != nil {
		return fmt.Errorf("notice %d: %w", id, err)
	}
	evs, err := nr.NoticeEvents(ctx, id)
	if err != nil {
		return fmt.Errorf("notice %d: %w", id, err)
	}
	printNotice(a.stdout, n, schoolCode(ctx, db, n.SchoolID))
	printHistory(a.stdout, evs, diary.School{TimeZone: n.TimeZone}.Location())
	return nil
}

// schoolCode returns the code of the school id, or its id when unknown.
func schoolCode(ctx context.Context, db store.DB, id int64) string {
	s, err := db.School(ctx, id)
	if err != nil {
		return fmt.Sprint(id)
	}
	return s.Code
}

// printNotice prints a notice's facts, without its text (it may name a child).
func printNotice(w io.Writer, n diary.Notice, school string) {
	loc := diary.School{TimeZone: n.TimeZone}.Location()
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "Уведомление / Notice\t№ %d\n", n.ID)
	fmt.Fprintf(tw, "Школа / School\t%s\n", school)
	fmt.Fprintf(tw, "Вид / Kind\t%s\n", n.Kind)
	fmt.Fprintf(tw, "Получатель / Recipient\t%s\n", recipient(n.Recipient))
	fmt.Fprintf(tw, "Состояние / Status\t%s (%s)\n", n.Status, statusWords[n.Status])
	fmt.Fprintf(tw, "Срочное / Urgent\t%s\n", yesNo(n.Urgent))
	fmt.Fprintf(tw, "Создано / Created\t%s\n", clock(n.CreatedAt, loc))
	fmt.Fprintf(tw, "Не раньше / Not before\t%s\n", clock(n.NotBefore, loc))
	fmt.Fprintf(tw, "Отправлено / Sent\t%s %s\n", clock(n.SentAt, loc), n.Channel)
	fmt.Fprintf(tw, "Попыток / Attempts\t%d\n", n.Attempts)
	fmt.Fprintf(tw, "Последняя ошибка / Last error\t%s\n", n.LastError)
	tw.Flush()
}

// printHistory prints the events of a history, oldest first.
func printHistory(w io.Writer, evs []diary.NoticeEvent, loc *time.Location) {
	fmt.Fprintln(w, "\nИстория / History:")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, e := range evs {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", e.At.In(loc).Format("2006-01-02 15:04:05"), e.Status, e.Detail)
	}
	tw.Flush()
}

// recipient names a recipient by kind and record id, never by name.
func recipient(r diary.Recipient) string {
	return fmt.Sprintf("%s / %s %d", recipientWords[r.Kind], r.Kind, r.ID)
}

// clock is an instant in loc to the minute; "—" for none.
func clock(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return "—"
	}
	return t.In(loc).Format("2006-01-02 15:04")
}

// short cuts s to n characters, marking the cut with «…».
func short(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// yesNo says a flag in both languages.
func yesNo(b bool) string {
	if b {
		return "да / yes"
	}
	return "нет / no"
}
