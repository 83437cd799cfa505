package main

import (
	"context"
	"fmt"
)

const migrateHelp = `Использование: diaryctl migrate

Применяет недостающие миграции к базе из DATABASE_URL. Безопасно при
одновременном запуске нескольких процессов.

Usage: diaryctl migrate

Applies the pending migrations to the store DATABASE_URL names. Safe when
several processes start at once.
`

// cmdMigrate applies the store's migrations and prints the version.
func cmdMigrate(ctx context.Context, a *app, args []string) error {
	fs := newFlags("migrate", migrateHelp, a.stderr)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if err := wantArgs(fs, pos, 0, 0); err != nil {
		return err
	}
	db, err := a.openOrCreate(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	applied, latest, err := db.Version(ctx)
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	fmt.Fprintf(a.stdout, "Миграции применены: версия схемы %d из %d / Migrations applied: schema version %d of %d\n", applied, latest, applied, latest)
	return nil
}
