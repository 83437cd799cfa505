package bot

import (
	"context"
	"fmt"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/i18n"
)

// maxStatuses bounds the requests «Моя заявка» shows, newest first.
const maxStatuses = 3

// onAccessCommand runs the access requests' commands: /requests (a class
// teacher's pending requests) and /myrequest (the requester's status).
func (b *B) onAccessCommand(ctx context.Context, r *req, cmd string) error {
	switch cmd {
	case "requests":
		return b.requests(ctx, r)
	case "myrequest":
		return b.myRequest(ctx, r)
	}
	return b.send(ctx, r.chatID, i18n.T(r.lang, i18n.ErrUnknownInput), nil)
}

// myRequest shows the status of the user's latest requests («Моя заявка»).
func (b *B) myRequest(ctx context.Context, r *req) error {
	rs, err := b.d.Store.UserAccessRequests(ctx, r.userID)
	if err != nil {
		return fmt.Errorf("my requests: %w", err)
	}
	if len(rs) == 0 {
		return b.send(ctx, r.chatID, i18n.T(r.lang, i18n.AccessStatusNone), nil)
	}
	text := ""
	for i, ar := range rs[:min(len(rs), maxStatuses)] {
		line, err := b.statusLine(ctx, r.lang, ar)
		if err != nil {
			return err
		}
		if i > 0 {
			text += "\n\n"
		}
		text += line
	}
	return b.send(ctx, r.chatID, text, nil)
}

// statusLine is one request's status in lang, dates in its school's zone.
func (b *B) statusLine(ctx context.Context, lang i18n.Lang, ar diary.AccessRequest) (string, error) {
	s, err := b.d.Store.School(ctx, ar.SchoolID)
	if err != nil {
		return "", fmt.Errorf("my requests: %w", err)
	}
	created := b.dateIn(ar.CreatedAt, s)
	args := []any{"date", created, "child", ar.ChildName, "class", ar.ClassName}
	switch {
	case ar.Open():
		return i18n.T(lang, i18n.AccessStatusOpen, append(args, "due", created.AddDays(accessDays))...), nil
	case ar.Resolution == diary.RequestRefused:
		return i18n.T(lang, i18n.AccessStatusRefused, append(args, "decided", b.dateIn(ar.ResolvedAt, s), "reason", ar.Reason)...), nil
	}
	return i18n.T(lang, i18n.AccessStatusDone, append(args, "decided", b.dateIn(ar.ResolvedAt, s))...), nil
}
