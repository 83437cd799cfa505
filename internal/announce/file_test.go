package announce

import (
	"archive/zip"
	"bytes"
	"image"
	"image/jpeg"
	"image/png"
	"testing"
)

// TestFileKind: each allowed type is known by its extension and its bytes;
// a wrong extension, bytes of another kind or a renamed file are refused.
func TestFileKind(t *testing.T) {
	pdf := []byte("%PDF-1.4\n%%EOF\n")
	var xlsx, pic, jpg bytes.Buffer
	w := zip.NewWriter(&xlsx)
	if _, err := w.Create("[Content_Types].xml"); err != nil || w.Close() != nil {
		t.Fatal(err)
	}
	img := image.NewGray(image.Rect(0, 0, 2, 2))
	if png.Encode(&pic, img) != nil || jpeg.Encode(&jpg, img, nil) != nil {
		t.Fatal("encode")
	}
	for _, c := range []struct {
		name string
		data []byte
		mime string
		ok   bool
	}{
		{"План.PDF", pdf, "application/pdf", true},
		{"оценки.xlsx", xlsx.Bytes(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", true},
		{"схема.png", pic.Bytes(), "image/png", true},
		{"фото.jpg", jpg.Bytes(), "image/jpeg", true},
		{"фото.jpeg", jpg.Bytes(), "image/jpeg", true},
		{"вирус.exe", []byte("MZ\x90\x00"), "", false},
		{"вирус.pdf", []byte("MZ\x90\x00"), "application/pdf", false},
		{"схема.pdf", pic.Bytes(), "application/pdf", false},
		{"текст.docx", xlsx.Bytes(), "", false},
		{"без имени", pdf, "", false},
	} {
		mime, ok := FileKind(c.name, c.data)
		if mime != c.mime || ok != c.ok {
			t.Errorf("FileKind(%q) = %q, %v; want %q, %v", c.name, mime, ok, c.mime, c.ok)
		}
	}
}
