package letters

import (
	"github.com/signintech/gopdf"
)

// The styles of a letter.
var (
	styleSchool   = style{size: 10.5, gray: 90}
	styleTitle    = style{bold: true, size: 16}
	styleLabel    = style{size: 10.5, gray: 100}
	styleValue    = style{bold: true, size: 13}
	styleRole     = style{size: 10, gray: 100}
	styleHeading  = style{bold: true, size: 12.5}
	styleBody     = style{size: 10}
	styleNoteHead = style{bold: true, size: 10}
	styleEnglish  = style{size: 8.5, gray: 90}
)

// Layout sizes in millimetres.
const (
	labelW      = 30.0 // the label column of the identity block
	qrSize      = 54.0 // the QR code's square, quiet zone included
	qrGap       = 8.0  // between the QR code and the code column
	indent      = 7.0  // the text of a numbered step or a note, right of its marker
	maxNameRows = 2    // lines a name may take before it is cut with an ellipsis
)

// drawLetter draws letter l on the document's current page and returns where the drawing
// ended (the y of the bottom of the last line), for tests to check it stays on the page.
func drawLetter(doc *gopdf.GoPdf, l Letter) (float64, error) {
	p := &page{pdf: doc, y: margin}
	p.header(l)
	p.identity(l)
	p.codeBlock(l)
	p.howTo(l)
	p.important(l)
	p.english()
	return p.y, p.err
}

// header draws the school's name, the title and a rule under them.
func (p *page) header(l Letter) {
	if l.School != "" {
		p.paragraph(margin, contentW, l.School, styleSchool, 2)
		p.gap(1.5)
	}
	p.paragraph(margin, contentW, textTitle, styleTitle, 2)
	p.gap(2)
	p.rule()
	p.gap(4)
}

// identity draws who the letter is about and for: class, child, recipient.
func (p *page) identity(l Letter) {
	if l.Class != "" {
		p.field("Класс", l.Class, "")
	}
	if l.Kind != KindStaff {
		p.field("Ученик", l.Child, "")
	}
	p.field("Получатель", l.Recipient, recipientRole(l))
	p.gap(2)
}

// field draws a label with its value wrapped in the column right of it, and a grey remark
// under the value when there is one.
func (p *page) field(label, value, remark string) {
	top := p.y
	p.use(styleLabel)
	p.cell(margin, top+(styleValue.size-styleLabel.size)*0.6*ptToMM, labelW, label+":", gopdf.Left|gopdf.Top)
	p.paragraph(margin+labelW, contentW-labelW, value, styleValue, maxNameRows)
	if remark != "" {
		p.paragraph(margin+labelW, contentW-labelW, remark, styleRole, 1)
	}
	p.gap(1.5)
}

// howTo draws the numbered steps of «Как подключиться».
func (p *page) howTo(l Letter) {
	p.paragraph(margin, contentW, textHowTo, styleHeading, 1)
	p.gap(1.5)
	for i, step := range steps(l) {
		p.marker(string(rune('1'+i))+".", styleNoteHead)
		p.paragraph(margin+indent, contentW-indent, step, styleBody, 0)
		p.gap(1.5)
	}
	p.gap(2)
}

// important draws the notes of «Важно», each a bold title over its text.
func (p *page) important(l Letter) {
	p.paragraph(margin, contentW, textImportant, styleHeading, 1)
	p.gap(1.5)
	for _, n := range notes(l) {
		p.marker("•", styleNoteHead)
		p.paragraph(margin+indent, contentW-indent, n.title, styleNoteHead, 0)
		p.paragraph(margin+indent, contentW-indent, n.body, styleBody, 0)
		p.gap(2)
	}
	p.gap(1)
}

// marker draws a list marker in the left margin of the line starting at p.y.
func (p *page) marker(text string, s style) {
	p.use(s)
	p.cell(margin, p.y, indent, text, gopdf.Left|gopdf.Top)
}

// english draws the closing paragraph in English under a rule.
func (p *page) english() {
	p.rule()
	p.gap(2.5)
	p.paragraph(margin, contentW, textEnglish, styleEnglish, 0)
}
