package notify

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/riverqueue/river"

	"github.com/schooldiary/diary/internal/cluster"
	"github.com/schooldiary/diary/internal/diary"
)

// Channel names a recipient's addresses are for.
const (
	Telegram = "telegram"
	Email    = "email"
)

// Reasons a notice fails, as its history and the staff's lists show them.
const (
	reasonNoAddress = "нет ни чата в Telegram, ни адреса электронной почты"
	reasonBlocked   = "получатель заблокировал бота, а адреса электронной почты нет"
	reasonNoPerson  = "получателя больше нет в списках школы"
	// ReasonSwitchedOff is the reason of a notice not sent because its
	// recipient's chat switched its kind off in the bot's settings.
	ReasonSwitchedOff = "не отправлено: получатель отключил этот вид уведомлений"
)

// deliverer is the River worker that delivers one notice.
type deliverer struct {
	river.WorkerDefaults[DeliverArgs]
	s *Service
}

// NextRetry schedules the retry after a transient error: capped, jittered.
func (w *deliverer) NextRetry(job *river.Job[DeliverArgs]) time.Time {
	return w.s.now().Add(w.s.backoff(job.Attempt))
}

// Timeout bounds one delivery (River's rescuer takes over after RescueAfter).
func (w *deliverer) Timeout(*river.Job[DeliverArgs]) time.Duration { return w.s.timeout }

// Work delivers the notice unless it is already sent or failed (a retried
// or rescued job never sends twice what was recorded), snoozing it while
// its quiet hours last.
func (w *deliverer) Work(ctx context.Context, job *river.Job[DeliverArgs]) error {
	if job.Attempt > 1 {
		w.s.observer.Retried()
	}
	n, err := w.s.store.Notice(ctx, job.Args.NoticeID)
	if errors.Is(err, diary.ErrNotFound) {
		return river.JobCancel(err)
	}
	if err != nil || n.Status.Final() {
		return err
	}
	now := w.s.now()
	loc := diary.School{TimeZone: n.TimeZone}.Location()
	if next := w.s.quiet.Next(now, loc, n.Urgent); next.After(now) {
		return w.hold(ctx, n, next.Sub(now))
	}
	a, err := w.s.store.NoticeAddresses(ctx, n.Recipient)
	if errors.Is(err, diary.ErrNotFound) {
		return w.s.fail(ctx, n, reasonNoPerson)
	}
	if err != nil {
		return err
	}
	wants, err := w.s.wanted(ctx, n, a)
	switch {
	case err != nil:
		return err
	case !wants:
		return w.s.skip(ctx, n)
	}
	return w.s.deliver(ctx, n, a)
}

// wanted reports whether the recipient's chat still wants notices of n's
// kind, as it chose at the time of sending (a required kind always goes;
// without a chat there are no choices).
func (s *Service) wanted(ctx context.Context, n diary.Notice, a diary.NoticeAddresses) (bool, error) {
	if a.ChatID == 0 {
		return true, nil
	}
	c, err := s.store.NotifyChoices(ctx, a.ChatID)
	if errors.Is(err, diary.ErrNotFound) {
		return true, nil
	}
	if err != nil {
		return false, err
	}
	return c.Wants(diary.NotifyKind(n.Kind)), nil
}

// skip records that n is not sent because its kind is switched off; the
// job completes (a later change of mind does not resend it).
func (s *Service) skip(ctx context.Context, n diary.Notice) error {
	return s.store.RecordNotice(ctx, n.ID, diary.NoticeUpdate{Status: diary.NoticeFailed, Event: "skipped",
		Detail: ReasonSwitchedOff, Error: ReasonSwitchedOff})
}

// hold snoozes the job until the quiet hours end.
func (w *deliverer) hold(ctx context.Context, n diary.Notice, wait time.Duration) error {
	err := w.s.store.RecordNotice(ctx, n.ID, diary.NoticeUpdate{Status: diary.NoticeHeld, Event: "held",
		Detail: "quiet hours: held for " + wait.Round(time.Second).String()})
	if err != nil {
		return err
	}
	return river.JobSnooze(wait)
}

// route is one way to reach the recipient.
type route struct {
	channel string
	to      Address
	status  diary.NoticeStatus
}

// routes lists the ways to try, in order: the chat unless it blocked the
// bot, then email; email first when the chat chose it.
func (s *Service) routes(n diary.Notice, a diary.NoticeAddresses) []route {
	var rs []route
	if a.ChatID != 0 && !a.ChatBlocked && s.channels[Telegram] != nil {
		rs = append(rs, route{Telegram, Address{To: strconv.FormatInt(a.ChatID, 10), Name: a.Name, Language: n.Language}, diary.NoticeSent})
	}
	if a.Email != "" && s.channels[Email] != nil {
		rs = append(rs, route{Email, Address{To: a.Email, Name: a.Name, Language: n.Language}, diary.NoticeSentEmail})
	}
	if a.PreferEmail && len(rs) == 2 {
		rs[0], rs[1] = rs[1], rs[0]
	}
	return rs
}

// deliver sends n on the first route that takes it and records the outcome.
func (s *Service) deliver(ctx context.Context, n diary.Notice, a diary.NoticeAddresses) error {
	rs := s.routes(n, a)
	if len(rs) == 0 {
		return s.fail(ctx, n, noRouteReason(a))
	}
	for i, r := range rs {
		err := s.channels[r.channel].Send(ctx, r.to, message(n))
		s.observer.Sent(r.channel, OutcomeOf(err))
		if !errors.Is(err, ErrBlocked) || i == len(rs)-1 {
			return s.outcome(ctx, n, a, r, err)
		}
		if err := s.blocked(ctx, n, a, r); err != nil {
			return err
		}
	}
	return nil
}

// noRouteReason says why a recipient cannot be reached at all.
func noRouteReason(a diary.NoticeAddresses) string {
	if a.ChatBlocked {
		return reasonBlocked
	}
	return reasonNoAddress
}

// message is what n says, for a channel.
func message(n diary.Notice) Message {
	m := Message{Subject: n.Subject, HTML: n.HTML, Text: n.Text}
	for _, f := range n.Files {
		m.Files = append(m.Files, File{Name: f.Name, MIME: f.MIME, Data: f.Data})
	}
	return m
}

// outcome records what the last send on route r did and tells River.
func (s *Service) outcome(ctx context.Context, n diary.Notice, a diary.NoticeAddresses, r route, err error) error {
	var after *RetryAfterError
	switch {
	case err == nil:
		return s.recordSent(ctx, n, r)
	case errors.Is(err, ErrBlocked):
		if bErr := s.blocked(ctx, n, a, r); bErr != nil {
			return bErr
		}
		return s.fail(ctx, n, reasonBlocked)
	case errors.As(err, &after):
		return s.snooze(ctx, n, r, after)
	case errors.Is(err, ErrUndeliverable):
		return s.fail(ctx, n, err.Error())
	}
	return s.retry(ctx, n, r, err)
}

// recordSent records that n went by route r. The message has gone, and a
// notice recorded sent is never sent again, while one whose record failed is
// sent again when River retries or rescues its job: so when the store does
// not answer (a database restarting), recording is tried again until the
// job's time is up.
func (s *Service) recordSent(ctx context.Context, n diary.Notice, r route) error {
	u := diary.NoticeUpdate{Status: r.status, Event: string(r.status), Detail: "sent by " + r.channel,
		Channel: r.channel, Attempt: true}
	for try := 0; ; try++ {
		err := s.store.RecordNotice(ctx, n.ID, u)
		if err == nil || errors.Is(err, diary.ErrNotFound) || cluster.Sleep(ctx, recordBackoff(try)) != nil {
			return err
		}
	}
}

// recordBackoff is the pause before recording again: 50 ms doubling to 1 s.
func recordBackoff(try int) time.Duration {
	return min(50*time.Millisecond<<min(try, 5), time.Second)
}

// blocked records that the recipient blocked the sender on route r; a
// blocked chat is marked dead until a later /start.
func (s *Service) blocked(ctx context.Context, n diary.Notice, a diary.NoticeAddresses, r route) error {
	if r.channel == Telegram {
		if err := s.store.MarkChatBlocked(ctx, a.ChatID, true); err != nil && !errors.Is(err, diary.ErrNotFound) {
			return err
		}
	}
	return s.store.RecordNotice(ctx, n.ID, diary.NoticeUpdate{Event: "blocked",
		Detail: "the recipient blocked the bot on " + r.channel, Attempt: true})
}

// fail marks n failed with reason and cancels its job.
func (s *Service) fail(ctx context.Context, n diary.Notice, reason string) error {
	err := s.store.RecordNotice(ctx, n.ID, diary.NoticeUpdate{Status: diary.NoticeFailed, Event: "failed",
		Detail: reason, Error: reason, Attempt: true})
	if err != nil {
		return err
	}
	return river.JobCancel(fmt.Errorf("notice %d: %s", n.ID, reason))
}

// snooze records the service's request to wait and snoozes the job.
func (s *Service) snooze(ctx context.Context, n diary.Notice, r route, after *RetryAfterError) error {
	err := s.store.RecordNotice(ctx, n.ID, diary.NoticeUpdate{Event: "snoozed",
		Detail: r.channel + " asked to wait " + after.After.String(), Error: after.Error(), Attempt: true})
	if err != nil {
		return err
	}
	return river.JobSnooze(after.After)
}

// retry records a transient error and returns it for River to retry.
func (s *Service) retry(ctx context.Context, n diary.Notice, r route, sendErr error) error {
	err := s.store.RecordNotice(ctx, n.ID, diary.NoticeUpdate{Event: "retry",
		Detail: r.channel + ": " + sendErr.Error(), Error: sendErr.Error(), Attempt: true})
	if err != nil {
		return err
	}
	return fmt.Errorf("notice %d: %w", n.ID, sendErr)
}
