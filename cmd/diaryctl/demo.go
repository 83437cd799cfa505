package main

import (
	"context"
	"fmt"

	"github.com/schooldiary/diary/internal/demo"
	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/store"
)

const demoHelp = `Использование: diaryctl demo [--seed N] [--students N] [--schools N] [--until ГГГГ-ММ-ДД] [--chats]

Создаёт демонстрационные школы (коды demo-1, demo-2, …): классы 1А…11Б,
ученики, родители, сотрудники, расписание, уроки, оценки и посещаемость по
дату --until. Одно и то же зерно даёт те же данные; повторный запуск ничего не
меняет.

  --seed N       зерно генератора (по умолчанию 1)
  --students N   учеников во всех школах (по умолчанию — размер по умолчанию генератора)
  --schools N    число школ (по умолчанию 1)
  --until ДАТА   последний день с оценками (по умолчанию сегодня, Москва)
  --chats        подключить каждого родителя к вымышленному чату Telegram (номер
                 1000000000000 + номер родителя в базе) с согласием CONSENT_VERSION:
                 объявление демо-школе становится настоящей рассылкой для нагрузочных
                 испытаний. Только для демо-базы: эти чаты не принадлежат людям.

Usage: diaryctl demo [--seed N] [--students N] [--schools N] [--until YYYY-MM-DD] [--chats]

Creates demo schools (codes demo-1, demo-2, …): classes 1А…11Б, students,
guardians, staff, timetables, lessons, grades and attendance up to --until.
The same seed gives the same data; running it again changes nothing.

  --seed N       generator seed (default 1)
  --students N   students across all schools (default: the generator's size)
  --schools N    number of schools (default 1)
  --until DATE   last day with grades (default today, Moscow)
  --chats        link every guardian to a synthetic Telegram chat (1000000000000 +
                 the guardian's id) with consent CONSENT_VERSION, so that an
                 announcement to a demo school is a real broadcast for load tests.
                 Demo stores only: nobody owns these chats.
`

// SyntheticChatBase is the first synthetic chat id of demo --chats: far above
// the user ids Telegram gives people, so no real chat is ever one of them.
const SyntheticChatBase int64 = 1_000_000_000_000

// cmdDemo generates demo schools into the store.
func cmdDemo(ctx context.Context, a *app, args []string) error {
	opt, chats, err := parseDemo(a, args)
	if err != nil {
		return err
	}
	db, err := a.openOrCreate(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	sum, err := demo.Generate(ctx, db, opt)
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	if chats {
		if err := linkDemoChats(ctx, a, db, opt.Schools); err != nil {
			return err
		}
	}
	if err := db.Optimize(ctx); err != nil {
		return err
	}
	printSummary(a, sum)
	return nil
}

// linkDemoChats gives every guardian of the demo schools a synthetic chat
// with consent, and prints how many were added.
func linkDemoChats(ctx context.Context, a *app, db store.DB, schools int) error {
	var total diary.SyntheticChats
	for i := range schools {
		school, err := db.SchoolByCode(ctx, fmt.Sprintf("demo-%d", i+1))
		if err != nil {
			return fmt.Errorf("demo chats: %w", err)
		}
		n, err := db.LinkSyntheticChats(ctx, school.ID, SyntheticChatBase, a.cfg.ConsentVersion)
		if err != nil {
			return fmt.Errorf("demo chats: %w", err)
		}
		total.Chats, total.Links, total.Consents = total.Chats+n.Chats, total.Links+n.Links, total.Consents+n.Consents
	}
	fmt.Fprintf(a.stdout, "Вымышленные чаты / synthetic chats: %d, подключения / links: %d, согласия / consents: %d\n",
		total.Chats, total.Links, total.Consents)
	return nil
}

// parseDemo reads demo's flags: the generator's options and --chats.
func parseDemo(a *app, args []string) (demo.Options, bool, error) {
	opt := demo.Options{}
	var until dateFlag
	var chats bool
	fs := newFlags("demo", demoHelp, a.stderr)
	fs.Int64Var(&opt.Seed, "seed", 1, "")
	fs.IntVar(&opt.Students, "students", 0, "")
	fs.IntVar(&opt.Schools, "schools", 1, "")
	fs.Var(&until, "until", "")
	fs.BoolVar(&chats, "chats", false, "")
	pos, err := parse(fs, args)
	if err != nil {
		return opt, false, err
	}
	if opt.Students < 0 || opt.Schools < 1 {
		return opt, false, sentence(nil, "Число учеников (--students) не может быть меньше 0, а школ (--schools) — меньше 1.",
			"--students must be at least 0 and --schools at least 1.")
	}
	opt.Until = until.d
	if opt.Until.IsZero() {
		opt.Until = today(moscow())
	}
	return opt, chats, wantArgs(fs, pos, 0, 0)
}

// printSummary prints what the generator wrote, Russian and English labels.
func printSummary(a *app, s demo.Summary) {
	fmt.Fprintln(a.stdout, "Демонстрационные данные записаны / Demo data written:")
	rows := []struct {
		label string
		n     int
	}{
		{"школ / schools", s.Schools}, {"классов / classes", s.Classes}, {"учеников / students", s.Students},
		{"родителей / guardians", s.Guardians}, {"сотрудников / staff", s.Staff}, {"предметов / subjects", s.Subjects},
		{"групп / groups", s.Groups}, {"уроков / lessons", s.Lessons}, {"оценок / grades", s.Grades},
		{"отметок посещаемости / attendance marks", s.Attendance}, {"заданий / homework", s.Homework},
		{"итоговых оценок / final grades", s.Finals}, {"уроков в сетке / timetable slots", s.Slots},
	}
	for _, r := range rows {
		fmt.Fprintf(a.stdout, "  %-42s %d\n", r.label, r.n)
	}
}
