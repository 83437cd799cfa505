package main

import (
	"context"
	"crypto/rand"
	"fmt"
	"slices"
	"time"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/linkcodes"
	"github.com/schooldiary/diary/internal/store"
)

// checkRole refuses a --role that is no staff role, naming the roles.
func checkRole(a *app, role string) error {
	if role == "" || slices.Contains(linkcodes.StaffRoles, diary.Role(role)) {
		return nil
	}
	fmt.Fprintf(a.stderr, "нет роли «%s»; роли: teacher, class_teacher, deputy, director, journal_admin, sysadmin / "+
		"no role %q; the roles are teacher, class_teacher, deputy, director, journal_admin, sysadmin\n", role, role)
	return errUsage
}

// staffCodes issues a link code to every staff member of the school working
// today (of --role only) and writes their letters.
func (a *app) staffCodes(ctx context.Context, db store.DB, ca codesArgs) error {
	school, err := a.schoolByCode(ctx, db, ca.school)
	if err != nil {
		return err
	}
	if ca.out == "" {
		ca.out = staffCodesFile(ca)
	}
	ls, err := linkcodes.ForStaff(ctx, db, school, diary.Role(ca.role), linkcodes.Options{BotUsername: ca.bot, Now: time.Now(), Rand: rand.Reader})
	if err != nil {
		return err
	}
	if len(ls) == 0 {
		ru, en := roleNote(ca.role)
		return sentence(diary.ErrNotFound, fmt.Sprintf("В школе «%s» нет работающих сегодня сотрудников%s: коды не выданы.", ca.school, ru),
			fmt.Sprintf("School %q has no staff working today%s: no codes were issued.", ca.school, en))
	}
	if err := writeLetters(ca, ls); err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "Кодов выдано / codes issued: %d; файл / file: %s\n", len(ls), ca.out)
	return nil
}

// staffCodesFile is the default file of staff letters.
func staffCodesFile(ca codesArgs) string {
	if ca.role != "" {
		return "codes-staff-" + ca.role + "." + ca.format
	}
	return "codes-staff." + ca.format
}

// roleNote names the role of a refusal in Russian and English, when one
// was asked for.
func roleNote(role string) (ru, en string) {
	if role == "" {
		return "", ""
	}
	return " с ролью " + role, " with role " + role
}
