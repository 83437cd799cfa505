package sqlstore

import (
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
)

// Migration is one numbered schema change: a file NNNN_what.sql among a
// store's embedded migrations. A number means the same change in both
// stores; each store runs its own SQL for it.
type Migration struct {
	Version int
	Name    string // the file's name, recorded in schema_migrations
	SQL     string
}

// Migrations reads the *.sql files of dir in fsys, by version. A name that
// does not start with a positive number followed by "_", or a number given
// twice, is an error.
func Migrations(fsys fs.FS, dir string) ([]Migration, error) {
	names, err := fs.Glob(fsys, path.Join(dir, "*.sql"))
	if err != nil {
		return nil, fmt.Errorf("list migrations: %w", err)
	}
	ms := make([]Migration, 0, len(names))
	for _, n := range names {
		m, err := readMigration(fsys, n)
		if err != nil {
			return nil, err
		}
		ms = append(ms, m)
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].Version < ms[j].Version })
	for i := 1; i < len(ms); i++ {
		if ms[i].Version == ms[i-1].Version {
			return nil, fmt.Errorf("migrations %s and %s: same number", ms[i-1].Name, ms[i].Name)
		}
	}
	return ms, nil
}

// readMigration reads the migration file at name.
func readMigration(fsys fs.FS, name string) (Migration, error) {
	base := path.Base(name)
	num, _, ok := strings.Cut(base, "_")
	v, err := strconv.Atoi(num)
	if !ok || err != nil || v <= 0 {
		return Migration{}, fmt.Errorf("migration %s: want NNNN_name.sql", base)
	}
	body, err := fs.ReadFile(fsys, name)
	if err != nil {
		return Migration{}, fmt.Errorf("read migration %s: %w", base, err)
	}
	return Migration{Version: v, Name: base, SQL: string(body)}, nil
}

// Plan is a store's migrations measured against the versions its
// schema_migrations table records.
type Plan struct {
	// Pending are the migrations not recorded, by version: a gap below the
	// highest recorded one (1, 2 and 4 applied, 3 not) is pending too.
	Pending []Migration
	// Applied is the highest version such that it and every version below
	// it are recorded (2 in the example); 0 when the first is not.
	Applied int
	// Latest is the highest version known.
	Latest int
}

// PlanMigrations compares the known migrations ms (by version) with the
// recorded versions. Recorded versions the binary does not know (a newer
// binary migrated the database) do not count as pending.
func PlanMigrations(ms []Migration, recorded []int) Plan {
	done := make(map[int]bool, len(recorded))
	for _, v := range recorded {
		done[v] = true
	}
	var p Plan
	contiguous := true
	for _, m := range ms {
		p.Latest = m.Version
		if !done[m.Version] {
			p.Pending, contiguous = append(p.Pending, m), false
		} else if contiguous {
			p.Applied = m.Version
		}
	}
	return p
}

// Versions returns the version numbers of ms.
func Versions(ms []Migration) []int {
	out := make([]int, len(ms))
	for i, m := range ms {
		out[i] = m.Version
	}
	return out
}
