package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/schooldiary/diary/internal/diary"
)

// newFlags returns a flag set that prints help (Russian, then English) and
// reports its errors on stderr.
func newFlags(name, help string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, help) }
	return fs
}

// parse parses args allowing flags after positional arguments
// (diaryctl import a.csv --school x), and returns the positional ones.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, usageErr(err)
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos, args = append(pos, args[0]), args[1:]
	}
}

// usageErr keeps -h a request for help and makes other flag errors usage errors.
func usageErr(err error) error {
	if errors.Is(err, flag.ErrHelp) {
		return err
	}
	return errUsage
}

// wantArgs checks the number of positional arguments.
func wantArgs(fs *flag.FlagSet, pos []string, min, max int) error {
	if len(pos) < min || (max >= 0 && len(pos) > max) {
		fmt.Fprintf(fs.Output(), "неверное число аргументов / wrong number of arguments: %d\n\n", len(pos))
		fs.Usage()
		return errUsage
	}
	return nil
}

// dateFlag is a YYYY-MM-DD flag value.
type dateFlag struct{ d diary.Date }

func (f *dateFlag) String() string { return f.d.String() }

func (f *dateFlag) Set(s string) error {
	d, err := diary.ParseDate(s)
	if err != nil {
		return fmt.Errorf("нужна дата ГГГГ-ММ-ДД / want YYYY-MM-DD")
	}
	f.d = d
	return nil
}

// today returns today's date in loc.
func today(loc *time.Location) diary.Date { return diary.DateIn(time.Now(), loc) }

// moscow returns the default school zone.
func moscow() *time.Location { return diary.School{}.Location() }

// isSet reports whether the flag name was given on the command line.
func isSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// parseID reads a positive record id.
func parseID(s string) (int64, error) {
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 {
		return 0, sentence(err, fmt.Sprintf("Номер «%s» не подходит: нужно положительное целое число.", s),
			fmt.Sprintf("The id %q is not a positive whole number.", s))
	}
	return id, nil
}
