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

// accessBegin starts an access request: name, relation, child, class (and
// the school's code when the deployment has several schools), then the
// phone Telegram verified.
func (b *B) accessBegin(ctx context.Context, r *req) error {
	r.st.clearStep()
	return b.ask(ctx, r, stepName, i18n.AccessAskName)
}

// ask stores the next step and asks its question.
func (b *B) ask(ctx context.Context, r *req, step string, key i18n.Key) error {
	return b.askWith(ctx, r, step, key, &models.ReplyKeyboardRemove{RemoveKeyboard: true})
}

// askWith stores the next step and asks its question with a reply keyboard.
func (b *B) askWith(ctx context.Context, r *req, step string, key i18n.Key, kb models.ReplyMarkup) error {
	r.st.Step, r.st.StepAt = step, b.now()
	if err := b.saveState(ctx, r.chatID, r.st); err != nil {
		return err
	}
	return b.send(ctx, r.chatID, i18n.T(r.lang, key)+"\n\n/cancel", kb)
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
		return b.askWith(ctx, r, stepRelation, i18n.AccessAskRelation, relationKeyboard(r.lang))
	case stepRelation:
		r.st.Relation = text
		return b.ask(ctx, r, stepChild, i18n.AccessAskChild)
	case stepChild:
		r.st.Child = text
		return b.ask(ctx, r, stepClass, i18n.AccessAskClass)
	case stepClass:
		r.st.Class = normalizeClass(text)
		return b.accessSchool(ctx, r, "")
	case stepSchool:
		return b.accessSchool(ctx, r, text)
	case stepPhone:
		return b.send(ctx, r.chatID, i18n.T(r.lang, i18n.AccessPhoneButton), phoneKeyboard(r.lang))
	case stepReason:
		return b.refuseWith(ctx, r, text)
	}
	r.st.clearStep()
	return b.saveState(ctx, r.chatID, r.st)
}

// relationKeyboard offers the usual answers to «who are you to the child».
func relationKeyboard(lang i18n.Lang) *models.ReplyKeyboardMarkup {
	row := func(k i18n.Key) []models.KeyboardButton { return []models.KeyboardButton{{Text: i18n.Plain(lang, k)}} }
	return &models.ReplyKeyboardMarkup{ResizeKeyboard: true, OneTimeKeyboard: true, Keyboard: [][]models.KeyboardButton{
		append(row(i18n.BtnRelationMother), row(i18n.BtnRelationFather)...), row(i18n.BtnRelationGuardian),
	}}
}

// phoneKeyboard is the one button that shares the user's own contact.
func phoneKeyboard(lang i18n.Lang) *models.ReplyKeyboardMarkup {
	return &models.ReplyKeyboardMarkup{ResizeKeyboard: true, OneTimeKeyboard: true, Keyboard: [][]models.KeyboardButton{
		{{Text: i18n.Plain(lang, i18n.BtnShareContact), RequestContact: true}},
	}}
}

// accessCancel ends the conversation.
func (b *B) accessCancel(ctx context.Context, r *req) error {
	r.st.clearStep()
	if err := b.saveState(ctx, r.chatID, r.st); err != nil {
		return err
	}
	return b.send(ctx, r.chatID, i18n.T(r.lang, i18n.AccessCancelled), &models.ReplyKeyboardRemove{RemoveKeyboard: true})
}

// accessSchool finds the request's school: the only one, or the one whose
// code the user typed; then it asks for the phone.
func (b *B) accessSchool(ctx context.Context, r *req, code string) error {
	schools, err := b.d.Store.Schools(ctx)
	if err != nil {
		return fmt.Errorf("access request: %w", err)
	}
	switch {
	case len(schools) == 1:
		r.st.School = schools[0].ID
		return b.askWith(ctx, r, stepPhone, i18n.AccessAskPhone, phoneKeyboard(r.lang))
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
	r.st.School = s.ID
	return b.askWith(ctx, r, stepPhone, i18n.AccessAskPhone, phoneKeyboard(r.lang))
}

// accessPhone takes the contact shared at the phone step: only the user's
// own, which Telegram verified; then the request is submitted.
func (b *B) accessPhone(ctx context.Context, r *req, ct *models.Contact) error {
	if ct.UserID != r.userID {
		return b.send(ctx, r.chatID, i18n.T(r.lang, i18n.LinkContactNotOwn), phoneKeyboard(r.lang))
	}
	phone, err := diary.NormalizePhone(ct.PhoneNumber)
	if err != nil {
		return b.send(ctx, r.chatID, i18n.T(r.lang, i18n.RefusedPhone, "phone", ct.PhoneNumber), phoneKeyboard(r.lang))
	}
	s, err := b.d.Store.School(ctx, r.st.School)
	if err != nil {
		return fmt.Errorf("access request: school: %w", err)
	}
	return b.submitAccess(ctx, r, s, phone)
}

// submitAccess records the request, matched against the roster (once per
// user and school while open), tells the user and forwards it to the class
// teacher when linked; one not linked yet finds it under «Заявки».
func (b *B) submitAccess(ctx context.Context, r *req, s diary.School, phone string) error {
	ar := diary.AccessRequest{SchoolID: s.ID, TelegramUserID: r.userID, ChatID: r.chatID, Name: r.st.Name,
		Relation: r.st.Relation, Phone: phone, ChildName: r.st.Child, ClassName: r.st.Class}
	r.st.clearStep()
	if err := b.saveState(ctx, r.chatID, r.st); err != nil {
		return err
	}
	prev, dup, err := b.openRequest(ctx, s.ID, r.userID)
	if err != nil {
		return err
	}
	if dup {
		return b.send(ctx, r.chatID, i18n.T(r.lang, i18n.AccessDuplicate, "date", b.dateIn(prev.CreatedAt, s)), statusKeyboard(r.lang))
	}
	if ar, err = b.match(ctx, ar); err != nil {
		return err
	}
	if ar, err = b.d.Store.CreateAccessRequest(ctx, ar); err != nil {
		return fmt.Errorf("access request: %w", err)
	}
	b.log.Info("access request recorded", "request_id", ar.ID, "school_id", s.ID, "matched", ar.GuardianID != 0)
	text := i18n.T(r.lang, i18n.AccessRecorded, "date", b.dateIn(ar.CreatedAt, s), "days", accessDays)
	if err := b.send(ctx, r.chatID, text, statusKeyboard(r.lang)); err != nil {
		return err
	}
	return b.forwardAccess(ctx, ar, s)
}

// statusKeyboard is the reply keyboard of a user who asked for access.
func statusKeyboard(lang i18n.Lang) *models.ReplyKeyboardMarkup {
	return &models.ReplyKeyboardMarkup{ResizeKeyboard: true, Keyboard: [][]models.KeyboardButton{
		{{Text: i18n.Plain(lang, i18n.BtnMyRequest)}},
	}}
}

// openRequest returns the user's open request in the school, if any.
func (b *B) openRequest(ctx context.Context, schoolID, userID int64) (diary.AccessRequest, bool, error) {
	rs, err := b.d.Store.UserAccessRequests(ctx, userID)
	if err != nil {
		return diary.AccessRequest{}, false, fmt.Errorf("access requests: %w", err)
	}
	for _, ar := range rs {
		if ar.SchoolID == schoolID && ar.Open() {
			return ar, true, nil
		}
	}
	return diary.AccessRequest{}, false, nil
}

// forwardAccess sends the request to the class teachers of its class who
// have linked their chat; a class that is not found is left to the journal
// administrator's list (the scheduler's reminders).
func (b *B) forwardAccess(ctx context.Context, ar diary.AccessRequest, s diary.School) error {
	if ar.ClassID == 0 {
		return nil
	}
	teachers, err := b.d.Store.StaffWithRole(ctx, s.ID, diary.RoleClassTeacher)
	if err != nil {
		return fmt.Errorf("access request: class teachers: %w", err)
	}
	for _, t := range teachers {
		if leads(t, ar.ClassID) {
			b.noticeTeacher(ctx, t, ar)
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

// noticeTeacher sends the request's card to the teacher's chat, in its
// language; a failure is logged, the request waits under «Заявки».
func (b *B) noticeTeacher(ctx context.Context, t diary.Staff, ar diary.AccessRequest) {
	chatID, ok := b.staffChat(ctx, t.ID)
	if !ok {
		return
	}
	tr, err := b.chatReq(ctx, chatID)
	if err == nil {
		err = b.sendCard(ctx, tr, ar)
	}
	if err != nil {
		b.log.Warn("access request to class teacher", "request_id", ar.ID, "err", err)
	}
}

// chatReq is a req for writing to another chat than the update's: its
// user, language and state as the store and the cluster have them.
func (b *B) chatReq(ctx context.Context, chatID int64) (*req, error) {
	c, err := b.d.Store.ChatByID(ctx, chatID)
	if err != nil {
		return nil, fmt.Errorf("chat: %w", err)
	}
	r := &req{chatID: chatID, userID: c.TelegramUserID}
	r.lang, _ = i18n.Parse(c.Language)
	if r.st, err = b.loadState(ctx, chatID); err != nil {
		return nil, err
	}
	return r, nil
}

// dateIn is the date of instant t in the school's zone.
func (b *B) dateIn(t time.Time, s diary.School) diary.Date { return diary.DateIn(t, s.Location()) }

// classLookalikes maps Latin letters typed for the Cyrillic ones of class names.
var classLookalikes = strings.NewReplacer("A", "А", "B", "В", "E", "Е", "K", "К", "M", "М",
	"H", "Н", "O", "О", "P", "Р", "C", "С", "T", "Т", "X", "Х")

// normalizeClass writes a typed class name as the roster does: «5 а» → «5А».
func normalizeClass(s string) string {
	s = strings.ToUpper(strings.ReplaceAll(s, " ", ""))
	s = strings.NewReplacer("-", "", "«", "", "»", "", "\"", "", "'", "", ".", "").Replace(s)
	return classLookalikes.Replace(s)
}
