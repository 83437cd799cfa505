// Command diaryctl administers the school diary: migrations, journal import,
// the demo school, API tokens, backup and restore.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
	_ "time/tzdata" // school zones work without the system's zoneinfo

	"github.com/schooldiary/diary/internal/config"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr)
	stop()
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
	case errors.Is(err, errUsage):
		os.Exit(2)
	default:
		fmt.Fprintln(os.Stderr, "diaryctl:", err)
		os.Exit(config.ExitCode(err)) // 78 for a setting, 1 otherwise
	}
}

// usage is the top-level help, Russian first.
const usage = `Использование: diaryctl КОМАНДА [флаги]

Команды:
  migrate                         применить миграции базы
  import --school КОД ФАЙЛ…       загрузить выгрузку журнала (CSV, XLSX); docs/import.md
  demo                            создать демонстрационную школу
  token create --school КОД       выдать школе токен API (показывается один раз)
  token revoke ID                 отозвать токен
  codes --school КОД --class 5А   коды привязки для класса (PDF или CSV)
  codes --school КОД --staff      коды привязки сотрудникам (--role РОЛЬ — одной роли)
  announce --school КОД --text …  объявление семьям класса, ступени или школы
  backup --out ФАЙЛ               резервная копия (SQLite; для PostgreSQL — команда pg_dump)
  restore --from ФАЙЛ             восстановить SQLite из копии (бот и планировщик остановлены)
  notices [--status failed]       уведомления с историей (--id N — одно со всей историей)

База выбирается переменной DATABASE_URL (см. README.md). Справка по команде:
diaryctl КОМАНДА -h.

Usage: diaryctl COMMAND [flags]

Commands:
  migrate                         apply the store's migrations
  import --school CODE FILE…      load a journal export (CSV, XLSX); docs/import.md
  demo                            create the demo school
  token create --school CODE      issue an API token to a school (shown once)
  token revoke ID                 revoke a token
  codes --school CODE --class 5А  link codes for a class (PDF or CSV)
  codes --school CODE --staff     link codes for the staff (--role ROLE: one role)
  announce --school CODE --text … an announcement to the families of a class, level or school
  backup --out FILE               back up (SQLite; the pg_dump command for PostgreSQL)
  restore --from FILE             restore SQLite from a backup (bot and scheduler stopped)
  notices [--status failed]       notices with their history (--id N: one, whole history)

DATABASE_URL selects the store (see README.md). Help on a command:
diaryctl COMMAND -h.
`

// errUsage is a command line diaryctl cannot understand; the usage is shown.
var errUsage = errors.New("usage")

// app is what every command gets.
type app struct {
	cfg            config.Ctl
	getenv         func(string) string // for the settings only some commands read
	stdout, stderr io.Writer
	log            *slog.Logger
}

// command runs one subcommand with its arguments.
type command func(ctx context.Context, a *app, args []string) error

var commands = map[string]command{
	"migrate":  cmdMigrate,
	"import":   cmdImport,
	"demo":     cmdDemo,
	"token":    cmdToken,
	"codes":    cmdCodes,
	"announce": cmdAnnounce,
	"backup":   cmdBackup,
	"restore":  cmdRestore,
	"notices":  cmdNotices,
}

// run executes the command line args; output to stdout, problems to stderr.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	if len(args) == 0 || isHelp(args[0]) {
		fmt.Fprint(stderr, usage)
		if len(args) == 0 {
			return errUsage
		}
		return flag.ErrHelp
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "неизвестная команда %q / unknown command\n\n%s", args[0], usage)
		return errUsage
	}
	cfg, err := config.LoadCtl(getenv)
	if err != nil {
		return sentence(err, "Настройки diaryctl неверны: "+err.Error()+".",
			"diaryctl's settings are wrong (see above); README.md lists them.")
	}
	a := &app{cfg: cfg, getenv: getenv, stdout: stdout, stderr: stderr, log: cfg.NewLogger(stderr)}
	return a.explain(cmd(ctx, a, args[1:]))
}

func isHelp(s string) bool {
	return s == "-h" || s == "-help" || s == "--help" || s == "help"
}
