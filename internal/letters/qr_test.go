package letters

import (
	"slices"
	"strings"
	"testing"
)

func TestQRMatrix(t *testing.T) {
	tests := []struct {
		name        string
		link        string
		wantVersion int
	}{
		// Byte mode, error correction M: version 3 holds 32 bytes, 4 holds 62, 6 holds 106.
		{"short link", "https://t.me/B?start=K7M2Q9XH4D", 3},
		{"typical link", "https://t.me/School17DiaryBot?start=K7M2Q9XH4D", 4},
		{"longest payload", "https://t.me/School17DiaryBot?start=" + strings.Repeat("a", 64), 6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := qrMatrix(tt.link)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := len(m), 17+4*tt.wantVersion; got != want {
				t.Errorf("got %d modules a side, want %d (version %d)", got, want, tt.wantVersion)
			}
			for _, row := range m {
				if len(row) != len(m) {
					t.Fatalf("got a row of %d modules in a %d-module matrix", len(row), len(m))
				}
			}
			assertFinders(t, m)
			// A phone reads a printed QR code comfortably down to about 0.5 mm a module.
			if module := qrSize / float64(len(m)+2*quietZone); module < 0.9 {
				t.Errorf("got %.2f mm a module, want at least 0.9 mm", module)
			}
		})
	}
}

// assertFinders checks the three 7×7 finder patterns (dark ring, light ring, dark 3×3 core)
// in the top-left, top-right and bottom-left corners. (Whether it reads back as the link is
// checked end to end by TestPDFQRCodesScanBack.)
func assertFinders(t *testing.T, m [][]bool) {
	t.Helper()
	n := len(m)
	for _, corner := range [][2]int{{0, 0}, {n - 7, 0}, {0, n - 7}} {
		for dy := range 7 {
			for dx := range 7 {
				ring := max(abs(dx-3), abs(dy-3))
				if got, want := m[corner[1]+dy][corner[0]+dx], ring != 2; got != want {
					t.Fatalf("finder at %v: module (%d,%d) dark=%v, want %v", corner, dx, dy, got, want)
				}
			}
		}
	}
}

func abs(v int) int { return max(v, -v) }

func TestDarkRuns(t *testing.T) {
	tests := []struct {
		name string
		m    [][]bool
		want []run
	}{
		{"empty", [][]bool{{false, false}, {false, false}}, nil},
		{"full", [][]bool{{true, true}, {true, true}}, []run{{0, 0, 2}, {0, 1, 2}}},
		{"gaps", [][]bool{{true, false, true, true}, {false, true, true, false}}, []run{{0, 0, 1}, {2, 0, 2}, {1, 1, 2}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := darkRuns(tt.m); !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

// TestQRRectsPaintTheMatrix samples the centre of every module of the square as a printer would
// and checks it is covered by a drawn rectangle exactly when the module is dark, and that the
// quiet zone stays white.
func TestQRRectsPaintTheMatrix(t *testing.T) {
	m, err := qrMatrix("https://t.me/School17DiaryBot?start=K7M2Q9XH4D")
	if err != nil {
		t.Fatal(err)
	}
	const x0, y0 = 16.0, 40.0
	rects := qrRects(m, x0, y0, qrSize)
	side := len(m) + 2*quietZone
	module := qrSize / float64(side)
	for gy := range side {
		for gx := range side {
			cx, cy := x0+(float64(gx)+0.5)*module, y0+(float64(gy)+0.5)*module
			got := covered(rects, cx, cy)
			x, y := gx-quietZone, gy-quietZone
			want := x >= 0 && y >= 0 && x < len(m) && y < len(m) && m[y][x]
			if got != want {
				t.Fatalf("module (%d,%d) of the square: painted=%v, want %v", gx, gy, got, want)
			}
		}
	}
}

// covered tells whether the point lies inside any of the rectangles.
func covered(rects []rect, x, y float64) bool {
	for _, r := range rects {
		if x >= r.x && x < r.x+r.w && y >= r.y && y < r.y+r.h {
			return true
		}
	}
	return false
}
