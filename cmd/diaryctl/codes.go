package main

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/letters"
	"github.com/schooldiary/diary/internal/linkcodes"
	"github.com/schooldiary/diary/internal/store"
)

const codesHelp = `Использование:
  diaryctl codes --school КОД --class 5А --bot ИМЯ_БОТА [--format pdf|csv] [--out ФАЙЛ]

Выдаёт одноразовые коды привязки для класса: каждому ученику и каждой паре
«родитель — ребёнок» (п. 3.3.4). PDF — по странице на семью: школа, ребёнок,
QR-код ссылки t.me/ИМЯ_БОТА?start=КОД, код текстом и как им пользоваться.
CSV — таблица для Excel. Коды действуют 30 дней, каждый — один раз; в базе
хранятся только их хеши, поэтому файл — единственное место, где они есть:
храните и передавайте его как персональные данные. По умолчанию файл
codes-КЛАСС.pdf в текущей папке.

Usage:
  diaryctl codes --school CODE --class 5А --bot BOT_USERNAME [--format pdf|csv] [--out FILE]

Issues one-time link codes for a class: one per student and per guardian–
student pair. The PDF has a page per family with a QR code of the deep link;
CSV is a table for Excel. Codes last 30 days and work once; only their hashes
are stored, so the file is the only copy: handle it as personal data.
`

// codesArgs are the parsed flags of diaryctl codes.
type codesArgs struct{ school, class, bot, format, out string }

// cmdCodes issues a class's link codes and writes the letters.
func cmdCodes(ctx context.Context, a *app, args []string) error {
	ca, err := parseCodes(a, args)
	if err != nil {
		return err
	}
	db, err := a.openExisting(ctx, true)
	if err != nil {
		return err
	}
	defer db.Close()
	class, err := a.findClass(ctx, db, ca.school, ca.class)
	if err != nil {
		return err
	}
	ls, err := linkcodes.ForClass(ctx, db, class, linkcodes.Options{BotUsername: ca.bot, Now: time.Now(), Rand: rand.Reader})
	if err != nil {
		return err
	}
	if err := writeLetters(ca, ls); err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "Кодов выдано / codes issued: %d; файл / file: %s\n", len(ls), ca.out)
	return nil
}

func parseCodes(a *app, args []string) (codesArgs, error) {
	ca := codesArgs{}
	fs := newFlags("codes", codesHelp, a.stderr)
	fs.StringVar(&ca.school, "school", "", "")
	fs.StringVar(&ca.class, "class", "", "")
	fs.StringVar(&ca.bot, "bot", "", "")
	fs.StringVar(&ca.format, "format", "pdf", "")
	fs.StringVar(&ca.out, "out", "", "")
	pos, err := parse(fs, args)
	if err != nil {
		return ca, err
	}
	if ca.school == "" || ca.class == "" || ca.bot == "" || (ca.format != "pdf" && ca.format != "csv") {
		fmt.Fprintln(a.stderr, "нужны --school, --class и --bot; --format pdf или csv / --school, --class and --bot are required; --format is pdf or csv")
		return ca, errUsage
	}
	if ca.out == "" {
		ca.out = "codes-" + ca.class + "." + ca.format
	}
	return ca, wantArgs(fs, pos, 0, 0)
}

// findClass returns the class named name of the school with code.
func (a *app) findClass(ctx context.Context, db store.DB, code, name string) (diary.Class, error) {
	school, err := a.schoolByCode(ctx, db, code)
	if err != nil {
		return diary.Class{}, err
	}
	class, err := db.ClassByName(ctx, school.ID, name)
	if errors.Is(err, diary.ErrNotFound) {
		return diary.Class{}, fmt.Errorf("в школе %q нет класса %q / no class %q", code, name, name)
	}
	return class, err
}

// writeLetters writes the letters to ca.out (mode 0600: it holds the codes).
func writeLetters(ca codesArgs, ls []letters.Letter) error {
	f, err := os.OpenFile(ca.out, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("файл кодов / codes file: %w", err)
	}
	write := letters.PDF
	if ca.format == "csv" {
		write = letters.CSV
	}
	if err := write(f, ls); err != nil {
		f.Close()
		os.Remove(ca.out)
		return fmt.Errorf("codes: %w", err)
	}
	return f.Close()
}
