package diary

import (
	"bytes"
	"crypto/rand"
	"errors"
	"math"
	"regexp"
	"strings"
	"testing"
	"testing/iotest"
)

// deepLinkPayload is what Telegram accepts after ?start=.
var deepLinkPayload = regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`)

func TestNewLinkCode(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want string
	}{
		{"zeros", make([]byte, 10), "00000-00000"},
		{"first symbols", []byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, "01234-56789"},
		{"high bits ignored", []byte{32, 33, 255, 254, 10, 18, 20, 27, 31, 63}, "01ZYA-JMVZZ"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := NewLinkCode(bytes.NewReader(tc.in))
			if err != nil || got != tc.want {
				t.Errorf("NewLinkCode = %q, %v; want %q", got, err, tc.want)
			}
		})
	}
}

func TestNewLinkCodeShortRandom(t *testing.T) {
	for _, r := range []*bytes.Reader{bytes.NewReader(nil), bytes.NewReader(make([]byte, 9))} {
		if got, err := NewLinkCode(r); err == nil {
			t.Errorf("NewLinkCode from %d bytes = %q, want an error", r.Len(), got)
		}
	}
	if _, err := NewLinkCode(iotest.ErrReader(errors.New("no entropy"))); err == nil {
		t.Error("NewLinkCode from a failing reader: no error")
	}
}

// TestNewLinkCodeEntropy checks the alphabet, the form and that 4,000 codes
// use every symbol in every position about equally.
func TestNewLinkCodeEntropy(t *testing.T) {
	if got := math.Log2(float64(len(CodeAlphabet))) * CodeSymbols; got < 40 {
		t.Fatalf("entropy = %.0f bits, want at least 40", got)
	}
	if strings.ContainsAny(CodeAlphabet, "ILOU") || len(CodeAlphabet) != 32 {
		t.Fatalf("alphabet %q has look-alikes or is not 32 symbols", CodeAlphabet)
	}
	const n = 4000
	counts := map[byte]int{}
	seen := map[string]bool{}
	for range n {
		code, err := NewLinkCode(rand.Reader)
		if err != nil {
			t.Fatal(err)
		}
		checkCanonical(t, code)
		seen[code] = true
		for i := range len(code) {
			counts[code[i]]++
		}
	}
	if len(seen) != n {
		t.Errorf("%d distinct codes of %d", len(seen), n)
	}
	mean := float64(n*CodeSymbols) / 32
	for i := range len(CodeAlphabet) {
		if c := float64(counts[CodeAlphabet[i]]); c < mean*0.8 || c > mean*1.2 {
			t.Errorf("symbol %c drawn %v times, want about %v", CodeAlphabet[i], c, mean)
		}
	}
}

// checkCanonical fails unless code is «XXXXX-XXXXX» over the alphabet and a
// valid deep-link payload.
func checkCanonical(t *testing.T, code string) {
	t.Helper()
	if len(code) != 11 || code[5] != '-' || !deepLinkPayload.MatchString(code) {
		t.Fatalf("code %q is not XXXXX-XXXXX", code)
	}
	for _, r := range strings.Replace(code, "-", "", 1) {
		if !strings.ContainsRune(CodeAlphabet, r) {
			t.Fatalf("code %q has %q outside the alphabet", code, r)
		}
	}
}

func TestNormalizeCode(t *testing.T) {
	tests := []struct {
		name  string
		typed string
		want  string
		ok    bool
	}{
		{"canonical", "7K3QD-9XH2M", "7K3QD-9XH2M", true},
		{"no hyphen", "7K3QD9XH2M", "7K3QD-9XH2M", true},
		{"lower case", "7k3qd-9xh2m", "7K3QD-9XH2M", true},
		{"spaces and dashes", "  7K3 QD – 9XH 2M\n", "7K3QD-9XH2M", true},
		{"no-break space, underscore", "7K3QD\u00a09XH_2M", "7K3QD-9XH2M", true},
		{"hyphen elsewhere", "7K-3QD9X-H2M", "7K3QD-9XH2M", true},
		{"O is zero", "O1OO0-OOOOO", "01000-00000", true},
		{"I and L are one", "Il1iL-00000", "11111-00000", true},
		{"Cyrillic capitals", "АВЕКМ-НОРСТ", "ABEKM-H0PCT", true},
		{"Cyrillic small", "авекм-нopст", "ABEKM-H0PCT", true},
		{"Cyrillic Х У З", "ХУЗ00-00000", "XY300-00000", true},
		{"mixed scripts", "7к3qд-9XH2M", "", false},
		{"U is no symbol", "U0000-00000", "", false},
		{"too short", "7K3QD-9XH2", "", false},
		{"too long", "7K3QD-9XH2MM", "", false},
		{"empty", "", "", false},
		{"only separators", " - - ", "", false},
		{"punctuation", "7K3QD.9XH2M", "", false},
		{"invalid UTF-8", "7K3QD-9XH2\xff", "", false},
		{"emoji", "7K3QD-9XH2🙂", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := NormalizeCode(tc.typed)
			if got != tc.want || ok != tc.ok {
				t.Errorf("NormalizeCode(%q) = %q, %v; want %q, %v", tc.typed, got, ok, tc.want, tc.ok)
			}
		})
	}
}

func TestHashCode(t *testing.T) {
	const code = "7K3QD-9XH2M"
	h := HashCode(code)
	if len(h) != 64 || strings.Trim(h, "0123456789abcdef") != "" {
		t.Fatalf("HashCode = %q, want 64 hex digits", h)
	}
	tests := []struct {
		name  string
		typed string
		same  bool
	}{
		{"canonical again", code, true},
		{"typed loosely", "7k3qd 9xh2m", true},
		{"look-alikes", "7К3QD-9ХН2М", true},
		{"another code", "7K3QD-9XH2N", false},
		{"not a code", "hello", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := HashCode(tc.typed) == h; got != tc.same {
				t.Errorf("HashCode(%q) == HashCode(%q) is %v, want %v", tc.typed, code, got, tc.same)
			}
		})
	}
}

// retype writes a canonical code as a careless person might, choosing by
// the bits of style: lower case, no hyphen, spaces, O for 0, I or L for 1,
// Cyrillic look-alikes.
func retype(code string, style uint32) string {
	cyr := map[rune][]rune{'A': {'А', 'а'}, 'B': {'В', 'в'}, 'E': {'Е', 'е'}, 'K': {'К', 'к'},
		'M': {'М', 'м'}, 'H': {'Н', 'н'}, 'P': {'Р', 'р'}, 'C': {'С', 'с'}, 'T': {'Т', 'т'},
		'X': {'Х', 'х'}, 'Y': {'У', 'у'}, '3': {'З', 'з'}, '0': {'O', 'о', 'О', 'o'}, '1': {'I', 'l', 'L', 'i'}}
	var b strings.Builder
	for i, r := range code {
		bit := style >> (i % 32)
		switch {
		case r == '-' && bit&1 == 1:
			continue
		case bit&2 != 0 && len(cyr[r]) > 0:
			alts := cyr[r]
			r = alts[int(style>>(i%8))%len(alts)]
		case bit&4 != 0:
			r = []rune(strings.ToLower(string(r)))[0]
		}
		b.WriteRune(r)
		if bit&8 != 0 {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

func FuzzNormalizeCode(f *testing.F) {
	f.Add([]byte("0123456789"), uint32(0), "7K3QD-9XH2M")
	f.Add([]byte{255, 1, 31, 3, 30, 13, 17, 24, 19, 29}, uint32(0xdeadbeef), "ОIL0-оl1 хз")
	f.Add([]byte("abcdefghij"), uint32(7), "\xff\xfe-")
	f.Fuzz(func(t *testing.T, random []byte, style uint32, typed string) {
		if len(random) >= CodeSymbols {
			code, err := NewLinkCode(bytes.NewReader(random))
			if err != nil {
				t.Fatal(err)
			}
			checkCanonical(t, code)
			in := retype(code, style)
			if got, ok := NormalizeCode(in); !ok || got != code {
				t.Fatalf("NormalizeCode(%q) = %q, %v; want %q", in, got, ok, code)
			}
		}
		got, ok := NormalizeCode(typed)
		if !ok {
			return
		}
		checkCanonical(t, got)
		if again, ok := NormalizeCode(got); !ok || again != got {
			t.Fatalf("NormalizeCode not idempotent: %q → %q → %q", typed, got, again)
		}
	})
}
