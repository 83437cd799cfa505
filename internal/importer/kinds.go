package importer

import (
	"sync"

	"github.com/schooldiary/diary/internal/diary"
)

// kindSpec describes one kind of file: how it is recognised by name, which
// columns it has, and how a row becomes batch records.
type kindSpec struct {
	kind  string   // diary.Kind*
	title string   // Russian name for reports
	names []string // words of file and sheet names that mean this kind
	// fields are the columns; anyOf are column sets of which one must be
	// complete (a full name or a last and first name, say).
	fields []field
	anyOf  []alternative
	parse  func(r *row, b *builder)

	once    sync.Once
	byAlias map[string]field
}

// alternative asks for at least one of several column sets.
type alternative struct {
	sets [][]string
	msg  string
}

// Reusable columns.
var (
	fFullName = field{name: "full_name", aliases: []string{"ФИО", "Ф.И.О.", "full name", "name"}}
	fLast     = field{name: "last_name", aliases: []string{"фамилия", "surname"}}
	fFirst    = field{name: "first_name", aliases: []string{"имя", "given name"}}
	fMiddle   = field{name: "middle_name", aliases: []string{"отчество", "patronymic"}}
	fPhone    = field{name: "phone", aliases: []string{"телефон", "мобильный телефон", "моб. телефон", "mobile"}}
	fEmail    = field{name: "email", aliases: []string{"электронная почта", "эл. почта", "e-mail", "почта", "mail"}}
	fStart    = field{name: "start", required: true, aliases: []string{"начало", "дата начала", "с", "start date", "from"}}
	fEnd      = field{name: "end", required: true, aliases: []string{"окончание", "конец", "дата окончания", "по", "end date", "to"}}
	fLevels   = field{name: "levels", aliases: []string{"классы", "параллели", "уровни"}}
	fMinLevel = field{name: "min_level", aliases: []string{"с класса", "от класса", "min level"}}
	fMaxLevel = field{name: "max_level", aliases: []string{"по класс", "до класса", "max level"}}

	fStudent = field{name: "student", required: true, aliases: []string{"код ученика", "ученик", "обучающийся", "student id"}}
	fSubject = field{name: "subject", required: true, aliases: []string{"код предмета", "предмет", "subject id"}}
	fClass   = field{name: "class", required: true, aliases: []string{"класс", "код класса", "class id"}}
	fLesson  = field{name: "lesson", aliases: []string{"код урока", "урок", "lesson id"}}
	fTeacher = field{name: "teacher", aliases: []string{"код учителя", "учитель", "преподаватель", "teacher id"}}
	fDate    = field{name: "date", aliases: []string{"дата"}}
	// fDeleted marks a row whose stored record is to be removed.
	fDeleted = field{name: "deleted", aliases: []string{"удалить", "удалена", "удалено", "удалён"}}
)

// nameAlt asks for a full name or a last and first name.
var nameAlt = alternative{
	sets: [][]string{{"full_name"}, {"last_name", "first_name"}},
	msg:  "нужен столбец «ФИО» или столбцы «Фамилия» и «Имя»",
}

// idField is the journal's own id of a record of some kind.
func idField(required bool, aliases ...string) field {
	return field{name: "id", required: required, aliases: append(aliases, "код", "ид", "идентификатор", "внешний код", "ext id")}
}

// optional returns f made optional.
func optional(f field) field { f.required = false; return f }

// required returns f made required.
func required(f field) field { f.required = true; return f }

// withAliases returns f with more aliases in front.
func withAliases(f field, aliases ...string) field {
	f.aliases = append(append([]string{}, aliases...), f.aliases...)
	return f
}

// specs lists every kind of file, in the order reports print them.
var specs = []*kindSpec{
	{kind: diary.KindYears, title: "учебные годы", names: []string{"years", "academic years", "учебные годы", "годы"},
		fields: []field{
			{name: "name", required: true, aliases: []string{"учебный год", "год", "название", "year"}},
			fStart, fEnd,
		}, parse: parseYear},
	{kind: diary.KindPeriods, title: "периоды", names: []string{"periods", "terms", "quarters", "периоды", "четверти", "учебные периоды"},
		fields: []field{
			idField(false, "код периода", "period id"),
			{name: "name", required: true, aliases: []string{"период", "название", "period"}},
			{name: "kind", aliases: []string{"вид", "тип", "type"}},
			{name: "year", aliases: []string{"учебный год", "год"}},
			fLevels, fMinLevel, fMaxLevel, fStart, fEnd,
		}, parse: parsePeriod},
	{kind: diary.KindDaysOff, title: "каникулы и праздники", names: []string{"days off", "holidays", "vacations", "quarantines", "каникулы", "праздники", "выходные",
		"каникулы и праздники", "карантины"},
		fields: []field{
			{name: "name", required: true, aliases: []string{"название", "наименование"}},
			{name: "kind", aliases: []string{"вид", "тип", "type"}},
			fLevels, fMinLevel, fMaxLevel, optional(fClass), fStart, optional(fEnd),
		}, parse: parseDayOff},
	{kind: diary.KindSubjects, title: "предметы", names: []string{"subjects", "предметы"},
		fields: []field{
			idField(false, "код предмета", "subject id"),
			{name: "name", required: true, aliases: []string{"предмет", "название", "наименование", "subject"}},
			{name: "short", aliases: []string{"сокращение", "краткое название", "short name"}},
		}, parse: parseSubject},
	{kind: diary.KindClasses, title: "классы", names: []string{"classes", "классы"},
		fields: []field{
			idField(false, "код класса", "class id"),
			{name: "name", required: true, aliases: []string{"класс", "название", "class"}},
			{name: "level", aliases: []string{"параллель", "уровень", "grade"}},
		}, parse: parseClass},
	{kind: diary.KindStaff, title: "сотрудники", names: []string{"staff", "teachers", "employees", "сотрудники", "учителя", "педагоги", "персонал", "кадры"},
		fields: []field{
			idField(true, "код сотрудника", "код учителя", "staff id", "teacher id"),
			withAliases(fFullName, "сотрудник", "учитель"), fLast, fFirst, fMiddle, fPhone, fEmail,
			{name: "roles", aliases: []string{"роли", "роль", "должность", "должности", "role"}},
			{name: "active_from", aliases: []string{"работает с", "дата приема", "принят", "active from"}},
			{name: "active_to", aliases: []string{"работает по", "дата увольнения", "уволен", "active to"}},
		}, anyOf: []alternative{nameAlt}, parse: parseStaff},
	{kind: diary.KindStudents, title: "ученики", names: []string{"students", "pupils", "roster", "ученики", "учащиеся", "обучающиеся", "контингент"},
		fields: []field{
			idField(true, "код ученика", "student id"),
			withAliases(fFullName, "ученик", "обучающийся"), fLast, fFirst, fMiddle,
			fClass,
			{name: "birth_date", aliases: []string{"дата рождения", "birthday"}},
			fPhone, fEmail,
			{name: "status", aliases: []string{"статус", "состояние"}},
			{name: "left_on", aliases: []string{"дата выбытия", "выбыл", "left"}},
			{name: "left_reason", aliases: []string{"причина выбытия", "причина"}},
		}, anyOf: []alternative{nameAlt}, parse: parseStudent},
	{kind: diary.KindGroups, title: "группы", names: []string{"groups", "группы", "подгруппы"},
		fields: []field{
			idField(true, "код группы", "group id"),
			{name: "name", required: true, aliases: []string{"группа", "название", "group"}},
			fClass,
			{name: "students", aliases: []string{"ученики", "состав", "members", "коды учеников"}},
			optional(fStudent),
		}, parse: parseGroup},
	{kind: diary.KindGuardians, title: "родители и представители", names: []string{"guardians", "parents", "родители", "представители", "законные представители"},
		fields: []field{
			idField(true, "код родителя", "код представителя", "guardian id", "parent id"),
			withAliases(fFullName, "родитель", "представитель", "ФИО родителя", "ФИО представителя"), fLast, fFirst, fMiddle,
			{name: "kind", aliases: []string{"кем приходится", "вид", "тип", "степень родства", "relation"}},
			fPhone, fEmail, fStudent,
		}, anyOf: []alternative{nameAlt}, parse: parseGuardian},
	{kind: diary.KindLessons, title: "уроки", names: []string{"lessons", "timetable", "schedule", "уроки", "расписание", "занятия"},
		fields: []field{
			idField(false, "код урока", "lesson id"),
			required(fDate), fClass,
			{name: "group", aliases: []string{"группа", "код группы", "group id"}},
			fSubject, fTeacher,
			{name: "number", required: true, aliases: []string{"номер урока", "номер", "урок номер", "lesson number"}},
			{name: "topic", aliases: []string{"тема", "тема урока"}},
			{name: "homework", aliases: []string{"домашнее задание", "дз", "задание"}},
		}, parse: parseLesson},
	{kind: diary.KindTimetable, title: "расписание на неделю", names: []string{"weekly timetable", "week timetable",
		"недельное расписание", "расписание на неделю", "сетка расписания"},
		fields: []field{
			fClass,
			{name: "group", aliases: []string{"группа", "код группы", "group id"}},
			{name: "weekday", required: true, aliases: []string{"день недели", "день", "weekday", "day"}},
			{name: "number", required: true, aliases: []string{"номер урока", "номер", "урок номер", "урок", "lesson number"}},
			fSubject, fTeacher,
			{name: "valid_from", aliases: []string{"действует с", "с", "с даты", "valid from", "from"}},
			{name: "valid_to", aliases: []string{"действует по", "по", "по дату", "valid to", "to"}},
		}, parse: parseSlot},
	{kind: diary.KindGrades, title: "оценки", names: []string{"grades", "marks", "оценки", "отметки"},
		fields: []field{
			idField(true, "код оценки", "grade id"),
			fStudent, optional(fSubject), fLesson, fTeacher, fDate,
			{name: "mark", required: true, aliases: []string{"оценка", "отметка", "grade", "value"}},
			{name: "work_type", aliases: []string{"вид работы", "тип работы", "work"}},
			{name: "weight", aliases: []string{"вес", "вес оценки"}},
			{name: "description", aliases: []string{"описание", "описание работы", "комментарий", "comment"}},
			fDeleted,
		}, anyOf: []alternative{
			{sets: [][]string{{"lesson"}, {"subject", "date"}}, msg: "нужен столбец «урок» или столбцы «предмет» и «дата»"},
		}, parse: parseGrade},
	{kind: diary.KindAttendance, title: "посещаемость", names: []string{"attendance", "посещаемость", "пропуски"},
		fields: []field{
			fStudent, required(fLesson),
			{name: "mark", required: true, aliases: []string{"отметка", "посещаемость", "пропуск", "attendance"}},
		}, parse: parseAttendance},
	{kind: diary.KindHomework, title: "индивидуальные задания", names: []string{"homework", "домашние задания", "задания", "дз"},
		fields: []field{
			idField(true, "код задания", "homework id"),
			fStudent, fSubject, fLesson,
			withAliases(required(fDate), "срок", "к дате", "срок сдачи", "due"),
			{name: "text", required: true, aliases: []string{"задание", "текст", "текст задания"}},
			fDeleted,
		}, parse: parseHomework},
	{kind: diary.KindFinals, title: "итоговые оценки", names: []string{"finals", "final grades", "итоговые", "итоговые оценки", "четвертные", "четвертные оценки"},
		fields: []field{
			fStudent, fSubject,
			{name: "kind", required: true, aliases: []string{"вид", "вид оценки", "тип", "type"}},
			{name: "year", aliases: []string{"учебный год", "год"}},
			{name: "period", aliases: []string{"период", "код периода", "period id"}},
			{name: "mark", required: true, aliases: []string{"оценка", "отметка", "grade", "value"}},
		}, parse: parseFinal},
}

// specOf returns the spec of a kind.
func specOf(kind string) *kindSpec {
	for _, s := range specs {
		if s.kind == kind {
			return s
		}
	}
	return nil
}
