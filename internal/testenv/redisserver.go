package testenv

import (
	"bufio"
	"net"
	"os/exec"
	"strconv"
	"strings"
	"testing"
)

// FreePort returns a TCP port nothing listens on now.
func FreePort(t testing.TB) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// StartRedisServer starts a throwaway redis-server (no persistence) on port and
// returns when it is ready; stop kills it, as does the test's end.
func StartRedisServer(t testing.TB, port int) (stop func()) {
	t.Helper()
	bin, err := exec.LookPath("redis-server")
	if err != nil {
		t.Skip("redis-server is not installed")
	}
	cmd := exec.Command(bin, "--port", strconv.Itoa(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	stop = func() { _ = cmd.Process.Kill(); _ = cmd.Wait() }
	t.Cleanup(stop)
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		if strings.Contains(sc.Text(), "Ready to accept connections") {
			go func() { // keep reading so that the server never blocks on its log
				for sc.Scan() {
				}
			}()
			return stop
		}
	}
	t.Fatalf("redis-server on port %d ended before it was ready", port)
	return nil
}
