package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/importer"
	"github.com/schooldiary/diary/internal/store"
)

const importHelp = `Использование: diaryctl import --school КОД [--name НАЗВАНИЕ] [--as-of ГГГГ-ММ-ДД] [--dry-run] [--roster=true|false] ФАЙЛ…

Загружает выгрузку журнала: CSV (UTF-8 или Windows-1251, «;» или «,») и XLSX.
Вид файла определяется по имени и заголовкам, или явно: grades=оценки.csv.
Все файлы применяются одной транзакцией; при любой ошибке не меняется ничего,
а каждая ошибка выводится как файл:строка:столбец. Повторный импорт тех же
файлов ничего не меняет. Форматы — docs/import.md.

ВНИМАНИЕ: файл учеников по умолчанию считается ПОЛНЫМ списком школы — все
обучающиеся, которых в нём нет, отмечаются выбывшими, и их семьи теряют доступ.
Чтобы добавить или изменить лишь часть учеников, укажите --roster=false.
Если без явного --roster выбывшими оказались бы больше 20% учеников, импорт
отказывается: это почти всегда неполный файл. Полный список — --roster.

  --school КОД     код школы (обязателен)
  --name НАЗВАНИЕ  создать школу или обновить её название
  --as-of ДАТА     дата, на которую верны данные (по умолчанию сегодня в поясе школы)
  --dry-run        показать, что изменится, ничего не записывая
  --roster         список учеников полный: не указанные в нём отмечаются выбывшими
                   (по умолчанию — когда импортируется файл учеников)
  --roster=false   файл учеников — лишь часть: никто не отмечается выбывшим

Usage: diaryctl import --school CODE [--name NAME] [--as-of YYYY-MM-DD] [--dry-run] [--roster=true|false] FILE…

Loads a journal export: CSV (UTF-8 or Windows-1251, ";" or ",") and XLSX. A
file's kind comes from its name and headers, or is given: grades=marks.csv.
All files apply in one transaction; with any problem nothing changes and each
problem is printed as file:line:column. Re-importing the same files changes
nothing. Formats: docs/import.md.

WARNING: by default a students file is the school's COMPLETE list: every
enrolled student missing from it is marked left and their family loses access.
To add or change only some students, pass --roster=false. Without an explicit
--roster, an import that would mark more than 20% of the students left is
refused: that is almost always a partial file. A complete list: --roster.

  --school CODE    the school's code (required)
  --name NAME      create the school or update its name
  --as-of DATE     the date the data is true on (default: today in the school's zone)
  --dry-run        show what would change, write nothing
  --roster         the students list is complete: those missing are marked left
                   (default: when a students file is imported)
  --roster=false   the students file is partial: no one is marked left
`

// maxLeftPercent is the share of enrolled students an import may mark left
// without an explicit --roster.
const maxLeftPercent = 20

// importArgs are the parsed import flags.
type importArgs struct {
	school, name string
	asOf         dateFlag
	dryRun       bool
	roster       *bool
	files        []string
}

func parseImport(a *app, args []string) (importArgs, error) {
	var ia importArgs
	var roster bool
	fs := newFlags("import", importHelp, a.stderr)
	fs.StringVar(&ia.school, "school", "", "")
	fs.StringVar(&ia.name, "name", "", "")
	fs.Var(&ia.asOf, "as-of", "")
	fs.BoolVar(&ia.dryRun, "dry-run", false, "")
	fs.BoolVar(&roster, "roster", false, "")
	pos, err := parse(fs, args)
	if err != nil {
		return ia, err
	}
	if ia.school == "" {
		fmt.Fprintln(a.stderr, "нужен --school / --school is required")
		fs.Usage()
		return ia, errUsage
	}
	if isSet(fs, "roster") {
		ia.roster = &roster
	}
	ia.files = pos
	return ia, wantArgs(fs, pos, 1, -1)
}

// cmdImport loads journal files into the store and prints what changed.
func cmdImport(ctx context.Context, a *app, args []string) error {
	ia, err := parseImport(a, args)
	if err != nil {
		return err
	}
	db, err := a.openImport(ctx, ia)
	if err != nil {
		return err
	}
	defer db.Close()
	opt := importer.Options{School: diary.School{Code: ia.school, Name: ia.name},
		AsOf: ia.asOf.d, DryRun: ia.dryRun, Roster: ia.roster}
	if opt.AsOf.IsZero() {
		opt.AsOf = today(schoolZone(ctx, db, ia.school))
	}
	if ia.roster == nil {
		opt.Check = rosterGuard(ctx, db, ia.school)
	}
	res, err := importer.Run(ctx, db, ia.files, opt)
	var verr *diary.ValidationError
	if errors.As(err, &verr) {
		return reportProblems(a, verr)
	}
	if err != nil {
		return err
	}
	if !ia.dryRun {
		if err := db.Optimize(ctx); err != nil {
			return err
		}
	}
	classes, _ := db.Classes(ctx, res.SchoolID) // only names the classes of students marked left
	importer.WriteReport(a.stdout, res, ia.dryRun, classes...)
	return nil
}

// openImport opens the store for an import: with --name it may create the
// store and the school; without, both must exist, and a missing one is
// explained before any file is read.
func (a *app) openImport(ctx context.Context, ia importArgs) (store.DB, error) {
	if ia.name != "" {
		return a.openOrCreate(ctx)
	}
	db, err := a.openExisting(ctx, true)
	if err != nil {
		return nil, err
	}
	if _, err := a.schoolByCode(ctx, db, ia.school); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// rosterGuard refuses a roster that would mark more than maxLeftPercent of
// the school's enrolled students left: most often a partial students file
// imported without --roster=false.
func rosterGuard(ctx context.Context, db store.DB, code string) func(diary.ApplyResult) error {
	return func(res diary.ApplyResult) error {
		left := len(res.MarkedLeft)
		if left == 0 {
			return nil
		}
		enrolled, err := enrolledCount(ctx, db, code)
		if err != nil {
			return err
		}
		if left*100 <= maxLeftPercent*enrolled {
			return nil
		}
		return sentence(nil, fmt.Sprintf("Импорт отклонён: список учеников отметил бы выбывшими %d из %d обучающихся (больше %d%%), "+
			"похоже, файл учеников неполный; ничего не записано. Чтобы загрузить лишь часть учеников, "+
			"повторите с --roster=false; если это полный список школы — с --roster (посмотреть, кто выбудет: --dry-run --roster).",
			left, enrolled, maxLeftPercent),
			fmt.Sprintf("Refused: the roster would mark %d of %d enrolled students left (over %d%%); nothing was applied. "+
				"Pass --roster=false for a partial students file, or --roster if the list is complete.",
				left, enrolled, maxLeftPercent))
	}
}

// enrolledCount counts the enrolled students of the school with code, 0 for
// a new school.
func enrolledCount(ctx context.Context, db store.DB, code string) (int, error) {
	s, err := db.SchoolByCode(ctx, code)
	if errors.Is(err, diary.ErrNotFound) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("import: %w", err)
	}
	classes, err := db.Classes(ctx, s.ID)
	if err != nil {
		return 0, fmt.Errorf("import: %w", err)
	}
	n := 0
	for _, c := range classes {
		st, err := db.StudentsOfClass(ctx, c.ID)
		if err != nil {
			return 0, fmt.Errorf("import: %w", err)
		}
		n += len(st)
	}
	return n, nil
}

// schoolZone returns the zone of the school with code, Moscow for a new one.
func schoolZone(ctx context.Context, db store.DB, code string) *time.Location {
	s, err := db.SchoolByCode(ctx, code)
	if err != nil {
		return moscow()
	}
	return s.Location()
}

// reportProblems prints every problem as file:line:column: … and fails.
func reportProblems(a *app, verr *diary.ValidationError) error {
	for _, it := range verr.Items {
		fmt.Fprintln(a.stderr, it.String())
	}
	return sentence(verr, fmt.Sprintf("Ошибок в файлах: %d (они выше); ничего не записано.", len(verr.Items)),
		fmt.Sprintf("%d problem(s) in the files (above); nothing was applied.", len(verr.Items)))
}
