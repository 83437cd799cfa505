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

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/redact"
	"github.com/schooldiary/diary/internal/store"
)

// Modes of what diaryctl creates: the store holds children's data, so only its
// owner may read it. SQLite gives the -wal and -shm files the database's mode.
const (
	privateFile os.FileMode = 0o600
	privateDir  os.FileMode = 0o700
)

// chooseStore tells how to pick another store.
const (
	chooseStoreRu = "Другую базу выбирает переменная DATABASE_URL: DATABASE_URL=sqlite:ФАЙЛ — встроенная " +
		"(база песочницы — DATABASE_URL=sqlite:./data/sandbox.db), DATABASE_URL=postgres://пользователь:пароль@сервер/база — " +
		"PostgreSQL; без переменной — ./data/diary.db."
	chooseStoreEn = "DATABASE_URL selects another store: sqlite:FILE (the sandbox's is sqlite:./data/sandbox.db) " +
		"or postgres://user:password@host/db; unset, ./data/diary.db."
)

// openExisting opens the store DATABASE_URL names, which must exist: a
// missing SQLite file is said so and not created (a read-only command must
// not leave an empty database behind). Migrated when migrate is set.
func (a *app) openExisting(ctx context.Context, migrate bool) (store.DB, error) {
	if !a.cfg.IsPostgres() {
		if _, err := os.Stat(a.sqlitePath()); errors.Is(err, fs.ErrNotExist) {
			return nil, a.storeMissing(err)
		}
	}
	return a.openStore(ctx, migrate)
}

// openOrCreate opens and migrates the store DATABASE_URL names; a missing
// SQLite file is created readable by its owner only (its new directories too).
func (a *app) openOrCreate(ctx context.Context) (store.DB, error) {
	if a.cfg.IsPostgres() {
		return a.openStore(ctx, true)
	}
	path := a.sqlitePath()
	created, err := createPrivate(path)
	if err != nil {
		return nil, sentence(err, fmt.Sprintf("Не удалось создать файл базы «%s»: %v.", path, err),
			fmt.Sprintf("Cannot create the database file %s: %v.", path, err))
	}
	db, err := a.openStore(ctx, true)
	if err != nil && created {
		removeDB(path) // leave no empty database behind
	}
	return db, err
}

// createPrivate creates an empty file at path (SQLite takes it for a new
// database) with mode privateFile, and its missing directories with
// privateDir; it reports whether it did, false when path exists.
func createPrivate(path string) (bool, error) {
	if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err := os.MkdirAll(filepath.Dir(path), privateDir); err != nil {
		return false, err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, privateFile)
	if errors.Is(err, fs.ErrExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return true, f.Close()
}

// openStore opens the store and, when migrate is set, applies its migrations.
func (a *app) openStore(ctx context.Context, migrate bool) (store.DB, error) {
	db, err := store.Open(ctx, a.cfg.DatabaseURL, store.Options{})
	if err != nil {
		return nil, a.openFailed(err)
	}
	if !migrate {
		return db, nil
	}
	if err := db.Migrate(ctx); err != nil {
		db.Close()
		return nil, a.openFailed(fmt.Errorf("migrate: %w", err))
	}
	return db, nil
}

// openFailed explains a store that would not open or migrate: the common
// reasons in words, any other with its detail.
func (a *app) openFailed(err error) error {
	ru, en := a.storeLabel()
	why, whyEn := openReason(redact.Error(err).Error())
	return sentence(err, fmt.Sprintf("Не удалось открыть базу %s: %s. %s", ru, why, chooseStoreRu),
		fmt.Sprintf("Cannot open the store %s: %s. %s", en, whyEn, chooseStoreEn))
}

// openReasons are the common reasons a store does not open, by a part of
// the driver's message.
var openReasons = []struct{ part, ru, en string }{
	{"connection refused", "сервер не отвечает (в соединении отказано) — запущен ли он, верны ли адрес и порт",
		"the server refused the connection: is it running, are host and port right"},
	{"no such host", "нет такого сервера — проверьте имя в DATABASE_URL", "no such host: check the name in DATABASE_URL"},
	{"timeout", "сервер не ответил вовремя", "the server did not answer in time"},
	{"password authentication failed", "сервер не принял пользователя или пароль", "the server refused the user or password"},
	{"does not exist", "на сервере нет такой базы или пользователя", "no such database or user on the server"},
	{"file is not a database", "это не файл базы SQLite", "the file is not an SQLite database"},
}

// openReason says why a store did not open, given the error's message.
func openReason(detail string) (ru, en string) {
	for _, r := range openReasons {
		if strings.Contains(detail, r.part) {
			return r.ru, r.en
		}
	}
	return "ошибка «" + detail + "»", "error: " + detail
}

// storeMissing says the SQLite file is not there and how to choose another.
func (a *app) storeMissing(err error) error {
	path := a.absSQLitePath()
	return sentence(err, fmt.Sprintf("Базы нет: файла «%s» не существует, ничего не сделано. %s Новую базу создают diaryctl migrate, import и demo.",
		path, chooseStoreRu),
		fmt.Sprintf("No store: the file %s does not exist; nothing was done. %s diaryctl migrate, import and demo create a new one.",
			path, chooseStoreEn))
}

// sqlitePath is the file of the embedded store DATABASE_URL names.
func (a *app) sqlitePath() string { return sqlitePath(a.cfg.DatabaseURL) }

// absSQLitePath is sqlitePath made absolute, as messages show it.
func (a *app) absSQLitePath() string {
	p, err := filepath.Abs(a.sqlitePath())
	if err != nil {
		return a.sqlitePath()
	}
	return p
}

// storeName says where a record was looked for: «в базе …», «in the store …».
func (a *app) storeName() (ru, en string) {
	ru, en = a.storeLabel()
	return "в базе " + ru, "in the store " + en
}

// storeLabel names the store DATABASE_URL opens: the SQLite file, or
// PostgreSQL's database and host with the URL, its password masked.
func (a *app) storeLabel() (ru, en string) {
	if !a.cfg.IsPostgres() {
		p := a.absSQLitePath()
		return fmt.Sprintf("SQLite «%s»", p), "SQLite " + p
	}
	masked := redact.URL(a.cfg.DatabaseURL)
	u, err := url.Parse(masked)
	if err != nil {
		return "PostgreSQL " + masked, "PostgreSQL " + masked
	}
	db := strings.TrimPrefix(u.Path, "/")
	return fmt.Sprintf("PostgreSQL «%s» на %s (%s)", db, u.Host, masked),
		fmt.Sprintf("PostgreSQL %s on %s (%s)", db, u.Host, masked)
}

// schoolByCode returns the school with code; a missing one is explained:
// which store was searched, which schools it holds, how to choose another.
func (a *app) schoolByCode(ctx context.Context, db store.DB, code string) (diary.School, error) {
	s, err := db.SchoolByCode(ctx, code)
	if errors.Is(err, diary.ErrNotFound) {
		return s, a.schoolMissing(ctx, db, code, err)
	}
	if err != nil {
		return s, fmt.Errorf("school %q: %w", code, err)
	}
	return s, nil
}

// schoolMissing says that no school has code in this store.
func (a *app) schoolMissing(ctx context.Context, db store.DB, code string, err error) error {
	where, whereEn := a.storeName()
	have, haveEn := "В ней нет ни одной школы.", "It holds no school."
	if schools, lerr := db.Schools(ctx); lerr == nil && len(schools) > 0 {
		codes := schoolCodes(schools, 10)
		have, haveEn = "Коды школ в ней: "+codes+".", "Its schools: "+codes+"."
	}
	return sentence(err, fmt.Sprintf("Школы с кодом «%s» нет %s. %s %s Новую школу создаёт diaryctl import --school %s --name НАЗВАНИЕ ФАЙЛ….",
		code, where, have, chooseStoreRu, code),
		fmt.Sprintf("No school with code %q %s. %s %s diaryctl import --school %s --name NAME FILE… creates one.",
			code, whereEn, haveEn, chooseStoreEn, code))
}

// schoolCodes lists up to n school codes, «…» for the rest.
func schoolCodes(schools []diary.School, n int) string {
	var codes []string
	for i, s := range schools {
		if i == n {
			codes = append(codes, "…")
			break
		}
		codes = append(codes, s.Code)
	}
	return strings.Join(codes, ", ")
}
