// Package mailpit runs a real SMTP server for tests: mailpit
// (github.com/axllent/mailpit), started on free loopback ports with a
// self-signed certificate for STARTTLS or implicit TLS and with logins if
// asked, stopped when the test ends, and read back through its HTTP API.
//
// The binary is found on PATH, in GOPATH/bin or in this package's cache;
// otherwise it is built once with `go install` from the Go module proxy
// (scripts/services.sh installs it ahead for `make test`). When none can
// be had, the test fails and says what to install.
package mailpit

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
)

// Version is the mailpit built when none is installed.
const Version = "v1.33.1"

// Module is what `go install` builds.
const Module = "github.com/axllent/mailpit@" + Version

// installHint says what to do when no binary can be had.
const installHint = "install mailpit: `go install " + Module + "` (puts it in $(go env GOPATH)/bin), " +
	"or put a mailpit binary on PATH; scripts/services.sh does the former for `make test`"

var binary struct {
	once sync.Once
	path string
	err  error
}

// Binary returns the path of a mailpit binary, building it once per
// process when none is installed.
func Binary() (string, error) {
	binary.once.Do(func() { binary.path, binary.err = findOrBuild() })
	return binary.path, binary.err
}

// findOrBuild looks for mailpit on PATH, in GOPATH/bin and in the cache,
// and builds it into the cache when it is nowhere.
func findOrBuild() (string, error) {
	if p, err := exec.LookPath("mailpit"); err == nil {
		return p, nil
	}
	cached, err := cachePath()
	if err != nil {
		return "", err
	}
	for _, p := range []string{filepath.Join(gopath(), "bin", "mailpit"), cached} {
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p, nil
		}
	}
	return cached, build(cached)
}

// gopath is GOPATH's first element, or its default.
func gopath() string {
	if p := os.Getenv("GOPATH"); p != "" {
		return filepath.SplitList(p)[0]
	}
	home, _ := os.UserHomeDir()
	return filepath.Join(home, "go")
}

// cachePath is where a built mailpit is kept between runs.
func cachePath() (string, error) {
	dir, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("mailpit: no cache directory (%w); %s", err, installHint)
	}
	return filepath.Join(dir, "schooldiary", "mailpit-"+Version, "mailpit"), nil
}

// build installs mailpit into a fresh directory next to dst and renames
// it into place, so parallel test processes never see half a binary.
func build(dst string) error {
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return fmt.Errorf("mailpit: %w; %s", err, installHint)
	}
	tmp, err := os.MkdirTemp(filepath.Dir(dst), "build-")
	if err != nil {
		return fmt.Errorf("mailpit: %w; %s", err, installHint)
	}
	defer os.RemoveAll(tmp)
	cmd := exec.Command("go", "install", Module)
	cmd.Env = append(os.Environ(), "GOBIN="+tmp, "CGO_ENABLED=0")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("mailpit is not installed and `go install %s` failed (%w): %s\n%s",
			Module, err, strings.TrimSpace(out.String()), installHint)
	}
	return os.Rename(filepath.Join(tmp, "mailpit"), dst)
}
