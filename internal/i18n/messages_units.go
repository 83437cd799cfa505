package i18n

// A number with its noun, for N (the argument is always n): «5 оценок».
const (
	Grades   Key = "n.grades"
	Lessons  Key = "n.lessons"
	Absences Key = "n.absences"
	Students Key = "n.students"
	Children Key = "n.children"
	Days     Key = "n.days"
	Hours    Key = "n.hours"
	Minutes  Key = "n.minutes"
)

var unitMessages = messages{
	Grades: {
		"{n, plural, one {# оценка} few {# оценки} many {# оценок} other {# оценки}}",
		"{n, plural, one {# grade} other {# grades}}",
	},
	Lessons: {
		"{n, plural, one {# урок} few {# урока} many {# уроков} other {# урока}}",
		"{n, plural, one {# lesson} other {# lessons}}",
	},
	Absences: {
		"{n, plural, one {# пропуск} few {# пропуска} many {# пропусков} other {# пропуска}}",
		"{n, plural, one {# absence} other {# absences}}",
	},
	Students: {
		"{n, plural, one {# ученик} few {# ученика} many {# учеников} other {# ученика}}",
		"{n, plural, one {# student} other {# students}}",
	},
	Children: {
		"{n, plural, one {# ребёнок} few {# ребёнка} many {# детей} other {# ребёнка}}",
		"{n, plural, one {# child} other {# children}}",
	},
	Days: {
		"{n, plural, one {# день} few {# дня} many {# дней} other {# дня}}",
		"{n, plural, one {# day} other {# days}}",
	},
	Hours: {
		"{n, plural, one {# час} few {# часа} many {# часов} other {# часа}}",
		"{n, plural, one {# hour} other {# hours}}",
	},
	Minutes: {
		"{n, plural, one {# минута} few {# минуты} many {# минут} other {# минуты}}",
		"{n, plural, one {# minute} other {# minutes}}",
	},
}
