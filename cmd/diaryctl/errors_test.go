package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/testenv"
)

// assertSentence checks that err reads as diaryctl's sentences: each of want
// in it, none of the raw chain's marks.
func assertSentence(t *testing.T, err error, want ...string) {
	t.Helper()
	if err == nil {
		t.Fatal("err = nil, want an error")
	}
	msg := err.Error()
	for _, w := range want {
		if !strings.Contains(msg, w) {
			t.Errorf("error lacks %q:\n%s", w, msg)
		}
	}
	for _, raw := range []string{"not_found", "apply:", "import:", "conflict:"} {
		if strings.Contains(msg, raw) {
			t.Errorf("error shows the raw chain (%q):\n%s", raw, msg)
		}
	}
}

// TestMissingSchoolNamesTheStore wants a missing school to say which SQLite
// file was searched, which schools it has and how to choose another store.
func TestMissingSchoolNamesTheStore(t *testing.T) {
	dsn, path := tempDB(t)
	importTiny(t, dsn)
	students := writeFiles(t, t.TempDir(), studentsCSV)[0]
	tests := []struct {
		name string
		args []string
	}{
		{"import without --name", []string{"import", "--school", "1234", "--as-of", "2026-09-01", students}},
		{"token create", []string{"token", "create", "--school", "1234"}},
		{"codes", []string{"codes", "--school", "1234", "--class", "5А", "--bot", "b", "--out", filepath.Join(t.TempDir(), "c.pdf")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := ctl(t, dsn, tt.args...)
			assertSentence(t, err, "Школы с кодом «1234» нет в базе SQLite «"+path+"»", "Коды школ в ней: tiny.",
				"DATABASE_URL", "sqlite:./data/sandbox.db", "No school with code")
			if !errors.Is(err, diary.ErrNotFound) {
				t.Errorf("the chain lost diary.ErrNotFound: %v", err)
			}
		})
	}
}

// TestMissingSchoolOnPostgresMasksPassword names PostgreSQL's host and
// database, never the password.
func TestMissingSchoolOnPostgresMasksPassword(t *testing.T) {
	u, err := url.Parse(testenv.PostgresURL(t))
	if err != nil {
		t.Fatal(err)
	}
	u.User = url.UserPassword(u.User.Username(), "s3cret")
	mustCtl(t, u.String(), "migrate")
	_, _, err = ctl(t, u.String(), "token", "create", "--school", "1234")
	db := strings.TrimPrefix(u.Path, "/")
	assertSentence(t, err, "Школы с кодом «1234» нет в базе PostgreSQL «"+db+"» на "+u.Host, ":***@", "В ней нет ни одной школы.")
	if strings.Contains(err.Error(), "s3cret") {
		t.Errorf("the password is shown:\n%v", err)
	}
}

// TestReadOnlyCommandsCreateNoStore runs the commands that need an existing
// store against a missing SQLite file: each says so and leaves no file.
func TestReadOnlyCommandsCreateNoStore(t *testing.T) {
	students := writeFiles(t, t.TempDir(), studentsCSV)[0]
	tests := []struct {
		name string
		args []string
	}{
		{"codes", []string{"codes", "--school", "tiny", "--class", "5А", "--bot", "b", "--out", filepath.Join(t.TempDir(), "c.pdf")}},
		{"token revoke", []string{"token", "revoke", "3"}},
		{"token create", []string{"token", "create", "--school", "tiny"}},
		{"backup", []string{"backup", "--out", filepath.Join(t.TempDir(), "b.db")}},
		{"import without --name", []string{"import", "--school", "tiny", students}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "data")
			path := filepath.Join(dir, "diary.db")
			_, _, err := ctl(t, "sqlite:"+path, tt.args...)
			assertSentence(t, err, "Базы нет: файла «"+path+"» не существует", "sqlite:./data/sandbox.db", "does not exist")
			if _, serr := os.Stat(dir); !errors.Is(serr, fs.ErrNotExist) {
				t.Errorf("%s left %s behind (stat: %v)", tt.name, dir, serr)
			}
		})
	}
}

// TestTokenRevokeUnknownNamesTheStore says which store lacks the token.
func TestTokenRevokeUnknownNamesTheStore(t *testing.T) {
	dsn, path := tempDB(t)
	mustCtl(t, dsn, "migrate")
	_, _, err := ctl(t, dsn, "token", "revoke", "999")
	assertSentence(t, err, "Токена 999 нет в базе SQLite «"+path+"»", "Token 999 not found")
}

// TestExplainMapsErrorCodes maps each diary error code, wrapped as the
// stores wrap them, to a Russian sentence, keeping the chain.
func TestExplainMapsErrorCodes(t *testing.T) {
	a := &app{}
	a.cfg.DatabaseURL = "sqlite:/srv/diary.db"
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"not found", fmt.Errorf("apply: apply: school %q: %w", "1234", diary.ErrNotFound), "Нужной записи нет в базе SQLite «/srv/diary.db» (school \"1234\")."},
		{"conflict", fmt.Errorf("token create: %w", diary.ErrConflict), "Такая запись уже есть в базе SQLite «/srv/diary.db»"},
		{"invalid", fmt.Errorf("x: %w", diary.Errorf(diary.EInvalid, "link code: kind")), "Данные отклонены проверкой, ничего не записано (link code: kind)"},
		{"canceled", fmt.Errorf("import: %w", context.Canceled), "Команда прервана."},
		{"permission", fmt.Errorf("open sqlite: %w", fs.ErrPermission), "Нет доступа к файлу"},
		{"internal", errors.New("boom"), "Команда не выполнена из-за сбоя (boom)"},
		{"explained stays as it is, without prefixes", fmt.Errorf("codes: %w", sentence(nil, "Так.", "So.")), "Так.\nSo."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := a.explain(tt.err)
			assertSentence(t, got, tt.want)
			if tt.err != nil && !errors.Is(got, errors.Unwrap(tt.err)) && !errors.Is(got, tt.err) {
				t.Errorf("explain(%v) lost the chain", tt.err)
			}
		})
	}
}

// TestOpenFailedSaysWhy names the PostgreSQL server that does not answer,
// with the password masked.
func TestOpenFailedSaysWhy(t *testing.T) {
	_, _, err := ctl(t, "postgres://diary:s3cret@127.0.0.1:1/diary?sslmode=disable", "token", "revoke", "3")
	assertSentence(t, err, "Не удалось открыть базу PostgreSQL «diary» на 127.0.0.1:1", "сервер не отвечает", "diary:***@")
	if strings.Contains(err.Error(), "s3cret") || strings.Contains(err.Error(), "dial tcp") {
		t.Errorf("the password or the raw chain is shown:\n%v", err)
	}
}
