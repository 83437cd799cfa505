package postgres

import (
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/schooldiary/diary/internal/store/storetest"
	"github.com/schooldiary/diary/internal/testenv"
)

// A migration numbered below the highest applied one is applied, not skipped.
func TestMigrateAppliesGap(t *testing.T) {
	db, err := Open(t.Context(), testenv.PostgresURL(t), time.Now)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	create := func(table string) string { return "CREATE TABLE " + table + " (id int PRIMARY KEY);" }
	storetest.MigrationGap(t, db, func(vs ...int) { db.schema = storetest.GapSchema(create, vs...) },
		func(table string) error {
			return db.withConn(t.Context(), func(c *pgx.Conn) error {
				_, err := c.Exec(t.Context(), `SELECT count(*) FROM `+table)
				return err
			})
		})
}
