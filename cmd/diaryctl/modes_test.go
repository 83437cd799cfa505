package main

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// assertMode checks the permission bits of path.
func assertMode(t *testing.T, path string, want os.FileMode) {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := st.Mode().Perm(); got != want {
		t.Errorf("%s mode %v, want %v (children's data: the owner only)", path, got, want)
	}
}

// TestCreatedFilesAreOwnerOnly checks the modes of a store diaryctl creates
// (with its new directories, -wal and -shm while open) and of a backup.
func TestCreatedFilesAreOwnerOnly(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new", "data")
	path := filepath.Join(dir, "diary.db")
	dsn := "sqlite:" + path
	importTiny(t, dsn)
	assertMode(t, dir, 0o700)
	assertMode(t, filepath.Dir(dir), 0o700)
	assertMode(t, path, 0o600)
	db := openDB(t, dsn) // -wal and -shm exist while a process has it open
	if _, err := db.Schools(context.Background()); err != nil {
		t.Fatal(err)
	}
	assertMode(t, path+"-wal", 0o600)
	assertMode(t, path+"-shm", 0o600)
	backupDir := filepath.Join(t.TempDir(), "backups", "2026")
	backup := filepath.Join(backupDir, "diary.db")
	mustCtl(t, dsn, "backup", "--out", backup)
	assertMode(t, backup, 0o600)
	assertMode(t, backupDir, 0o700)
	if left, _ := filepath.Glob(filepath.Join(backupDir, ".backup-*")); len(left) > 0 {
		t.Errorf("backup left its temporary directory: %v", left)
	}
	if _, _, err := ctl(t, dsn, "backup", "--out", backup); err == nil {
		t.Error("backup over an existing file: want an error")
	}
}

// TestMigrateCreatesOwnerOnly covers the other creating commands' path.
func TestMigrateCreatesOwnerOnly(t *testing.T) {
	for _, args := range [][]string{{"migrate"}, {"demo", "--students", "10", "--until", "2026-09-10"}} {
		t.Run(args[0], func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "d", "diary.db")
			mustCtl(t, "sqlite:"+path, args...)
			assertMode(t, path, 0o600)
			assertMode(t, filepath.Dir(path), 0o700)
		})
	}
}
