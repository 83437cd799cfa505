package sqlstore

import (
	"reflect"
	"testing"
	"testing/fstest"
)

// TestMigrationsByNumber reads migration files by number and refuses bad
// names and repeated numbers.
func TestMigrationsByNumber(t *testing.T) {
	fsys := fstest.MapFS{
		"m/0010_ten.sql": {Data: []byte("ten")},
		"m/0002_two.sql": {Data: []byte("two")},
		"m/0001_one.sql": {Data: []byte("one")},
		"m/README.md":    {Data: []byte("not a migration")},
	}
	ms, err := Migrations(fsys, "m")
	if err != nil {
		t.Fatal(err)
	}
	want := []Migration{{1, "0001_one.sql", "one"}, {2, "0002_two.sql", "two"}, {10, "0010_ten.sql", "ten"}}
	if !reflect.DeepEqual(ms, want) {
		t.Errorf("migrations = %+v, want %+v", ms, want)
	}
	for name, bad := range map[string]fstest.MapFS{
		"no number":   {"m/init.sql": {}},
		"zero":        {"m/0000_zero.sql": {}},
		"no name":     {"m/0001.sql": {}},
		"same number": {"m/0001_a.sql": {}, "m/001_b.sql": {}},
	} {
		if _, err := Migrations(bad, "m"); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// TestPlanMigrations plans gaps as pending and reports the applied version
// as the end of the unbroken run from the first.
func TestPlanMigrations(t *testing.T) {
	ms := []Migration{{Version: 1}, {Version: 2}, {Version: 3}, {Version: 4}}
	tests := []struct {
		name     string
		recorded []int
		pending  []int
		applied  int
	}{
		{"fresh", nil, []int{1, 2, 3, 4}, 0},
		{"all", []int{1, 2, 3, 4}, nil, 4},
		{"behind", []int{1, 2}, []int{3, 4}, 2},
		{"gap", []int{1, 2, 4}, []int{3}, 2},
		{"first missing", []int{2, 3, 4}, []int{1}, 0},
		{"newer binary ran", []int{1, 2, 3, 4, 5}, nil, 4},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := PlanMigrations(ms, tc.recorded)
			if got := Versions(p.Pending); !reflect.DeepEqual(got, tc.pending) && len(got)+len(tc.pending) > 0 {
				t.Errorf("pending = %v, want %v", got, tc.pending)
			}
			if p.Applied != tc.applied || p.Latest != 4 {
				t.Errorf("applied, latest = %d, %d; want %d, 4", p.Applied, p.Latest, tc.applied)
			}
		})
	}
}
