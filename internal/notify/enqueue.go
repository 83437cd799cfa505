package notify

import (
	"context"
	"fmt"
	"time"

	"github.com/riverqueue/river"

	"github.com/schooldiary/diary/internal/diary"
)

// DeliverArgs are a delivery job's arguments: the notice it delivers.
type DeliverArgs struct {
	NoticeID int64 `json:"notice_id"`
}

// Kind is the job's kind in River's tables.
func (DeliverArgs) Kind() string { return "notice_deliver" }

// InsertOpts puts the job on the notices' queue.
func (DeliverArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{Queue: QueueName, MaxAttempts: 20}
}

// Enqueue stores the notices whose keys are new, each with its delivery
// job in the same transaction: an urgent notice or one outside the quiet
// hours of its school is queued now, another is held and its job scheduled
// for the end of the quiet hours. Keys already stored are reported as
// duplicates and left alone. Errors: the store's (EInvalid, ErrNotFound for
// an unknown school).
func (s *Service) Enqueue(ctx context.Context, ns []diary.Notice) (diary.EnqueueResult, error) {
	zones, err := s.zones(ctx, ns)
	if err != nil {
		return diary.EnqueueResult{}, err
	}
	now := s.now()
	out := make([]diary.Notice, len(ns))
	for i, n := range ns {
		n.NotBefore, n.Status = now, diary.NoticeQueued
		if next := s.quiet.Next(now, zones[n.SchoolID], n.Urgent); next.After(now) {
			n.NotBefore, n.Status = next, diary.NoticeHeld
		}
		out[i] = n
	}
	return s.store.EnqueueNotices(ctx, out, s.schedule)
}

// zones returns the time zone of every school of ns.
func (s *Service) zones(ctx context.Context, ns []diary.Notice) (map[int64]*time.Location, error) {
	zones := map[int64]*time.Location{}
	for _, n := range ns {
		if _, ok := zones[n.SchoolID]; ok || n.SchoolID == 0 {
			continue
		}
		sc, err := s.store.School(ctx, n.SchoolID)
		if err != nil {
			return nil, fmt.Errorf("enqueue notices: %w", err)
		}
		zones[n.SchoolID] = sc.Location()
	}
	return zones, nil
}

// schedule inserts the delivery jobs of the stored notices in the store's
// transaction tx: a held notice's job at its NotBefore, an urgent one first.
func (s *Service) schedule(ctx context.Context, tx any, stored []diary.Notice) error {
	params := make([]river.InsertManyParams, len(stored))
	for i, n := range stored {
		opts := &river.InsertOpts{Priority: 2}
		if n.Urgent {
			opts.Priority = 1
		}
		if n.Status == diary.NoticeHeld {
			opts.ScheduledAt = n.NotBefore
		}
		params[i] = river.InsertManyParams{Args: DeliverArgs{NoticeID: n.ID}, InsertOpts: opts}
	}
	if err := s.engine.insertTx(ctx, tx, params); err != nil {
		return fmt.Errorf("schedule delivery: %w", err)
	}
	return nil
}
