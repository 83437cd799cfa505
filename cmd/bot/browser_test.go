package main

import (
	"path/filepath"
	"testing"

	"github.com/schooldiary/diary/internal/sandbox/browsertest"
)

// TestSandboxInBrowser runs `bot -sandbox` in-process on a fresh store and
// drives its web chat in headless Chromium: a parent of two links with the
// one-time code the page sends, gives consent and reads a grade with its
// average (issue 3, item 2).
func TestSandboxInBrowser(t *testing.T) {
	t.Parallel() // generating the demo school takes a while under -race
	ctx := browsertest.New(t)
	s := start(t, []string{"-sandbox", "-sandbox-db", filepath.Join(t.TempDir(), "sandbox.db")}, map[string]string{})
	browsertest.LinkParentAndReadGrade(t, ctx, s.base)
	s.stop(t)
}
