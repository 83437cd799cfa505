package views_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/i18n"
	"github.com/schooldiary/diary/internal/store/sqlite"
	"github.com/schooldiary/diary/internal/store/storetest"
	"github.com/schooldiary/diary/internal/views"
)

// Injected is the hostile text the fixture puts into names, topics,
// homework, descriptions and a teacher's reason.
const injected = `<script>alert("x")</script> & Co`

// injectedEscaped is how injected must appear in a view.
const injectedEscaped = `&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co`

// school is SmallSchool in a fresh SQLite store, with its ids by ExtID.
type school struct {
	db       *sqlite.DB
	ctx      context.Context
	students map[string]int64
	subjects map[string]int64
	periods  map[string]int64
	staff    map[string]int64
}

// EmptyStudent is a student of 5Б added to SmallSchool, with no lessons,
// marks or homework at all.
const emptyStudent = "st-empty"

// newSchool loads SmallSchool, changed by edit when not nil, and an extra
// student without any data, into a new SQLite store.
func newSchool(t *testing.T, edit func(b *diary.Batch)) *school {
	t.Helper()
	ctx := context.Background()
	now := func() time.Time { return time.Date(2026, 10, 5, 9, 0, 0, 0, time.UTC) }
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "views.db"), now)
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	if err := db.Migrate(ctx); err != nil {
		t.Fatalf("migrate: %v", err)
	}
	b := storetest.SmallSchool()
	b.Students = append(b.Students, diary.StudentIn{Src: diary.Source{File: "students.csv", Line: 99},
		ClassRef: storetest.Class5B, Student: diary.Student{ExtID: emptyStudent,
			Name: diary.Name{Last: "Пустов", First: "Пётр"}, Status: diary.Enrolled}})
	if edit != nil {
		edit(b)
	}
	if _, err := db.Apply(ctx, b, diary.ApplyOptions{}); err != nil {
		t.Fatalf("apply: %v", err)
	}
	s := &school{db: db, ctx: ctx}
	s.index(t)
	return s
}

// index maps the ext ids of the school's records to store ids.
func (s *school) index(t *testing.T) {
	t.Helper()
	sc, err := s.db.SchoolByCode(s.ctx, storetest.SchoolCode)
	if err != nil {
		t.Fatalf("school: %v", err)
	}
	s.students, s.subjects, s.periods, s.staff = map[string]int64{}, map[string]int64{}, map[string]int64{}, map[string]int64{}
	classes, err := s.db.Classes(s.ctx, sc.ID)
	if err != nil {
		t.Fatalf("classes: %v", err)
	}
	for _, c := range classes {
		st, err := s.db.StudentsOfClass(s.ctx, c.ID)
		if err != nil {
			t.Fatalf("students: %v", err)
		}
		for _, x := range st {
			s.students[x.ExtID] = x.ID
		}
	}
	subs, err := s.db.Subjects(s.ctx, sc.ID)
	if err != nil {
		t.Fatalf("subjects: %v", err)
	}
	for _, x := range subs {
		s.subjects[x.ExtID] = x.ID
	}
	ps, err := s.db.Periods(s.ctx, sc.ID, 0)
	if err != nil {
		t.Fatalf("periods: %v", err)
	}
	for _, x := range ps {
		s.periods[x.ExtID] = x.ID
	}
	teachers, err := s.db.StaffWithRole(s.ctx, sc.ID, diary.RoleTeacher)
	if err != nil {
		t.Fatalf("staff: %v", err)
	}
	for _, x := range teachers {
		s.staff[x.ExtID] = x.ID
	}
}

// student returns the store id of a student by ext id.
func (s *school) student(t *testing.T, ext string) int64 {
	t.Helper()
	id, ok := s.students[ext]
	if !ok {
		t.Fatalf("no student %q", ext)
	}
	return id
}

// render renders a and checks every page: length, valid Telegram HTML,
// buttons only on the last page. It returns the pages' texts joined.
func (s *school) render(t *testing.T, lang i18n.Lang, today string, a views.Action) (string, []views.Page) {
	t.Helper()
	pages, err := views.Render(s.ctx, s.db, lang, diary.MustDate(today), a)
	if err != nil {
		t.Fatalf("Render(%+v): %v", a, err)
	}
	checkPages(t, pages)
	texts := make([]string, len(pages))
	for i, p := range pages {
		texts[i] = p.Text
	}
	return strings.Join(texts, "\n"), pages
}

// checkPages checks what Telegram would check of each page.
func checkPages(t *testing.T, pages []views.Page) {
	t.Helper()
	if len(pages) == 0 {
		t.Fatal("no pages")
	}
	for i, p := range pages {
		if n := utf16Len(p.Text); n > views.MaxText || n == 0 {
			t.Errorf("page %d: %d UTF-16 units", i, n)
		}
		if err := checkHTML(p.Text); err != nil {
			t.Errorf("page %d: %v\n%s", i, err, p.Text)
		}
		if i < len(pages)-1 && len(p.Buttons) > 0 {
			t.Errorf("page %d of %d has buttons", i, len(pages))
		}
		for _, row := range p.Buttons {
			for _, b := range row {
				if b.Label == "" || strings.ContainsAny(b.Label, "<>") {
					t.Errorf("page %d: bad button label %q", i, b.Label)
				}
			}
		}
	}
}

// utf16Len returns the length of s in UTF-16 code units.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n++
		if r >= 0x10000 {
			n++
		}
	}
	return n
}

// tagRE matches a tag, entityRE an entity.
var (
	tagRE    = regexp.MustCompile(`^<(/?)([a-z-]+)( [^<>]*)?>`)
	entityRE = regexp.MustCompile(`^&(lt|gt|amp|quot|#[0-9]+);`)
)

// allowedTags are the tags of Telegram's HTML parse mode.
var allowedTags = map[string]bool{"b": true, "i": true, "u": true, "s": true, "code": true, "pre": true, "a": true}

// checkHTML checks s as Telegram's HTML parse mode does: its tags only,
// balanced and nested, no bare < > &.
func checkHTML(s string) error {
	var open []string
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '<':
			m := tagRE.FindStringSubmatch(s[i:])
			if m == nil || !allowedTags[m[2]] {
				return fmt.Errorf("byte %d: bad tag in %q", i, s[i:min(len(s), i+20)])
			}
			if m[1] == "/" {
				if len(open) == 0 || open[len(open)-1] != m[2] {
					return fmt.Errorf("byte %d: </%s> closes nothing", i, m[2])
				}
				open = open[:len(open)-1]
			} else {
				open = append(open, m[2])
			}
			i += len(m[0]) - 1
		case '>':
			return fmt.Errorf("byte %d: bare >", i)
		case '&':
			if !entityRE.MatchString(s[i:]) {
				return fmt.Errorf("byte %d: bare &", i)
			}
		}
	}
	if len(open) > 0 {
		return errors.New("unclosed <" + open[len(open)-1] + ">")
	}
	return nil
}

// wantAll checks that got contains every one of want.
func wantAll(t *testing.T, got string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("missing %q in:\n%s", w, got)
		}
	}
}

// wantNone checks that got contains none of bad.
func wantNone(t *testing.T, got string, bad ...string) {
	t.Helper()
	for _, b := range bad {
		if strings.Contains(got, b) {
			t.Errorf("unexpected %q in:\n%s", b, got)
		}
	}
}

// anyTagRE matches any tag.
var anyTagRE = regexp.MustCompile(`<[^<>]*>`)
