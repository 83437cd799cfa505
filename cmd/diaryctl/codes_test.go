package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCodesWritesLettersOnce issues codes for a demo class as PDF and CSV and
// checks the files, their mode, and that an existing file is not overwritten.
func TestCodesWritesLettersOnce(t *testing.T) {
	dsn, _ := tempDB(t)
	mustCtl(t, dsn, "demo", "--students", "60", "--until", "2026-10-15")
	dir := t.TempDir()
	pdf := filepath.Join(dir, "7a.pdf")
	out := mustCtl(t, dsn, "codes", "--school", "demo-1", "--class", "7А", "--bot", "diary_bot", "--out", pdf)
	if !strings.Contains(out, "7a.pdf") {
		t.Errorf("output %q does not name the file", out)
	}
	assertFile(t, pdf, []byte("%PDF"))
	csv := filepath.Join(dir, "7a.csv")
	mustCtl(t, dsn, "codes", "--school", "demo-1", "--class", "7А", "--bot", "diary_bot", "--format", "csv", "--out", csv)
	assertFile(t, csv, []byte("\xEF\xBB\xBF"))
	b, _ := os.ReadFile(csv)
	if n := strings.Count(string(b), "https://t.me/diary_bot?start="); n < 2 {
		t.Errorf("csv has %d deep links, want one per student and guardian pair", n)
	}
	if _, _, err := ctl(t, dsn, "codes", "--school", "demo-1", "--class", "7А", "--bot", "diary_bot", "--out", pdf); err == nil {
		t.Error("codes over an existing file: want an error")
	}
}

func assertFile(t *testing.T, path string, prefix []byte) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil || !bytes.HasPrefix(b, prefix) {
		t.Fatalf("%s: err %v, starts %q, want %q", path, err, b[:min(len(b), 8)], prefix)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Errorf("%s mode %v, want 0600 (it holds the codes)", path, st.Mode().Perm())
	}
}

// TestCodesRefusesUnknownClass names the missing class.
func TestCodesRefusesUnknownClass(t *testing.T) {
	dsn, _ := tempDB(t)
	mustCtl(t, dsn, "demo", "--students", "30", "--until", "2026-10-15")
	_, _, err := ctl(t, dsn, "codes", "--school", "demo-1", "--class", "5Я", "--bot", "b", "--out", filepath.Join(t.TempDir(), "x.pdf"))
	if err == nil || !strings.Contains(err.Error(), "5Я") {
		t.Errorf("err = %v, want one naming class 5Я", err)
	}
}

// ctlEnv runs diaryctl with the environment env.
func ctlEnv(t *testing.T, env map[string]string, args ...string) (stdout string, err error) {
	t.Helper()
	var out, errb bytes.Buffer
	err = run(context.Background(), args, func(k string) string { return env[k] }, &out, &errb)
	return out.String(), err
}

// TestCodesClassByCodeOrName finds the class by its journal code or by its
// name in any spelling, and refuses an unknown one listing the classes.
func TestCodesClassByCodeOrName(t *testing.T) {
	dsn, _ := tempDB(t)
	importTiny(t, dsn, [2]string{"classes.csv", "Код класса;Класс;Параллель\nC-5A;5А;5\nC-5B;5Б;5\n"},
		[2]string{"students.csv", "Код ученика;Фамилия;Имя;Класс\nS1;Иванов;Иван;C-5A\nS2;Петрова;Мария;5б\n"})
	tests := []struct{ name, class, wantErr string }{
		{"journal code", "C-5A", ""},
		{"name", "5А", ""},
		{"name in lower case", "5а", ""},
		{"name with a space and a Latin A", "5 A", ""},
		{"code in another spelling", "c5a", ""},
		{"unknown", "5Я", "В школе «tiny» нет класса «5Я». Классы школы (название — код): 5А — C-5A, 5Б — C-5B."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "c.csv")
			stdout, _, err := ctl(t, dsn, "codes", "--school", "tiny", "--class", tt.class, "--bot", "b", "--format", "csv", "--out", out)
			if tt.wantErr != "" {
				assertSentence(t, err, tt.wantErr)
				return
			}
			if err != nil {
				t.Fatalf("codes --class %s: %v", tt.class, err)
			}
			if !strings.Contains(stdout, "codes issued: 1;") {
				t.Errorf("codes --class %s printed %q, want the one student of 5А", tt.class, stdout)
			}
			b, _ := os.ReadFile(out)
			if !strings.Contains(string(b), "Иванов") || strings.Contains(string(b), "Петрова") {
				t.Errorf("letters are not those of 5А:\n%s", b)
			}
		})
	}
}

// TestCodesBotFromEnvironment takes the bot from TELEGRAM_BOT_USERNAME and,
// with neither, says what to pass.
func TestCodesBotFromEnvironment(t *testing.T) {
	dsn, _ := tempDB(t)
	importTiny(t, dsn)
	out := filepath.Join(t.TempDir(), "c.csv")
	env := map[string]string{"DATABASE_URL": dsn, "TELEGRAM_BOT_USERNAME": "@school_bot"}
	if _, err := ctlEnv(t, env, "codes", "--school", "tiny", "--class", "5А", "--format", "csv", "--out", out); err != nil {
		t.Fatalf("codes without --bot: %v", err)
	}
	if b, _ := os.ReadFile(out); !strings.Contains(string(b), "https://t.me/school_bot?start=") {
		t.Errorf("letters do not link TELEGRAM_BOT_USERNAME's bot:\n%s", b)
	}
	delete(env, "TELEGRAM_BOT_USERNAME")
	_, err := ctlEnv(t, env, "codes", "--school", "tiny", "--class", "5А", "--out", filepath.Join(t.TempDir(), "d.pdf"))
	assertSentence(t, err, "Не указан бот", "--bot ИМЯ_БОТА", "TELEGRAM_BOT_USERNAME")
}

// TestCodesForStaff issues a letter per staff member (of one role on
// demand) with the columns of the class letters, and refuses a bad role.
func TestCodesForStaff(t *testing.T) {
	dsn, _ := tempDB(t)
	mustCtl(t, dsn, "demo", "--students", "60", "--until", "2026-10-15")
	dir := t.TempDir()
	all := filepath.Join(dir, "staff.csv")
	out := mustCtl(t, dsn, "codes", "--school", "demo-1", "--staff", "--bot", "diary_bot", "--format", "csv", "--out", all)
	if !strings.Contains(out, "staff.csv") {
		t.Errorf("output %q does not name the file", out)
	}
	assertFile(t, all, []byte("\xEF\xBB\xBF"+"Класс;Ученик;Получатель;Код;Ссылка;Действует до"))
	b, _ := os.ReadFile(all)
	if !strings.Contains(string(b), "\r\n7А;;") || strings.Count(string(b), "https://t.me/diary_bot?start=") < 10 {
		t.Errorf("staff csv:\n%s", b)
	}
	deputies := filepath.Join(dir, "deputies.csv")
	mustCtl(t, dsn, "codes", "--school", "demo-1", "--staff", "--role", "deputy", "--bot", "diary_bot", "--format", "csv", "--out", deputies)
	b, _ = os.ReadFile(deputies)
	if n := strings.Count(string(b), "https://t.me/diary_bot?start="); n != 3 {
		t.Errorf("%d deputy letters, want 3:\n%s", n, b)
	}
	pdf := filepath.Join(dir, "teachers.pdf")
	mustCtl(t, dsn, "codes", "--school", "demo-1", "--staff", "--role", "teacher", "--bot", "diary_bot", "--out", pdf)
	assertFile(t, pdf, []byte("%PDF"))
	for _, args := range [][]string{
		{"--staff", "--role", "завуч"}, {"--staff", "--class", "7А"}, {"--class", "7А", "--role", "teacher"},
	} {
		base := []string{"codes", "--school", "demo-1", "--bot", "b", "--out", filepath.Join(dir, "x.pdf")}
		if _, _, err := ctl(t, dsn, append(base, args...)...); err == nil {
			t.Errorf("codes %v: want a usage error", args)
		}
	}
}
