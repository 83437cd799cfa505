package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/schooldiary/diary/internal/cluster"
	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/i18n"
)

// pendingExpected is an expected grade chosen by a teacher, waiting for its
// reason (clause 3.6.4) in the chat's next message.
type pendingExpected struct {
	Student int64 `json:"s"`
	Subject int64 `json:"subj"`
	Value   int   `json:"v"`
}

// expectKey is the Sessions key of a chat's pending expected grade.
func expectKey(chatID int64) string { return "staff-expect:" + strconv.FormatInt(chatID, 10) }

// staffExpect asks a teacher for the expected period grade of a student.
func (b *B) staffExpect(ctx context.Context, r *req, btn button) error {
	ca, err := b.authorizeCard(ctx, r, btn.Student, btn.Arg)
	if err != nil || ca == nil {
		return b.orRefuse(ctx, r, err)
	}
	var row []button
	for v := 5; v >= 2; v-- {
		row = append(row, button{Kind: kindValue, Student: ca.student.ID, Arg: ca.subject.ID, Action: strconv.Itoa(v),
			Text: i18n.Plain(r.lang, i18n.BtnStaffValue, "value", v)})
	}
	text := i18n.T(r.lang, i18n.StaffExpectAsk, "name", ca.student.Name.Full(), "subject", ca.subject.Name)
	return b.sendButtons(ctx, r, text, [][]button{row, staffHomeButton(r.lang)})
}

// staffValue keeps the chosen grade and asks for its reason.
func (b *B) staffValue(ctx context.Context, r *req, btn button) error {
	v, err := strconv.Atoi(btn.Action)
	if err != nil || v < 1 || v > 5 {
		return errStale
	}
	ca, err := b.authorizeCard(ctx, r, btn.Student, btn.Arg)
	if err != nil || ca == nil {
		return b.orRefuse(ctx, r, err)
	}
	raw, err := json.Marshal(pendingExpected{Student: ca.student.ID, Subject: ca.subject.ID, Value: v})
	if err != nil {
		return fmt.Errorf("expected grade: %w", err)
	}
	if err := b.d.Cluster.Sessions.Set(ctx, expectKey(r.chatID), raw, stepTTL); err != nil {
		return fmt.Errorf("expected grade: %w", err)
	}
	return b.send(ctx, r.chatID, i18n.T(r.lang, i18n.StaffExpectReason, "value", v,
		"name", ca.student.Name.Full(), "subject", ca.subject.Name), nil)
}

// staffReply takes a message as the reason of the chat's pending expected
// grade; it reports false when nothing was pending.
func (b *B) staffReply(ctx context.Context, r *req, text string) (bool, error) {
	raw, err := b.d.Cluster.Sessions.Get(ctx, expectKey(r.chatID))
	switch {
	case errors.Is(err, cluster.ErrNotFound):
		return false, nil
	case err != nil:
		return true, fmt.Errorf("expected grade: %w", err)
	}
	if err := b.d.Cluster.Sessions.Delete(ctx, expectKey(r.chatID)); err != nil {
		return true, fmt.Errorf("expected grade: %w", err)
	}
	var p pendingExpected
	if json.Unmarshal(raw, &p) != nil {
		return true, b.sendStale(ctx, r)
	}
	return true, b.saveExpected(ctx, r, p, strings.TrimSpace(text))
}

// saveExpected records the expected grade, re-checked as the teacher's now.
func (b *B) saveExpected(ctx context.Context, r *req, p pendingExpected, reason string) error {
	ca, err := b.authorizeCard(ctx, r, p.Student, p.Subject)
	if err != nil || ca == nil {
		return b.orRefuse(ctx, r, err)
	}
	period, err := b.d.Store.PeriodAt(ctx, ca.sc.school.ID, ca.class.Level, ca.sc.today)
	if errors.Is(err, diary.ErrNotFound) {
		return b.send(ctx, r.chatID, i18n.T(r.lang, i18n.StaffCardNoPeriod), nil)
	}
	if err != nil {
		return fmt.Errorf("expected grade: %w", err)
	}
	g := diary.ExpectedGrade{StudentID: ca.student.ID, SubjectID: ca.subject.ID, PeriodID: period.ID,
		TeacherID: ca.sc.member.staff.ID, Value: p.Value, Reason: reason}
	if err := b.d.Store.SetExpectedGrade(ctx, g); err != nil {
		return fmt.Errorf("expected grade: %w", err)
	}
	b.log.Info("expected grade set", "staff_id", ca.sc.member.staff.ID, "chat_id", r.chatID)
	if err := b.recordStaffVisit(ctx, r, ca.sc, ca.student.ID, "staff.expected"); err != nil {
		return err
	}
	text := i18n.T(r.lang, i18n.StaffExpectSaved, "value", p.Value, "name", ca.student.Name.Full(),
		"subject", ca.subject.Name, "reason", orDash(reason))
	return b.sendButtons(ctx, r, text, [][]button{
		{{Kind: kindCard, Student: ca.student.ID, Arg: ca.subject.ID, Text: i18n.Plain(r.lang, i18n.BtnStaffStudent, "name", ca.student.Name.Short())}},
		staffHomeButton(r.lang),
	})
}

// cancelExpected drops the chat's pending expected grade; it reports
// false when nothing was pending.
func (b *B) cancelExpected(ctx context.Context, r *req) (bool, error) {
	if _, err := b.d.Cluster.Sessions.Get(ctx, expectKey(r.chatID)); errors.Is(err, cluster.ErrNotFound) {
		return false, nil
	} else if err != nil {
		return true, fmt.Errorf("expected grade: %w", err)
	}
	if err := b.d.Cluster.Sessions.Delete(ctx, expectKey(r.chatID)); err != nil {
		return true, fmt.Errorf("expected grade: %w", err)
	}
	return true, b.menu(ctx, r)
}
