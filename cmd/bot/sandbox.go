package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strings"
	"time"

	"github.com/schooldiary/diary/internal/config"
	"github.com/schooldiary/diary/internal/demo"
	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/notify/email/catcher"
	sbchat "github.com/schooldiary/diary/internal/sandbox"
	"github.com/schooldiary/diary/internal/telegramtest"
)

// sandboxPath is the sandbox's own embedded store unless -sandbox-db names
// another file. The sandbox never uses DATABASE_URL, so it cannot touch a
// production database.
const sandboxPath = "./data/sandbox.db"

// sandboxSeed makes the sandbox's demo school the same on every machine.
const sandboxSeed = 1

// sandboxTokenName names the sandbox's API token in the store.
const sandboxTokenName = "sandbox"

// sandboxStore is what preparing the sandbox reads and writes: the demo
// school is generated into it and found again, its API token kept, and a
// student with a recent lesson picked for the printed commands.
type sandboxStore interface {
	diary.Writer // the demo school
	diary.Tokens // the sandbox's API token
	// Schools lists all schools by code.
	Schools(ctx context.Context) ([]diary.School, error)
	// Classes lists a school's classes by level, then name.
	Classes(ctx context.Context, schoolID int64) ([]diary.Class, error)
	// StudentsOfClass lists the enrolled students of a class by name.
	StudentsOfClass(ctx context.Context, classID int64) ([]diary.Student, error)
	// ClassLessons lists the lessons of a class in [from, to] (one subject
	// when subjectID is not 0), by date and number.
	ClassLessons(ctx context.Context, classID, subjectID int64, from, to diary.Date) ([]diary.Lesson, error)
}

// The whole store serves the sandbox.
var _ sandboxStore = diary.Store(nil)

// sandbox is what the sandbox prints: the demo school, a token and ids to try.
type sandbox struct {
	school  diary.School
	secret  string
	student string           // a student's journal id
	lesson  string           // a recent lesson of the student's class
	mail    *catcher.Catcher // where the sandbox's email goes; the page shows it
}

// sandboxFrom is the sender of the sandbox's email.
const sandboxFrom = "Дневник-песочница <noreply@sandbox.example.org>"

// startMail starts the sandbox's SMTP catcher and points cfg's email at it
// (whatever SMTP_URL says: the sandbox never mails anyone).
func (sb *sandbox) startMail(cfg *config.Bot, log *slog.Logger) error {
	c, err := catcher.Start("127.0.0.1:0", catcher.Options{})
	if err != nil {
		return fmt.Errorf("sandbox: %w", err)
	}
	sb.mail = c
	cfg.Mail = config.Mail{SMTPURL: c.URL(), SMTPFrom: sandboxFrom}
	log.Info("sandbox email goes to the page's «Почта» (an SMTP catcher in this process)", "smtp", c.Addr())
	return nil
}

// sandboxConfig points the store at the sandbox's own SQLite file and logs
// that DATABASE_URL is ignored when it was set.
func sandboxConfig(cfg config.Bot, path string, dbURLSet bool, log *slog.Logger) config.Bot {
	if dbURLSet {
		log.Warn("песочница использует свою базу, DATABASE_URL пропущен / the sandbox uses its own store; DATABASE_URL ignored",
			"sandbox_db", path)
	}
	cfg.DatabaseURL = "sqlite:" + path
	return cfg
}

// withoutDatabaseURL hides DATABASE_URL from the settings: the sandbox never
// reads it, not even to validate it.
func withoutDatabaseURL(getenv func(string) string) func(string) string {
	return func(k string) string {
		if k == "DATABASE_URL" {
			return ""
		}
		return getenv(k)
	}
}

// prepareSandbox loads the demo school into an empty sandbox store and gives
// the sandbox its API token for that school, kept in tokenPath. It refuses a
// store holding any other school: that is not a sandbox file.
func prepareSandbox(ctx context.Context, db sandboxStore, tokenPath string, log *slog.Logger) (*sandbox, error) {
	school, err := demoSchool(ctx, db, log)
	if err != nil {
		return nil, err
	}
	secret, err := sandboxToken(ctx, db, school, tokenPath)
	if err != nil {
		return nil, err
	}
	sb := &sandbox{school: school, secret: secret}
	sb.student, sb.lesson = example(ctx, db, school)
	return sb, nil
}

// demoSchool returns the demo school, generating it first when the store has
// no school. Any other school in the store is an error.
func demoSchool(ctx context.Context, db sandboxStore, log *slog.Logger) (diary.School, error) {
	schools, err := db.Schools(ctx)
	if err != nil {
		return diary.School{}, fmt.Errorf("sandbox: %w", err)
	}
	if len(schools) == 0 {
		if err := loadDemo(ctx, db, log); err != nil {
			return diary.School{}, err
		}
		if schools, err = db.Schools(ctx); err != nil {
			return diary.School{}, fmt.Errorf("sandbox: %w", err)
		}
	}
	return onlyDemo(schools)
}

// onlyDemo returns the demo school when it is the only school in schools.
func onlyDemo(schools []diary.School) (diary.School, error) {
	var others []string
	for _, s := range schools {
		if s.Code != demo.DemoSchoolCode {
			others = append(others, s.Code)
		}
	}
	if len(others) > 0 {
		return diary.School{}, fmt.Errorf("sandbox: в базе есть другие школы (%s) — это не база песочницы, укажите другой -sandbox-db / the store holds other schools, not a sandbox file",
			strings.Join(others, ", "))
	}
	if len(schools) == 0 {
		return diary.School{}, fmt.Errorf("sandbox: the demo generator made no school")
	}
	return schools[0], nil
}

// loadDemo generates the demo school up to today.
func loadDemo(ctx context.Context, db diary.Writer, log *slog.Logger) error {
	loc, err := time.LoadLocation(diary.DefaultTimeZone)
	if err != nil {
		return fmt.Errorf("sandbox: %w", err)
	}
	today := diary.DateIn(time.Now(), loc)
	log.Info("loading the demo school", "seed", sandboxSeed, "until", today.String())
	if _, err := demo.Generate(ctx, db, demo.Options{Seed: sandboxSeed, Schools: 1, Until: today, Ahead: 7}); err != nil {
		return fmt.Errorf("sandbox: demo school: %w", err)
	}
	debug.FreeOSMemory() // generating the year's journal is the sandbox's peak; give it back
	return nil
}

// example finds a student and a recent whole-class lesson of their class, so
// the printed commands work as they are. Empty ids when there is none.
func example(ctx context.Context, db sandboxStore, school diary.School) (student, lesson string) {
	classes, err := db.Classes(ctx, school.ID)
	if err != nil {
		return "", ""
	}
	today := diary.DateIn(time.Now(), school.Location())
	for _, c := range classes {
		students, err1 := db.StudentsOfClass(ctx, c.ID)
		lessons, err2 := db.ClassLessons(ctx, c.ID, 0, today.AddDays(-30), today)
		if err1 != nil || err2 != nil || len(students) == 0 {
			continue
		}
		for i := len(lessons) - 1; i >= 0; i-- {
			if lessons[i].GroupID == 0 {
				return students[0].ExtID, lessons[i].ExtID
			}
		}
	}
	return "", ""
}

// print tells how to try the service; the token appears here only, never in logs.
func (sb *sandbox) print(w io.Writer, url string) {
	fmt.Fprintf(w, `
Песочница готова / Sandbox ready
  Чат с ботом / Web chat:  %[1]s  — выберите роль: родитель, ученик, учитель…
                            pick a persona: parent, student, teacher…
  Школа / School:  %[2]s (%[3]s)
  Токен API только для песочницы / API token, sandbox only:
    %[4]s

Проверка / Check:
  curl -s %[1]s/healthz
  curl -s %[1]s/readyz
  curl -s %[1]s/metrics | grep diary_
`, url, sb.school.Name, sb.school.Code, sb.secret)
	if sb.student != "" {
		fmt.Fprintf(w, `
Поставить оценку (повтор того же запроса ничего не меняет) /
Post a grade (posting it again changes nothing):
  curl -s -H 'Authorization: Bearer %[2]s' \
    -d '{"items":[{"id":"sandbox-1","student":"%[3]s","lesson":"%[4]s","value":5,"work_type":"ответ на уроке"}]}' \
    %[1]s/api/v1/grades
`, url, sb.secret, sb.student, sb.lesson)
	}
	fmt.Fprintln(w, "\nОстановить: Ctrl+C / Stop: Ctrl+C")
}

// sandboxBot is the sandbox bot's @username in the emulator.
const sandboxBot = "diary_sandbox_bot"

// mountChat mounts the emulator and the web chat on mux and returns the
// emulator (close it after the bot stops: it ends the page's long polls).
func (sb *sandbox) mountChat(mux *http.ServeMux, db sbchat.Store, base string, log *slog.Logger) *telegramtest.Server {
	emu := telegramtest.New(telegramtest.Options{BaseURL: base, BotUsername: sandboxBot, BotName: "Дневник (песочница)"})
	mux.Handle("/", sbchat.Handler(sbchat.Config{
		Emulator: emu, Store: db, SchoolCode: sb.school.Code, BotUsername: sandboxBot, Log: log, Mail: sb.mail,
	}))
	return emu
}
