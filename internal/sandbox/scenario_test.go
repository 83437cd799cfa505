package sandbox_test

import (
	"os"
	"testing"

	"github.com/schooldiary/diary/internal/sandbox/browsertest"
)

// TestSandboxScenario runs «link a parent and read a grade» (issue 3, item 2)
// against an already running sandbox on a fresh store:
//
//	go run ./cmd/bot -sandbox -sandbox-db /tmp/fresh.db &
//	SANDBOX_URL=http://127.0.0.1:8080 go test ./internal/sandbox -run TestSandboxScenario
//
// cmd/bot's TestSandboxInBrowser runs the same scenario in-process on every
// test run; this one is for trying a sandbox by hand.
func TestSandboxScenario(t *testing.T) {
	url := os.Getenv("SANDBOX_URL")
	if url == "" {
		t.Skip("set SANDBOX_URL to a running `go run ./cmd/bot -sandbox` (e.g. http://127.0.0.1:8080) to run the scenario")
	}
	browsertest.LinkParentAndReadGrade(t, browsertest.New(t), url)
}
