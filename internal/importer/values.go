package importer

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/schooldiary/diary/internal/diary"
)

var (
	reISODate = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?$`)
	reRuDate  = regexp.MustCompile(`^(\d{1,2})\.(\d{1,2})\.(\d{4})(?: 0?0:00(?::00)?)?$`)
	reSerial  = regexp.MustCompile(`^\d{4,6}(?:\.\d+)?$`)
)

// parseDate reads 2026-09-01 or 01.09.2026; an Excel sheet's date cell comes
// as a day serial, accepted when fromXLSX.
func parseDate(s string, fromXLSX, date1904 bool) (diary.Date, error) {
	bad := fmt.Errorf("неверная дата «%s»: ожидается ДД.ММ.ГГГГ или ГГГГ-ММ-ДД", s)
	var y, m, d string
	switch {
	case reISODate.MatchString(s):
		p := reISODate.FindStringSubmatch(s)
		y, m, d = p[1], p[2], p[3]
	case reRuDate.MatchString(s):
		p := reRuDate.FindStringSubmatch(s)
		y, m, d = p[3], p[2], p[1]
	case fromXLSX && reSerial.MatchString(s):
		return excelDate(s, date1904, bad)
	default:
		return diary.Date{}, bad
	}
	return civil(s, y, m, d, bad)
}

// civil builds a date from its parts written as s; a year outside 1900–2200
// is bad, and a day the calendar lacks (31.02, 29.02.2027, 32.13) says so.
func civil(s, ys, ms, ds string, bad error) (diary.Date, error) {
	y, _ := strconv.Atoi(ys)
	m, _ := strconv.Atoi(ms)
	d, _ := strconv.Atoi(ds)
	if y < 1900 || y > 2200 {
		return diary.Date{}, bad
	}
	got := diary.NewDate(y, time.Month(m), d)
	if got.Year != y || int(got.Month) != m || got.Day != d {
		return diary.Date{}, fmt.Errorf("%s — такой даты нет", s)
	}
	return got, nil
}

// excelDate converts an Excel day serial.
func excelDate(s string, date1904 bool, bad error) (diary.Date, error) {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return diary.Date{}, bad
	}
	t, err := excelize.ExcelDateToTime(f, date1904)
	if err != nil || t.Year() < 1900 || t.Year() > 2200 {
		return diary.Date{}, bad
	}
	return diary.DateOf(t), nil
}

// parseLevel reads a class level 1–11.
func parseLevel(s string) (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 1 || n > 11 {
		return 0, fmt.Errorf("неверная параллель «%s»: ожидается число от 1 до 11", s)
	}
	return n, nil
}

// parseLevels reads «1-9», «1–9», «10-11» or a single «1».
func parseLevels(s string) (lo, hi int, err error) {
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '-' || r == '–' || r == '—' || r == '…' })
	if len(parts) == 1 {
		lo, err = parseLevel(parts[0])
		return lo, lo, err
	}
	if len(parts) != 2 {
		return 0, 0, fmt.Errorf("неверный диапазон классов «%s»: ожидается, например, 1-9", s)
	}
	if lo, err = parseLevel(parts[0]); err == nil {
		hi, err = parseLevel(parts[1])
	}
	if err == nil && lo > hi {
		err = fmt.Errorf("неверный диапазон классов «%s»: первый больше последнего", s)
	}
	return lo, hi, err
}

// levelOfClass takes the level from a class name's leading digits: «10Б» → 10.
func levelOfClass(name string) (int, bool) {
	i := 0
	for i < len(name) && name[i] >= '0' && name[i] <= '9' {
		i++
	}
	n, err := parseLevel(name[:i])
	return n, err == nil
}

// splitName splits «Фамилия Имя Отчество»; everything after the first name is
// the patronymic («Гусейн оглы»).
func splitName(s string) (diary.Name, error) {
	parts := strings.Fields(s)
	switch len(parts) {
	case 0:
		return diary.Name{}, errors.New("не заполнено")
	case 1:
		return diary.Name{}, fmt.Errorf("в ФИО «%s» нет имени: ожидается «Фамилия Имя Отчество»", s)
	}
	return diary.Name{Last: parts[0], First: parts[1], Middle: strings.Join(parts[2:], " ")}, nil
}

// normalizePhone brings a phone to E.164 with diary.NormalizePhone:
// «8 (912) 000-11-22», «+7 912 0001122» and «9120001122» all give +79120001122.
func normalizePhone(s string) (string, error) {
	p, err := diary.NormalizePhone(s)
	if err != nil {
		return "", fmt.Errorf("неверный номер телефона «%s»: ожидается, например, 8 (912) 000-11-22 или +7 912 000-11-22", s)
	}
	return p, nil
}

// parseMark reads a mark with diary.ParseMark: 1–5 as a value, or a
// non-numeric mark («зач», «незач», «н/а», «осв» and their long forms).
func parseMark(s string) (value int, mark string, err error) {
	value, mark, err = diary.ParseMark(s)
	if err != nil {
		return 0, "", fmt.Errorf("неверная оценка «%s»: ожидается 1–5, «зач», «незач», «н/а» или «осв»", s)
	}
	return value, mark, nil
}

// parseWeight reads a weight such as «1», «1,5» or «0.25» into hundredths
// with diary.ParseWeight; it must be above 0 and at most diary.MaxWeight.
func parseWeight(s string) (int, error) {
	w, err := diary.ParseWeight(s)
	if err != nil || w > diary.MaxWeight {
		return 0, fmt.Errorf("неверный вес «%s»: ожидается число больше 0 и не больше %s, например 1 или 1,5",
			s, diary.FormatWeight(diary.MaxWeight))
	}
	return w, nil
}

// parseAttendanceMark reads an attendance mark with diary.ParseAttendanceMark;
// blank gives "" (remove a stored mark).
func parseAttendanceMark(s string) (string, error) {
	m, err := diary.ParseAttendanceMark(s)
	if err != nil {
		return "", fmt.Errorf("неверная отметка «%s»: ожидается н, б, у, п или оп (пусто — снять отметку)", s)
	}
	return m, nil
}
