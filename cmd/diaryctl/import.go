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

const importHelp = `Использование: diaryctl import --school КОД [--name НАЗВАНИЕ] [--as-of ГГГГ-ММ-ДД] [--dry-run] [--roster] ФАЙЛ…

Загружает выгрузку журнала: CSV (UTF-8 или Windows-1251, «;» или «,») и XLSX.
Вид файла определяется по имени и заголовкам, или явно: grades=оценки.csv.
Все файлы применяются одной транзакцией; при любой ошибке не меняется ничего,
а каждая ошибка выводится как файл:строка:столбец. Повторный импорт тех же
файлов ничего не меняет. Форматы — docs/import.md.

  --school КОД     код школы (обязателен)
  --name НАЗВАНИЕ  создать школу или обновить её название
  --as-of ДАТА     дата, на которую верны данные (по умолчанию сегодня в поясе школы)
  --dry-run        показать, что изменится, ничего не записывая
  --roster         список учеников полный: не указанные в нём отмечаются выбывшими
                   (по умолчанию — когда импортируется файл учеников)

Usage: diaryctl import --school CODE [--name NAME] [--as-of YYYY-MM-DD] [--dry-run] [--roster] FILE…

Loads a journal export: CSV (UTF-8 or Windows-1251, ";" or ",") and XLSX. A
file's kind comes from its name and headers, or is given: grades=marks.csv.
All files apply in one transaction; with any problem nothing changes and each
problem is printed as file:line:column. Re-importing the same files changes
nothing. Formats: docs/import.md.

  --school CODE    the school's code (required)
  --name NAME      create the school or update its name
  --as-of DATE     the date the data is true on (default: today in the school's zone)
  --dry-run        show what would change, write nothing
  --roster         the students list is complete: those missing are marked left
                   (default: when a students file is imported)
`

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
	db, err := a.open(ctx, true)
	if err != nil {
		return err
	}
	defer db.Close()
	opt := importer.Options{School: diary.School{Code: ia.school, Name: ia.name},
		AsOf: ia.asOf.d, DryRun: ia.dryRun, Roster: ia.roster}
	if opt.AsOf.IsZero() {
		opt.AsOf = today(schoolZone(ctx, db, ia.school))
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
	return fmt.Errorf("ошибок: %d; ничего не записано / %d problem(s); nothing was applied",
		len(verr.Items), len(verr.Items))
}
