package importer

import (
	"fmt"
	"io"

	"github.com/schooldiary/diary/internal/diary"
)

// WriteReport prints in Russian what an import did: for each kind how many
// records were added, changed, unchanged and removed, then the students the
// roster no longer lists, marked left. For a dry run it says what would be
// done («будет …»). classes, when given (the school's classes from the
// store), name the classes of the students marked left.
func WriteReport(out io.Writer, res diary.ApplyResult, dryRun bool, classes ...diary.Class) {
	if dryRun {
		fmt.Fprintln(out, "Пробный запуск: ничего не записано.")
	}
	printed := false
	for _, s := range specs {
		c, ok := res.Counts[s.kind]
		if !ok {
			continue
		}
		printed = true
		fmt.Fprintf(out, "%s: %s\n", s.title, countsLine(c, dryRun))
	}
	if !printed {
		fmt.Fprintln(out, "Нет данных для импорта.")
	}
	writeLeft(out, res.MarkedLeft, dryRun, classes)
}

// countsLine writes «добавлено 3, изменено 1, без изменений 10, удалено 0».
func countsLine(c diary.Counts, dryRun bool) string {
	prefix := ""
	if dryRun {
		prefix = "будет "
	}
	return fmt.Sprintf("%sдобавлено %d, изменено %d, без изменений %d, удалено %d",
		prefix, c.Added, c.Changed, c.Unchanged, c.Removed)
}

// writeLeft lists the students marked left, with their classes.
func writeLeft(out io.Writer, left []diary.Student, dryRun bool, classes []diary.Class) {
	if len(left) == 0 {
		return
	}
	names := make(map[int64]string, len(classes))
	for _, c := range classes {
		names[c.ID] = c.Name
	}
	head := "Отмечены выбывшими, так как их нет в списке учеников"
	if dryRun {
		head = "Будут отмечены выбывшими, так как их нет в списке учеников"
	}
	fmt.Fprintf(out, "%s (%d):\n", head, len(left))
	for _, s := range left {
		class := names[s.ClassID]
		if class == "" {
			class = "класс не найден"
		}
		fmt.Fprintf(out, "  %s, %s\n", s.Name.Full(), class)
	}
}
