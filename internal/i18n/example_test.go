package i18n_test

import (
	"fmt"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/i18n"
)

func Example() {
	lang := i18n.Match("ru") // the user's Telegram language_code, or their saved choice
	fmt.Println(i18n.T(lang, i18n.LinkDone, "child", "Петров <Иван>", "class", "5А"))
	fmt.Println(i18n.N(lang, i18n.Lessons, 5), "·", i18n.N(i18n.EN, i18n.Lessons, 5))
	fmt.Println(i18n.WeekdayDayMonth(lang, diary.NewDate(2026, 11, 30)))
	fmt.Println(i18n.Plain(lang, i18n.MenuPeriods))
	// Output:
	// Готово! Дневник подключён: <b>Петров &lt;Иван&gt;</b>, 5А класс.
	// 5 уроков · 5 lessons
	// пн, 30 ноября
	// Периоды и каникулы
}

func ExampleT_plural() {
	fmt.Println(i18n.T(i18n.RU, i18n.RefusedLocked, "minutes", 21))
	fmt.Println(i18n.T(i18n.EN, i18n.RefusedLocked, "minutes", 1))
	// Output:
	// Слишком много неверных кодов. Попробуйте снова через 21 минуту.
	// Too many wrong codes. Please try again in 1 minute.
}

func ExampleSafe() {
	// Markup built by the caller is Safe; the user's text inside it is escaped.
	name := "<b>" + i18n.Escape("Анна & Co") + "</b>"
	fmt.Println(i18n.T(i18n.RU, i18n.StartBack, "name", name))
	// Output:
	// Здравствуйте, <b>Анна &amp; Co</b>! Выберите в меню, что посмотреть.
}
