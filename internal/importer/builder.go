package importer

import (
	"fmt"
	"strings"

	"github.com/schooldiary/diary/internal/diary"
)

// builder turns sheets into one batch: it maps rows, merges the rows of one
// guardian, staff member or group, and finds ids given twice.
type builder struct {
	opt   Options
	b     *diary.Batch
	probs *problems
	cols  *Columns
	seen  map[string]diary.Source // kind + key → the row that had it first
	// index of merged records by id, per kind
	merged map[string]map[string]int
	// finals whose year comes from their period, with the year column
	pendingYears []pendingYear
	studentFiles []diary.Source // the header line of each students file
}

// pendingYear is a final grade whose year is to be taken from its period.
type pendingYear struct {
	index int
	col   int
}

func newBuilder(opt Options, probs *problems, cols *Columns) *builder {
	return &builder{
		opt:    opt,
		b:      &diary.Batch{School: opt.School, AsOf: opt.AsOf},
		probs:  probs,
		cols:   cols,
		seen:   make(map[string]diary.Source),
		merged: make(map[string]map[string]int),
	}
}

// addSheet maps the header of a sheet and, when it is sound, every row.
func (bl *builder) addSheet(s sheet) {
	cols, colProbs := headerMap(s.spec, s.header)
	for _, p := range colProbs {
		bl.probs.add(s.name, s.headLine, p.field, p.col, p.msg)
	}
	bl.cols.add(s.name, s.spec, cols)
	if s.spec.kind == diary.KindStudents {
		bl.studentFiles = append(bl.studentFiles, diary.Source{File: s.name, Line: s.headLine})
	}
	if len(colProbs) > 0 {
		return
	}
	for _, rr := range s.rows {
		bl.checkStray(s, rr)
		r := &row{t: s.table, cols: cols, line: rr.line, cells: rr.cells, probs: bl.probs}
		s.spec.parse(r, bl)
	}
}

// checkStray reports values in columns with no header: most often a cell
// holding the delimiter without quotes, which shifts the rest of the row.
func (bl *builder) checkStray(s sheet, rr rawRow) {
	for i, c := range rr.cells {
		if strings.TrimSpace(c) != "" && (i >= len(s.header) || strings.TrimSpace(s.header[i]) == "") {
			bl.probs.add(s.name, rr.line, "", i, fmt.Sprintf("значение «%s» в столбце без заголовка: "+
				"если в ячейке есть разделитель, заключите её в кавычки", strings.TrimSpace(c)))
		}
	}
}

// first reports whether key of kind is new; a repeat is reported on the
// row's fld column with the place of the first. Blank keys are left to the
// checks of required cells.
func (bl *builder) first(r *row, kind, key, fld string) bool {
	if key == "" {
		return true
	}
	k := kind + "\x00" + key
	if prev, ok := bl.seen[k]; ok {
		r.fail(fld, fmt.Sprintf("«%s» повторяется: уже было в %s", key, place(prev, r.t.name)))
		return false
	}
	bl.seen[k] = r.src()
	return true
}

// place names a row: «строке 5», or «файле:5» for another file.
func place(s diary.Source, file string) string {
	if s.File == file {
		return fmt.Sprintf("строке %d", s.Line)
	}
	return fmt.Sprintf("%s:%d", s.File, s.Line)
}

// mergeIndex returns the index of the merged record of kind with id, -1 for
// a new one.
func (bl *builder) mergeIndex(kind, id string) int {
	m := bl.merged[kind]
	if i, ok := m[id]; ok {
		return i
	}
	return -1
}

// remember records the index of a new merged record.
func (bl *builder) remember(kind, id string, i int) {
	if bl.merged[kind] == nil {
		bl.merged[kind] = make(map[string]int)
	}
	bl.merged[kind][id] = i
}

// finish derives what the files leave implicit: years from periods, the year
// of period grades, and the roster flag.
func (bl *builder) finish() error {
	bl.deriveYears()
	bl.fillFinalYears()
	return bl.setRoster()
}

// setRoster turns the roster on when asked or when a students file came.
func (bl *builder) setRoster() error {
	on := len(bl.studentFiles) > 0
	if bl.opt.Roster != nil {
		on = *bl.opt.Roster
	}
	if on && len(bl.studentFiles) == 0 {
		return diary.Errorf(diary.EInvalid, "полный список учеников (roster) задан, а файла учеников среди файлов нет: "+
			"добавьте файл учеников или не считайте список полным")
	}
	if on && len(bl.b.Students) == 0 && len(bl.probs.items) == 0 {
		for _, s := range bl.studentFiles {
			bl.probs.add(s.File, s.Line, "", -1, "в списке учеников нет ни одного ученика: "+
				"такой список отметил бы выбывшими всех; проверьте файл")
		}
	}
	bl.b.Roster = on
	return nil
}

// validate runs the domain's record checks (diary.Batch.Validate) on the rows
// that passed ours, so Load alone finds what Apply would, located by column.
func (bl *builder) validate() {
	found := bl.b.Validate()
	if len(found) == 0 {
		return
	}
	known := map[string]bool{}
	for _, it := range bl.probs.items {
		known[it.Src.File+"\x00"+itoa(it.Src.Line)+"\x00"+it.Field] = true
	}
	located := bl.cols.Locate(&diary.ValidationError{Items: found}).(*diary.ValidationError)
	for _, it := range located.Items {
		if !known[it.Src.File+"\x00"+itoa(it.Src.Line)+"\x00"+it.Field] {
			bl.probs.items = append(bl.probs.items, it)
		}
	}
}
