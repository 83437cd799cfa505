package i18n

// A number with its noun, for N (the argument is always n): «5 уроков».
const (
	Lessons Key = "n.lessons"
)

var unitMessages = messages{
	Lessons: {
		"{n, plural, one {# урок} few {# урока} many {# уроков} other {# урока}}",
		"{n, plural, one {# lesson} other {# lessons}}",
	},
}
