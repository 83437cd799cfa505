package sqlstore

import (
	"context"
	"fmt"

	"github.com/schooldiary/diary/internal/diary"
)

// DefaultNoticeLimit is how many notices a list shows when the filter sets
// no limit.
const DefaultNoticeLimit = 50

// Notices lists the notices f selects, newest first, each without its
// files and with the latest event of its history. Errors: EInvalid for an
// unknown status or a negative limit.
func (s *Store) Notices(ctx context.Context, f diary.NoticeFilter) ([]diary.NoticeEntry, error) {
	if err := checkNoticeFilter(f); err != nil {
		return nil, fmt.Errorf("list notices: %w", err)
	}
	limit := f.Limit
	if limit == 0 {
		limit = DefaultNoticeLimit
	}
	return list(ctx, s, s.p, "list notices", scanNoticeEntry, `SELECT `+noticeCols+`,
		e.at, coalesce(e.status, ''), coalesce(e.detail, '')
		FROM notices n JOIN schools s ON s.id = n.school_id
		LEFT JOIN notice_events e ON e.id = (SELECT max(id) FROM notice_events WHERE notice_id = n.id)
		WHERE ($1 = 0 OR n.school_id = $1) AND ($2 = '' OR n.status = $2) AND ($3 = '' OR n.kind = $3)
		ORDER BY n.created_at DESC, n.id DESC LIMIT $4`,
		f.SchoolID, string(f.Status), f.Kind, limit)
}

// checkNoticeFilter refuses a status no notice has and a negative limit.
func checkNoticeFilter(f diary.NoticeFilter) error {
	if f.Limit < 0 {
		return diary.Errorf(diary.EInvalid, "a negative limit %d", f.Limit)
	}
	if f.Status == "" || f.Status.Valid() {
		return nil
	}
	return diary.Errorf(diary.EInvalid, "no notice status %q", f.Status)
}

// scanNoticeEntry reads a row of noticeCols and the latest event.
func scanNoticeEntry(r Scanner) (diary.NoticeEntry, error) {
	var e diary.NoticeEntry
	var urgent, ack int
	err := r.Scan(append(noticeDest(&e.Notice, &urgent, &ack),
		InstantCol{&e.Last.At}, &e.Last.Status, &e.Last.Detail)...)
	e.Urgent, e.AckRequired = urgent == 1, ack == 1
	return e, err
}
