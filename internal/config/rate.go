package config

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/schooldiary/diary/internal/cluster"
)

// TelegramRate is TELEGRAM_RATE: how many messages a second the bot sends
// to Telegram overall, every process together, from 1 to
// cluster.MaxTelegramRate (Telegram's own limit is about 30).
type TelegramRate int

// UnmarshalText implements encoding.TextUnmarshaler.
func (r *TelegramRate) UnmarshalText(text []byte) error {
	n, err := strconv.Atoi(strings.TrimSpace(string(text)))
	if err != nil || n < 1 || n > cluster.MaxTelegramRate {
		return fmt.Errorf("TELEGRAM_RATE must be a whole number of messages a second from 1 to %d; got %q",
			cluster.MaxTelegramRate, text)
	}
	*r = TelegramRate(n)
	return nil
}
