package letters

import (
	"github.com/signintech/gopdf"
)

// Sizes of the typed code, in points, and its box padding in millimetres.
const (
	codeMaxSize = 30.0
	codeMinSize = 14.0
	codePad     = 3.0
)

var (
	styleCodeLabel = style{size: 10.5, gray: 90}
	styleExpiry    = style{bold: true, size: 11.5}
	styleBot       = style{size: 10.5}
)

// rect is a rectangle on the page, in millimetres from the top-left corner.
type rect struct{ x, y, w, h float64 }

// codeBlock draws the QR code on the left and, beside it, the typed code, its expiry and the
// bot's name; the block ends below whichever side is taller.
func (p *page) codeBlock(l Letter) {
	top := p.y
	m, err := qrMatrix(l.DeepLink)
	if err != nil {
		p.err = err
		return
	}
	p.qr(margin, top, qrSize, m)
	p.pdf.AddExternalLink(l.DeepLink, margin, top, qrSize, qrSize)
	x, w := margin+qrSize+qrGap, contentW-qrSize-qrGap
	p.y = top + 3
	p.paragraph(x, w, textCodeLabel, styleCodeLabel, 1)
	p.gap(1)
	p.code(x, w, l.Code)
	p.gap(3)
	p.paragraph(x, w, expiryLine(l), styleExpiry, 2)
	p.gap(1)
	p.paragraph(x, w, botLine(l), styleBot, 2)
	p.y = max(p.y, top+qrSize) + 5
}

// qr draws matrix m as a QR code filling the square at (x, y) of side size, with the quiet zone
// left white inside the square and a light frame around it.
func (p *page) qr(x, y, size float64, m [][]bool) {
	p.frame(x, y, size, size)
	p.pdf.SetFillColor(0, 0, 0)
	for _, r := range qrRects(m, x, y, size) {
		p.pdf.RectFromUpperLeftWithStyle(r.x, r.y, r.w, r.h, "F")
	}
}

// qrRects places the dark runs of m in the square at (x, y) of side size: the square holds the
// matrix plus quietZone modules on every side. Each rectangle reaches a hair (1% of a module)
// into the row below so that viewers do not show seams between rows.
func qrRects(m [][]bool, x, y, size float64) []rect {
	module := size / float64(len(m)+2*quietZone)
	var rects []rect
	for _, r := range darkRuns(m) {
		rects = append(rects, rect{
			x: x + float64(quietZone+r.x)*module,
			y: y + float64(quietZone+r.y)*module,
			w: float64(r.n) * module,
			h: module * 1.01,
		})
	}
	return rects
}

// code draws the typed code large on a light box, each character centred in a cell of the same
// width so that it reads like a monospace font. The size shrinks until the code fits width; a
// code too long even at the smallest size continues on the next row.
func (p *page) code(x, width float64, code string) {
	chars := []rune(code)
	s, cell := p.codeStyle(chars, width-2*codePad)
	if p.err != nil {
		return
	}
	rows := codeRows(chars, cell, width-2*codePad)
	lineH := s.size * ptToMM * 1.25
	boxW := cell*float64(len(rows[0])) + 2*codePad
	boxH := lineH*float64(len(rows)) + 2*codePad
	p.fill(x, p.y, boxW, boxH, 238)
	p.use(s)
	for r, row := range rows {
		top := p.y + codePad + float64(r)*lineH + s.size*ptToMM*0.1
		for i, c := range row {
			p.cell(x+codePad+float64(i)*cell, top, cell, string(c), gopdf.Center|gopdf.Top)
		}
	}
	p.y += boxH
}

// codeRows splits the code's characters into rows of as many cells as fit width (at least one
// a row); it always returns at least one row.
func codeRows(chars []rune, cell, width float64) [][]rune {
	perRow := max(1, int(width/cell))
	var rows [][]rune
	for len(chars) > perRow {
		rows, chars = append(rows, chars[:perRow]), chars[perRow:]
	}
	return append(rows, chars)
}

// codeStyle picks the largest size at which every character of the code fits a common cell
// and the cells together fit width; it returns the style and the cell width.
func (p *page) codeStyle(chars []rune, width float64) (style, float64) {
	s := style{bold: true, size: codeMaxSize}
	for ; ; s.size -= 1 {
		cell := p.widestChar(chars, s) * 1.15
		if cell*float64(len(chars)) <= width || s.size <= codeMinSize || p.err != nil {
			return s, cell
		}
	}
}

// widestChar is the width of the widest of chars in style s.
func (p *page) widestChar(chars []rune, s style) float64 {
	p.use(s)
	widest := 0.0
	for _, c := range chars {
		if p.err != nil {
			return 0
		}
		var w float64
		w, p.err = p.pdf.MeasureTextWidth(string(c))
		widest = max(widest, w)
	}
	return widest
}
