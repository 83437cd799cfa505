package importer

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/schooldiary/diary/internal/diary"
)

var reYear = regexp.MustCompile(`^(\d{4})\s*[-/–—]\s*(\d{4})$`)

// normYear writes «2026-2027» and «2026 / 2027» as «2026/2027».
func normYear(s string) string {
	if p := reYear.FindStringSubmatch(s); p != nil {
		return p[1] + "/" + p[2]
	}
	return s
}

// yearOf names the academic year a date falls in: from August on it is the
// year starting then.
func yearOf(d diary.Date) string {
	y := d.Year
	if d.Month < 8 {
		y--
	}
	return fmt.Sprintf("%d/%d", y, y+1)
}

// parseYear maps a row of a years file.
func parseYear(r *row, bl *builder) {
	name := normYear(r.need("name"))
	start, end := r.span(false)
	if !bl.first(r, diary.KindYears, name, "name") || r.bad {
		return
	}
	bl.b.Years = append(bl.b.Years, diary.YearIn{Src: r.src(), Year: diary.AcademicYear{Name: name, Start: start, End: end}})
}

// periodKinds maps folded words of period kinds and names.
var periodKinds = []struct {
	word string
	kind diary.PeriodKind
}{
	{"четверт", diary.Quarter}, {"quarter", diary.Quarter},
	{"полугод", diary.Half}, {"half", diary.Half}, {"semester", diary.Half},
	{"триместр", diary.Trimester}, {"trimester", diary.Trimester},
}

// defaultLevels are the class levels a period kind applies to unless given.
var defaultLevels = map[diary.PeriodKind][2]int{
	diary.Quarter: {1, 9}, diary.Half: {10, 11}, diary.Trimester: {1, 11},
}

// periodKind reads the kind column, or guesses from the name.
func periodKind(r *row, name string) diary.PeriodKind {
	text, fld := r.str("kind"), "kind"
	if text == "" {
		text, fld = name, "name"
	}
	for _, w := range periodKinds {
		if strings.Contains(norm(text), w.word) {
			return w.kind
		}
	}
	r.fail(fld, fmt.Sprintf("не удалось понять вид периода «%s»: ожидается четверть, полугодие или триместр", text))
	return ""
}

// parsePeriod maps a row of a periods file.
func parsePeriod(r *row, bl *builder) {
	name := r.need("name")
	kind := periodKind(r, name)
	lo, hi := r.levels(defaultLevels[kind])
	start, end := r.span(false)
	year := normYear(r.str("year"))
	if year == "" && !start.IsZero() {
		year = yearOf(start)
	}
	id := firstOf(r.str("id"), name)
	if !bl.first(r, diary.KindPeriods, id, idOr(r, "name")) || r.bad {
		return
	}
	bl.b.Periods = append(bl.b.Periods, diary.PeriodIn{Src: r.src(), YearRef: year, Period: diary.Period{
		ExtID: id, Name: name, Kind: kind, MinLevel: lo, MaxLevel: hi, Start: start, End: end,
	}})
}

// idOr names the id column when the table has one, else fallback.
func idOr(r *row, fallback string) string {
	if r.has("id") {
		return "id"
	}
	return fallback
}

// deriveYears makes the academic years from the periods when no years file
// came: each year spans its periods.
func (bl *builder) deriveYears() {
	if len(bl.b.Years) > 0 {
		return
	}
	at := map[string]int{}
	for _, p := range bl.b.Periods {
		i, ok := at[p.YearRef]
		if !ok {
			at[p.YearRef] = len(bl.b.Years)
			bl.b.Years = append(bl.b.Years, diary.YearIn{Src: p.Src, Year: diary.AcademicYear{
				Name: p.YearRef, Start: p.Period.Start, End: p.Period.End}})
			continue
		}
		y := &bl.b.Years[i].Year
		if p.Period.Start.Before(y.Start) {
			y.Start = p.Period.Start
		}
		if p.Period.End.After(y.End) {
			y.End = p.Period.End
		}
	}
}

// dayOffKind reads the kind column: каникулы, праздник or карантин; blank means a
// vacation when the name says so or it spans several days.
func dayOffKind(r *row, name string, start, end diary.Date) diary.HolidayKind {
	v := norm(r.str("kind"))
	switch {
	case strings.HasPrefix(v, "каникул") || v == "vacation":
		return diary.Vacation
	case strings.HasPrefix(v, "праздн") || strings.HasPrefix(v, "выходн") || v == "holiday":
		return diary.Holiday
	case strings.HasPrefix(v, "карантин") || v == "quarantine":
		return diary.Quarantine
	case v != "":
		r.fail("kind", fmt.Sprintf("неизвестный вид «%s»: ожидается каникулы, праздник или карантин", r.str("kind")))
	case strings.Contains(norm(name), "каникул") || start != end:
		return diary.Vacation
	}
	return diary.Holiday
}

// parseDayOff maps a row of a holidays and vacations file.
func parseDayOff(r *row, bl *builder) {
	name := r.need("name")
	start, end := r.span(true)
	kind := dayOffKind(r, name, start, end)
	lo, hi := r.levels([2]int{0, 0})
	if !bl.first(r, diary.KindDaysOff, start.String()+" "+name, "name") || r.bad {
		return
	}
	bl.b.DaysOff = append(bl.b.DaysOff, diary.DayOffIn{Src: r.src(), ClassRef: r.str("class"), DayOff: diary.DayOff{
		Name: name, Kind: kind, MinLevel: lo, MaxLevel: hi, Start: start, End: end,
	}})
}

// parseSubject maps a row of a subjects file; the id defaults to the name.
func parseSubject(r *row, bl *builder) {
	name := r.need("name")
	id := firstOf(r.str("id"), name)
	if !bl.first(r, diary.KindSubjects, id, idOr(r, "name")) || r.bad {
		return
	}
	bl.b.Subjects = append(bl.b.Subjects, diary.SubjectIn{Src: r.src(), Subject: diary.Subject{
		ExtID: id, Name: name, Short: r.str("short"),
	}})
}

// parseClass maps a row of a classes file; the id defaults to the name and
// the level to the name's number.
func parseClass(r *row, bl *builder) {
	name := r.need("name")
	lvl := r.level("level")
	if lvl == 0 && name != "" && r.str("level") == "" {
		var ok bool
		if lvl, ok = levelOfClass(name); !ok {
			r.fail("name", "не удалось понять параллель из названия «"+name+"»: заполните столбец «параллель»")
		}
	}
	id := firstOf(r.str("id"), name)
	if !bl.first(r, diary.KindClasses, id, idOr(r, "name")) || r.bad {
		return
	}
	bl.b.Classes = append(bl.b.Classes, diary.ClassIn{Src: r.src(), Class: diary.Class{ExtID: id, Name: name, Level: lvl}})
}
