package sqlstore

import (
	"context"
	"fmt"

	"github.com/schooldiary/diary/internal/diary"
)

const announcementCols = `id, school_id, coalesce(staff_id, 0), coalesce(class_id, 0), level_from, level_to,
	text, file_name, file_mime, recipients, unreachable, created_at`

// scanAnnouncement reads one row of announcementCols.
func scanAnnouncement(r Scanner) (diary.Announcement, error) {
	var a diary.Announcement
	err := r.Scan(&a.ID, &a.SchoolID, &a.StaffID, &a.Scope.ClassID, &a.Scope.From, &a.Scope.To,
		&a.Text, &a.File.Name, &a.File.MIME, &a.Recipients, &a.Unreachable, InstantCol{&a.CreatedAt})
	return a, err
}

// Announcement returns the announcement id with the counts of its notices;
// diary.ErrNotFound.
func (s *Store) Announcement(ctx context.Context, id int64) (diary.Announcement, error) {
	var a diary.Announcement
	err := s.p.Read(ctx, func(q Querier) (err error) {
		a, err = one(ctx, s, q, fmt.Sprintf("announcement %d", id), scanAnnouncement,
			`SELECT `+announcementCols+` FROM announcements WHERE id = $1`, id)
		if err != nil {
			return err
		}
		a.Counts, err = s.announceCounts(ctx, q, id)
		return err
	})
	return a, err
}

// Announcements lists the school's latest announcements by staff member
// staffID (0: those sent with diaryctl), newest first, at most limit, each
// with the counts of its notices.
func (s *Store) Announcements(ctx context.Context, schoolID, staffID int64, limit int) ([]diary.Announcement, error) {
	var out []diary.Announcement
	err := s.p.Read(ctx, func(q Querier) (err error) {
		out, err = list(ctx, s, q, "announcements", scanAnnouncement, `SELECT `+announcementCols+`
			FROM announcements WHERE school_id = $1 AND coalesce(staff_id, 0) = $2
			ORDER BY created_at DESC, id DESC LIMIT $3`, schoolID, staffID, limit)
		for i := range out {
			if err == nil {
				out[i].Counts, err = s.announceCounts(ctx, q, out[i].ID)
			}
		}
		return err
	})
	return out, err
}

// announceCounts counts an announcement's notices by status: a notice not
// yet delivered (queued or held for quiet hours) is waiting.
func (s *Store) announceCounts(ctx context.Context, q Querier, id int64) (diary.AnnounceCounts, error) {
	var c diary.AnnounceCounts
	type byStatus struct {
		status string
		n      int
	}
	rows, err := list(ctx, s, q, fmt.Sprintf("counts of announcement %d", id), func(r Scanner) (b byStatus, err error) {
		return b, r.Scan(&b.status, &b.n)
	}, `SELECT n.status, count(*) FROM announcement_notices an JOIN notices n ON n.key = an.notice_key
		WHERE an.announcement_id = $1 GROUP BY n.status`, id)
	for _, b := range rows {
		switch diary.NoticeStatus(b.status) {
		case diary.NoticeSent:
			c.Sent += b.n
		case diary.NoticeSentEmail:
			c.Email += b.n
		case diary.NoticeFailed:
			c.Failed += b.n
		default:
			c.Waiting += b.n
		}
	}
	return c, err
}
