package letters

import _ "embed"

// The fonts are DejaVu Sans 2.37 (Bitstream Vera licence, see fonts/LICENSE). They cover Latin
// and Cyrillic, so Russian names print as they are; the PDF embeds only the glyphs it uses.
var (
	//go:embed fonts/DejaVuSans.ttf
	fontRegular []byte
	//go:embed fonts/DejaVuSans-Bold.ttf
	fontBold []byte
)
