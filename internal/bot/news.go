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

// withSince gives a News action the instant of the family's last visit.
func (b *B) withSince(ctx context.Context, userID int64, a access, action string) (string, error) {
	if action != ActionNews {
		return action, nil
	}
	now := b.now()
	guardian := a.link.GuardianID
	if a.link.Kind != diary.LinkGuardian {
		guardian = 0
	}
	last, err := b.d.Store.LastFamilyVisit(ctx, a.student.ID, guardian, userID, now.Add(-newsWindow), now.Add(-sittingGap))
	if err != nil {
		return "", fmt.Errorf("news: last visit: %w", err)
	}
	if last.IsZero() {
		return action, nil
	}
	return views.Encode(views.Action{View: views.News, Since: last}), nil
}
