package bot

import (
	"context"
	"fmt"
	"time"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/views"
)

// How «Что нового» finds the family's last visit: among the visits of the
// last newsWindow, the latest one at least sittingGap ago (the visits of the
// sitting in progress do not count).
const (
	newsWindow = 14 * 24 * time.Hour
	sittingGap = time.Hour
)

// visitLister is the store's list of visits (diary.Identity's Visits),
// which the bot's Store need not have: without it «Что нового» covers a
// week.
type visitLister interface {
	Visits(ctx context.Context, schoolID int64, from, to time.Time) ([]diary.Visit, error)
}

// withSince gives a News action the instant of the family's last visit.
func (b *B) withSince(ctx context.Context, userID int64, a access, action string) (string, error) {
	vl, ok := b.d.Store.(visitLister)
	if action != ActionNews || !ok {
		return action, nil
	}
	now := b.now()
	visits, err := vl.Visits(ctx, a.student.SchoolID, now.Add(-newsWindow), now.Add(-sittingGap))
	if err != nil {
		return "", fmt.Errorf("news: visits: %w", err)
	}
	var last time.Time
	for _, v := range visits {
		if familyVisit(v, userID, a) && v.At.After(last) {
			last = v.At
		}
	}
	if last.IsZero() {
		return action, nil
	}
	return views.Encode(views.Action{View: views.News, Since: last}), nil
}

// familyVisit reports whether v is a look at a's student by the same
// guardian (from any of their chats), or by the student themself.
func familyVisit(v diary.Visit, userID int64, a access) bool {
	if v.StudentID != a.student.ID || v.StaffID != 0 {
		return false
	}
	if a.link.Kind == diary.LinkGuardian {
		return v.GuardianID == a.link.GuardianID
	}
	return v.GuardianID == 0 && v.TelegramUserID == userID
}
