package main

import (
	"bytes"
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
