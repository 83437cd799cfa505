package mailpit

import (
	"crypto/tls"
	"net"
	"os"
	"strings"
	"testing"
)

func TestMissingBinarySaysWhatToInstall(t *testing.T) {
	empty := t.TempDir()
	t.Setenv("PATH", empty) // neither mailpit nor go
	t.Setenv("GOPATH", empty)
	t.Setenv("XDG_CACHE_HOME", empty)
	t.Setenv("HOME", empty)
	_, err := findOrBuild()
	if err == nil {
		t.Fatal("findOrBuild found or built mailpit with an empty PATH, GOPATH and cache")
	}
	for _, want := range []string{"go install github.com/axllent/mailpit@" + Version, "PATH"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}
}

func TestStartServesAndStops(t *testing.T) {
	var addr string
	t.Run("serve", func(t *testing.T) {
		srv := Start(t, Options{TLS: ImplicitTLS})
		addr = srv.SMTPAddr
		conn, err := tls.Dial("tcp", addr, &tls.Config{RootCAs: srv.RootCAs, ServerName: "127.0.0.1"})
		if err != nil {
			t.Fatalf("TLS to mailpit with its certificate trusted: %v", err)
		}
		_ = conn.Close()
		if got := srv.Messages(t); len(got) != 0 {
			t.Errorf("a new mailpit has %d messages", len(got))
		}
	})
	if c, err := net.Dial("tcp", addr); err == nil {
		_ = c.Close()
		t.Errorf("mailpit still listens on %s after its test ended", addr)
	}
}

func TestServicesInstallsThisVersion(t *testing.T) {
	b, err := os.ReadFile("../../../scripts/services.sh")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "MAILPIT_MODULE="+Module+"\n") {
		t.Errorf("scripts/services.sh does not install %s", Module)
	}
}
