package linkcodes_test

import (
	"context"
	"crypto/rand"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/linkcodes"
	"github.com/schooldiary/diary/internal/store/sqlite"
	"github.com/schooldiary/diary/internal/store/storetest"
)

func openSchool(t *testing.T) (*sqlite.DB, diary.Class) {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "d.db"), time.Now)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	res, err := db.Apply(ctx, storetest.SmallSchool(), diary.ApplyOptions{})
	if err != nil {
		t.Fatal(err)
	}
	class, err := db.ClassByName(ctx, res.SchoolID, "5А")
	if err != nil {
		t.Fatal(err)
	}
	return db, class
}

// TestForClassIssuesRedeemableCodes checks one letter per student and per
// guardian pair, each code redeemable once for exactly its person.
func TestForClassIssuesRedeemableCodes(t *testing.T) {
	db, class := openSchool(t)
	ctx := context.Background()
	now := time.Now()
	got, err := linkcodes.ForClass(ctx, db, class, linkcodes.Options{BotUsername: "diary_bot", Now: now, Rand: rand.Reader})
	if err != nil {
		t.Fatal(err)
	}
	want := wantLetters(t, db, class)
	if len(got) != want {
		t.Fatalf("letters = %d, want %d (students + guardian pairs)", len(got), want)
	}
	seen := map[string]bool{}
	for i, l := range got {
		if seen[l.Code] || !strings.HasPrefix(l.DeepLink, "https://t.me/diary_bot?start=") || l.Class != "5А" {
			t.Errorf("letter %d = %+v: duplicate code or bad link/class", i, l)
		}
		seen[l.Code] = true
		code, link, err := db.RedeemLinkCode(ctx, diary.HashCode(l.Code), int64(1000+i), int64(1000+i))
		if err != nil {
			t.Fatalf("redeem letter %d (%s for %s): %v", i, l.Kind, l.Recipient, err)
		}
		if string(link.Kind) != l.Kind || code.StudentID == 0 {
			t.Errorf("letter %d: link kind %s, want %s", i, link.Kind, l.Kind)
		}
		if _, _, err := db.RedeemLinkCode(ctx, diary.HashCode(l.Code), 99, 99); !errors.Is(err, diary.ErrCodeUsed) {
			t.Errorf("second redeem of letter %d: %v, want ErrCodeUsed", i, err)
		}
	}
}

func wantLetters(t *testing.T, db *sqlite.DB, class diary.Class) int {
	t.Helper()
	students, err := db.StudentsOfClass(context.Background(), class.ID)
	if err != nil || len(students) == 0 {
		t.Fatalf("students: %v", err)
	}
	n := len(students)
	for _, s := range students {
		gs, err := db.GuardiansOfStudent(context.Background(), s.ID)
		if err != nil {
			t.Fatal(err)
		}
		n += len(gs)
	}
	return n
}

// TestForClassFailsWhole checks that a failing random source is an error,
// never a weak code.
func TestForClassFailsWhole(t *testing.T) {
	db, class := openSchool(t)
	_, err := linkcodes.ForClass(context.Background(), db, class, linkcodes.Options{Now: time.Now(), Rand: strings.NewReader("short")})
	if err == nil {
		t.Fatal("want an error from a failing random source")
	}
}

func TestDeepLink(t *testing.T) {
	if got, want := linkcodes.DeepLink("diary_bot", "K7M2Q-9XH4D"), "https://t.me/diary_bot?start=K7M2Q-9XH4D"; got != want {
		t.Errorf("DeepLink = %q, want %q", got, want)
	}
}
