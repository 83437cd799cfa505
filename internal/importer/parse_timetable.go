package importer

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/schooldiary/diary/internal/diary"
)

// weekdayNames maps the folded Russian and English names and abbreviations
// of the school days to weekdays; numbers 1–7 are read apart.
var weekdayNames = map[string]time.Weekday{
	"пн": time.Monday, "пнд": time.Monday, "понедельник": time.Monday, "mon": time.Monday, "monday": time.Monday,
	"вт": time.Tuesday, "втр": time.Tuesday, "вторник": time.Tuesday, "tue": time.Tuesday, "tuesday": time.Tuesday,
	"ср": time.Wednesday, "срд": time.Wednesday, "среда": time.Wednesday, "wed": time.Wednesday, "wednesday": time.Wednesday,
	"чт": time.Thursday, "чтв": time.Thursday, "четверг": time.Thursday, "thu": time.Thursday, "thursday": time.Thursday,
	"пт": time.Friday, "птн": time.Friday, "пятница": time.Friday, "fri": time.Friday, "friday": time.Friday,
	"сб": time.Saturday, "суб": time.Saturday, "суббота": time.Saturday, "sat": time.Saturday, "saturday": time.Saturday,
	"вс": time.Sunday, "вск": time.Sunday, "воскресенье": time.Sunday, "sun": time.Sunday, "sunday": time.Sunday,
}

// parseWeekday reads a weekday: a name or abbreviation («пн», «Понедельник»,
// «Mon») or a number 1 (Monday) … 7 (Sunday).
func parseWeekday(s string) (time.Weekday, bool) {
	if n, err := strconv.Atoi(strings.TrimSuffix(s, ".0")); err == nil {
		if n < 1 || n > 7 {
			return 0, false
		}
		return time.Weekday(n % 7), true
	}
	wd, ok := weekdayNames[norm(s)]
	return wd, ok
}

// weekday reads the weekday cell of fld; Sunday is a problem, as no school
// teaches then.
func (r *row) weekday(fld string) time.Weekday {
	v := r.need(fld)
	if v == "" {
		return 0
	}
	wd, ok := parseWeekday(v)
	switch {
	case !ok:
		r.fail(fld, fmt.Sprintf("неверный день недели «%s»: ожидается понедельник … суббота, "+
			"сокращение («пн», «вт» …) или число от 1 (понедельник) до 6 (суббота)", v))
	case wd == time.Sunday:
		r.fail(fld, fmt.Sprintf("«%s» — воскресенье: в воскресенье уроков нет", v))
	}
	return wd
}

// parseSlot maps a row of a weekly timetable file.
func parseSlot(r *row, bl *builder) {
	in := diary.SlotIn{Src: r.src(), ClassRef: r.need("class"), GroupRef: r.str("group"),
		SubjectRef: r.need("subject"), TeacherRef: r.str("teacher")}
	in.Slot = diary.Slot{Weekday: r.weekday("weekday"), Number: r.number("number"),
		ValidFrom: r.date("valid_from"), ValidTo: r.date("valid_to")}
	if s := in.Slot; !s.ValidFrom.IsZero() && !s.ValidTo.IsZero() && s.ValidTo.Before(s.ValidFrom) {
		r.fail("valid_to", "дата «действует по» раньше даты «действует с»")
	}
	key := fmt.Sprint(in.ClassRef, "/", in.GroupRef, "/", int(in.Slot.Weekday), "/", in.Slot.Number, "/", in.Slot.ValidFrom)
	if r.bad || !bl.firstSlot(r, key) {
		return
	}
	bl.b.Timetable = append(bl.b.Timetable, in)
}

// firstSlot reports whether the slot key is new; a repeat is reported on the
// row's number with the place of the first.
func (bl *builder) firstSlot(r *row, key string) bool {
	k := diary.KindTimetable + "\x00" + key
	if prev, ok := bl.seen[k]; ok {
		r.fail("number", fmt.Sprintf("этот урок (класс, группа, день недели, номер) уже есть в %s", place(prev, r.t.name)))
		return false
	}
	bl.seen[k] = r.src()
	return true
}

// refineKind tells a weekly timetable from dated lessons: a file named like
// lessons («расписание») whose header has a weekday column and no date
// column is a weekly timetable.
func refineKind(kind string, header []string) string {
	if kind != diary.KindLessons {
		return kind
	}
	week, _ := headerMap(specOf(diary.KindTimetable), header)
	dated, _ := headerMap(specOf(diary.KindLessons), header)
	_, hasDay := week["weekday"]
	_, hasDate := dated["date"]
	if hasDay && !hasDate {
		return diary.KindTimetable
	}
	return kind
}
