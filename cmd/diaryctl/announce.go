package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/schooldiary/diary/internal/announce"
	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/notify"
	"github.com/schooldiary/diary/internal/store"
)

const announceHelp = `Использование:
  diaryctl announce --school КОД [--class КЛАСС | --level 7 | --level 5-9] --text ТЕКСТ [--file ФАЙЛ]

Отправляет объявление семьям класса, параллели или ступени (--level 5-9) либо
всей школы (без --class и --level): каждому родителю, подключившему бот и
давшему согласие, — одно уведомление, сколько бы его детей ни было в классах
объявления. Уведомления ставятся в очередь доставки; доставит их бот или
планировщик (в тихие часы — утром). Печатает число получателей и число
учеников, чьи семьи бот не подключили. Файл — PDF, XLSX, PNG или JPEG не
больше 10 МБ; текст — не длиннее 3500 знаков.

Usage:
  diaryctl announce --school CODE [--class CLASS | --level 7 | --level 5-9] --text TEXT [--file FILE]

Sends an announcement to the families of a class, a level or levels, or the
whole school: one notice to each guardian who linked the bot with consent.
The notices are queued; the bot or the scheduler delivers them (after quiet
hours). Prints the recipients and the students whose families are not
linked. The file is a PDF, XLSX, PNG or JPEG of at most 10 MB; the text at
most 3500 characters.
`

// announceArgs are the parsed flags of diaryctl announce.
type announceArgs struct{ school, class, level, text, file string }

// announceDB is a store that keeps announcements and notices.
type announceDB interface {
	store.DB
	announce.Store
	notify.Store
}

// cmdAnnounce sends an announcement from the command line.
func cmdAnnounce(ctx context.Context, a *app, args []string) error {
	aa, err := parseAnnounce(a, args)
	if err != nil {
		return err
	}
	file, err := readAttachment(aa.file)
	if err != nil {
		return err
	}
	db, err := a.openExisting(ctx, true)
	if err != nil {
		return err
	}
	defer db.Close()
	d, err := a.announceDraft(ctx, db, aa, file)
	if err != nil {
		return err
	}
	return a.sendAnnouncement(ctx, db, d)
}

// parseAnnounce reads the flags; --school and --text are required, --class
// and --level exclude each other.
func parseAnnounce(a *app, args []string) (announceArgs, error) {
	var aa announceArgs
	fs := newFlags("announce", announceHelp, a.stderr)
	fs.StringVar(&aa.school, "school", "", "")
	fs.StringVar(&aa.class, "class", "", "")
	fs.StringVar(&aa.level, "level", "", "")
	fs.StringVar(&aa.text, "text", "", "")
	fs.StringVar(&aa.file, "file", "", "")
	pos, err := parse(fs, args)
	if err != nil {
		return aa, err
	}
	if aa.school == "" || (aa.class != "" && aa.level != "") {
		fmt.Fprintln(a.stderr, "нужен --school; --class и --level вместе не указываются / "+
			"--school is required; --class and --level exclude each other")
		return aa, errUsage
	}
	return aa, wantArgs(fs, pos, 0, 0)
}

// readAttachment reads --file and checks its kind; none when path is "".
func readAttachment(path string) (diary.NoticeFile, error) {
	if path == "" {
		return diary.NoticeFile{}, nil
	}
	name := filepath.Base(path)
	mime, ok := announce.FileMIME(name)
	if !ok {
		return diary.NoticeFile{}, sentence(nil, fmt.Sprintf("Файл «%s» нельзя приложить к объявлению: подходят PDF, XLSX, PNG и JPEG.", name),
			fmt.Sprintf("File %s cannot be attached: PDF, XLSX, PNG and JPEG can.", name))
	}
	data, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return diary.NoticeFile{}, sentence(err, fmt.Sprintf("Файла «%s» нет: проверьте путь.", path),
			fmt.Sprintf("There is no file %s: check the path.", path))
	case err != nil:
		return diary.NoticeFile{}, fmt.Errorf("announce: %w", err)
	}
	return diary.NoticeFile{Name: name, MIME: mime, Data: data}, nil
}

// announceDraft resolves the school and the scope of the flags.
func (a *app) announceDraft(ctx context.Context, db store.DB, aa announceArgs, file diary.NoticeFile) (announce.Draft, error) {
	school, err := a.schoolByCode(ctx, db, aa.school)
	if err != nil {
		return announce.Draft{}, err
	}
	d := announce.Draft{School: school, Text: aa.text, File: file}
	if aa.class != "" {
		cl, err := a.findClass(ctx, db, aa.school, aa.class)
		d.Scope.ClassID = cl.ID
		return d, err
	}
	if aa.level != "" {
		d.Scope, err = levelScope(aa.level)
	}
	return d, err
}

// levelScope reads --level: one grade («7») or a range («5-9», «5–9»).
func levelScope(s string) (diary.AnnounceScope, error) {
	from, to, isRange := strings.Cut(strings.ReplaceAll(strings.TrimSpace(s), "–", "-"), "-")
	if !isRange {
		to = from
	}
	f, errF := strconv.Atoi(strings.TrimSpace(from))
	t, errT := strconv.Atoi(strings.TrimSpace(to))
	if errF != nil || errT != nil || f < 1 || t > 11 || f > t {
		return diary.AnnounceScope{}, sentence(errUsage, fmt.Sprintf("--level «%s» не понят: укажите параллель (7) или ступень (5-9), от 1 до 11.", s),
			fmt.Sprintf("--level %q is not understood: give a grade (7) or a range (5-9), from 1 to 11.", s))
	}
	return diary.AnnounceScope{From: f, To: t}, nil
}
