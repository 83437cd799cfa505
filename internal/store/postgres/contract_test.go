package postgres_test

import (
	"context"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/store/storetest"
	"github.com/schooldiary/diary/internal/testenv"
)

func TestContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T, now func() time.Time) diary.Store {
		return openRaw(t, testenv.PostgresMigratedURL(t, migrate), now)
	})
}

// River's riverpgxv5 inserts jobs through the pgx.Tx of the notice's write.
func TestDriverTx(t *testing.T) {
	db := openRaw(t, testenv.PostgresMigratedURL(t, migrate), time.Now)
	storetest.DriverTx(t, db, func(ctx context.Context, tx any, sql string) error {
		_, err := tx.(pgx.Tx).Exec(ctx, sql)
		return err
	})
}
