package bot

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/go-telegram/bot/models"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/i18n"
)

// Kinds of the access request buttons (Arg is the request).
const (
	btnRequests   = "requests" // the pending requests of the classes the user leads
	btnReqApprove = "req_ok"   // approve request Arg
	btnReqRefuse  = "req_no"   // refuse request Arg: ask for the reason
)

// requestsButton is the staff home's button that opens the pending access
// requests of the classes the user leads («Заявки на доступ»).
func requestsButton(lang i18n.Lang) button {
	return button{Kind: btnRequests, Text: i18n.Plain(lang, i18n.BtnRequests)}
}

// dispatchAccess runs the access request buttons; any other goes to the
// staff home's (dispatchStaff), which answers an unknown kind as stale.
func (b *B) dispatchAccess(ctx context.Context, r *req, btn button) error {
	switch btn.Kind {
	case btnRequests:
		return b.requests(ctx, r)
	case btnReqApprove:
		return b.approve(ctx, r, btn.Arg)
	case btnReqRefuse:
		return b.askReason(ctx, r, btn.Arg)
	}
	return b.dispatchStaff(ctx, r, btn)
}

// pendingFor lists the open requests of every class the user leads today,
// oldest first within each class.
func (b *B) pendingFor(ctx context.Context, userID int64) ([]diary.AccessRequest, error) {
	w, err := b.people(ctx, userID)
	if err != nil {
		return nil, err
	}
	var out []diary.AccessRequest
	for _, m := range w.staff {
		classes, err := b.classTeacherOf(ctx, m)
		if err != nil {
			return nil, err
		}
		for _, cl := range classes {
			rs, err := b.d.Store.PendingAccessRequests(ctx, cl.ID)
			if err != nil {
				return nil, fmt.Errorf("pending requests: %w", err)
			}
			out = append(out, rs...)
		}
	}
	return out, nil
}

// requests shows the pending requests of the classes the user leads under
// a head saying what the list is, one card each, oldest first (/requests,
// «Заявки на доступ»).
func (b *B) requests(ctx context.Context, r *req) error {
	rs, err := b.pendingFor(ctx, r.userID)
	if err != nil {
		return err
	}
	if len(rs) == 0 {
		return b.send(ctx, r.chatID, i18n.T(r.lang, i18n.AccessNoneWaiting), nil)
	}
	slices.SortStableFunc(rs, func(a, b diary.AccessRequest) int { return a.CreatedAt.Compare(b.CreatedAt) })
	if err := b.send(ctx, r.chatID, i18n.T(r.lang, i18n.StaffRequestsHead, "n", len(rs)), nil); err != nil {
		return err
	}
	for _, ar := range rs {
		if err := b.sendCard(ctx, r, ar); err != nil {
			return err
		}
	}
	return nil
}

// announcePending tells a class teacher who just linked how many requests
// wait for them, with the button that shows them; nothing when none waits.
func (b *B) announcePending(ctx context.Context, r *req) error {
	rs, err := b.pendingFor(ctx, r.userID)
	if err != nil || len(rs) == 0 {
		return err
	}
	return b.sendButtons(ctx, r, i18n.T(r.lang, i18n.AccessWaiting, "n", len(rs)), [][]button{{requestsButton(r.lang)}})
}

// sendCard sends request ar's card, matched against the roster now, with
// the decision buttons: approve only when the roster matches.
func (b *B) sendCard(ctx context.Context, r *req, ar diary.AccessRequest) error {
	ar, err := b.match(ctx, ar)
	if err != nil {
		return err
	}
	s, err := b.d.Store.School(ctx, ar.SchoolID)
	if err != nil {
		return fmt.Errorf("request card: %w", err)
	}
	matchText, err := b.matchText(ctx, r.lang, ar)
	if err != nil {
		return err
	}
	created := b.dateIn(ar.CreatedAt, s)
	text := i18n.T(r.lang, i18n.AccessCard, "date", created, "name", ar.Name, "relation", ar.Relation,
		"phone", ar.Phone, "child", ar.ChildName, "class", ar.ClassName, "match", i18n.Safe(matchText)) +
		"\n" + i18n.T(r.lang, i18n.AccessDue, "date", created.AddDays(accessDays))
	row := []button{{Kind: btnReqRefuse, Arg: ar.ID, Text: i18n.Plain(r.lang, i18n.BtnRefuse)}}
	if ar.GuardianID != 0 {
		row = append([]button{{Kind: btnReqApprove, Arg: ar.ID, Text: i18n.Plain(r.lang, i18n.BtnApprove)}}, row...)
	}
	return b.sendButtons(ctx, r, text, [][]button{row})
}

// matchText says what the roster matched of ar.
func (b *B) matchText(ctx context.Context, lang i18n.Lang, ar diary.AccessRequest) (string, error) {
	if ar.StudentID == 0 {
		return i18n.T(lang, i18n.AccessMatchNone, "class", ar.ClassName), nil
	}
	st, err := b.d.Store.Student(ctx, ar.StudentID)
	if err != nil {
		return "", fmt.Errorf("request card: %w", err)
	}
	if ar.GuardianID == 0 {
		return i18n.T(lang, i18n.AccessMatchStudent, "student", st.Name.Full()), nil
	}
	gs, err := b.d.Store.GuardiansOfStudent(ctx, st.ID)
	if err != nil {
		return "", fmt.Errorf("request card: %w", err)
	}
	name := ""
	for _, g := range gs {
		if g.ID == ar.GuardianID {
			name = g.Name.Full()
		}
	}
	return i18n.T(lang, i18n.AccessMatchFull, "student", st.Name.Full(), "guardian", name), nil
}

// decider returns the open request id and the staff record of the user
// leading its class now; ok is false otherwise, with errStale (an unknown
// request, or one the user does not decide now) or after telling the user
// it is decided already.
func (b *B) decider(ctx context.Context, r *req, id int64) (diary.AccessRequest, diary.Staff, bool, error) {
	ar, err := b.d.Store.AccessRequest(ctx, id)
	if errors.Is(err, diary.ErrNotFound) {
		return ar, diary.Staff{}, false, errStale
	}
	if err != nil {
		return ar, diary.Staff{}, false, fmt.Errorf("access request: %w", err)
	}
	staff, _, err := b.leadingTeacher(ctx, r.userID, ar.ClassID)
	switch {
	case err != nil:
		return ar, staff, false, err
	case staff.ID == 0 || ar.ClassID == 0:
		return ar, staff, false, errStale
	case !ar.Open():
		return ar, staff, false, b.send(ctx, r.chatID, i18n.T(r.lang, i18n.AccessDecided), nil)
	}
	return ar, staff, true, nil
}

// approve approves a request the user may decide, matched against the
// roster now: the family is linked at once and then asked for consent.
func (b *B) approve(ctx context.Context, r *req, id int64) error {
	ar, staff, ok, err := b.decider(ctx, r, id)
	if !ok || err != nil {
		return err
	}
	if ar, err = b.match(ctx, ar); err != nil {
		return err
	}
	if ar.GuardianID == 0 {
		return b.send(ctx, r.chatID, i18n.T(r.lang, i18n.AccessCannotApprove), nil)
	}
	d := diary.AccessDecision{RequestID: ar.ID, StaffID: staff.ID, Approve: true, GuardianID: ar.GuardianID, StudentID: ar.StudentID}
	ar, link, err := b.d.Store.DecideAccessRequest(ctx, d)
	if err != nil {
		return b.decisionFailed(ctx, r, err)
	}
	b.log.Info("access request approved", "request_id", ar.ID, "staff_id", staff.ID, "link_id", link.ID)
	st, err := b.d.Store.Student(ctx, ar.StudentID)
	if err != nil {
		return fmt.Errorf("approve: %w", err)
	}
	if err := b.send(ctx, r.chatID, i18n.T(r.lang, i18n.AccessApproved, "name", ar.Name, "child", st.Name.Full()), nil); err != nil {
		return err
	}
	return b.tellApproved(ctx, ar, link)
}

// decisionFailed says why a decision could not be recorded: decided
// meanwhile, the child left, or the roster no longer matches.
func (b *B) decisionFailed(ctx context.Context, r *req, err error) error {
	switch {
	case errors.Is(err, diary.ErrConflict):
		return b.send(ctx, r.chatID, i18n.T(r.lang, i18n.AccessDecided), nil)
	case errors.Is(err, diary.ErrNotFound):
		return b.send(ctx, r.chatID, i18n.T(r.lang, i18n.AccessCannotApprove), nil)
	case refusal(err) != i18n.ErrGeneric:
		return b.send(ctx, r.chatID, refusalText(r.lang, err), nil)
	}
	return fmt.Errorf("decide access request: %w", err)
}

// tellApproved tells the requester their request was approved and asks
// for consent in their chat, as a link by code would.
func (b *B) tellApproved(ctx context.Context, ar diary.AccessRequest, link diary.Link) error {
	pr, err := b.chatReq(ctx, ar.ChatID)
	if err != nil {
		return err
	}
	pr.userID = ar.TelegramUserID
	w, err := b.people(ctx, pr.userID)
	if err != nil {
		return err
	}
	c, ok := w.child(link.StudentID)
	if !ok {
		return nil // unlinked meanwhile
	}
	text := i18n.T(pr.lang, i18n.AccessApprovedTo, "child", c.student.Name.Full(), "class", c.class.Name)
	if err := b.send(ctx, pr.chatID, text, &models.ReplyKeyboardRemove{RemoveKeyboard: true}); err != nil {
		return err
	}
	return b.linked(ctx, pr, link)
}

// askReason asks the class teacher for the reason of refusing request id.
func (b *B) askReason(ctx context.Context, r *req, id int64) error {
	ar, _, ok, err := b.decider(ctx, r, id)
	if !ok || err != nil {
		return err
	}
	r.st.clearStep()
	r.st.Request = ar.ID
	return b.ask(ctx, r, stepReason, i18n.AccessAskReason)
}

// refuseWith refuses the request the class teacher is refusing with their
// reason, and sends the reason to the requester.
func (b *B) refuseWith(ctx context.Context, r *req, reason string) error {
	id := r.st.Request
	r.st.clearStep()
	if err := b.saveState(ctx, r.chatID, r.st); err != nil {
		return err
	}
	ar, staff, ok, err := b.decider(ctx, r, id)
	if errors.Is(err, errStale) {
		return b.sendStale(ctx, r) // a typed reason has no button to answer on
	}
	if !ok || err != nil {
		return err
	}
	ar, _, err = b.d.Store.DecideAccessRequest(ctx, diary.AccessDecision{RequestID: ar.ID, StaffID: staff.ID, Reason: reason})
	if err != nil {
		return b.decisionFailed(ctx, r, err)
	}
	b.log.Info("access request refused", "request_id", ar.ID, "staff_id", staff.ID)
	if err := b.send(ctx, r.chatID, i18n.T(r.lang, i18n.AccessRefusedSent), nil); err != nil {
		return err
	}
	return b.tellRefused(ctx, ar)
}

// tellRefused sends the refusal and its reason to the requester's chat.
func (b *B) tellRefused(ctx context.Context, ar diary.AccessRequest) error {
	pr, err := b.chatReq(ctx, ar.ChatID)
	if err != nil {
		return err
	}
	return b.send(ctx, pr.chatID, i18n.T(pr.lang, i18n.AccessRefusedTo, "child", ar.ChildName, "reason", ar.Reason), nil)
}
