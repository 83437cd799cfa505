package bot

import (
	"os"
	"path/filepath"
	"testing"
)

// TestMain removes the demo template the tests share.
func TestMain(m *testing.M) {
	code := m.Run()
	if templateDB.path != "" {
		os.RemoveAll(filepath.Dir(templateDB.path))
	}
	os.Exit(code)
}
