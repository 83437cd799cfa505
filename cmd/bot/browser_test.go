package main

import (
	"context"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/schooldiary/diary/internal/demo"
	"github.com/schooldiary/diary/internal/diary"
	sbchat "github.com/schooldiary/diary/internal/sandbox"
	"github.com/schooldiary/diary/internal/sandbox/browsertest"
)

// TestSandboxInBrowser runs `bot -sandbox` in-process on a fresh store and
// drives its web chat in headless Chromium: a parent of two links with the
// one-time code the page sends, gives consent and reads a grade with its
// average (issue 3, item 2); on a phone-sized page a subject teacher, a
// class teacher and a deputy link with their staff codes and use their
// homes (issue 7).
// One sandbox serves every persona: loading the demo year is the slow part.
func TestSandboxInBrowser(t *testing.T) {
	t.Parallel() // generating the demo school takes a while under -race
	dbPath := filepath.Join(t.TempDir(), "sandbox.db")
	s := start(t, []string{"-sandbox", "-sandbox-db", dbPath}, map[string]string{})
	t.Run("parent", func(t *testing.T) {
		browsertest.LinkParentAndReadGrade(t, browsertest.New(t), s.base)
	})
	t.Run("parent's email", func(t *testing.T) { checkEmailConfirm(t, s.base, dbPath) })
	t.Run("subject teacher", func(t *testing.T) { checkTeacher(t, s.base) })
	t.Run("class teacher", func(t *testing.T) {
		family := requestAccess(t, dbPath, "7А")
		checkClassTeacher(t, s.base, family)
	})
	t.Run("deputy", func(t *testing.T) { checkDeputy(t, s.base) })
	s.stop(t)
}

// openPhone starts Chromium at a phone's size, watching for 404s, and
// opens the sandbox at base.
func openPhone(t *testing.T, base string) (context.Context, func() []string) {
	t.Helper()
	ctx := browsertest.New(t)
	notFound := browsertest.WatchNotFound(t, ctx)
	browsertest.Run(t, ctx, "open the sandbox on a phone", browsertest.Phone(),
		chromedp.Navigate(base), chromedp.WaitVisible(chromedp.CSS(`button[data-persona="teacher"]`)))
	look(t, ctx, "phone-personas.png")
	return ctx, notFound
}

// chooseStaff picks a staff persona: the page sends its staff code, the bot
// links it and shows the staff menu, never the families' wording.
func chooseStaff(t *testing.T, ctx context.Context, persona string) {
	t.Helper()
	browsertest.Run(t, ctx, "choose "+persona, chromedp.Click(chromedp.CSS(`button[data-persona="`+persona+`"]`)),
		browsertest.WaitText(".msg.in .text", "Вы подключены как сотрудник школы"),
		browsertest.WaitText(".msg.in .text", "меню сотрудника"))
	browsertest.NoFamilyWording(t, ctx)
}

// look saves a screenshot of the page to look at, and fails the test when
// anything on it does not fit the phone's width.
func look(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	browsertest.Screenshot(t, ctx, name)
	browsertest.FitsWidth(t, ctx)
}

// noNotFound fails the test when the page met a 404.
func noNotFound(t *testing.T, notFound func() []string) {
	t.Helper()
	if got := notFound(); len(got) > 0 {
		t.Errorf("the page met 404s: %v", got)
	}
}

// checkTeacher: the subject teacher's menu; /grades typed opens it again;
// the day's lessons and a lesson's class list, then «Мои классы» → 7А ·
// Алгебра → a student's card, each view replacing the menu's message in
// place; the expected grade set from the card with a reason.
func checkTeacher(t *testing.T, base string) {
	ctx, notFound := openPhone(t, base)
	chooseStaff(t, ctx, "teacher")
	for _, b := range []string{"Уроки сегодня", "Уроки завтра", "Мои классы"} {
		browsertest.Run(t, ctx, "the button «"+b+"»", chromedp.WaitVisible(browsertest.Button(b)))
	}
	look(t, ctx, "staff-teacher-menu.png")
	browsertest.Run(t, ctx, "type /grades", browsertest.Type("/grades"),
		browsertest.WaitJS(`Array.from(document.querySelectorAll('.msg.in .text')).filter((e) => e.textContent.includes('меню сотрудника')).length >= 2`))
	browsertest.NoFamilyWording(t, ctx)
	checkSettings(t, ctx)
	checkLessons(t, ctx)
	browsertest.InPlace(t, ctx, "«Мои классы»", chromedp.Click(browsertest.Button("Мои классы")),
		browsertest.WaitText(".msg.in .text", "Мои классы: выберите класс и предмет"))
	browsertest.InPlace(t, ctx, "7А · Алгебра", chromedp.Click(browsertest.Button("7А · Алгебра")),
		browsertest.WaitText(".msg.in .text", "7А, Алгебра: выберите ученика"))
	look(t, ctx, "staff-teacher-students.png")
	name := browsertest.Eval[string](t, ctx, `Array.from(document.querySelectorAll('.msg.in')).filter((m) => m.textContent.includes('выберите ученика')).pop().querySelector('.inline-kb button').textContent`)
	browsertest.InPlace(t, ctx, "the card of "+name, chromedp.Click(browsertest.Button(name)),
		browsertest.WaitText(".msg.in .text b", strings.Fields(name)[0]),
		browsertest.WaitJSText(`/7А\nАлгебра, .+[\s\S]*Средний балл: \d,\d\d[\s\S]*Ожидаемая оценка: \d/`))
	look(t, ctx, "staff-teacher-card.png")
	checkExpected(t, ctx)
	noNotFound(t, notFound)
}

// checkSettings: «Настройки» replaces the staff menu with the settings a
// staff member has (no child, no consent), and «Назад» brings the menu back.
func checkSettings(t *testing.T, ctx context.Context) {
	t.Helper()
	browsertest.InPlace(t, ctx, "«Настройки»", chromedp.Click(browsertest.Button("Настройки")),
		browsertest.WaitText(".msg.in .text", "Выберите, что изменить"),
		chromedp.WaitVisible(browsertest.Button("Язык · Language")))
	if browsertest.Eval[bool](t, ctx, `Array.from(document.querySelectorAll('.msg.in .inline-kb button')).some((b) => /Согласие|Выбор ребёнка/.test(b.textContent))`) {
		t.Errorf("a staff member's settings offer a family's consent or child")
	}
	look(t, ctx, "staff-teacher-settings.png")
	browsertest.InPlace(t, ctx, "back to the menu", chromedp.Click(browsertest.Button("Назад")),
		browsertest.WaitNoText(".msg.in .text", "Выберите, что изменить"))
}

// lessonsShown, noLessons and lessonsOrNone match a day's lessons, their
// absence, and either.
const (
	lessonsShown  = `/Ваши уроки, /`
	noLessons     = `/нет Ваших уроков/`
	lessonsOrNone = `/Ваши уроки, |нет Ваших уроков/`
)

// checkLessons opens «Уроки сегодня» (or «Уроки завтра» when today has
// none) and a lesson's class list, each in place, and goes back to the menu.
func checkLessons(t *testing.T, ctx context.Context) {
	t.Helper()
	for _, day := range []string{"Уроки сегодня", "Уроки завтра"} {
		browsertest.InPlace(t, ctx, "«"+day+"»", chromedp.Click(browsertest.Button(day)),
			browsertest.WaitJSText(lessonsOrNone))
		look(t, ctx, "staff-teacher-lessons.png")
		if browsertest.Eval[bool](t, ctx, `Array.from(document.querySelectorAll('.msg.in .text')).some((e) => `+lessonsShown+`.test(e.textContent))`) {
			checkLesson(t, ctx)
			return
		}
		browsertest.InPlace(t, ctx, "back to the menu", chromedp.Click(browsertest.Button("Меню сотрудника")),
			browsertest.WaitNoJSText(noLessons))
	}
	t.Log("the teacher has no lessons today or tomorrow: the class list of a lesson is not checked")
}

// checkLesson presses the first lesson's button: its class list, with the
// number marked absent, replaces the lessons; then back to the menu.
func checkLesson(t *testing.T, ctx context.Context) {
	t.Helper()
	label := browsertest.Eval[string](t, ctx, `Array.from(document.querySelectorAll('.msg.in .inline-kb button')).filter((b) => /^\d+\. /.test(b.textContent)).pop().textContent`)
	browsertest.InPlace(t, ctx, "the lesson "+label, chromedp.Click(browsertest.Button(label)),
		browsertest.WaitJSText(`/-й урок, [\s\S]*Тема: [\s\S]*\n1\. [\s\S]*Отмечено отсутствующих: /`),
		browsertest.WaitNoJSText(lessonsShown))
	look(t, ctx, "staff-teacher-lesson.png")
	browsertest.InPlace(t, ctx, "back to the menu", chromedp.Click(browsertest.Button("Меню сотрудника")),
		browsertest.WaitNoText(".msg.in .text", "Отмечено отсутствующих"))
}

// checkExpected sets the expected grade from the card: the grades to
// choose replace the card, the reason is asked and typed, and it is saved.
func checkExpected(t *testing.T, ctx context.Context) {
	t.Helper()
	browsertest.InPlace(t, ctx, "«Выставить ожидаемую оценку»", chromedp.Click(browsertest.Button("Выставить ожидаемую оценку")),
		browsertest.WaitText(".msg.in .text", "Ожидаемая оценка за период:"), browsertest.WaitNoText(".msg.in .text", "Средний балл:"))
	browsertest.Run(t, ctx, "choose 5", chromedp.Click(browsertest.Button("5")),
		browsertest.WaitText(".msg.in .text", "Напишите одним сообщением причину"))
	reason := "Защитил проект по алгебре"
	browsertest.Run(t, ctx, "type the reason", browsertest.Type(reason),
		browsertest.WaitJSText(`/Записано: ожидаемая оценка 5, .+, Алгебра\. Причина: `+reason+`/`))
	look(t, ctx, "staff-teacher-expected.png")
}

// accessRequest is a family's request made before the class teacher linked.
type accessRequest struct{ parent, child string }

// requestAccess records an access request of the first student of class
// name's first guardian, as a parent without a code makes it.
func requestAccess(t *testing.T, dbPath, class string) accessRequest {
	t.Helper()
	ctx := context.Background()
	db := openStore(t, "sqlite:"+dbPath)
	schools, err := db.Schools(ctx)
	if err != nil || len(schools) != 1 {
		t.Fatalf("the sandbox's schools: %v, %v", schools, err)
	}
	cl := classNamed(t, db, schools[0].ID, class)
	students, err := db.StudentsOfClass(ctx, cl.ID)
	if err != nil || len(students) == 0 {
		t.Fatalf("students of %s: %v, %v", class, students, err)
	}
	gs, err := db.GuardiansOfStudent(ctx, students[0].ID)
	if err != nil || len(gs) == 0 {
		t.Fatalf("guardians of %s: %v, %v", students[0].Name.Full(), gs, err)
	}
	ar := diary.AccessRequest{SchoolID: schools[0].ID, TelegramUserID: sbchat.PersonaUserBase + 100,
		ChatID: sbchat.PersonaUserBase + 100, Name: gs[0].Name.Full(), Relation: "мама", Phone: gs[0].Phone,
		ChildName: students[0].Name.Full(), ClassName: cl.Name, ClassID: cl.ID}
	if _, err := db.CreateAccessRequest(ctx, ar); err != nil {
		t.Fatalf("request access: %v", err)
	}
	return accessRequest{parent: ar.Name, child: ar.ChildName}
}

// classNamed returns the school's class called name.
func classNamed(t *testing.T, db diary.Store, schoolID int64, name string) diary.Class {
	t.Helper()
	classes, err := db.Classes(context.Background(), schoolID)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range classes {
		if c.Name == name {
			return c
		}
	}
	t.Fatalf("no class %s in the demo school", name)
	return diary.Class{}
}

// checkClassTeacher: the class teacher of 7А links, is told a request
// waits; «Класс 7А» turns the menu into the class at a glance (who linked,
// consented, was not seen for a week, the request, today's absences), and
// «Заявки на доступ» lists the request with its decision buttons, and
// «Коды для класса 7А» sends the letters' PDF.
func checkClassTeacher(t *testing.T, base string, family accessRequest) {
	ctx, notFound := openPhone(t, base)
	chooseStaff(t, ctx, "class-teacher")
	browsertest.Run(t, ctx, "the waiting request and the menu", browsertest.WaitText(".msg.in .text", "Ждут Вашего решения 1 заявка"),
		chromedp.WaitVisible(browsertest.Button("Класс 7А")), chromedp.WaitVisible(browsertest.Button("Коды для класса 7А")))
	look(t, ctx, "staff-class-menu.png")
	browsertest.InPlace(t, ctx, "«Класс 7А»", chromedp.Click(browsertest.Button("Класс 7А")),
		browsertest.WaitJSText(`/Класс 7А: \d+ учени[а-я]*\s+Подключили дневник: \d+ из \d+/`),
		browsertest.WaitText(".msg.in .text", "Дали согласие на обработку данных:"),
		browsertest.WaitJSText(`/Из подключённых семей \(\d+\) (не заходили|все заходили)|видно только по подключённым семьям/`),
		browsertest.WaitText(".msg.in .text", "Запросы на доступ: 1"),
		browsertest.WaitText(".msg.in .text", "• "+family.parent+" — "+family.child),
		browsertest.WaitText(".msg.in .text", "Отсутствуют сегодня:"))
	look(t, ctx, "staff-class-glance.png")
	browsertest.Run(t, ctx, "the glance's top", browsertest.ScrollTo("Подключили дневник"))
	look(t, ctx, "staff-class-glance-top.png")
	browsertest.InPlace(t, ctx, "back to the menu", chromedp.Click(browsertest.Button("Меню сотрудника")),
		browsertest.WaitNoText(".msg.in .text", "Дали согласие"))
	browsertest.Run(t, ctx, "«Заявки на доступ»", chromedp.Click(browsertest.Button("Заявки на доступ")),
		browsertest.WaitText(".msg.in .text", "Заявка на доступ к дневнику"),
		browsertest.WaitText(".msg.in .text", "Заявитель: "+family.parent+" (мама)"),
		browsertest.WaitText(".msg.in .text", "Ученик: "+family.child+", 7А класс"),
		chromedp.WaitVisible(browsertest.Button("Одобрить")), chromedp.WaitVisible(browsertest.Button("Отказать")))
	look(t, ctx, "staff-class-requests.png")
	checkLetters(t, ctx)
	browsertest.NoFamilyWording(t, ctx)
	noNotFound(t, notFound)
}

// checkLetters presses «Коды для класса 7А»: the letters come as a PDF the
// page offers to download, served without a 404.
func checkLetters(t *testing.T, ctx context.Context) {
	t.Helper()
	browsertest.Run(t, ctx, "«Коды для класса 7А»", chromedp.Click(browsertest.Button("Коды для класса 7А")),
		chromedp.WaitVisible(chromedp.CSS(`a.file[download="codes-7А.pdf"]`)))
	look(t, ctx, "staff-class-letters.png")
	head := browsertest.Eval[string](t, ctx, `fetch(document.querySelector('a.file[download="codes-7А.pdf"]').href).then((r) => r.status + ' ' + r.headers.get('Content-Type'))`, chromedp.EvalAwaitPromise)
	if !strings.HasPrefix(head, "200 ") {
		t.Errorf("the letters' PDF: %s; want 200", head)
	}
}

// checkDeputy: the deputy of 5–9 links; «Классы по ступеням» turns the menu
// into the classes of the levels with their averages, and a class's button
// into its glance.
func checkDeputy(t *testing.T, base string) {
	ctx, notFound := openPhone(t, base)
	chooseStaff(t, ctx, "deputy")
	browsertest.Run(t, ctx, "the deputy's menu", chromedp.WaitVisible(browsertest.Button("Классы по ступеням")))
	look(t, ctx, "staff-deputy-menu.png")
	browsertest.InPlace(t, ctx, "«Классы по ступеням»", chromedp.Click(browsertest.Button("Классы по ступеням")),
		browsertest.WaitText(".msg.in .text", "Классы Ваших ступеней"),
		browsertest.WaitJSText(`/7А: ср\. \d,\d\d · риск/`))
	if browsertest.Eval[bool](t, ctx, `Array.from(document.querySelectorAll('.msg.in .text')).some((e) => /(^|\n)(10|11|[1-4])[А-ЯЁ]: ср\./.test(e.textContent))`) {
		t.Errorf("the deputy of 5–9 sees a class of another level")
	}
	look(t, ctx, "staff-deputy-levels.png")
	browsertest.InPlace(t, ctx, "«Класс 7А»", chromedp.Click(browsertest.Button("Класс 7А")),
		browsertest.WaitJSText(`/Класс 7А: \d+ учени/`), browsertest.WaitNoText(".msg.in .text", "Классы Ваших ступеней"))
	look(t, ctx, "staff-deputy-class.png")
	browsertest.InPlace(t, ctx, "«← К ступеням»", chromedp.Click(browsertest.Button("← К ступеням")),
		browsertest.WaitText(".msg.in .text", "Классы Ваших ступеней"))
	browsertest.NoFamilyWording(t, ctx)
	noNotFound(t, notFound)
}

// checkEmailConfirm: on a phone, the linked parent adds her roster address
// in Настройки → Уведомления → Добавить почту; the bot's code arrives in
// the page's «Почта» (the sandbox's catcher), and typed back it confirms
// the address.
func checkEmailConfirm(t *testing.T, base, dbPath string) {
	ctx, notFound := openPhone(t, base)
	addr := parentAddress(t, dbPath)
	browsertest.Run(t, ctx, "choose the parent", chromedp.Click(chromedp.CSS(`button[data-persona="parent"]`)),
		chromedp.WaitVisible(browsertest.Button("Настройки")))
	browsertest.Run(t, ctx, "Настройки → Уведомления → Добавить почту", chromedp.Click(browsertest.Button("Настройки")),
		chromedp.Click(browsertest.Button("Уведомления")), chromedp.Click(browsertest.Button("Добавить почту")),
		browsertest.WaitText(".msg.in .text", "Напишите адрес электронной почты"))
	browsertest.Run(t, ctx, "type the address", browsertest.Type(addr),
		browsertest.WaitText(".msg.in .text", "Мы отправили код на "+addr))
	browsertest.Run(t, ctx, "open «Почта»", chromedp.Click(chromedp.ID("mail-btn")),
		browsertest.WaitText(".mail .mail-subject", "Код подтверждения почты"))
	look(t, ctx, "phone-parent-mail.png")
	text := browsertest.Eval[string](t, ctx, `document.querySelector('.mail .mail-text').textContent`)
	code := regexp.MustCompile(`\d{6}`).FindString(text)
	if code == "" {
		t.Fatalf("no six-digit code in the mail: %q", text)
	}
	browsertest.Run(t, ctx, "type the code back", chromedp.Click(chromedp.ID("mail-close")), browsertest.Type(code),
		browsertest.WaitText(".msg.in .text", "Почта "+addr+" подтверждена"))
	noNotFound(t, notFound)
}

// parentAddress is the demo parent's roster address in the sandbox's store.
func parentAddress(t *testing.T, dbPath string) string {
	t.Helper()
	db := openStore(t, "sqlite:"+dbPath)
	gs, err := db.GuardiansByPhone(t.Context(), demo.ParentPhone)
	if err != nil || len(gs) == 0 || gs[0].Email == "" {
		t.Fatalf("demo parent: %+v, %v; want one with an email", gs, err)
	}
	return gs[0].Email
}
