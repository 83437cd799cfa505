package importer

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// sheetTable is a sheet of a workbook with the kind its name says ("" when
// the name says none). skipped marks a sheet left out: its name says no kind
// while other sheets' names do.
type sheetTable struct {
	*table
	kind    string
	skipped bool
}

// readXLSX reads a workbook. Unless firstOnly, every sheet named like a kind
// («Ученики», «grades») is read as that kind, and the other non-empty sheets
// come back skipped, to be reported; when no sheet is named like a kind, or
// with firstOnly, the first sheet alone is read, named as the file.
func readXLSX(path, name string, firstOnly bool) ([]sheetTable, error) {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return nil, &fileError{1, "не удалось открыть книгу Excel: " + osReason(err), 0}
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, &fileError{1, "в книге нет листов", 0}
	}
	if !firstOnly && anyKindNamed(sheets) {
		return readNamedSheets(f, sheets, name)
	}
	t, err := readSheet(f, sheets[0], name)
	return []sheetTable{{table: t}}, err
}

// anyKindNamed reports whether any sheet is named like a kind.
func anyKindNamed(sheets []string) bool {
	for _, s := range sheets {
		if kindByName(s) != "" {
			return true
		}
	}
	return false
}

// readNamedSheets reads every sheet: those named like a kind as that kind,
// the other non-empty ones marked skipped.
func readNamedSheets(f *excelize.File, sheets []string, name string) ([]sheetTable, error) {
	var out []sheetTable
	for _, s := range sheets {
		t, err := readSheet(f, s, fmt.Sprintf("%s[%s]", name, s))
		if err != nil {
			return nil, err
		}
		kind := kindByName(s)
		if kind != "" || t.header != nil {
			out = append(out, sheetTable{t, kind, kind == ""})
		}
	}
	return out, nil
}

// readSheet reads one sheet with raw cell values, so date cells come as day
// serials; row i of the result is the sheet's row i+1.
func readSheet(f *excelize.File, sheet, name string) (*table, error) {
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, &fileError{1, fmt.Sprintf("не удалось прочитать лист «%s»: %v", sheet, err), 0}
	}
	t := &table{name: name, xlsx: true, date1904: date1904(f)}
	for i, cells := range rows {
		t.add(i+1, cells)
	}
	return t, nil
}

// date1904 reports whether the workbook counts dates from 1904 (old Mac Excel).
func date1904(f *excelize.File) bool {
	p, err := f.GetWorkbookProps()
	return err == nil && p.Date1904 != nil && *p.Date1904
}
