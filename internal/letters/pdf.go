package letters

import (
	"fmt"
	"io"

	"github.com/signintech/gopdf"
)

// PDF writes the letters as one PDF document with one A4 page per letter, in the given order.
// Each page shows the school, the class, the child and the recipient; a QR code of the deep link
// with its quiet zone; the code typed out large; the expiry date; short Russian instructions
// (scanning or typing the code, the code being single-use and personal, consent under 152-ФЗ and
// its withdrawal, whom to ask when it fails) and a paragraph in English. The DejaVu Sans font is
// embedded (only the glyphs used), so Cyrillic prints on any machine. Over-long names wrap and,
// past three lines, are cut with an ellipsis: a page never overflows.
//
// It returns ErrNoLetters for an empty list and an error naming the letter when one lacks its
// child, recipient, code or deep link or has an unknown kind; nothing is written then.
func PDF(w io.Writer, letters []Letter) error {
	if len(letters) == 0 {
		return ErrNoLetters
	}
	if err := validateAll(letters); err != nil {
		return err
	}
	doc, err := newDocument()
	if err != nil {
		return err
	}
	for i, l := range letters {
		doc.AddPage()
		if _, err := drawLetter(doc, l); err != nil {
			return fmt.Errorf("letters: draw letter %d: %w", i+1, err)
		}
	}
	if _, err := doc.WriteTo(w); err != nil {
		return fmt.Errorf("letters: write pdf: %w", err)
	}
	return nil
}

// newDocument starts an A4 document measured in millimetres with both fonts loaded.
func newDocument() (*gopdf.GoPdf, error) {
	doc := &gopdf.GoPdf{}
	doc.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4, Unit: gopdf.UnitMM})
	doc.SetInfo(gopdf.PdfInfo{Title: "Письма для подключения к электронному дневнику", Creator: "diary"})
	fonts := []struct {
		data  []byte
		style int
	}{{fontRegular, gopdf.Regular}, {fontBold, gopdf.Bold}}
	for _, f := range fonts {
		opt := gopdf.TtfOption{Style: f.style, OnGlyphNotFoundSubstitute: func(rune) rune { return '?' }}
		if err := doc.AddTTFFontDataWithOption(fontFamily, f.data, opt); err != nil {
			return nil, fmt.Errorf("letters: load font: %w", err)
		}
	}
	return doc, nil
}
