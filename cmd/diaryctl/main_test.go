package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/httpapi"
	"github.com/schooldiary/diary/internal/store"
)

// ctl runs diaryctl with DATABASE_URL=dsn and returns its output.
func ctl(t *testing.T, dsn string, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var out, errb bytes.Buffer
	env := map[string]string{"DATABASE_URL": dsn}
	err = run(context.Background(), args, func(k string) string { return env[k] }, &out, &errb)
	return out.String(), errb.String(), err
}

// mustCtl runs diaryctl and fails the test on an error.
func mustCtl(t *testing.T, dsn string, args ...string) string {
	t.Helper()
	out, errOut, err := ctl(t, dsn, args...)
	if err != nil {
		t.Fatalf("diaryctl %v: %v\nstdout: %s\nstderr: %s", args, err, out, errOut)
	}
	return out
}

// tempDB returns the DATABASE_URL of a new SQLite file and its path.
func tempDB(t *testing.T) (dsn, path string) {
	t.Helper()
	path = filepath.Join(t.TempDir(), "diary.db")
	return "sqlite:" + path, path
}

// writeFiles writes name → content into dir and returns the paths in order.
func writeFiles(t *testing.T, dir string, files ...[2]string) []string {
	t.Helper()
	var paths []string
	for _, f := range files {
		p := filepath.Join(dir, f[0])
		if err := os.WriteFile(p, []byte(f[1]), 0o600); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	return paths
}

// A tiny school: one class, two students.
var (
	classesCSV  = [2]string{"classes.csv", "Код класса;Класс;Параллель\n5А;5А;5\n"}
	studentsCSV = [2]string{"students.csv", "Код ученика;Фамилия;Имя;Класс\nS1;Иванов;Иван;5А\nS2;Петрова;Мария;5А\n"}
	moreCSV     = [2]string{"students.csv", "Код ученика;Фамилия;Имя;Класс\nS1;Иванов;Иван;5А\nS2;Петрова;Мария;5А\nS3;Сидоров;Пётр;5А\n"}
	brokenCSV   = [2]string{"students.csv", "Код ученика;Фамилия;Имя;Класс;Дата рождения\nS1;Иванов;Иван;5А;32.13.2015\nS2;;Мария;5А;\n"}
)

// importTiny imports the tiny school into dsn.
func importTiny(t *testing.T, dsn string, files ...[2]string) string {
	t.Helper()
	if len(files) == 0 {
		files = [][2]string{classesCSV, studentsCSV}
	}
	paths := writeFiles(t, t.TempDir(), files...)
	args := append([]string{"import", "--school", "tiny", "--name", "Малая школа", "--as-of", "2026-09-01"}, paths...)
	return mustCtl(t, dsn, args...)
}

// openDB opens the store of dsn for checks.
func openDB(t *testing.T, dsn string) store.DB {
	t.Helper()
	db, err := store.Open(context.Background(), dsn, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// studentCount counts the enrolled students of the tiny school's 5А.
func studentCount(t *testing.T, dsn string) int {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, dsn, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close() // closed at once: restore refuses an open database
	s, err := db.SchoolByCode(ctx, "tiny")
	if err != nil {
		t.Fatalf("school: %v", err)
	}
	c, err := db.ClassByName(ctx, s.ID, "5А")
	if err != nil {
		t.Fatalf("class: %v", err)
	}
	st, err := db.StudentsOfClass(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	return len(st)
}

func TestMigrate(t *testing.T) {
	dsn, _ := tempDB(t)
	out := mustCtl(t, dsn, "migrate")
	m := regexp.MustCompile(`schema version (\d+) of (\d+)`).FindStringSubmatch(out)
	if m == nil || m[1] != m[2] || m[1] == "0" {
		t.Errorf("migrate printed %q, want every migration applied", out)
	}
	if again := mustCtl(t, dsn, "migrate"); again != out {
		t.Errorf("second migrate printed %q, want %q", again, out)
	}
}

func TestImportAndReimport(t *testing.T) {
	dsn, _ := tempDB(t)
	first := importTiny(t, dsn)
	if !strings.Contains(first, "добавлено 2") {
		t.Errorf("first import report lacks the two students:\n%s", first)
	}
	again := importTiny(t, dsn)
	if strings.Contains(again, "добавлено 1") || strings.Contains(again, "добавлено 2") || !strings.Contains(again, "без изменений 2") {
		t.Errorf("re-import changed something:\n%s", again)
	}
	importTiny(t, dsn, classesCSV, moreCSV)
	if got, want := studentCount(t, dsn), 3; got != want {
		t.Errorf("students = %d, want %d", got, want)
	}
}

func TestImportDryRun(t *testing.T) {
	dsn, _ := tempDB(t)
	importTiny(t, dsn)
	paths := writeFiles(t, t.TempDir(), classesCSV, moreCSV)
	out := mustCtl(t, dsn, append([]string{"import", "--dry-run", "--school", "tiny", "--as-of", "2026-09-01"}, paths...)...)
	if !strings.Contains(out, "Пробный запуск") || !strings.Contains(out, "будет добавлено 1") {
		t.Errorf("dry run report:\n%s", out)
	}
	if got, want := studentCount(t, dsn), 2; got != want {
		t.Errorf("students after a dry run = %d, want %d", got, want)
	}
}

func TestImportBrokenAppliesNothing(t *testing.T) {
	dsn, _ := tempDB(t)
	paths := writeFiles(t, t.TempDir(), classesCSV, brokenCSV)
	out, errOut, err := ctl(t, dsn, append([]string{"import", "--school", "tiny", "--name", "Малая школа", "--as-of", "2026-09-01"}, paths...)...)
	if err == nil || !strings.Contains(err.Error(), "ничего не записано") {
		t.Fatalf("import of a broken file = %v, want a refusal\n%s", err, out)
	}
	for _, want := range []string{"students.csv:2:5: birth_date", "students.csv:3:2: last_name"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	_, _, err = ctl(t, dsn, "token", "create", "--school", "tiny")
	if err == nil || !strings.Contains(err.Error(), "Школы с кодом «tiny» нет") {
		t.Errorf("the school exists after a refused import: %v", err)
	}
}

func TestDemoSmall(t *testing.T) {
	dsn, _ := tempDB(t)
	out := mustCtl(t, dsn, "demo", "--students", "40", "--until", "2026-09-20", "--seed", "7")
	m := regexp.MustCompile(`учеников / students\s+(\d+)`).FindStringSubmatch(out)
	if m == nil || m[1] == "0" {
		t.Fatalf("demo summary lacks students:\n%s", out)
	}
	db := openDB(t, dsn)
	if _, err := db.SchoolByCode(context.Background(), "demo-1"); err != nil {
		t.Errorf("demo-1 not created: %v", err)
	}
}

func TestTokenCreateAndRevoke(t *testing.T) {
	dsn, _ := tempDB(t)
	importTiny(t, dsn)
	out := mustCtl(t, dsn, "token", "create", "--school", "tiny", "--name", "журнал")
	m := regexp.MustCompile(`(?s)Token (\d+) created.*\n([A-Za-z0-9_-]{43})\n$`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("token create printed:\n%s", out)
	}
	id, _ := strconv.ParseInt(m[1], 10, 64)
	db := openDB(t, dsn)
	ctx := context.Background()
	tok, err := db.TokenByHash(ctx, httpapi.HashToken(m[2]))
	if err != nil || tok.ID != id || tok.Name != "журнал" {
		t.Fatalf("stored token = %+v, %v; want id %d named журнал", tok, err, id)
	}
	mustCtl(t, dsn, "token", "revoke", m[1])
	if _, err := db.TokenByHash(ctx, httpapi.HashToken(m[2])); !errors.Is(err, diary.ErrNotFound) {
		t.Errorf("revoked token still live: %v", err)
	}
	if _, _, err := ctl(t, dsn, "token", "revoke", "999"); err == nil || !strings.Contains(err.Error(), "not found") {
		t.Errorf("revoking an unknown token = %v, want not found", err)
	}
}

func TestBackupRestoreRoundTrip(t *testing.T) {
	dsn, path := tempDB(t)
	importTiny(t, dsn)
	backup := filepath.Join(t.TempDir(), "backup.db")
	if out := mustCtl(t, dsn, "backup", "--out", backup); !strings.Contains(out, backup) {
		t.Errorf("backup printed %q", out)
	}
	importTiny(t, dsn, classesCSV, moreCSV)
	if got := studentCount(t, dsn); got != 3 {
		t.Fatalf("students before restore = %d, want 3", got)
	}
	out := mustCtl(t, dsn, "restore", "--from", backup)
	assertMode(t, path, 0o600)
	if got := studentCount(t, dsn); got != 2 {
		t.Errorf("students after restore = %d, want the backup's 2", got)
	}
	kept := regexp.MustCompile(`Previous database kept: (\S+)`).FindStringSubmatch(out)
	if kept == nil || !strings.HasPrefix(kept[1], path+".before-restore-") {
		t.Fatalf("restore did not keep the previous database:\n%s", out)
	}
	if got := studentCount(t, "sqlite:"+kept[1]); got != 3 {
		t.Errorf("kept database has %d students, want 3", got)
	}
}

func TestRestoreRefuses(t *testing.T) {
	dir := t.TempDir()
	garbage := writeFiles(t, dir, [2]string{"garbage.db", "this is not a database"})[0]
	unmigrated := filepath.Join(dir, "empty.db")
	db, err := store.Open(context.Background(), "sqlite:"+unmigrated, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	tests := []struct{ name, from, want string }{
		{"not a database", garbage, "непригодна"},
		{"not migrated", unmigrated, "не применено ни одной миграции"},
		{"missing file", filepath.Join(dir, "none.db"), "Копию «" + filepath.Join(dir, "none.db") + "» не открыть"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dsn, _ := tempDB(t)
			importTiny(t, dsn)
			_, _, err := ctl(t, dsn, "restore", "--from", tt.from)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("restore = %v, want an error with %q", err, tt.want)
			}
			if got := studentCount(t, dsn); got != 2 {
				t.Errorf("students after a refused restore = %d, want 2", got)
			}
		})
	}
}

func TestRestoreRefusesOpenDatabase(t *testing.T) {
	dsn, _ := tempDB(t)
	importTiny(t, dsn)
	backup := filepath.Join(t.TempDir(), "backup.db")
	mustCtl(t, dsn, "backup", "--out", backup)
	open := openDB(t, dsn) // as a running bot would
	if _, err := open.Schools(context.Background()); err != nil {
		t.Fatal(err)
	}
	_, _, err := ctl(t, dsn, "restore", "--from", backup)
	if err == nil || !strings.Contains(err.Error(), "открыта (рядом есть файл -wal или -shm)") {
		t.Errorf("restore over an open database = %v, want a refusal", err)
	}
}

func TestPostgresBackupPrintsPgDump(t *testing.T) {
	dsn := "postgres://diary:s3cret@127.0.0.1:5432/diary"
	out, _, err := ctl(t, dsn, "backup", "--out", "diary.dump")
	if !errors.Is(err, errUsePgTools) {
		t.Errorf("backup on PostgreSQL = %v, want errUsePgTools", err)
	}
	if !strings.Contains(out, `pg_dump --format=custom --file=diary.dump "$DATABASE_URL"`) {
		t.Errorf("no pg_dump command in:\n%s", out)
	}
	if strings.Contains(out, "s3cret") {
		t.Errorf("the password is printed:\n%s", out)
	}
}

func TestUsage(t *testing.T) {
	dsn, _ := tempDB(t)
	tests := []struct {
		name string
		args []string
		want error
	}{
		{"no command", nil, errUsage},
		{"help", []string{"-h"}, flag.ErrHelp},
		{"unknown command", []string{"frobnicate"}, errUsage},
		{"import without school", []string{"import", "a.csv"}, errUsage},
		{"import without files", []string{"import", "--school", "x"}, errUsage},
		{"token without action", []string{"token"}, errUsage},
		{"revoke without id", []string{"token", "revoke"}, errUsage},
		{"backup without out", []string{"backup"}, errUsage},
		{"command help", []string{"import", "-h"}, flag.ErrHelp},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errOut, err := ctl(t, dsn, tt.args...)
			if !errors.Is(err, tt.want) {
				t.Errorf("diaryctl %v = %v, want %v", tt.args, err, tt.want)
			}
			if ru, en := strings.Index(errOut, "Использование"), strings.Index(errOut, "Usage"); ru < 0 || en < ru {
				t.Errorf("help is not Russian first, then English:\n%s", errOut)
			}
		})
	}
}

func TestImportRosterFlag(t *testing.T) {
	roster := func(ids ...string) [2]string {
		text := "Код ученика;Фамилия;Имя;Класс\n"
		for _, id := range ids {
			text += id + ";Ученик;" + id + ";5А\n"
		}
		return [2]string{"students.csv", text}
	}
	five := roster("S1", "S2", "S3", "S4", "S5")
	tests := []struct {
		name    string
		file    [2]string
		flag    []string
		wantErr string // "" for success
		want    int    // enrolled students of 5А afterwards
	}{
		{"default, 1 of 5 left (20%)", roster("S1", "S2", "S3", "S4"), nil, "", 4},
		{"default, 4 of 5 left: refused", roster("S1"), nil, "Импорт отклонён: список учеников отметил бы выбывшими 4 из 5", 5},
		{"dry run, 4 of 5 left: refused", roster("S1"), []string{"--dry-run"}, "--roster=false", 5},
		{"roster off", roster("S1"), []string{"--roster=false"}, "", 5},
		{"roster on explicitly", roster("S1"), []string{"--roster"}, "", 1},
		{"roster=true explicitly", roster("S1"), []string{"--roster=true"}, "", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dsn, _ := tempDB(t)
			importTiny(t, dsn, classesCSV, five)
			paths := writeFiles(t, t.TempDir(), tt.file)
			args := append([]string{"import", "--school", "tiny", "--as-of", "2026-09-15"}, tt.flag...)
			_, _, err := ctl(t, dsn, append(args, paths...)...)
			switch {
			case tt.wantErr == "" && err != nil:
				t.Errorf("import = %v, want success", err)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Errorf("import = %v, want an error with %q", err, tt.wantErr)
			}
			if got := studentCount(t, dsn); got != tt.want {
				t.Errorf("enrolled students = %d, want %d", got, tt.want)
			}
		})
	}
}

func TestImportHelpTellsRosterFalse(t *testing.T) {
	dsn, _ := tempDB(t)
	_, errOut, _ := ctl(t, dsn, "import", "-h")
	ru, en := strings.Index(errOut, "--roster=false"), strings.Index(errOut, "Usage")
	if ru < 0 || en < 0 || ru > en || !strings.Contains(errOut[en:], "--roster=false") {
		t.Errorf("import help does not explain --roster=false in Russian, then English:\n%s", errOut)
	}
}

func TestRestoreForceKeepsWAL(t *testing.T) {
	dsn, _ := tempDB(t)
	importTiny(t, dsn)
	backup := filepath.Join(t.TempDir(), "backup.db")
	mustCtl(t, dsn, "backup", "--out", backup)
	crashed := crashCopy(t, dsn) // 3 students, the third only in its -wal
	out := mustCtl(t, "sqlite:"+crashed, "restore", "--from", backup, "--force")
	if got := studentCount(t, "sqlite:"+crashed); got != 2 {
		t.Errorf("students after restore = %d, want the backup's 2", got)
	}
	kept := regexp.MustCompile(`Previous database kept: (\S+)`).FindStringSubmatch(out)
	if kept == nil {
		t.Fatalf("restore did not keep the previous database:\n%s", out)
	}
	if _, err := os.Stat(kept[1] + "-wal"); err != nil {
		t.Errorf("the kept database's -wal: %v", err)
	}
	if got := studentCount(t, "sqlite:"+kept[1]); got != 3 {
		t.Errorf("kept database has %d students, want 3 (with its -wal)", got)
	}
}

// crashCopy adds a third student to dsn's tiny school while the store is open
// and copies the database with its -wal and -shm files, as a crash leaves them.
func crashCopy(t *testing.T, dsn string) string {
	t.Helper()
	db := openDB(t, dsn)
	b := &diary.Batch{School: diary.School{Code: "tiny"}, Students: []diary.StudentIn{{
		Student:  diary.Student{ExtID: "S3", Name: diary.Name{Last: "Сидоров", First: "Пётр"}},
		ClassRef: "5А",
	}}}
	if _, err := db.Apply(context.Background(), b, diary.ApplyOptions{}); err != nil {
		t.Fatal(err)
	}
	src := strings.TrimPrefix(dsn, "sqlite:")
	dst := filepath.Join(t.TempDir(), "diary.db")
	for _, suffix := range []string{"", "-wal", "-shm"} {
		data, err := os.ReadFile(src + suffix)
		if err != nil {
			t.Fatal(err)
		}
		if suffix == "-wal" && len(data) == 0 {
			t.Fatal("the write is not in the -wal; the test needs it there")
		}
		if err := os.WriteFile(dst+suffix, data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

// demo --chats links every guardian to a synthetic chat with the bot's
// consent version; a second run adds nothing.
func TestDemoChats(t *testing.T) {
	dsn, _ := tempDB(t)
	out := mustCtl(t, dsn, "demo", "--students", "30", "--until", "2026-09-20", "--chats")
	re := regexp.MustCompile(`synthetic chats: (\d+), подключения / links: (\d+), согласия / consents: (\d+)`)
	m := re.FindStringSubmatch(out)
	if m == nil || m[1] == "0" || m[2] == "0" || m[2] != m[3] {
		t.Fatalf("demo --chats printed:\n%s", out)
	}
	db := openDB(t, dsn)
	ctx := context.Background()
	links, err := db.ActiveLinks(ctx, SyntheticChatBase+1)
	if err != nil || len(links) == 0 {
		t.Fatalf("links of the first synthetic chat: %v, %v", links, err)
	}
	c, err := db.ActiveConsent(ctx, SyntheticChatBase+1, links[0].StudentID)
	if err != nil || c.Version != "2026-1" {
		t.Errorf("consent of the first synthetic chat = %+v, %v; want version 2026-1", c, err)
	}
	again := re.FindStringSubmatch(mustCtl(t, dsn, "demo", "--students", "30", "--until", "2026-09-20", "--chats"))
	if again == nil || again[1] != "0" || again[2] != "0" || again[3] != "0" {
		t.Errorf("second demo --chats added %v; want nothing", again)
	}
}
