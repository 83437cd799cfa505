package letters

import (
	"github.com/signintech/gopdf"
)

// Page geometry, in millimetres (the document's unit); font sizes are in points.
const (
	pageWidth   = 210.0 // A4
	pageHeight  = 297.0
	margin      = 16.0 // left, right and top
	contentW    = pageWidth - 2*margin
	bottomLimit = pageHeight - 14 // the bottom margin is a little narrower
	ptToMM      = 25.4 / 72
	fontFamily  = "dejavu"
)

// style is how a piece of text looks.
type style struct {
	bold bool
	size float64 // points
	gray uint8   // 0 is black, 255 white
}

// lineHeight is the distance between the tops of two lines in this style, in millimetres.
func (s style) lineHeight() float64 { return s.size * 1.32 * ptToMM }

// page draws one letter from top to bottom: y is where the next thing starts. The first error
// sticks — every later call does nothing — so drawing code reads as a plain sequence and the
// caller checks err once.
type page struct {
	pdf *gopdf.GoPdf
	y   float64
	err error
}

// use makes s the current font and text colour.
func (p *page) use(s style) {
	if p.err != nil {
		return
	}
	fontStyle := ""
	if s.bold {
		fontStyle = "B"
	}
	p.err = p.pdf.SetFont(fontFamily, fontStyle, s.size)
	p.pdf.SetTextColor(s.gray, s.gray, s.gray)
}

// wrapped sets style s and wraps text to width, keeping at most maxLines lines (0: all).
func (p *page) wrapped(text string, s style, width float64, maxLines int) []string {
	p.use(s)
	if p.err != nil {
		return nil
	}
	lines, err := wrap(text, width, p.pdf.MeasureTextWidth)
	if err == nil && maxLines > 0 {
		lines, err = clip(lines, maxLines, width, p.pdf.MeasureTextWidth)
	}
	p.err = err
	return lines
}

// paragraph draws text in style s wrapped to width at x, starting at p.y, and moves p.y below
// it. maxLines > 0 cuts longer text with an ellipsis.
func (p *page) paragraph(x, width float64, text string, s style, maxLines int) {
	for _, line := range p.wrapped(text, s, width, maxLines) {
		p.cell(x, p.y, width, line, gopdf.Left|gopdf.Top)
		p.y += s.lineHeight()
	}
}

// cell draws one line of text in the current style with its top at y, aligned in [x, x+width].
func (p *page) cell(x, y, width float64, text string, align int) {
	if p.err != nil {
		return
	}
	p.pdf.SetXY(x, y)
	p.err = p.pdf.CellWithOption(&gopdf.Rect{W: width, H: 1}, text, gopdf.CellOption{Align: align})
}

// gap moves down by h millimetres.
func (p *page) gap(h float64) { p.y += h }

// rule draws a thin grey line across the content width at p.y.
func (p *page) rule() {
	p.pdf.SetStrokeColor(180, 180, 180)
	p.pdf.SetLineWidth(0.3)
	p.pdf.Line(margin, p.y, margin+contentW, p.y)
}

// fill paints a rectangle of gray level g (0 black, 255 white).
func (p *page) fill(x, y, w, h float64, g uint8) {
	p.pdf.SetFillColor(g, g, g)
	p.pdf.RectFromUpperLeftWithStyle(x, y, w, h, "F")
}

// frame outlines a rectangle with a thin light-grey line.
func (p *page) frame(x, y, w, h float64) {
	p.pdf.SetStrokeColor(200, 200, 200)
	p.pdf.SetLineWidth(0.3)
	p.pdf.RectFromUpperLeftWithStyle(x, y, w, h, "D")
}
