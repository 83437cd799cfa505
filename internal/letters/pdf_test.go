package letters

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// renderPDF renders the letters and fails the test on error.
func renderPDF(t *testing.T, letters []Letter) []byte {
	t.Helper()
	var out bytes.Buffer
	if err := PDF(&out, letters); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// someLetters is n letters alternating guardian and student letters.
func someLetters(n int) []Letter {
	letters := make([]Letter, n)
	for i := range letters {
		kind := KindGuardian
		if i%2 == 1 {
			kind = KindStudent
		}
		letters[i] = sample(kind, i)
	}
	return letters
}

var pageObject = regexp.MustCompile(`/Type /Page\n`)

func TestPDFHasAPagePerLetterAndEmbedsTheFont(t *testing.T) {
	for _, n := range []int{1, 2, 31} {
		t.Run(fmt.Sprintf("%d letters", n), func(t *testing.T) {
			pdf := renderPDF(t, someLetters(n))
			if !bytes.HasPrefix(pdf, []byte("%PDF-")) || !bytes.Contains(pdf, []byte("%%EOF")) {
				t.Fatalf("output is not a PDF file")
			}
			if got := len(pageObject.FindAll(pdf, -1)); got != n {
				t.Errorf("got %d page objects, want %d", got, n)
			}
			if want := fmt.Sprintf("/Count %d\n", n); !bytes.Contains(pdf, []byte(want)) {
				t.Errorf("the page tree lacks %q", want)
			}
			if got := bytes.Count(pdf, []byte("/FontFile2")); got != 2 {
				t.Errorf("got %d embedded TrueType fonts (/FontFile2), want 2 (regular and bold)", got)
			}
		})
	}
}

// extremeLetter has every free-text field far longer than any real one.
func extremeLetter(kind string) Letter {
	name := "Римского-Корсакова-Салтыкова-Щедрина-Мамина-Сибиряка Александра-Анастасия " +
		"Константиновна-Вильгельмовна " + strings.Repeat("Оченьдлиннаяфамилиябезпробелов", 6)
	l := sample(kind, 64)
	l.School, l.Class, l.Child, l.Recipient = name+name, strings.Repeat("5А", 60), name, name+name
	l.Code, l.ExpiresOn = "K7M2Q-9XH4D-W7M2Q-9XH4D-K7M2Q", strings.Repeat("29 декабря 2026 ", 8)
	return l
}

func TestPDFPageNeverOverflows(t *testing.T) {
	tests := []struct {
		name   string
		letter Letter
	}{
		{"guardian", sample(KindGuardian, 0)},
		{"student", sample(KindStudent, 0)},
		{"extreme guardian", extremeLetter(KindGuardian)},
		{"extreme student", extremeLetter(KindStudent)},
		{"staff", staffSample()},
		{"extreme staff", extremeStaff()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := newDocument()
			if err != nil {
				t.Fatal(err)
			}
			doc.AddPage()
			bottom, err := drawLetter(doc, tt.letter)
			if err != nil {
				t.Fatal(err)
			}
			if bottom > bottomLimit {
				t.Errorf("drawing ends at %.1f mm, below the bottom margin at %.1f mm", bottom, bottomLimit)
			}
			if got := doc.GetNumberOfPages(); got != 1 {
				t.Errorf("got %d pages, want 1", got)
			}
		})
	}
}

// TestPDFQRCodesScanBack prints the PDF to images with poppler's pdftoppm and scans every page
// with zbar's zbarimg, as a phone would scan the paper: each page's QR code must read back as
// that letter's deep link, in order. pdftotext checks the Cyrillic text is real text.
func TestPDFQRCodesScanBack(t *testing.T) {
	for _, tool := range []string{"pdftoppm", "pdftotext", "zbarimg"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed (apt-get install poppler-utils zbar-tools)", tool)
		}
	}
	letters := append(someLetters(3), extremeLetter(KindGuardian))
	dir := t.TempDir()
	file := filepath.Join(dir, "letters.pdf")
	if err := os.WriteFile(file, renderPDF(t, letters), 0o600); err != nil {
		t.Fatal(err)
	}
	command(t, "pdftoppm", "-png", "-r", "100", file, filepath.Join(dir, "page"))
	for i, l := range letters {
		png := filepath.Join(dir, fmt.Sprintf("page-%d.png", i+1))
		got := strings.TrimSpace(command(t, "zbarimg", "-q", "--raw", "-Sdisable", "-Sqrcode.enable", png))
		if got != l.DeepLink {
			t.Errorf("page %d: QR reads %q, want %q", i+1, got, l.DeepLink)
		}
		n := fmt.Sprint(i + 1)
		text := command(t, "pdftotext", "-f", n, "-l", n, "-layout", file, "-")
		for _, want := range []string{"Иванов Иван Иванович", "Действует до 29 декабря 2026", "152-ФЗ", "@School17DiaryBot"} {
			if i < 3 && !strings.Contains(text, want) {
				t.Errorf("page %d: text lacks %q:\n%s", i+1, want, text)
			}
		}
	}
}

// command runs a program and returns its standard output, failing the test on error.
func command(t *testing.T, name string, args ...string) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(name, args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s: %v\n%s", name, err, stderr.String())
	}
	return stdout.String()
}

// staffSample is a staff member's letter: no child, a role.
func staffSample() Letter {
	l := sample(KindStaff, 2)
	l.Child, l.Role = "", "учитель, классный руководитель 5А"
	return l
}

// extremeStaff is a staff letter with every field as long as it gets.
func extremeStaff() Letter {
	l := extremeLetter(KindStaff)
	l.Child, l.Role = "", strings.Repeat("заместитель директора по учебной работе, ", 6)
	return l
}
