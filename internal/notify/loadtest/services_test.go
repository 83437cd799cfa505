package loadtest_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/schooldiary/diary/internal/testenv"
)

// pgServer is a throwaway PostgreSQL cluster of the installed binaries,
// run as the postgres user (initdb refuses root).
type pgServer struct {
	bin, dir string
	port     int
}

// newPG makes a cluster in a temporary directory and starts it on a free
// port; it is stopped with the test. The test is skipped when no
// PostgreSQL binaries or no postgres user are there.
func newPG(t testing.TB) *pgServer {
	t.Helper()
	bins, _ := filepath.Glob("/usr/lib/postgresql/*/bin/initdb")
	if len(bins) == 0 {
		t.Skip("no PostgreSQL binaries under /usr/lib/postgresql/*/bin")
	}
	if _, err := exec.LookPath("runuser"); err != nil {
		t.Skip("runuser is not installed: cannot run initdb as the postgres user")
	}
	p := &pgServer{bin: filepath.Dir(bins[len(bins)-1]), dir: pgDir(t), port: testenv.FreePort(t)}
	p.run(t, "initdb", "-D", p.data(), "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8")
	p.start(t)
	t.Cleanup(func() { _ = p.cmd("pg_ctl", "-D", p.data(), "-m", "immediate", "-w", "stop").Run() })
	return p
}

// pgDir is a temporary directory the postgres user may write in.
func pgDir(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	for d := dir; d != os.TempDir() && d != "/"; d = filepath.Dir(d) {
		if err := os.Chmod(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if out, err := exec.Command("chown", "postgres:postgres", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot give %s to the postgres user: %v %s", dir, err, out)
	}
	return dir
}

// data is the cluster's data directory.
func (p *pgServer) data() string { return filepath.Join(p.dir, "data") }

// url is the cluster's postgres database.
func (p *pgServer) url() string {
	return fmt.Sprintf("postgres://postgres@127.0.0.1:%d/postgres?sslmode=disable", p.port)
}

// start starts the server and waits until it accepts connections.
func (p *pgServer) start(t testing.TB) {
	t.Helper()
	p.run(t, "pg_ctl", "-D", p.data(), "-l", filepath.Join(p.dir, "log"), "-w", "-o",
		fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1 -c fsync=off", p.port, p.dir), "start")
}

// stop stops the server as an operator's restart does: fast shutdown,
// connections cut.
func (p *pgServer) stop(t testing.TB) {
	t.Helper()
	p.run(t, "pg_ctl", "-D", p.data(), "-m", "fast", "-w", "stop")
}

// cmd is one of the cluster's programs run as the postgres user.
func (p *pgServer) cmd(name string, args ...string) *exec.Cmd {
	return exec.Command("runuser", append([]string{"-u", "postgres", "--", filepath.Join(p.bin, name)}, args...)...)
}

// run runs a program of the cluster and fails the test when it fails.
func (p *pgServer) run(t testing.TB, name string, args ...string) {
	t.Helper()
	if out, err := p.cmd(name, args...).CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s", name, err, out)
	}
}
