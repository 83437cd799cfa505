package importer

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/schooldiary/diary/internal/diary"
)

// lessonID is the id of a lesson whose file has none: «5А/2026-09-01/1», or
// «5А/англ-1/2026-09-01/3» for a group's lesson.
func lessonID(class, group string, d diary.Date, n int) string {
	parts := []string{class}
	if group != "" {
		parts = append(parts, group)
	}
	return strings.Join(append(parts, d.String(), strconv.Itoa(n)), "/")
}

// number reads a lesson number 1–12.
func (r *row) number(fld string) int {
	v := r.need(fld)
	if v == "" {
		return 0
	}
	n, err := strconv.Atoi(strings.TrimSuffix(v, ".0"))
	if err != nil || n < 1 || n > 12 {
		r.fail(fld, fmt.Sprintf("неверный номер урока «%s»: ожидается число от 1 до 12", v))
	}
	return n
}

// parseLesson maps a row of a lessons (timetable) file.
func parseLesson(r *row, bl *builder) {
	in := diary.LessonIn{Src: r.src(), ClassRef: r.need("class"), GroupRef: r.str("group"),
		SubjectRef: r.need("subject"), TeacherRef: r.str("teacher")}
	in.Lesson = diary.Lesson{Date: r.needDate("date"), Number: r.number("number"),
		Topic: r.str("topic"), Homework: r.str("homework")}
	in.Lesson.ExtID = firstOf(r.str("id"), lessonID(in.ClassRef, in.GroupRef, in.Lesson.Date, in.Lesson.Number))
	if !bl.first(r, diary.KindLessons, in.Lesson.ExtID, idOr(r, "number")) || r.bad {
		return
	}
	bl.b.Lessons = append(bl.b.Lessons, in)
}

// mark reads a grade's mark into value or mark.
func (r *row) mark(fld string) (int, string) {
	v := r.need(fld)
	if v == "" {
		return 0, ""
	}
	n, m, err := parseMark(v)
	if err != nil {
		r.fail(fld, err.Error())
	}
	return n, m
}

// weight reads a grade's weight; blank is diary.WeightOne.
func (r *row) weight() int {
	v := r.str("weight")
	if v == "" {
		return diary.WeightOne
	}
	w, err := parseWeight(v)
	if err != nil {
		r.fail("weight", err.Error())
	}
	return w
}

// needUnlessLesson reads a cell that may be blank only when the row names a
// lesson (the lesson gives the subject and the date).
func (r *row) needUnlessLesson(fld string) string {
	v := r.str(fld)
	if v == "" && r.str("lesson") == "" {
		r.fail(fld, "не заполнено: укажите его или урок")
	}
	return v
}

// deleted reads the optional «удалить» cell: да, yes, 1, true or x mark the
// row's record for removal; blank, нет, no, 0 and false do not.
func (r *row) deleted() bool {
	v := strings.ToLower(r.str("deleted"))
	switch v {
	case "", "нет", "no", "0", "false":
		return false
	case "да", "yes", "1", "true", "x", "х": // Latin and Cyrillic x
		return true
	}
	r.fail("deleted", fmt.Sprintf("неверное значение «%s»: ожидается «да» или пусто", v))
	return false
}

// parseGrade maps a row of a grades file; a deleted row needs only its id.
func parseGrade(r *row, bl *builder) {
	if r.deleted() {
		in := diary.GradeIn{Src: r.src(), Grade: diary.Grade{ExtID: r.need("id")}, Deleted: true}
		if bl.first(r, diary.KindGrades, in.Grade.ExtID, "id") && !r.bad {
			bl.b.Grades = append(bl.b.Grades, in)
		}
		return
	}
	in := diary.GradeIn{Src: r.src(), StudentRef: r.need("student"), LessonRef: r.str("lesson"),
		SubjectRef: r.needUnlessLesson("subject"), TeacherRef: r.str("teacher")}
	g := diary.Grade{ExtID: r.need("id"), WorkType: r.str("work_type"), Weight: r.weight(),
		Description: r.str("description")}
	if r.needUnlessLesson("date") != "" {
		g.Date = r.date("date")
	}
	g.Value, g.Mark = r.mark("mark")
	in.Grade = g
	if !bl.first(r, diary.KindGrades, g.ExtID, "id") || r.bad {
		return
	}
	bl.b.Grades = append(bl.b.Grades, in)
}

// parseAttendance maps a row of an attendance file; a blank mark removes a
// stored one.
func parseAttendance(r *row, bl *builder) {
	in := diary.AttendanceIn{Src: r.src(), StudentRef: r.need("student"), LessonRef: r.need("lesson")}
	m, err := parseAttendanceMark(r.str("mark"))
	if err != nil {
		r.fail("mark", err.Error())
	}
	in.Mark = m
	if !bl.first(r, diary.KindAttendance, "ученик "+in.StudentRef+", урок "+in.LessonRef, "lesson") || r.bad {
		return
	}
	bl.b.Attendance = append(bl.b.Attendance, in)
}

// parseHomework maps a row of an individual homework file; a deleted row
// needs only its id.
func parseHomework(r *row, bl *builder) {
	if r.deleted() {
		in := diary.HomeworkIn{Src: r.src(), Homework: diary.Homework{ExtID: r.need("id")}, Deleted: true}
		if bl.first(r, diary.KindHomework, in.Homework.ExtID, "id") && !r.bad {
			bl.b.Homework = append(bl.b.Homework, in)
		}
		return
	}
	in := diary.HomeworkIn{Src: r.src(), StudentRef: r.need("student"), SubjectRef: r.need("subject"),
		LessonRef: r.str("lesson")}
	in.Homework = diary.Homework{ExtID: r.need("id"), Date: r.needDate("date"), Text: r.need("text")}
	if !bl.first(r, diary.KindHomework, in.Homework.ExtID, "id") || r.bad {
		return
	}
	bl.b.Homework = append(bl.b.Homework, in)
}

// finalKinds maps folded words of final grade kinds; the period words come
// first because «полугодовая» contains «год».
var finalKinds = []struct {
	word string
	kind diary.FinalKind
}{
	{"четверт", diary.FinalPeriod}, {"полугод", diary.FinalPeriod}, {"триместр", diary.FinalPeriod},
	{"период", diary.FinalPeriod}, {"period", diary.FinalPeriod},
	{"экзам", diary.FinalExam}, {"exam", diary.FinalExam},
	{"итог", diary.FinalFinal}, {"final", diary.FinalFinal},
	{"год", diary.FinalYear}, {"year", diary.FinalYear},
}

// finalKind reads the kind column of a final grade.
func finalKind(r *row) diary.FinalKind {
	v := norm(r.need("kind"))
	if v == "" {
		return ""
	}
	for _, w := range finalKinds {
		if strings.Contains(v, w.word) {
			return w.kind
		}
	}
	r.fail("kind", fmt.Sprintf("неизвестный вид оценки «%s»: ожидается четвертная (полугодовая), годовая, экзаменационная или итоговая", r.str("kind")))
	return ""
}

// parseFinal maps a row of a final grades file. A period grade needs its
// period; its year, when blank, is the period's.
func parseFinal(r *row, bl *builder) {
	in := diary.FinalIn{Src: r.src(), StudentRef: r.need("student"), SubjectRef: r.need("subject"),
		YearRef: normYear(r.str("year")), PeriodRef: r.str("period")}
	in.Final.Kind = finalKind(r)
	switch {
	case in.Final.Kind == diary.FinalPeriod && in.PeriodRef == "":
		r.fail("period", "не заполнено: у четвертной (полугодовой) оценки должен быть период")
	case in.Final.Kind != diary.FinalPeriod && in.Final.Kind != "" && in.YearRef == "":
		r.fail("year", "не заполнено: укажите учебный год, например 2026/2027")
	}
	in.Final.Value, in.Final.Mark = r.mark("mark")
	key := strings.Join([]string{in.StudentRef, in.SubjectRef, string(in.Final.Kind), in.YearRef, in.PeriodRef}, ", ")
	if !bl.first(r, diary.KindFinals, key, "mark") || r.bad {
		return
	}
	if in.YearRef == "" {
		bl.pendingYears = append(bl.pendingYears, pendingYear{index: len(bl.b.Finals), col: colOf(r, "year")})
	}
	bl.b.Finals = append(bl.b.Finals, in)
}

// colOf returns the 0-based column of fld, -1 when absent.
func colOf(r *row, fld string) int {
	if i, ok := r.cols[fld]; ok {
		return i
	}
	return -1
}

// fillFinalYears gives period grades with no year their period's year, from
// the periods of the same import.
func (bl *builder) fillFinalYears() {
	years := map[string]string{}
	for _, p := range bl.b.Periods {
		years[p.Period.ExtID] = p.YearRef
	}
	for _, p := range bl.pendingYears {
		f := &bl.b.Finals[p.index]
		if y, ok := years[f.PeriodRef]; ok {
			f.YearRef = y
			continue
		}
		bl.probs.add(f.Src.File, f.Src.Line, "year", p.col, fmt.Sprintf(
			"не заполнено: период «%s» не найден среди импортируемых периодов, укажите учебный год", f.PeriodRef))
	}
}
