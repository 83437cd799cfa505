package sqlstore

import (
	"context"
	"fmt"
	"time"

	"github.com/schooldiary/diary/internal/diary"
)

// noticeTable is the bulk form of a new notice.
var noticeTable = NewTable("notices", "key", `key text, kind text, school_id bigint,
	recipient_kind text, recipient_id bigint, language text, subject text, html text, text text,
	urgent int, ack_required int, status text, created_at timestamptz, not_before timestamptz`).
	OnConflict("ON CONFLICT (key) DO NOTHING")

// eventTable is the bulk form of a notice's history.
var eventTable = NewTable("notice_events", "", `notice_id bigint, at timestamptz, status text, detail text`)

// EnqueueNotices stores the notices whose keys are new, with their files
// and first event, and calls schedule inside the same write transaction with
// the driver's own transaction (a pgx.Tx or a *sql.Tx, see Tx.Driver) and the
// stored notices, so that their delivery jobs commit or roll back with them; keys already stored (or repeated in ns) are left as they were
// and listed as duplicates. Each notice's Status and NotBefore come from
// the caller (queued, or held until the end of quiet hours); CreatedAt is
// the store's now. Errors: EInvalid for a notice without a key; schedule's.
func (s *Store) EnqueueNotices(ctx context.Context, ns []diary.Notice,
	schedule func(ctx context.Context, driverTx any, stored []diary.Notice) error) (diary.EnqueueResult, error) {
	var res diary.EnqueueResult
	if err := checkNotices(ns); err != nil {
		return res, fmt.Errorf("enqueue notices: %w", err)
	}
	now := s.clock()
	err := s.p.Write(ctx, false, func(tx Tx) error {
		stored, dups, err := s.insertNotices(ctx, tx, ns, now)
		if err != nil {
			return err
		}
		if err := s.insertNoticeExtras(ctx, tx, stored, now); err != nil {
			return err
		}
		res = diary.EnqueueResult{New: stored, Duplicates: dups}
		return schedule(ctx, tx.Driver(), stored)
	})
	if err != nil {
		return diary.EnqueueResult{}, s.wrap(err, "enqueue notices")
	}
	return res, nil
}

// checkNotices refuses a notice without a key, a kind or a recipient.
func checkNotices(ns []diary.Notice) error {
	for _, n := range ns {
		if n.Key == "" || n.Kind == "" || n.Recipient.ID == 0 || n.SchoolID == 0 {
			return diary.Errorf(diary.EInvalid, "a notice needs a key, a kind, a school and a recipient")
		}
	}
	return nil
}

// insertNotices writes the notices with new keys and returns them as
// stored (ids, CreatedAt, defaults), in the order of ns, and the duplicate
// keys.
func (s *Store) insertNotices(ctx context.Context, tx Tx, ns []diary.Notice, now time.Time) ([]diary.Notice, []string, error) {
	rows, seen := make([][]any, 0, len(ns)), make(map[string]bool, len(ns))
	for _, n := range ns {
		if !seen[n.Key] {
			seen[n.Key] = true
			rows = append(rows, noticeRow(stamped(n, now)))
		}
	}
	ids := make(map[string]int64, len(rows))
	if err := tx.Insert(ctx, noticeTable, rows, func(id int64, key string) { ids[key] = id }); err != nil {
		return nil, nil, err
	}
	var stored []diary.Notice
	var dups []string
	for _, n := range ns {
		id, ok := ids[n.Key]
		if !ok {
			dups = append(dups, n.Key)
			continue
		}
		delete(ids, n.Key) // a key repeated in ns is a duplicate after the first
		n = stamped(n, now)
		n.ID = id
		stored = append(stored, n)
	}
	return stored, dups, nil
}

// stamped is n as the store keeps it: created now, queued and due now
// unless the caller said otherwise.
func stamped(n diary.Notice, now time.Time) diary.Notice {
	if n.Status == "" {
		n.Status = diary.NoticeQueued
	}
	if n.NotBefore.IsZero() {
		n.NotBefore = now
	}
	n.CreatedAt, n.NotBefore = now, kept(n.NotBefore)
	return n
}

// noticeRow is a stamped notice as a row of noticeTable.
func noticeRow(n diary.Notice) []any {
	return []any{n.Key, n.Kind, n.SchoolID, string(n.Recipient.Kind), n.Recipient.ID, n.Language, n.Subject,
		n.HTML, n.Text, flag(n.Urgent), flag(n.AckRequired), string(n.Status), n.CreatedAt, n.NotBefore}
}

// flag is a boolean as the 0 or 1 both stores keep.
func flag(b bool) int {
	if b {
		return 1
	}
	return 0
}

// insertNoticeExtras writes the stored notices' files and first events.
func (s *Store) insertNoticeExtras(ctx context.Context, tx Tx, stored []diary.Notice, now time.Time) error {
	events := make([][]any, len(stored))
	for i, n := range stored {
		events[i] = []any{n.ID, now, string(n.Status), firstDetail(n)}
		for _, f := range n.Files {
			_, err := tx.Exec(ctx, `INSERT INTO notice_files (notice_id, name, mime, data) VALUES ($1, $2, $3, $4)`,
				n.ID, f.Name, f.MIME, f.Data)
			if err != nil {
				return fmt.Errorf("insert file of notice %d: %w", n.ID, err)
			}
		}
	}
	return tx.Insert(ctx, eventTable, events, nil)
}

// firstDetail explains a new notice's first event.
func firstDetail(n diary.Notice) string {
	if n.Status == diary.NoticeHeld {
		return "held for quiet hours until " + n.NotBefore.UTC().Format("2006-01-02T15:04:05Z")
	}
	return "queued"
}
