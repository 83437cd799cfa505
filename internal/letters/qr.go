package letters

import (
	"fmt"
	"image/color"

	"github.com/boombuler/barcode/qr"
)

// quietZone is the white margin around a QR code, in modules, that the standard requires.
const quietZone = 4

// qrMatrix encodes content as a QR code with error correction level M and returns its modules
// row by row: m[y][x] is true for a dark module. The matrix is square, 17+4·version wide.
func qrMatrix(content string) ([][]bool, error) {
	code, err := qr.Encode(content, qr.M, qr.Auto)
	if err != nil {
		return nil, fmt.Errorf("letters: encode qr: %w", err)
	}
	b := code.Bounds()
	m := make([][]bool, b.Dy())
	for y := range m {
		m[y] = make([]bool, b.Dx())
		for x := range m[y] {
			m[y][x] = isDark(code.At(b.Min.X+x, b.Min.Y+y))
		}
	}
	return m, nil
}

// isDark tells a foreground module from the background whatever the colour model.
func isDark(c color.Color) bool {
	return color.GrayModel.Convert(c).(color.Gray).Y < 128
}

// run is a horizontal stretch of n dark modules starting at column x of row y. The QR code is
// drawn as one filled rectangle per run: fewer, larger shapes than one per module, and no
// hairline gaps inside a row when a viewer anti-aliases.
type run struct{ x, y, n int }

// darkRuns lists the runs of dark modules of a matrix, row by row, left to right.
func darkRuns(m [][]bool) []run {
	var runs []run
	for y, row := range m {
		for x := 0; x < len(row); {
			if !row[x] {
				x++
				continue
			}
			start := x
			for x < len(row) && row[x] {
				x++
			}
			runs = append(runs, run{x: start, y: y, n: x - start})
		}
	}
	return runs
}
