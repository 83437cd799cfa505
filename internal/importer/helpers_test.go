package importer

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"

	"github.com/schooldiary/diary/internal/diary"
)

var update = flag.Bool("update", false, "rewrite the generated example testdata/import/staff.xlsx")

// examplesDir holds the example files docs/import.md describes.
const examplesDir = "../../testdata/import"

// asOf is the import day of the tests.
var asOf = diary.MustDate("2026-09-05")

// testOptions are the options of most tests.
func testOptions() Options {
	return Options{School: diary.School{Code: "sch-1", Name: "Школа № 1"}, AsOf: asOf}
}

// writeFile writes data to name in dir and returns the path.
func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// cp1251 encodes s in Windows-1251.
func cp1251(t *testing.T, s string) []byte {
	t.Helper()
	b, err := charmap.Windows1251.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// cell is one XLSX cell value: a string, a number or a time.Time (a date cell).
type cell = any

// writeXLSX writes a workbook with the sheets in order, each a list of rows.
func writeXLSX(t *testing.T, path string, names []string, sheets map[string][][]cell) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	dateStyle, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	if err != nil {
		t.Fatal(err)
	}
	for i, name := range names {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(name); err != nil {
			t.Fatal(err)
		}
		fillSheet(t, f, name, sheets[name], dateStyle)
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

// fillSheet writes the rows of a sheet; time values get a date format.
func fillSheet(t *testing.T, f *excelize.File, sheet string, rows [][]cell, dateStyle int) {
	t.Helper()
	for r, cells := range rows {
		for c, v := range cells {
			ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if err := f.SetCellValue(sheet, ref, v); err != nil {
				t.Fatal(err)
			}
			if _, ok := v.(time.Time); ok {
				if err := f.SetCellStyle(sheet, ref, ref, dateStyle); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
}

// problems returns the items of a *diary.ValidationError as strings, sorted;
// it fails the test for any other error.
func problemsOf(t *testing.T, err error) []string {
	t.Helper()
	var ve *diary.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("error = %v, want a *diary.ValidationError", err)
	}
	var out []string
	for _, it := range ve.Items {
		out = append(out, it.String())
	}
	sort.Strings(out)
	return out
}

// mustLoad loads paths and fails the test on any problem.
func mustLoad(t *testing.T, opt Options, paths ...string) *diary.Batch {
	t.Helper()
	b, _, err := Load(paths, opt)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return b
}

// examplePaths lists every example file.
func examplePaths(t *testing.T) []string {
	t.Helper()
	var out []string
	for _, pat := range []string{"*.csv", "*.xlsx"} {
		m, err := filepath.Glob(filepath.Join(examplesDir, pat))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, m...)
	}
	sort.Strings(out)
	if len(out) < 15 {
		t.Fatalf("found %d example files in %s, want 15", len(out), examplesDir)
	}
	return out
}

// csvLines joins lines with CRLF, as Excel writes CSV.
func csvLines(lines ...string) string { return strings.Join(lines, "\r\n") + "\r\n" }

// staffSheet is the example staff list, written to staff.xlsx by -update.
var staffSheet = [][]cell{
	{"Код сотрудника", "Фамилия", "Имя", "Отчество", "Телефон", "Email", "Роли", "Работает с"},
	{"T1", "Смирнова", "Ольга", "Петровна", "8 (912) 100-00-01", "smirnova@school.example", "учитель; классный руководитель 5А", time.Date(2015, 8, 25, 0, 0, 0, 0, time.UTC)},
	{"T2", "Кузнецов", "Андрей", "Викторович", "+7 912 100-00-02", "", "учитель; классный руководитель 5Б; зам. директора основное", time.Date(2012, 8, 27, 0, 0, 0, 0, time.UTC)},
	{"T3", "Попова", "Елена", "Игоревна", "9121000003", "", "учитель; классный руководитель 10А", time.Date(2019, 9, 1, 0, 0, 0, 0, time.UTC)},
	{"T4", "Васильев", "Игорь", "Николаевич", "", "director@school.example", "директор", time.Date(2010, 8, 30, 0, 0, 0, 0, time.UTC)},
	{"T5", "Морозова", "Анна", "Сергеевна", "", "", "учитель; администратор журнала", "01.09.2023"},
}

// TestWriteExampleXLSX regenerates testdata/import/staff.xlsx with -update.
func TestWriteExampleXLSX(t *testing.T) {
	if !*update {
		t.Skip("run with -update to rewrite the example workbook")
	}
	writeXLSX(t, filepath.Join(examplesDir, "staff.xlsx"), []string{"Сотрудники"}, map[string][][]cell{"Сотрудники": staffSheet})
}
