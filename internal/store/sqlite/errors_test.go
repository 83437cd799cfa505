package sqlite

import (
	"database/sql"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/diary"
)

func TestWrapTranslatesDriverErrors(t *testing.T) {
	ctx := t.Context()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "diary.db"), time.Now)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	insert := func() error {
		_, err := db.write.ExecContext(ctx, `INSERT INTO schools (code, name, time_zone, round_up_from,
			reply_rule, reply_days, school_days, created_at) VALUES ('x', 'X', 'UTC', 50, 'calendar', 2, 5, '')`)
		return wrap(err, "insert school")
	}
	if err := insert(); err != nil {
		t.Fatalf("first insert: %v", err)
	}
	_, fkErr := db.write.ExecContext(ctx, `INSERT INTO years (school_id, name, start_date, end_date)
		VALUES (999, 'y', '', '')`)
	_, checkErr := db.write.ExecContext(ctx, `UPDATE schools SET name = NULL`)
	tests := []struct {
		name string
		err  error
		want *diary.Error
	}{
		{"no rows", wrap(sql.ErrNoRows, "school"), diary.ErrNotFound},
		{"unique", insert(), diary.ErrConflict},
		{"foreign key", wrap(fkErr, "insert year"), diary.ErrNotFound},
		{"not null", wrap(checkErr, "rename school"), &diary.Error{Code: diary.EInvalid}},
		{"other", wrap(errors.New("disk on fire"), "x"), &diary.Error{Code: diary.EInternal}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got, want := diary.ErrorCode(tc.err), tc.want.Code; got != want {
				t.Errorf("code of %v = %q, want %q", tc.err, got, want)
			}
		})
	}
	if wrap(nil, "x") != nil {
		t.Errorf("wrap(nil) != nil")
	}
}
