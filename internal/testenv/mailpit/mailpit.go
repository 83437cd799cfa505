package mailpit

import (
	"bytes"
	"crypto/x509"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
)

// TLS is how the server protects SMTP.
type TLS int

const (
	// NoTLS is plain SMTP.
	NoTLS TLS = iota
	// StartTLS offers STARTTLS (and requires it before a login).
	StartTLS
	// ImplicitTLS speaks TLS from the first byte (smtps).
	ImplicitTLS
)

// Options say how to run mailpit.
type Options struct {
	TLS TLS
	// Users are the logins the server accepts (user → password); none
	// means no login is asked for.
	Users map[string]string
	// AllowedRecipients, when set, is a regular expression: other
	// recipients are refused with a 550.
	AllowedRecipients string
}

// Server is a running mailpit.
type Server struct {
	// SMTPAddr is the SMTP listener, 127.0.0.1:port.
	SMTPAddr string
	// APIURL is the HTTP API's base, http://127.0.0.1:port.
	APIURL string
	// RootCAs trusts the server's certificate (nil with NoTLS).
	RootCAs *x509.CertPool

	out *syncBuffer
}

// readyTimeout bounds the wait for a started mailpit to listen.
const readyTimeout = 30 * time.Second

// Start runs mailpit for the test and stops it when the test ends. The
// test fails, saying what to install, when no mailpit can be had.
func Start(t testing.TB, opts Options) *Server {
	t.Helper()
	bin, err := Binary()
	if err != nil {
		t.Fatalf("the email tests need a real SMTP server: %v", err)
	}
	dir := t.TempDir()
	s := &Server{SMTPAddr: freeAddr(t), out: &syncBuffer{}}
	httpAddr := freeAddr(t)
	s.APIURL = "http://" + httpAddr
	args := []string{"--smtp", s.SMTPAddr, "--listen", httpAddr, "--database", filepath.Join(dir, "mailpit.db"),
		"--disable-version-check", "--smtp-disable-rdns"}
	args = append(args, s.tlsArgs(t, dir, opts)...)
	args = append(args, authArgs(t, dir, opts)...)
	if opts.AllowedRecipients != "" {
		args = append(args, "--smtp-allowed-recipients", opts.AllowedRecipients)
	}
	s.run(t, bin, args)
	return s
}

// tlsArgs makes the certificate and gives the TLS flags.
func (s *Server) tlsArgs(t testing.TB, dir string, opts Options) []string {
	t.Helper()
	if opts.TLS == NoTLS {
		return nil
	}
	certFile, keyFile, pool, err := certificate(dir)
	if err != nil {
		t.Fatalf("mailpit: certificate: %v", err)
	}
	s.RootCAs = pool
	args := []string{"--smtp-tls-cert", certFile, "--smtp-tls-key", keyFile}
	if opts.TLS == ImplicitTLS {
		args = append(args, "--smtp-require-tls")
	}
	return args
}

// authArgs writes the logins into a password file and gives its flag.
func authArgs(t testing.TB, dir string, opts Options) []string {
	t.Helper()
	if len(opts.Users) == 0 {
		return nil
	}
	var lines []string
	for u, p := range opts.Users {
		lines = append(lines, u+":"+p)
	}
	sort.Strings(lines)
	f := filepath.Join(dir, "smtp-users")
	if err := os.WriteFile(f, []byte(strings.Join(lines, "\n")+"\n"), 0o600); err != nil {
		t.Fatalf("mailpit: %v", err)
	}
	return []string{"--smtp-auth-file", f}
}

// run starts the binary, stops it at the end of the test and waits until
// both its listeners answer.
func (s *Server) run(t testing.TB, bin string, args []string) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr = s.out, s.out
	if err := cmd.Start(); err != nil {
		t.Fatalf("mailpit: start %s: %v", bin, err)
	}
	exited := make(chan struct{})
	go func() { _ = cmd.Wait(); close(exited) }()
	t.Cleanup(func() { _ = cmd.Process.Kill(); <-exited })
	if err := s.waitReady(exited); err != nil {
		t.Fatalf("mailpit %s: %v\n%s", strings.Join(args, " "), err, s.out.String())
	}
}

// waitReady polls the two ports until they answer: the process logs its
// listeners before it binds them, so there is no line to wait for.
func (s *Server) waitReady(exited <-chan struct{}) error {
	deadline := time.After(readyTimeout)
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for !s.ready() {
		select {
		case <-exited:
			return fmt.Errorf("exited at start")
		case <-deadline:
			return fmt.Errorf("not listening after %v", readyTimeout)
		case <-tick.C:
		}
	}
	return nil
}

// ready says whether the SMTP port accepts and the API answers.
func (s *Server) ready() bool {
	c, err := net.DialTimeout("tcp", s.SMTPAddr, time.Second)
	if err != nil {
		return false
	}
	_ = c.Close()
	resp, err := http.Get(s.APIURL + "/readyz")
	if err != nil {
		return false
	}
	_ = resp.Body.Close()
	return resp.StatusCode == http.StatusOK
}

// Log is what mailpit printed so far.
func (s *Server) Log() string { return s.out.String() }

// freeAddr returns a loopback address with a port free a moment ago.
func freeAddr(t testing.TB) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

// syncBuffer is a buffer two writers may share.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

// Write appends p.
func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

// String is what was written.
func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
