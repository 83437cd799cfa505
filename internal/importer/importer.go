// Package importer reads what a journal exports — CSV in UTF-8 or
// Windows-1251 with «;» or «,», and XLSX workbooks — into a diary.Batch, and
// applies it through a diary.Writer in one transaction. Every problem of every
// file is reported as file:line:column with the reason in Russian; a run with
// any problem applies nothing. docs/import.md describes the files.
package importer

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/schooldiary/diary/internal/diary"
)

// Options tune an import.
type Options struct {
	// School is the school the files belong to; Code is required. When Name
	// is set the school is created or updated.
	School diary.School
	// AsOf is the date the files are true on (today in the school's zone); a
	// student the roster no longer lists is marked left on it. Required.
	AsOf diary.Date
	// DryRun computes what would change and writes nothing.
	DryRun bool
	// Roster says the students files list every enrolled student; nil means
	// true when a students file is imported.
	Roster *bool
	// Check, when set, sees the result of a dry run of a roster import (one
	// that marks missing students left) before anything is written; its
	// error stops the import. diaryctl uses it to refuse a roster that would
	// mark too many students left.
	Check func(diary.ApplyResult) error
}

// Load reads and checks the files of paths (each a path or «kind=path») into
// one batch. It reads every file before giving up: the error is a
// *diary.ValidationError with every problem located, or a plain error for bad
// options. Columns locates the problems the store finds later.
func Load(paths []string, opt Options) (*diary.Batch, *Columns, error) {
	b, cols, probs, err := load(paths, opt)
	if err != nil {
		return nil, nil, err
	}
	if err := probs.err(); err != nil {
		return nil, cols, err
	}
	return b, cols, nil
}

// load reads the files like Load but returns the batch of the well-formed
// rows together with the problems of the others.
func load(paths []string, opt Options) (*diary.Batch, *Columns, *problems, error) {
	if err := opt.check(); err != nil {
		return nil, nil, nil, err
	}
	probs := &problems{}
	cols := newColumns()
	bld := newBuilder(opt, probs, cols)
	for _, arg := range paths {
		for _, s := range readInput(parseArg(arg), probs) {
			bld.addSheet(s)
		}
	}
	if err := bld.finish(); err != nil {
		return nil, nil, nil, err
	}
	resolveRefs(bld.b, nil) // Run resolves again with the stored classes
	bld.validate()
	return bld.b, cols, probs, nil
}

// check validates the options; the error has code EInvalid.
func (o Options) check() error {
	switch {
	case strings.TrimSpace(o.School.Code) == "":
		return diary.Errorf(diary.EInvalid, "не указан код школы")
	case o.AsOf.IsZero():
		return diary.Errorf(diary.EInvalid, "не указана дата, на которую верны данные")
	}
	return nil
}

// Run loads the files and applies them through w in one transaction (or, with
// DryRun, computes the result and rolls back). A problem in the files or an
// unresolved reference gives a *diary.ValidationError, every item located as
// file:line:column, and nothing is written. Class references match by
// ClassKey the classes of the files and, when w can list them (a store
// does), the stored ones; lesson references may write the date as the files
// do. When the files have problems, the well-formed rows still go through a
// dry run, so one run reports the references the store cannot resolve along
// with the files' problems.
func Run(ctx context.Context, w diary.Writer, paths []string, opt Options) (diary.ApplyResult, error) {
	b, cols, probs, err := load(paths, opt)
	if err != nil {
		return diary.ApplyResult{}, err
	}
	stored, err := storedClasses(ctx, w, opt.School.Code)
	if err != nil {
		return diary.ApplyResult{}, err
	}
	resolveRefs(b, stored)
	if len(probs.items) > 0 {
		return diary.ApplyResult{}, storeProblems(ctx, w, b, cols, probs)
	}
	if opt.Check != nil && b.Roster {
		res, err := apply(ctx, w, b, cols, true)
		if err != nil {
			return res, err
		}
		if err := opt.Check(res); err != nil || opt.DryRun {
			return res, err
		}
	}
	return apply(ctx, w, b, cols, opt.DryRun)
}

// apply writes b (or dry-runs it), locating the store's problems.
func apply(ctx context.Context, w diary.Writer, b *diary.Batch, cols *Columns, dryRun bool) (diary.ApplyResult, error) {
	res, err := w.Apply(ctx, b, diary.ApplyOptions{DryRun: dryRun})
	if err != nil {
		var ve *diary.ValidationError
		if errors.As(err, &ve) {
			return res, cols.Locate(ve)
		}
		return res, fmt.Errorf("import: apply: %w", err)
	}
	return res, nil
}

// storeProblems dry-runs the well-formed rows of b and returns the files'
// problems with the store's, located and without repeats. A dry run that
// fails otherwise adds nothing: the files' problems are reason enough.
func storeProblems(ctx context.Context, w diary.Writer, b *diary.Batch, cols *Columns, probs *problems) error {
	if b.Len() > 0 {
		_, err := w.Apply(ctx, b, diary.ApplyOptions{DryRun: true})
		var ve *diary.ValidationError
		if errors.As(err, &ve) {
			probs.merge(cols.Locate(ve).(*diary.ValidationError).Items)
		}
	}
	return probs.err()
}

// sheet is a table with its kind resolved.
type sheet struct {
	*table
	spec *kindSpec
}

// readInput reads one argument into sheets of known kind, reporting what
// cannot be read or recognised.
func readInput(in input, probs *problems) []sheet {
	tables, err := readTables(in)
	if err != nil {
		fe := &fileError{1, err.Error(), 0}
		errors.As(err, &fe)
		probs.add(in.path, fe.line, "", fe.col-1, fe.msg)
		return nil
	}
	var out []sheet
	for _, st := range tables {
		if st.skipped {
			probs.add(st.name, st.headLine, "", -1, skippedSheet)
			continue
		}
		if s, ok := resolveKind(in, st, probs); ok {
			out = append(out, s)
		}
	}
	return out
}

// skippedSheet explains a sheet left out of a workbook.
const skippedSheet = "лист пропущен: по его названию не понять вид данных, а другие листы названы по виду — " +
	"назовите лист по виду данных (например, «Ученики» или «Оценки») или удалите его из книги; " +
	"чтобы прочитать только первый лист, укажите вид явно: students=книга.xlsx"

// readTables reads a CSV file or the sheets of a workbook.
func readTables(in input) ([]sheetTable, error) {
	switch strings.ToLower(filepath.Ext(in.path)) {
	case ".xlsx", ".xlsm":
		return readXLSX(in.path, in.path, in.kind != "")
	case ".xls":
		return nil, &fileError{1, "формат .xls не поддерживается: сохраните файл как .xlsx или CSV", 0}
	}
	t, err := readCSV(in.path, in.path)
	if err != nil {
		return nil, err
	}
	return []sheetTable{{table: t}}, nil
}

// resolveKind decides a table's kind: given, the sheet's name, the file's
// name, or the header's columns, in that order; a lessons file that has a
// weekday and no date is a weekly timetable (refineKind).
func resolveKind(in input, st sheetTable, probs *problems) (sheet, bool) {
	if st.header == nil {
		probs.add(st.name, 1, "", -1, "файл пуст: нет строки заголовка")
		return sheet{}, false
	}
	kind := refineKind(firstOf(in.kind, st.kind, kindByName(in.path), kindByHeader(st.header)), st.header)
	if kind == "" {
		probs.add(st.name, st.headLine, "", -1, "не удалось понять, что в файле: назовите его по виду данных "+
			"(например, students.csv или оценки.csv) или укажите вид явно: grades=файл.csv")
		return sheet{}, false
	}
	return sheet{st.table, specOf(kind)}, true
}

// firstOf returns the first non-empty string.
func firstOf(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}
