package main

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"time"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/importer"
	"github.com/schooldiary/diary/internal/letters"
	"github.com/schooldiary/diary/internal/linkcodes"
	"github.com/schooldiary/diary/internal/store"
)

const codesHelp = `Использование:
  diaryctl codes --school КОД --class КЛАСС [--bot ИМЯ_БОТА] [--format pdf|csv] [--out ФАЙЛ]
  diaryctl codes --school КОД --staff [--role РОЛЬ] [--bot ИМЯ_БОТА] [--format pdf|csv] [--out ФАЙЛ]

Выдаёт одноразовые коды привязки для класса: каждому ученику и каждой паре
«родитель — ребёнок» (п. 3.3.4). PDF — по странице на семью: школа, ребёнок,
QR-код ссылки t.me/ИМЯ_БОТА?start=КОД, код текстом и как им пользоваться.
CSV — таблица для Excel. Коды действуют 30 дней, каждый — один раз; в базе
хранятся только их хеши, поэтому файл — единственное место, где они есть:
храните и передавайте его как персональные данные. По умолчанию файл
codes-КЛАСС.pdf в текущей папке (права 0600).

  --class КЛАСС  код класса в журнале или его название; «7а», «7 А», «7-А»
                 и «7A» латиницей — это «7А»
  --bot ИМЯ      бот ссылок, без @; по умолчанию — TELEGRAM_BOT_USERNAME
  --staff        коды сотрудникам школы, которые работают сегодня (п. 3.2): по письму
                 на каждого, с его должностью; по умолчанию файл codes-staff.pdf
  --role РОЛЬ    только сотрудникам с ролью: teacher (учитель), class_teacher
                 (классный руководитель), deputy (завуч), director, journal_admin
                 (администратор журнала), sysadmin

Usage:
  diaryctl codes --school CODE --class CLASS [--bot BOT_USERNAME] [--format pdf|csv] [--out FILE]
  diaryctl codes --school CODE --staff [--role ROLE] [--bot BOT_USERNAME] [--format pdf|csv] [--out FILE]

Issues one-time link codes for a class: one per student and per guardian–
student pair. The PDF has a page per family with a QR code of the deep link;
CSV is a table for Excel. Codes last 30 days and work once; only their hashes
are stored, so the file is the only copy: handle it as personal data.

  --class CLASS  the class's journal code or its name, in any spelling
                 («7 а», Latin «7A» are «7А»)
  --bot NAME     the links' bot, without @; TELEGRAM_BOT_USERNAME by default
  --staff        codes for the school's staff working today, a letter each with
                 their duties; codes-staff.pdf by default
  --role ROLE    only staff with the role: teacher, class_teacher, deputy,
                 director, journal_admin, sysadmin
`

// codesArgs are the parsed flags of diaryctl codes.
type codesArgs struct {
	school, class, bot, format, out, role string
	staff                                 bool
}

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
	if ca.staff {
		return a.staffCodes(ctx, db, ca)
	}
	class, err := a.findClass(ctx, db, ca.school, ca.class)
	if err != nil {
		return err
	}
	if ca.out == "" {
		ca.out = "codes-" + class.Name + "." + ca.format
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
	fs.BoolVar(&ca.staff, "staff", false, "")
	fs.StringVar(&ca.role, "role", "", "")
	pos, err := parse(fs, args)
	if err != nil {
		return ca, err
	}
	if ca.school == "" || (ca.class == "") == !ca.staff || (ca.format != "pdf" && ca.format != "csv") || (ca.role != "" && !ca.staff) {
		fmt.Fprintln(a.stderr, "нужны --school и одно из --class или --staff (--role — только с --staff); --format pdf или csv / "+
			"--school and one of --class or --staff are required (--role only with --staff); --format is pdf or csv")
		return ca, errUsage
	}
	if err := checkRole(a, ca.role); err != nil {
		return ca, err
	}
	if err := wantArgs(fs, pos, 0, 0); err != nil {
		return ca, err
	}
	ca.bot, err = a.botUsername(ca.bot)
	return ca, err
}

// botUsername is --bot, or TELEGRAM_BOT_USERNAME when it is not given,
// without a leading «@»; neither is a sentence saying what to pass.
func (a *app) botUsername(flagValue string) (string, error) {
	bot := flagValue
	if bot == "" && a.getenv != nil {
		bot = a.getenv("TELEGRAM_BOT_USERNAME")
	}
	if bot = strings.TrimPrefix(strings.TrimSpace(bot), "@"); bot != "" {
		return bot, nil
	}
	return "", sentence(nil, "Не указан бот, на которого ведут ссылки в письмах: передайте --bot ИМЯ_БОТА "+
		"(имя без @, как в ссылке t.me/ИМЯ_БОТА; его показывает @BotFather) или задайте переменную TELEGRAM_BOT_USERNAME, как боту.",
		"No bot for the letters' links: pass --bot BOT_USERNAME (without @, as in t.me/BOT_USERNAME) or set TELEGRAM_BOT_USERNAME, as for the bot.")
}

// findClass returns the class of the school with code that ref names: its
// journal code or its name, exactly or by importer.ClassKey («7а», «7 A»).
func (a *app) findClass(ctx context.Context, db store.DB, code, ref string) (diary.Class, error) {
	school, err := a.schoolByCode(ctx, db, code)
	if err != nil {
		return diary.Class{}, err
	}
	classes, err := db.Classes(ctx, school.ID)
	if err != nil {
		return diary.Class{}, fmt.Errorf("codes: classes of %q: %w", code, err)
	}
	found := matchClass(classes, ref)
	if len(found) == 1 {
		return found[0], nil
	}
	return diary.Class{}, classMissing(code, ref, classes, found)
}

// matchClass returns the classes ref names: those whose code or name is ref,
// or else those whose code or name has ref's ClassKey.
func matchClass(classes []diary.Class, ref string) []diary.Class {
	var exact, byKey []diary.Class
	key := importer.ClassKey(ref)
	for _, c := range classes {
		switch {
		case c.ExtID == ref || c.Name == ref:
			exact = append(exact, c)
		case importer.ClassKey(c.ExtID) == key || importer.ClassKey(c.Name) == key:
			byKey = append(byKey, c)
		}
	}
	if len(exact) > 0 {
		return exact
	}
	return byKey
}

// classMissing says that ref names no class of the school (or several), and
// lists the school's classes.
func classMissing(code, ref string, classes, found []diary.Class) error {
	if len(found) > 1 {
		list := classList(found)
		return sentence(diary.ErrConflict, fmt.Sprintf("«%s» подходит к нескольким классам школы «%s»: %s. Укажите код класса точно.", ref, code, list),
			fmt.Sprintf("%q matches several classes of school %q: %s. Give the class's code exactly.", ref, code, list))
	}
	list := classList(classes)
	return sentence(diary.ErrNotFound, fmt.Sprintf("В школе «%s» нет класса «%s». Классы школы (название — код): %s.", code, ref, list),
		fmt.Sprintf("School %q has no class %q. Its classes (name — code): %s.", code, ref, list))
}

// classList lists classes as «5А — 5A-2026», the code only when it differs.
func classList(classes []diary.Class) string {
	if len(classes) == 0 {
		return "нет ни одного / none"
	}
	var out []string
	for _, c := range classes {
		s := c.Name
		if c.ExtID != c.Name {
			s += " — " + c.ExtID
		}
		out = append(out, s)
	}
	return strings.Join(out, ", ")
}

// writeLetters writes the letters to ca.out (mode 0600: it holds the codes).
func writeLetters(ca codesArgs, ls []letters.Letter) error {
	f, err := os.OpenFile(ca.out, os.O_WRONLY|os.O_CREATE|os.O_EXCL, privateFile)
	if errors.Is(err, fs.ErrExist) {
		return sentence(err, fmt.Sprintf("Файл «%s» уже есть: коды не выданы, чтобы не затереть прежние письма. Укажите другой --out или уберите файл.", ca.out),
			fmt.Sprintf("%s already exists: no codes were issued over it. Pass another --out or move the file.", ca.out))
	}
	if err != nil {
		return sentence(err, fmt.Sprintf("Файл кодов «%s» не создать: %v.", ca.out, err),
			fmt.Sprintf("Cannot create the codes file %s: %v.", ca.out, err))
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
