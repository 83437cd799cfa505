package demo

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"testing"

	"github.com/schooldiary/diary/internal/diary"
)

// recorder is a diary.Writer test double that keeps the batches it gets and
// a hash of them, and fails at batch failAt (1-based) when set.
type recorder struct {
	keep    bool
	batches []*diary.Batch
	hash    []byte
	n       int
	failAt  int
}

var errWrite = errors.New("disk full")

func (r *recorder) Apply(_ context.Context, b *diary.Batch, _ diary.ApplyOptions) (diary.ApplyResult, error) {
	r.n++
	if r.n == r.failAt {
		return diary.ApplyResult{}, errWrite
	}
	data, err := json.Marshal(b)
	if err != nil {
		return diary.ApplyResult{}, err
	}
	sum := sha256.Sum256(append(r.hash, data...))
	r.hash = sum[:]
	if r.keep {
		r.batches = append(r.batches, b)
	}
	return diary.ApplyResult{}, nil
}

func (r *recorder) SetExpectedGrade(context.Context, diary.ExpectedGrade) error { return nil }

// discard is a diary.Writer that drops everything, for benchmarks.
type discard struct{}

func (discard) Apply(context.Context, *diary.Batch, diary.ApplyOptions) (diary.ApplyResult, error) {
	return diary.ApplyResult{}, nil
}

func (discard) SetExpectedGrade(context.Context, diary.ExpectedGrade) error { return nil }

// generate runs Generate into a recorder and fails the test on error.
func generate(t testing.TB, opt Options, keep bool) (*recorder, Summary) {
	t.Helper()
	rec := &recorder{keep: keep}
	sum, err := Generate(context.Background(), rec, opt)
	if err != nil {
		t.Fatalf("Generate(%+v): %v", opt, err)
	}
	return rec, sum
}

// hashOfRun returns the hex hash of everything one run wrote.
func hashOfRun(t *testing.T, opt Options) string {
	t.Helper()
	rec, _ := generate(t, opt, false)
	return hex.EncodeToString(rec.hash)
}
