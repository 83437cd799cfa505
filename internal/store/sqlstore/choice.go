package sqlstore

import (
	"context"
	"fmt"
	"time"

	"github.com/schooldiary/diary/internal/diary"
)

// SetNotifyChoice turns notices of kind k on or off for the chat; see
// diary.Notifications.
func (s *Store) SetNotifyChoice(ctx context.Context, chatID int64, k diary.NotifyKind, on bool) error {
	if err := diary.CheckNotifyChoice(k, on); err != nil {
		return fmt.Errorf("set notify choice: %w", err)
	}
	enabled := 0
	if on {
		enabled = 1
	}
	_, err := s.p.Exec(ctx, `INSERT INTO notify_choices (chat_id, kind, enabled, updated_at)
		VALUES ($1, $2, $3, $4) ON CONFLICT (chat_id, kind) DO UPDATE SET
		enabled = excluded.enabled, updated_at = excluded.updated_at`,
		chatID, string(k), enabled, s.instant(s.clock()))
	return s.wrap(err, "set notify choice %s of chat %d", k, chatID)
}

// SetNotifyChannel sets how the chat's notices go; see diary.Notifications.
func (s *Store) SetNotifyChannel(ctx context.Context, chatID int64, ch diary.NotifyChannel, email string) error {
	email, err := diary.CheckNotifyChannel(ch, email)
	if err != nil {
		return fmt.Errorf("set notify channel: %w", err)
	}
	_, err = s.p.Exec(ctx, `INSERT INTO notify_channels (chat_id, channel, email, updated_at)
		VALUES ($1, $2, $3, $4) ON CONFLICT (chat_id) DO UPDATE SET
		channel = excluded.channel, email = excluded.email, updated_at = excluded.updated_at`,
		chatID, string(ch), email, s.instant(s.clock()))
	return s.wrap(err, "set notify channel of chat %d", chatID)
}

// NotifyChoices returns the chat's choices, the defaults where it made
// none; diary.ErrNotFound for an unknown chat.
func (s *Store) NotifyChoices(ctx context.Context, chatID int64) (diary.NotifyChoices, error) {
	var c diary.NotifyChoices
	err := s.p.Read(ctx, func(q Querier) (err error) {
		if c, err = one(ctx, s, q, fmt.Sprintf("notify choices of chat %d", chatID), scanNotifyChannel,
			`SELECT c.chat_id, coalesce(n.channel, $2), coalesce(n.email, ''), n.updated_at
			FROM chats c LEFT JOIN notify_channels n ON n.chat_id = c.chat_id WHERE c.chat_id = $1`,
			chatID, string(diary.ChannelTelegram)); err != nil {
			return err
		}
		return s.readSwitches(ctx, q, &c)
	})
	return c, err
}

// scanNotifyChannel reads the chat id, channel, address and time of a
// chat's choices.
func scanNotifyChannel(r Scanner) (diary.NotifyChoices, error) {
	var c diary.NotifyChoices
	var ch string
	err := r.Scan(&c.ChatID, &ch, &c.Email, InstantCol{&c.UpdatedAt})
	c.Channel = diary.NotifyChannel(ch)
	return c, err
}

// notifySwitch is one row of notify_choices.
type notifySwitch struct {
	kind diary.NotifyKind
	on   bool
	at   time.Time
}

// readSwitches fills c's switches and moves its UpdatedAt to the latest.
func (s *Store) readSwitches(ctx context.Context, q Querier, c *diary.NotifyChoices) error {
	rows, err := list(ctx, s, q, "notify switches", func(r Scanner) (v notifySwitch, err error) {
		var enabled int
		err = r.Scan((*string)(&v.kind), &enabled, InstantCol{&v.at})
		v.on = enabled == 1
		return v, err
	}, `SELECT kind, enabled, updated_at FROM notify_choices WHERE chat_id = $1`, c.ChatID)
	if len(rows) > 0 {
		c.Switches = make(map[diary.NotifyKind]bool, len(rows))
	}
	for _, v := range rows {
		c.Switches[v.kind] = v.on
		if v.at.After(c.UpdatedAt) {
			c.UpdatedAt = v.at
		}
	}
	return err
}
