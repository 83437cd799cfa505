package httpapi

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/schooldiary/diary/internal/diary"
)

const gradeHint = "оценка — число от 1 до 5 или «зач», «незач», «н/а», «осв»"

// grade reads a grade from "value" (or its synonym "mark"): a number 1–5 or
// a non-numeric mark, as a number or a string.
func (it *item) grade() (value int, mark string) {
	field := "value"
	v, ok := it.raw("value")
	if m, hasMark := it.raw("mark"); hasMark {
		if ok {
			it.fail("mark", "укажите одно из полей value и mark")
			return 0, ""
		}
		field, v, ok = "mark", m, true
	}
	if !ok {
		it.fail("value", "не заполнено")
		return 0, ""
	}
	value, mark, good := parseGrade(v)
	if !good {
		it.fail(field, gradeHint)
	}
	return value, mark
}

// parseGrade reads a JSON number 1–5 or a string the journal writes
// («4», «зач», «н/а»…), through diary.ParseMark.
func parseGrade(v json.RawMessage) (int, string, bool) {
	var n int
	if err := json.Unmarshal(v, &n); err == nil {
		return n, "", n >= 1 && n <= 5
	}
	var s string
	if err := json.Unmarshal(v, &s); err != nil {
		return 0, "", false
	}
	value, mark, err := diary.ParseMark(s)
	return value, mark, err == nil
}

// weight reads a grade's weight in hundredths: a number or a string with a
// point or a comma, up to two decimals, from 0,01 to diary.MaxWeight (the
// limit import and the stores use); WeightOne when absent.
func (it *item) weight() int {
	v, ok := it.raw("weight")
	if !ok {
		return diary.WeightOne
	}
	s := strings.TrimSpace(string(v))
	var str string
	if json.Unmarshal(v, &str) == nil {
		s = strings.TrimSpace(str)
	}
	w, good := parseHundredths(s)
	if !good || w < 1 || w > diary.MaxWeight {
		it.fail("weight", fmt.Sprintf("вес — число от 0,01 до %d, не больше двух знаков после запятой",
			diary.MaxWeight/diary.WeightOne))
		return 0
	}
	return w
}

// parseHundredths reads "1", "1.5", "1,25" as hundredths, through diary.ParseWeight.
func parseHundredths(s string) (int, bool) {
	w, err := diary.ParseWeight(s)
	return w, err == nil
}

// attendanceMark reads "mark" of an attendance item: one of the journal's
// marks, or "" to remove a stored one. The field must be present.
func (it *item) attendanceMark() string {
	if _, ok := it.m["mark"]; !ok {
		it.fail("mark", "не заполнено; пустая строка удаляет отметку")
		return ""
	}
	m, err := diary.ParseAttendanceMark(it.str("mark"))
	if err != nil {
		it.fail("mark", "отметка посещаемости — одна из «н», «б», «у», «п», «оп» или пустая строка, чтобы удалить")
	}
	return m
}
