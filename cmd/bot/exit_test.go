package main

import (
	"bufio"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/config"
)

// TestMain runs main instead of the tests when asked by TestMainExitStatus.
func TestMain(m *testing.M) {
	if os.Getenv("BOT_TEST_RUN_MAIN") == "1" {
		os.Args = []string{"bot"}
		main()
		return
	}
	os.Exit(m.Run())
}

// mainProcess is this test binary running main with env (and no other
// settings), its stderr piped.
func mainProcess(t *testing.T, env ...string) (*exec.Cmd, *bufio.Scanner) {
	t.Helper()
	cmd := exec.Command(os.Args[0])
	cmd.Env = append([]string{"BOT_TEST_RUN_MAIN=1", "DATABASE_URL=sqlite:" + filepath.Join(t.TempDir(), "d.db")}, env...)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill() }) // ours; already gone when the test passed
	return cmd, bufio.NewScanner(stderr)
}

// exitStatus waits for cmd and returns its exit status.
func exitStatus(t *testing.T, cmd *exec.Cmd) int {
	t.Helper()
	var ee *exec.ExitError
	if err := cmd.Wait(); errors.As(err, &ee) {
		return ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return 0
}

// TestMainExitStatus: without TELEGRAM_BOT_TOKEN the bot says what to set
// and exits with 78 (EX_CONFIG).
func TestMainExitStatus(t *testing.T) {
	cmd, stderr := mainProcess(t)
	var out strings.Builder
	for stderr.Scan() {
		out.WriteString(stderr.Text() + "\n")
	}
	if got := exitStatus(t, cmd); got != config.ExitConfig {
		t.Errorf("exit status %d, want %d\n%s", got, config.ExitConfig, out.String())
	}
	if !strings.Contains(out.String(), "задайте TELEGRAM_BOT_TOKEN") {
		t.Errorf("stderr does not say what to set:\n%s", out.String())
	}
}

// TestMainWaitsOnConfigError: with ON_CONFIG_ERROR=wait the bot explains
// and stays up (a container does not loop) until SIGTERM, then exits 78.
func TestMainWaitsOnConfigError(t *testing.T) {
	cmd, stderr := mainProcess(t, "ON_CONFIG_ERROR=wait")
	lines := make(chan string)
	go func() {
		defer close(lines)
		for stderr.Scan() {
			lines <- stderr.Text()
		}
	}()
	timeout := time.After(time.Minute)
	for waiting := false; !waiting; {
		select {
		case line, ok := <-lines:
			if !ok {
				t.Fatal("the bot exited instead of waiting")
			}
			waiting = strings.HasPrefix(line, "Configuration error")
		case <-timeout:
			t.Fatal("the bot did not say it waits")
		}
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	for range lines {
	}
	if got := exitStatus(t, cmd); got != config.ExitConfig {
		t.Errorf("exit status after SIGTERM %d, want %d", got, config.ExitConfig)
	}
}
