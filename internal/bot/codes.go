package bot

import (
	"bytes"
	"context"
	"fmt"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/i18n"
	"github.com/schooldiary/diary/internal/letters"
	"github.com/schooldiary/diary/internal/linkcodes"
)

// codesMenu offers the codes of each class the user leads now, and its
// one-family code (/codes).
func (b *B) codesMenu(ctx context.Context, r *req) error {
	w, err := b.people(ctx, r.userID)
	if err != nil {
		return err
	}
	var rows [][]button
	for _, m := range w.staff {
		classes, err := b.classTeacherOf(ctx, m)
		if err != nil {
			return err
		}
		rows = append(rows, codesButtons(r.lang, classes)...)
		for _, cl := range classes {
			rows = append(rows, []button{familyButton(r.lang, cl)})
		}
	}
	if len(rows) == 0 {
		return b.send(ctx, r.chatID, i18n.T(r.lang, i18n.CodesRefused), nil)
	}
	return b.sendButtons(ctx, r, i18n.T(r.lang, i18n.CmdCodes), rows)
}

// issueCodes issues fresh one-time codes for every enrolled student of the
// class and each of their guardians (internal/linkcodes, as diaryctl does)
// and sends the printable letters (PDF) to the class teacher, re-checked
// as the class's teacher now. The codes appear only in the PDF: never in a
// message, never in the log.
func (b *B) issueCodes(ctx context.Context, r *req, classID int64) error {
	staff, cl, err := b.leadingTeacher(ctx, r.userID, classID)
	if err != nil {
		return err
	}
	if staff.ID == 0 {
		return b.send(ctx, r.chatID, i18n.T(r.lang, i18n.CodesRefused), nil)
	}
	now := b.now()
	ls, err := linkcodes.ForClass(ctx, b.d.Store, cl, linkcodes.Options{
		BotUsername: b.botUsername(), Now: now, IssuedBy: staff.ID, Rand: b.d.Random,
	})
	if err != nil {
		return fmt.Errorf("codes: %w", err)
	}
	if len(ls) == 0 {
		return b.send(ctx, r.chatID, i18n.T(r.lang, i18n.CodesEmpty, "class", cl.Name), nil)
	}
	b.log.Info("link codes issued", "class_id", cl.ID, "codes", len(ls), "chat_id", r.chatID)
	var pdf bytes.Buffer
	if err := letters.PDF(&pdf, ls); err != nil {
		return fmt.Errorf("codes: letters: %w", err)
	}
	_, school, err := b.today(ctx, cl.SchoolID)
	if err != nil {
		return err
	}
	last := diary.DateIn(now.Add(diary.DefaultCodeTTL-1), school.Location())
	caption := i18n.T(r.lang, i18n.CodesIssued, "class", cl.Name, "n", len(ls), "date", last)
	return b.sendDocument(ctx, r.chatID, fmt.Sprintf("codes-%s.pdf", cl.Name), pdf.Bytes(), caption)
}

// leadingTeacher returns the user's staff record when it leads classID
// today (zero staff otherwise) and the class.
func (b *B) leadingTeacher(ctx context.Context, userID, classID int64) (diary.Staff, diary.Class, error) {
	w, err := b.people(ctx, userID)
	if err != nil {
		return diary.Staff{}, diary.Class{}, err
	}
	for _, m := range w.staff {
		classes, err := b.classTeacherOf(ctx, m)
		if err != nil {
			return diary.Staff{}, diary.Class{}, err
		}
		for _, cl := range classes {
			if cl.ID == classID {
				return m.staff, cl, nil
			}
		}
	}
	return diary.Staff{}, diary.Class{}, nil
}

// codesButtons are the buttons that issue the letters of each class.
func codesButtons(lang i18n.Lang, classes []diary.Class) [][]button {
	rows := make([][]button, 0, len(classes))
	for _, cl := range classes {
		rows = append(rows, []button{{Kind: btnCodes, Arg: cl.ID, Text: i18n.Plain(lang, i18n.BtnCodes, "class", cl.Name)}})
	}
	return rows
}
