package importer

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// sheetTable is a sheet of a workbook with the kind its name says ("" when
// the name says none).
type sheetTable struct {
	*table
	kind string
}

// readXLSX reads a workbook. Unless firstOnly, every sheet named like a kind
// («Ученики», «grades») is read as that kind; when no sheet is, or with
// firstOnly, the first sheet alone is read, named as the file.
func readXLSX(path, name string, firstOnly bool) ([]sheetTable, error) {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return nil, &fileError{1, "не удалось открыть книгу Excel: " + osReason(err)}
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, &fileError{1, "в книге нет листов"}
	}
	var out []sheetTable
	for _, s := range sheets {
		if kind := kindByName(s); kind != "" && !firstOnly {
			t, err := readSheet(f, s, fmt.Sprintf("%s[%s]", name, s))
			if err != nil {
				return nil, err
			}
			out = append(out, sheetTable{t, kind})
		}
	}
	if len(out) > 0 {
		return out, nil
	}
	t, err := readSheet(f, sheets[0], name)
	return []sheetTable{{table: t}}, err
}

// readSheet reads one sheet with raw cell values, so date cells come as day
// serials; row i of the result is the sheet's row i+1.
func readSheet(f *excelize.File, sheet, name string) (*table, error) {
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, &fileError{1, fmt.Sprintf("не удалось прочитать лист «%s»: %v", sheet, err)}
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
