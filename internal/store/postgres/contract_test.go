package postgres_test

import (
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/store/storetest"
	"github.com/schooldiary/diary/internal/testenv"
)

func TestContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T, now func() time.Time) diary.Store {
		return openRaw(t, testenv.PostgresMigratedURL(t, migrate), now)
	})
}
