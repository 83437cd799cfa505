package linkcodes_test

import (
	"context"
	"crypto/rand"
	"path/filepath"
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/letters"
	"github.com/schooldiary/diary/internal/linkcodes"
	"github.com/schooldiary/diary/internal/store/sqlite"
	"github.com/schooldiary/diary/internal/store/storetest"
)

// TestForStaffIssuesOneCodePerStaffMember issues a staff letter per member
// working that day (of one role on demand), each redeemable as that member.
func TestForStaffIssuesOneCodePerStaffMember(t *testing.T) {
	clock := storetest.NewClock(storetest.Start)
	db, school := openStaffSchool(t, clock.Now)
	ctx := context.Background()
	tests := []struct {
		name string
		role diary.Role
		now  time.Time
		want []string // recipients in order
	}{
		{"everyone, administration first", "", storetest.Start, []string{
			"Орлов Дмитрий Николаевич", "Николаева Татьяна", "Кузнецова Елена Андреевна",
			"Иванова Мария Петровна", "Петров Сергей Иванович", "Смирнова Анна Викторовна", "Федоров Максим Олегович"}},
		{"teachers", diary.RoleTeacher, storetest.Start, []string{
			"Иванова Мария Петровна", "Орлов Дмитрий Николаевич", "Петров Сергей Иванович", "Смирнова Анна Викторовна"}},
		{"not yet hired", diary.RoleTeacher, time.Date(2026, 8, 1, 9, 0, 0, 0, time.UTC), []string{
			"Иванова Мария Петровна", "Орлов Дмитрий Николаевич", "Петров Сергей Иванович"}},
	}
	user := int64(5000)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clock.Set(tt.now)
			got, err := linkcodes.ForStaff(ctx, db, school, tt.role, linkcodes.Options{BotUsername: "diary_bot", Now: tt.now, Rand: rand.Reader})
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, l := range got {
				names = append(names, l.Recipient)
				if l.Kind != letters.KindStaff || l.Child != "" || l.Role == "" {
					t.Errorf("letter %+v: want a staff letter with a role", l)
				}
				user++
				code, link, err := db.RedeemLinkCode(ctx, diary.HashCode(l.Code), user, user)
				if err != nil || link.Kind != diary.LinkStaff || code.StaffID == 0 {
					t.Errorf("redeem %s: %+v, %v", l.Recipient, link, err)
				}
			}
			if len(names) != len(tt.want) {
				t.Fatalf("recipients = %v, want %v", names, tt.want)
			}
			for i := range names {
				if names[i] != tt.want[i] {
					t.Errorf("recipient %d = %s, want %s", i, names[i], tt.want[i])
				}
			}
		})
	}
}

// TestStaffLetterNamesRoles writes each role in Russian and the class led.
func TestStaffLetterNamesRoles(t *testing.T) {
	db, school := openStaffSchool(t, storetest.NewClock(storetest.Start).Now)
	ctx := context.Background()
	got, err := linkcodes.ForStaff(ctx, db, school, diary.RoleClassTeacher, linkcodes.Options{BotUsername: "b", Now: storetest.Start, Rand: rand.Reader})
	if err != nil || len(got) != 2 {
		t.Fatalf("class teachers' letters: %+v, %v", got, err)
	}
	if l := got[0]; l.Role != "учитель, классный руководитель 5А" || l.Class != "5А" {
		t.Errorf("letter = %+v", l)
	}
	got, _ = linkcodes.ForStaff(ctx, db, school, diary.RoleDeputy, linkcodes.Options{BotUsername: "b", Now: storetest.Start, Rand: rand.Reader})
	if len(got) != 1 || got[0].Role != "заместитель директора, 5–9 классы, заместитель директора, 10–11 классы" {
		t.Errorf("deputy's letter = %+v", got)
	}
}

// openStaffSchool is the small school in a fresh store on the clock now.
func openStaffSchool(t *testing.T, now func() time.Time) (*sqlite.DB, diary.School) {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "d.db"), now)
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
	school, err := db.School(ctx, res.SchoolID)
	if err != nil {
		t.Fatal(err)
	}
	return db, school
}
