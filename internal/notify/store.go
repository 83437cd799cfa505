package notify

import (
	"context"

	"github.com/schooldiary/diary/internal/diary"
)

// Store is what delivery needs of the diary's store (both SQL stores have
// it, written once in internal/store/sqlstore).
type Store interface {
	// School returns the school with id (for its time zone); ErrNotFound.
	School(ctx context.Context, id int64) (diary.School, error)
	// EnqueueNotices stores the notices with new keys and calls schedule in
	// the same transaction with the driver's transaction and the stored
	// notices; EInvalid for a notice without key, kind, school or recipient.
	EnqueueNotices(ctx context.Context, ns []diary.Notice,
		schedule func(ctx context.Context, driverTx any, stored []diary.Notice) error) (diary.EnqueueResult, error)
	// Notice returns a notice with its files; ErrNotFound.
	Notice(ctx context.Context, id int64) (diary.Notice, error)
	// NoticeAddresses returns where a recipient is reached; ErrNotFound for
	// no such person.
	NoticeAddresses(ctx context.Context, r diary.Recipient) (diary.NoticeAddresses, error)
	// RecordNotice records a delivery step; ErrNotFound.
	RecordNotice(ctx context.Context, id int64, u diary.NoticeUpdate) error
	// NotifyChoices returns what a chat chose about its notices (the
	// defaults when it chose nothing); ErrNotFound for an unknown chat.
	NotifyChoices(ctx context.Context, chatID int64) (diary.NotifyChoices, error)
	// MarkChatBlocked records that a chat blocked the bot; ErrNotFound.
	MarkChatBlocked(ctx context.Context, chatID int64, blocked bool) error
}
