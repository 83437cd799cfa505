package importer

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// fileError is a problem that stops reading a file, at a line and, when
// col is not 0, a column (1-based, in characters).
type fileError struct {
	line int
	msg  string
	col  int
}

func (e *fileError) Error() string { return e.msg }

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// readCSV reads a CSV file in UTF-8 (with or without BOM) or Windows-1251,
// its delimiter «;», «,» or tab taken from the header line.
func readCSV(path, name string) (*table, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &fileError{1, "не удалось прочитать файл: " + osReason(err), 0}
	}
	text, err := decodeText(data)
	if err != nil {
		return nil, err
	}
	return parseCSV(text, name)
}

// decodeText returns the file's text: UTF-8 when it is valid UTF-8 (a BOM is
// dropped), Windows-1251 otherwise. A file that is mostly UTF-8 but has stray
// bytes is refused at the first bad byte rather than garbled as Windows-1251.
// UTF-16 is refused with advice.
func decodeText(data []byte) (string, error) {
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return "", &fileError{1, "файл в кодировке UTF-16: сохраните его как «CSV UTF-8» или «CSV (разделители — точки с запятой)»", 0}
	}
	if bytes.HasPrefix(data, utf8BOM) {
		data = data[len(utf8BOM):]
		if !utf8.Valid(data) {
			return "", badByte(data)
		}
		return string(data), nil
	}
	if utf8.Valid(data) {
		return string(data), nil
	}
	if mostlyUTF8(data) {
		return "", badByte(data)
	}
	out, err := charmap.Windows1251.NewDecoder().Bytes(data)
	if err != nil {
		return "", &fileError{1, "не удалось прочитать файл как Windows-1251", 0}
	}
	return string(out), nil
}

// mostlyUTF8 reports whether data holds more valid UTF-8 multi-byte
// characters than invalid bytes. Windows-1251 Russian text is almost all
// invalid bytes, with a rare valid pair (a capital letter before «ё»: «Пётр»);
// a UTF-8 file with a stray byte is the other way round.
func mostlyUTF8(data []byte) bool {
	valid, invalid := 0, 0
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		switch {
		case r == utf8.RuneError && size == 1:
			invalid++
		case size > 1:
			valid++
		}
		data = data[size:]
	}
	return valid > invalid
}

// badByte locates the first byte of data that is not UTF-8, as a line and a
// column in characters.
func badByte(data []byte) *fileError {
	line, col := 1, 1
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size == 1 {
			break
		}
		col++
		if r == '\n' {
			line, col = line+1, 1
		}
		data = data[size:]
	}
	var b byte
	if len(data) > 0 {
		b = data[0]
	}
	msg := fmt.Sprintf("недопустимый байт 0x%02X: текст в UTF-8, а этот байт нет — сохраните файл в UTF-8", b)
	return &fileError{line, msg, col}
}

// sniffDelimiter counts «;», «,» and tabs outside quotes in the header, the
// first non-blank line, and returns the most frequent, «;» on a tie or when
// there is none.
func sniffDelimiter(text string) rune {
	counts := map[rune]int{}
	quoted := false
	for _, r := range skipBlankLines(text) {
		if r == '"' {
			quoted = !quoted
		}
		if !quoted && (r == '\n' || r == '\r') {
			break
		}
		if !quoted {
			counts[r]++
		}
	}
	best := ';'
	for _, d := range []rune{',', '\t'} {
		if counts[d] > counts[best] {
			best = d
		}
	}
	return best
}

// skipBlankLines drops the leading lines that hold nothing but spaces: the
// header is the first non-blank line.
func skipBlankLines(text string) string {
	for {
		line, rest, found := strings.Cut(text, "\n")
		if strings.TrimSpace(strings.TrimPrefix(line, "\ufeff")) != "" || !found {
			return text
		}
		text = rest
	}
}

// parseCSV splits the text into a header and data rows with their line numbers.
func parseCSV(text, name string) (*table, error) {
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = sniffDelimiter(text)
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	t := &table{name: name}
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return t, nil
		}
		if err != nil {
			return nil, csvError(err)
		}
		line, _ := r.FieldPos(0)
		t.add(line, rec)
	}
}

// add puts a record into the table: the first non-blank one is the header.
func (t *table) add(line int, cells []string) {
	rr := rawRow{line: line, cells: cells}
	switch {
	case rr.empty():
	case t.header == nil:
		cells[0] = strings.TrimPrefix(cells[0], "\ufeff")
		t.header, t.headLine = cells, line
	default:
		t.rows = append(t.rows, rr)
	}
}

// csvError locates a CSV syntax error.
func csvError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &fileError{pe.Line, fmt.Sprintf("ошибка разбора CSV: %v", pe.Err), 0}
	}
	return &fileError{1, fmt.Sprintf("ошибка разбора CSV: %v", err), 0}
}

// osReason names the usual reasons a file cannot be read.
func osReason(err error) string {
	switch {
	case errors.Is(err, os.ErrNotExist):
		return "файл не найден"
	case errors.Is(err, os.ErrPermission):
		return "нет доступа"
	}
	return err.Error()
}
