package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/schooldiary/diary/internal/redact"
	"github.com/schooldiary/diary/internal/store"
)

const restoreHelp = `Использование: diaryctl restore --from ФАЙЛ [--force]

Восстанавливает встроенную базу (SQLite) из копии, сделанной diaryctl backup.
Сначала остановите бот и планировщик. Копия проверяется: это должна быть база
дневника с применёнными миграциями, иначе ничего не меняется. Текущая база
сохраняется рядом как ИМЯ.before-restore-ДАТА (вместе с её файлами -wal и -shm).

  --from ФАЙЛ  резервная копия
  --force      восстановить, даже если база выглядит открытой (есть файлы -wal/-shm)

Для PostgreSQL печатает команду pg_restore.

Usage: diaryctl restore --from FILE [--force]

Restores the embedded store (SQLite) from a copy made by diaryctl backup. Stop
the bot and the scheduler first. The copy is checked: it must be a diary
database with its migrations applied, or nothing changes. The current database
is kept next to it as NAME.before-restore-DATE (with its -wal and -shm files).

  --from FILE  the backup
  --force      restore even if the database looks open (-wal/-shm files exist)

For PostgreSQL it prints the pg_restore command.
`

// cmdRestore puts a checked backup in place of the embedded store.
func cmdRestore(ctx context.Context, a *app, args []string) error {
	var from string
	var force bool
	fs := newFlags("restore", restoreHelp, a.stderr)
	fs.StringVar(&from, "from", "", "")
	fs.BoolVar(&force, "force", false, "")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if from == "" || len(pos) > 0 {
		fs.Usage()
		return errUsage
	}
	if a.cfg.IsPostgres() {
		fmt.Fprintf(a.stdout, pgHelp, from)
		return errUsePgTools
	}
	return restoreSQLite(ctx, a, from, sqlitePath(a.cfg.DatabaseURL), force)
}

// sqlitePath is the file of an embedded store's DATABASE_URL.
func sqlitePath(dsn string) string {
	if p := strings.TrimPrefix(dsn, "sqlite:"); p != "" {
		return p
	}
	return store.DefaultPath
}

func restoreSQLite(ctx context.Context, a *app, from, target string, force bool) error {
	if _, err := os.Stat(from); err != nil {
		return sentence(err, fmt.Sprintf("Копию «%s» не открыть (%v); ничего не изменено.", from, err),
			fmt.Sprintf("Cannot read the backup %s (%v); nothing changed.", from, err))
	}
	if inUse(target) && !force {
		return sentence(nil, fmt.Sprintf("База «%s» открыта (рядом есть файл -wal или -shm): остановите бот и планировщик; "+
			"если они точно остановлены (например, после сбоя), повторите с --force. Ничего не изменено.", target),
			fmt.Sprintf("%s looks open (a -wal or -shm file exists): stop the bot and the scheduler, or use --force if they are stopped. Nothing changed.", target))
	}
	tmp, err := copyNextTo(from, target)
	if err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	defer removeDB(tmp)
	applied, latest, err := checkBackup(ctx, tmp)
	if err != nil {
		return sentence(err, fmt.Sprintf("Копия «%s» непригодна: %s; ничего не изменено.", from, redact.Error(err)),
			fmt.Sprintf("%s is not a usable diary backup (%v); nothing changed.", from, err))
	}
	kept, err := putInPlace(tmp, target)
	if err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	a.printRestored(target, kept, applied, latest)
	return nil
}

func (a *app) printRestored(target, kept string, applied, latest int) {
	fmt.Fprintf(a.stdout, "База восстановлена / Database restored: %s (schema %d of %d)\n", target, applied, latest)
	if kept != "" {
		fmt.Fprintf(a.stdout, "Прежняя база сохранена / Previous database kept: %s\n", kept)
	}
	if applied < latest {
		fmt.Fprintln(a.stdout, "Недостающие миграции применятся при запуске / Pending migrations apply at start")
	}
}

// inUse reports whether SQLite's side files of path exist: a process has the
// database open (or crashed with it open).
func inUse(path string) bool {
	for _, suffix := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(path + suffix); err == nil {
			return true
		}
	}
	return false
}

// copyNextTo copies from into a temporary file in target's directory, so the
// final rename stays on one file system.
func copyNextTo(from, target string) (string, error) {
	dir := filepath.Dir(target)
	if err := os.MkdirAll(dir, privateDir); err != nil {
		return "", err
	}
	dst, err := os.CreateTemp(dir, filepath.Base(target)+".restore-*")
	if err != nil {
		return "", err
	}
	src, err := os.Open(from)
	if err == nil {
		_, err = io.Copy(dst, src)
		src.Close()
	}
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(dst.Name())
		return "", err
	}
	return dst.Name(), nil
}

// checkBackup opens a copy and checks it is a migrated diary database this
// program can run on.
func checkBackup(ctx context.Context, path string) (applied, latest int, err error) {
	db, err := store.Open(ctx, "sqlite:"+path, store.Options{})
	if err != nil {
		return 0, 0, err
	}
	defer db.Close()
	if applied, latest, err = db.Version(ctx); err != nil {
		return 0, 0, err
	}
	switch {
	case applied == 0:
		return 0, 0, errors.New("в ней не применено ни одной миграции, это не база дневника / no migrations applied")
	case applied > latest:
		return 0, 0, fmt.Errorf("её схема %d новее, чем знает эта программа (%d): обновите diaryctl / schema %d is newer than this program's %d",
			applied, latest, applied, latest)
	}
	if _, err := db.Schools(ctx); err != nil {
		return 0, 0, err
	}
	return applied, latest, nil
}

// putInPlace moves the current database aside (returned) together with its
// -wal and -shm files, which may hold its latest writes, and tmp into its place.
func putInPlace(tmp, target string) (kept string, err error) {
	if _, err := os.Stat(target); err == nil || inUse(target) {
		kept = target + ".before-restore-" + time.Now().UTC().Format("20060102T150405Z")
		if err := moveDB(target, kept); err != nil {
			return "", err
		}
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		os.Remove(tmp + suffix) // left by the check, which only read
	}
	return kept, os.Rename(tmp, target)
}

// moveDB renames a database file and its -wal and -shm files, those present.
func moveDB(from, to string) error {
	for _, suffix := range []string{"", "-wal", "-shm"} {
		err := os.Rename(from+suffix, to+suffix)
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
	}
	return nil
}

// removeDB removes a database file and its side files, if present.
func removeDB(path string) {
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		os.Remove(path + suffix)
	}
}
