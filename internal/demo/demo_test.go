package demo

import (
	"context"
	"errors"
	"testing"

	"github.com/schooldiary/diary/internal/diary"
)

func TestGenerateIsDeterministic(t *testing.T) {
	base := Options{Seed: 42, Students: 250, Schools: 2, Until: diary.MustDate("2025-10-15")}
	first, second := hashOfRun(t, base), hashOfRun(t, base)
	if first != second {
		t.Fatalf("two runs with the same options differ: %s vs %s", first, second)
	}
	for name, change := range map[string]func(*Options){
		"seed":     func(o *Options) { o.Seed = 43 },
		"until":    func(o *Options) { o.Until = diary.MustDate("2025-10-16") },
		"students": func(o *Options) { o.Students = 251 },
	} {
		t.Run(name, func(t *testing.T) {
			opt := base
			change(&opt)
			if got := hashOfRun(t, opt); got == first {
				t.Errorf("changing %s left the data the same", name)
			}
		})
	}
}

// TestLaterUntilOnlyAddsDays checks that the journal up to a date does not
// depend on how far past it the generation goes.
func TestLaterUntilOnlyAddsDays(t *testing.T) {
	cut := diary.MustDate("2025-10-10")
	short, _ := generate(t, Options{Seed: 7, Students: 120, Until: cut}, true)
	long, _ := generate(t, Options{Seed: 7, Students: 120, Until: diary.MustDate("2025-11-20"), Ahead: 3}, true)
	for i := 1; i < len(short.batches); i++ {
		a, b := short.batches[i], long.batches[i]
		got, want := upTo(b, cut), upTo(a, cut)
		if len(got) != len(want) {
			t.Fatalf("batch %d: %d lessons up to %s in the long run, %d in the short", i, len(got), cut, len(want))
		}
		for j := range want {
			if got[j] != want[j] {
				t.Fatalf("batch %d: lesson %d differs:\n got %+v\nwant %+v", i, j, got[j], want[j])
			}
		}
		if len(b.Students) != len(a.Students) || len(b.Students) > 0 && b.Students[0] != a.Students[0] {
			t.Fatalf("batch %d: students differ", i)
		}
	}
}

// upTo returns the lessons of b dated up to cut, with their Src dropped.
func upTo(b *diary.Batch, cut diary.Date) []diary.Lesson {
	var out []diary.Lesson
	for _, l := range b.Lessons {
		if !l.Lesson.Date.After(cut) {
			out = append(out, l.Lesson)
		}
	}
	return out
}

func TestGenerateErrors(t *testing.T) {
	until := diary.MustDate("2025-09-10")
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name    string
		ctx     context.Context
		w       *recorder
		opt     Options
		wantErr error
	}{
		{"write fails", context.Background(), &recorder{failAt: 3}, Options{Students: 50, Until: until}, errWrite},
		{"cancelled", cancelled, &recorder{}, Options{Students: 50, Until: until}, context.Canceled},
		{"no date", context.Background(), &recorder{}, Options{Students: 50}, nil},
		{"negative students", context.Background(), &recorder{}, Options{Students: -1, Until: until}, nil},
		{"too many schools", context.Background(), &recorder{}, Options{Schools: 1000, Until: until}, nil},
		{"school too big", context.Background(), &recorder{}, Options{Students: 200_000, Until: until}, nil},
		{"negative ahead", context.Background(), &recorder{}, Options{Ahead: -1, Until: until}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sum, err := Generate(tt.ctx, tt.w, tt.opt)
			if err == nil {
				t.Fatalf("Generate: no error, summary %+v", sum)
			}
			if tt.wantErr != nil && !errors.Is(err, tt.wantErr) {
				t.Errorf("Generate: error %v, want %v", err, tt.wantErr)
			}
			if tt.name == "write fails" && sum.Batches != 2 {
				t.Errorf("Batches = %d before the failure, want 2", sum.Batches)
			}
		})
	}
}

func TestGenerateSizes(t *testing.T) {
	tests := []struct {
		name                 string
		opt                  Options
		wantStudents, wantCl int
	}{
		{"default school", Options{Seed: 1}, DefaultStudents, 22},
		{"three schools", Options{Seed: 1, Schools: 3, Students: 1000}, 1000, 3 * 11},
		{"big school", Options{Seed: 1, Students: 3000}, 3000, 11 * 10},
		{"tiny school", Options{Seed: 1, Students: 15}, 15, 11},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var done, total int
			tt.opt.Until = diary.MustDate("2025-09-02")
			tt.opt.OnBatch = func(d, n int) { done, total = d, n }
			_, sum := generate(t, tt.opt, false)
			if sum.Students != tt.wantStudents || sum.Classes != tt.wantCl {
				t.Errorf("students, classes = %d, %d; want %d, %d", sum.Students, sum.Classes, tt.wantStudents, tt.wantCl)
			}
			if done != total || done != sum.Batches {
				t.Errorf("progress %d/%d, batches %d", done, total, sum.Batches)
			}
		})
	}
}

func TestYearDerivedFromUntil(t *testing.T) {
	tests := []struct {
		until string
		want  int
	}{
		{"2025-09-01", 2025}, {"2025-12-31", 2025}, {"2026-01-15", 2025}, {"2026-08-31", 2025},
	}
	for _, tt := range tests {
		t.Run(tt.until, func(t *testing.T) {
			opt := Options{Until: diary.MustDate(tt.until)}
			if err := normalize(&opt); err != nil {
				t.Fatal(err)
			}
			if opt.Year != tt.want {
				t.Errorf("Year = %d, want %d", opt.Year, tt.want)
			}
		})
	}
}
