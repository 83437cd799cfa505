package letters

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"
)

// utf8BOM makes Excel with a Russian locale read the file as UTF-8 rather than Windows-1251.
const utf8BOM = "\uFEFF"

// csvHeader is the first row of the CSV list.
var csvHeader = []string{"Класс", "Ученик", "Получатель", "Код", "Ссылка", "Действует до"}

// CSV writes the letters as a list for a spreadsheet: UTF-8 with a byte order mark, fields
// separated by «;» (what Excel expects in a Russian locale), CRLF line ends and a Russian header
// row «Класс;Ученик;Получатель;Код;Ссылка;Действует до». Fields are quoted where needed, and a
// name that starts like a spreadsheet formula (=, +, -, @) is prefixed with an apostrophe so
// that Excel shows it as text instead of evaluating it.
func CSV(w io.Writer, letters []Letter) error {
	if err := validateAll(letters); err != nil {
		return err
	}
	if _, err := io.WriteString(w, utf8BOM); err != nil {
		return fmt.Errorf("letters: write csv: %w", err)
	}
	cw := csv.NewWriter(w)
	cw.Comma = ';'
	cw.UseCRLF = true
	if err := cw.Write(csvHeader); err != nil {
		return fmt.Errorf("letters: write csv: %w", err)
	}
	for _, l := range letters {
		if err := cw.Write(csvRow(l)); err != nil {
			return fmt.Errorf("letters: write csv: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("letters: write csv: %w", err)
	}
	return nil
}

// csvRow is one letter's fields in the order of csvHeader.
func csvRow(l Letter) []string {
	row := []string{l.Class, l.Child, l.Recipient, l.Code, l.DeepLink, l.ExpiresOn}
	for i, v := range row {
		row[i] = defuseFormula(v)
	}
	return row
}

// defuseFormula keeps a spreadsheet from evaluating a field as a formula (CSV injection).
func defuseFormula(v string) string {
	if v != "" && strings.ContainsRune("=+-@\t\r", rune(v[0])) {
		return "'" + v
	}
	return v
}
