package bot

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/go-telegram/bot/models"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/i18n"
)

// accessDays is the regulation's limit for giving access (clause 2.10).
const accessDays = 10

// maxAnswer bounds an answer of the access request conversation.
const maxAnswer = 200

// accessBegin starts an access request: name, child, class (and the
// school's code when the deployment has several schools).
func (b *B) accessBegin(ctx context.Context, r *req) error {
	r.st.clearStep()
	return b.ask(ctx, r, stepName, i18n.AccessAskName)
}

// ask stores the next step and asks its question.
func (b *B) ask(ctx context.Context, r *req, step string, key i18n.Key) error {
	r.st.Step, r.st.StepAt = step, b.now()
	if err := b.saveState(ctx, r.chatID, r.st); err != nil {
		return err
	}
	return b.send(ctx, r.chatID, i18n.T(r.lang, key)+"\n\n/cancel", &models.ReplyKeyboardRemove{RemoveKeyboard: true})
}

// accessStep takes the answer to the current step.
func (b *B) accessStep(ctx context.Context, r *req, text string) error {
	text = strings.Join(strings.Fields(text), " ")
	if text == "" || utf8.RuneCountInString(text) > maxAnswer {
		return b.send(ctx, r.chatID, i18n.T(r.lang, i18n.ErrUnknownInput), nil)
	}
	switch r.st.Step {
	case stepName:
		r.st.Name = text
		return b.ask(ctx, r, stepChild, i18n.AccessAskChild)
	case stepChild:
		r.st.Child = text
		return b.ask(ctx, r, stepClass, i18n.AccessAskClass)
	case stepClass:
		r.st.Class = normalizeClass(text)
		return b.accessSchool(ctx, r, "")
	case stepSchool:
		return b.accessSchool(ctx, r, text)
	}
	r.st.clearStep()
	return b.saveState(ctx, r.chatID, r.st)
}

// accessCancel ends the conversation.
func (b *B) accessCancel(ctx context.Context, r *req) error {
	r.st.clearStep()
	if err := b.saveState(ctx, r.chatID, r.st); err != nil {
		return err
	}
	return b.send(ctx, r.chatID, i18n.T(r.lang, i18n.AccessCancelled), nil)
}

// accessSchool finds the request's school: the only one, or the one whose
// code the user typed; then it submits the request.
func (b *B) accessSchool(ctx context.Context, r *req, code string) error {
	schools, err := b.d.Store.Schools(ctx)
	if err != nil {
		return fmt.Errorf("access request: %w", err)
	}
	switch {
	case len(schools) == 1:
		return b.submitAccess(ctx, r, schools[0])
	case code == "":
		return b.ask(ctx, r, stepSchool, i18n.AccessAskSchool)
	}
	s, err := b.d.Store.SchoolByCode(ctx, strings.ToLower(strings.TrimSpace(code)))
	if errors.Is(err, diary.ErrNotFound) {
		return b.send(ctx, r.chatID, i18n.T(r.lang, i18n.AccessUnknownSchool), nil)
	}
	if err != nil {
		return fmt.Errorf("access request: %w", err)
	}
	return b.submitAccess(ctx, r, s)
}

// submitAccess records the request (once per user and school while open),
// tells the user and forwards it to the class teacher when linked.
func (b *B) submitAccess(ctx context.Context, r *req, s diary.School) error {
	ar := diary.AccessRequest{SchoolID: s.ID, TelegramUserID: r.userID, ChatID: r.chatID,
		Name: r.st.Name, ChildName: r.st.Child, ClassName: r.st.Class}
	r.st.clearStep()
	if err := b.saveState(ctx, r.chatID, r.st); err != nil {
		return err
	}
	prev, dup, err := b.openRequest(ctx, s.ID, r.userID)
	if err != nil {
		return err
	}
	if dup {
		return b.send(ctx, r.chatID, i18n.T(r.lang, i18n.AccessDuplicate, "date", b.dateIn(prev.CreatedAt, s)), nil)
	}
	ar, err = b.d.Store.CreateAccessRequest(ctx, ar)
	if err != nil {
		return fmt.Errorf("access request: %w", err)
	}
	b.log.Info("access request recorded", "request_id", ar.ID, "school_id", s.ID)
	text := i18n.T(r.lang, i18n.AccessRecorded, "date", b.dateIn(ar.CreatedAt, s), "days", accessDays)
	if err := b.send(ctx, r.chatID, text, nil); err != nil {
		return err
	}
	return b.forwardAccess(ctx, ar, s)
}

// openRequest returns the user's open request in the school, if any.
func (b *B) openRequest(ctx context.Context, schoolID, userID int64) (diary.AccessRequest, bool, error) {
	rs, err := b.d.Store.AccessRequests(ctx, schoolID, true)
	if err != nil {
		return diary.AccessRequest{}, false, fmt.Errorf("access requests: %w", err)
	}
	for _, ar := range rs {
		if ar.TelegramUserID == userID {
			return ar, true, nil
		}
	}
	return diary.AccessRequest{}, false, nil
}

// forwardAccess sends the request to the class teachers of its class who
// have linked their chat; a class that is not found is left to the journal
// administrator's list (the scheduler's reminders).
func (b *B) forwardAccess(ctx context.Context, ar diary.AccessRequest, s diary.School) error {
	cl, err := b.d.Store.ClassByName(ctx, s.ID, ar.ClassName)
	if errors.Is(err, diary.ErrNotFound) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("access request: class: %w", err)
	}
	teachers, err := b.d.Store.StaffWithRole(ctx, s.ID, diary.RoleClassTeacher)
	if err != nil {
		return fmt.Errorf("access request: class teachers: %w", err)
	}
	for _, t := range teachers {
		if leads(t, cl.ID) {
			b.noticeTeacher(ctx, t, ar, s)
		}
	}
	return nil
}

// leads reports whether staff member t is the class teacher of classID.
func leads(t diary.Staff, classID int64) bool {
	for _, r := range t.Roles {
		if r.Role == diary.RoleClassTeacher && r.ClassID == classID {
			return true
		}
	}
	return false
}

// noticeTeacher sends the request to the teacher's chat, in its language.
func (b *B) noticeTeacher(ctx context.Context, t diary.Staff, ar diary.AccessRequest, s diary.School) {
	chatID, ok := b.staffChat(ctx, t.ID)
	if !ok {
		return
	}
	lang := i18n.Default
	if c, err := b.d.Store.ChatByID(ctx, chatID); err == nil {
		lang, _ = i18n.Parse(c.Language)
	}
	text := i18n.T(lang, i18n.AccessNotice, "name", ar.Name, "child", ar.ChildName,
		"class", ar.ClassName, "date", b.dateIn(ar.CreatedAt, s))
	if err := b.send(ctx, chatID, text, nil); err != nil {
		b.log.Warn("access request to class teacher", "request_id", ar.ID, "err", err)
	}
}

// dateIn is the date of instant t in the school's zone.
func (b *B) dateIn(t time.Time, s diary.School) diary.Date { return diary.DateIn(t, s.Location()) }

// classLookalikes maps Latin letters typed for the Cyrillic ones of class names.
var classLookalikes = strings.NewReplacer("A", "А", "B", "В", "E", "Е", "K", "К", "M", "М",
	"H", "Н", "O", "О", "P", "Р", "C", "С", "T", "Т", "X", "Х")

// normalizeClass writes a typed class name as the roster does: «5 а» → «5А».
func normalizeClass(s string) string {
	s = strings.ToUpper(strings.ReplaceAll(s, " ", ""))
	return classLookalikes.Replace(strings.Trim(s, "«»\"'."))
}
