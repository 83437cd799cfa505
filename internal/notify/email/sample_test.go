package email

import (
	"bytes"
	"testing"

	"github.com/schooldiary/diary/internal/notify"
)

// The sample notice every send test delivers: Russian everywhere, Telegram
// HTML with line breaks and a <pre>, a link and a callback button, a PDF
// and an XLSX with Cyrillic names.
var (
	samplePDF  = append([]byte("%PDF-1.4\n"), bytes.Repeat([]byte{0, 1, 2, 0xff, '\r', '\n'}, 500)...)
	sampleXLSX = append([]byte("PK\x03\x04"), bytes.Repeat([]byte("табель;"), 300)...)
	sampleTo   = notify.Address{To: "mama@family.example", Name: "Иванова Мария Петровна", Language: "ru"}
)

const (
	sampleSubject  = "Оценки за неделю: Иванов Пётр, 5А — «хорошо»"
	samplePDFName  = "Табель успеваемости 5А за 1 четверть.pdf"
	sampleXLSXName = "Оценки «Иванов» (неделя 12).xlsx"
)

// sampleMessage is the sample notice.
func sampleMessage() notify.Message {
	return notify.Message{
		Subject: sampleSubject,
		HTML:    "<b>Иванов Пётр</b> получил 5 по математике.\nСредний балл: <i>4,67</i> &lt;отлично&gt;\n<pre>строка 1\nстрока 2</pre>\nКонец.",
		Text:    "Иванов Пётр получил 5 по математике.\nСредний балл: 4,67 <отлично>\nКонец.",
		Buttons: [][]notify.Button{
			{{Text: "Открыть дневник", URL: "https://diary.example/d?child=7&week=12"}},
			{{Text: "Понятно", Data: "ack:42"}},
		},
		Files: []notify.File{
			{Name: samplePDFName, MIME: "application/pdf", Data: samplePDF},
			{Name: sampleXLSXName, MIME: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Data: sampleXLSX},
		},
	}
}

// mustConfig parses a config or fails the test.
func mustConfig(t *testing.T, smtpURL string) Config {
	t.Helper()
	c, err := ParseConfig(smtpURL, "Школа № 5 г. Тверь <noreply@school.example>")
	if err != nil {
		t.Fatal(err)
	}
	return c
}
