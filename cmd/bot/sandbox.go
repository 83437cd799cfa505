package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"time"

	"github.com/schooldiary/diary/internal/config"
	"github.com/schooldiary/diary/internal/demo"
	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/httpapi"
	"github.com/schooldiary/diary/internal/store"
)

// sandboxDSN is the sandbox's embedded store unless DATABASE_URL names another
// SQLite file.
const sandboxDSN = "sqlite:./data/sandbox.db"

// sandboxSeed makes the sandbox's demo school the same on every machine.
const sandboxSeed = 1

// sandbox is what the sandbox prints: the demo school, a token and ids to try.
type sandbox struct {
	school  diary.School
	secret  string
	student string // a student's journal id
	lesson  string // a recent lesson of the student's class
}

// sandboxConfig points the store at an embedded SQLite file: DATABASE_URL when
// it is one, ./data/sandbox.db otherwise.
func sandboxConfig(cfg config.Bot, stderr io.Writer) config.Bot {
	if strings.HasPrefix(cfg.DatabaseURL, "sqlite:") {
		return cfg
	}
	if cfg.DatabaseURL != "" {
		fmt.Fprintln(stderr, "песочница использует встроенную базу, DATABASE_URL пропущен / the sandbox uses the embedded store; DATABASE_URL ignored")
	}
	cfg.DatabaseURL = sandboxDSN
	return cfg
}

// prepareSandbox loads the demo school when the store has no school yet and
// creates an API token for it.
func prepareSandbox(ctx context.Context, db store.DB, log *slog.Logger) (*sandbox, error) {
	school, err := demoSchool(ctx, db, log)
	if err != nil {
		return nil, err
	}
	secret, hash, err := httpapi.NewToken()
	if err != nil {
		return nil, err
	}
	name := "sandbox " + time.Now().UTC().Format(time.RFC3339)
	if _, err := db.CreateToken(ctx, diary.APIToken{SchoolID: school.ID, Name: name, Hash: hash}); err != nil {
		return nil, fmt.Errorf("sandbox: create token: %w", err)
	}
	sb := &sandbox{school: school, secret: secret}
	sb.student, sb.lesson = example(ctx, db, school)
	return sb, nil
}

// demoSchool returns the store's first school, generating the demo school
// first when there is none.
func demoSchool(ctx context.Context, db store.DB, log *slog.Logger) (diary.School, error) {
	schools, err := db.Schools(ctx)
	if err != nil {
		return diary.School{}, fmt.Errorf("sandbox: %w", err)
	}
	if len(schools) > 0 {
		return schools[0], nil
	}
	loc, err := time.LoadLocation(diary.DefaultTimeZone)
	if err != nil {
		return diary.School{}, fmt.Errorf("sandbox: %w", err)
	}
	today := diary.DateIn(time.Now(), loc)
	log.Info("loading the demo school", "seed", sandboxSeed, "until", today.String())
	if _, err := demo.Generate(ctx, db, demo.Options{Seed: sandboxSeed, Schools: 1, Until: today, Ahead: 7}); err != nil {
		return diary.School{}, fmt.Errorf("sandbox: demo school: %w", err)
	}
	return firstSchool(ctx, db)
}

func firstSchool(ctx context.Context, db store.DB) (diary.School, error) {
	schools, err := db.Schools(ctx)
	if err != nil {
		return diary.School{}, fmt.Errorf("sandbox: %w", err)
	}
	if len(schools) == 0 {
		return diary.School{}, fmt.Errorf("sandbox: the demo generator made no school")
	}
	return schools[0], nil
}

// example finds a student and a recent whole-class lesson of their class, so
// the printed commands work as they are. Empty ids when there is none.
func example(ctx context.Context, db store.DB, school diary.School) (student, lesson string) {
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
  Адрес / URL:     %[1]s
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
