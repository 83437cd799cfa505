package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

const backupHelp = `Использование: diaryctl backup --out ФАЙЛ

Встроенная база (SQLite): пишет согласованную копию в ФАЙЛ, не останавливая
сервис (VACUUM INTO); ФАЙЛ не должен существовать. PostgreSQL: печатает
команду pg_dump, которой делается копия.

Usage: diaryctl backup --out FILE

Embedded store (SQLite): writes a consistent copy to FILE while the service
keeps running (VACUUM INTO); FILE must not exist. PostgreSQL: prints the
pg_dump command to back it up with.
`

// errUsePgTools is the answer to backup and restore on PostgreSQL.
var errUsePgTools = sentence(nil, "Для PostgreSQL используйте pg_dump и pg_restore (команды выше).",
	"Use pg_dump and pg_restore for PostgreSQL (the commands above).")

// pgHelp tells how PostgreSQL is backed up and restored.
const pgHelp = `PostgreSQL сохраняется и восстанавливается штатными pg_dump и pg_restore.
PostgreSQL is backed up and restored with pg_dump and pg_restore.

  pg_dump --format=custom --file=%[1]s "$DATABASE_URL"
  pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" %[1]s

Восстанавливайте при остановленных боте и планировщике /
Restore with the bot and the scheduler stopped.
`

// backuper is a store that can copy itself to a file (the SQLite store).
type backuper interface {
	Backup(ctx context.Context, path string) error
}

// cmdBackup backs up the embedded store, or tells how to back up PostgreSQL.
func cmdBackup(ctx context.Context, a *app, args []string) error {
	var out string
	fs := newFlags("backup", backupHelp, a.stderr)
	fs.StringVar(&out, "out", "", "")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if out == "" || len(pos) > 0 {
		fs.Usage()
		return errUsage
	}
	if a.cfg.IsPostgres() {
		fmt.Fprintf(a.stdout, pgHelp, out)
		return errUsePgTools
	}
	return backupSQLite(ctx, a, out)
}

func backupSQLite(ctx context.Context, a *app, out string) error {
	db, err := a.openExisting(ctx, false)
	if err != nil {
		return err
	}
	defer db.Close()
	b, ok := db.(backuper)
	if !ok {
		return fmt.Errorf("backup: this store cannot back itself up")
	}
	if _, err := os.Stat(out); err == nil {
		return sentence(fs.ErrExist, fmt.Sprintf("Файл «%s» уже есть: копия не записана, чтобы не затереть его. Укажите другой --out.", out),
			fmt.Sprintf("%s already exists: no backup was written over it. Pass another --out.", out))
	}
	if err := privateBackup(ctx, b, out); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	st, err := os.Stat(out)
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	fmt.Fprintf(a.stdout, "Резервная копия записана / Backup written: %s (%d bytes)\n", out, st.Size())
	return nil
}

// privateBackup writes the copy readable by its owner only: into a private
// directory next to out (new directories of out's path are privateDir), made
// privateFile there, then linked to out, which must not exist.
func privateBackup(ctx context.Context, b backuper, out string) error {
	if err := os.MkdirAll(filepath.Dir(out), privateDir); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(filepath.Dir(out), ".backup-*") // created 0700
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	copyPath := filepath.Join(tmp, filepath.Base(out))
	if err := b.Backup(ctx, copyPath); err != nil {
		return err
	}
	if err := os.Chmod(copyPath, privateFile); err != nil {
		return err
	}
	// Link fails, rather than replaces, when out appeared meanwhile.
	if err := os.Link(copyPath, out); err == nil || errors.Is(err, fs.ErrExist) {
		return err
	}
	return os.Rename(copyPath, out) // a file system without hard links
}
