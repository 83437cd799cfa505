package sandbox_test

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/schooldiary/diary/internal/demo"
	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/sandbox"
)

func TestPersonasListed(t *testing.T) {
	e := newEnv(t)
	var got struct {
		Bot      string            `json:"bot"`
		Personas []sandbox.Persona `json:"personas"`
	}
	if status := e.do(t, http.MethodGet, "/sandbox/personas", &got); status != http.StatusOK {
		t.Fatalf("status %d", status)
	}
	want := []struct{ id, title string }{
		{"parent", "Родитель двоих детей"}, {"student", "Ученик"}, {"teacher", "Учитель-предметник"},
		{"class-teacher", "Классный руководитель"}, {"deputy", "Завуч"},
	}
	if len(got.Personas) != len(want) || got.Bot == "" {
		t.Fatalf("got %d personas, bot %q; want %d and a bot", len(got.Personas), got.Bot, len(want))
	}
	for i, w := range want {
		p := got.Personas[i]
		if p.ID != w.id || p.Title != w.title || p.Name == "" || p.UserID != 0 || p.Linked {
			t.Errorf("persona %d = %+v; want id %q, title %q, a name, no user, not linked", i, p, w.id, w.title)
		}
	}
}

// TestChooseLinksEveryRecord picks each persona until it is linked, redeeming
// every code it is given as the bot would, and checks whom each code links.
func TestChooseLinksEveryRecord(t *testing.T) {
	tests := []struct {
		persona string
		kinds   []diary.LinkKind // the codes, in order, until linked
	}{
		{"parent", []diary.LinkKind{diary.LinkGuardian, diary.LinkGuardian}},
		{"student", []diary.LinkKind{diary.LinkStudent}},
		{"teacher", []diary.LinkKind{diary.LinkStaff}},
		{"class-teacher", []diary.LinkKind{diary.LinkStaff}},
		{"deputy", []diary.LinkKind{diary.LinkStaff}},
	}
	e := newEnv(t)
	for i, tt := range tests {
		t.Run(tt.persona, func(t *testing.T) {
			uid := sandbox.PersonaUserBase + int64(i) + 1
			links := e.redeemAll(t, tt.persona, uid, len(tt.kinds))
			for j, l := range links {
				if l.Kind != tt.kinds[j] {
					t.Errorf("code %d links a %s; want %s", j, l.Kind, tt.kinds[j])
				}
			}
			if c := e.choose(t, tt.persona); c.Start != "" || !c.Linked || c.UserID != uid {
				t.Errorf("after linking: %+v; want no code, linked, user %d", c, uid)
			}
		})
	}
	if got, want := len(e.tg.Users()), len(tests); got != want {
		t.Errorf("emulator has %d users; want one per persona, %d", got, want)
	}
}

// redeemAll chooses the persona n times, redeeming each fresh code for its
// user, and returns the links made.
func (e *env) redeemAll(t *testing.T, persona string, uid int64, n int) []diary.Link {
	t.Helper()
	var links []diary.Link
	for range n {
		c := e.choose(t, persona)
		if c.UserID != uid || c.Linked || c.Start == "" {
			t.Fatalf("choice %+v; want user %d, not linked, a code", c.Persona, uid)
		}
		if canon, ok := diary.NormalizeCode(c.Start); !ok || canon != c.Start {
			t.Fatalf("code %q is not a canonical link code", c.Start)
		}
		_, l, err := e.db.RedeemLinkCode(context.Background(), diary.HashCode(c.Start), uid, uid)
		if err != nil {
			t.Fatalf("redeem the persona's code: %v", err)
		}
		links = append(links, l)
	}
	return links
}

func TestParentLinksEachChildInTurn(t *testing.T) {
	e := newEnv(t)
	uid := sandbox.PersonaUserBase + 1
	links := e.redeemAll(t, "parent", uid, 2)
	ctx := context.Background()
	var got []string
	for _, l := range links {
		st, err := e.db.Student(ctx, l.StudentID)
		if err != nil {
			t.Fatalf("student: %v", err)
		}
		g, err := e.db.Guardian(ctx, l.GuardianID)
		if err != nil || g.ExtID != demo.ParentExtID {
			t.Fatalf("guardian = %+v, %v; want %s", g, err, demo.ParentExtID)
		}
		got = append(got, st.ExtID)
	}
	if want := []string{demo.StudentExtID, demo.SiblingExtID}; strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("children linked %v; want %v", got, want)
	}
	u, ok := e.tg.User(uid)
	if !ok || u.Phone != demo.ParentPhone || u.LanguageCode != "ru" || u.FirstName == "" {
		t.Errorf("emulator user = %+v, %v; want the parent's phone %s, ru and a name", u, ok, demo.ParentPhone)
	}
}

func TestCodeNeverLogged(t *testing.T) {
	e := newEnv(t)
	c := e.choose(t, "student")
	log := e.log.String()
	if !strings.Contains(log, "sandbox persona chosen") {
		t.Fatalf("log %q; want the choice logged", log)
	}
	if strings.Contains(log, c.Start) || strings.Contains(log, strings.ReplaceAll(c.Start, "-", "")) {
		t.Errorf("the link code appears in the log: %q", log)
	}
}

func TestUnknownPersona(t *testing.T) {
	e := newEnv(t)
	var got map[string]string
	if status := e.do(t, http.MethodPost, "/sandbox/persona/director", &got); status != http.StatusNotFound || got["error"] == "" {
		t.Errorf("status %d, body %v; want 404 with an error", status, got)
	}
}

func TestRoutes(t *testing.T) {
	e := newEnv(t)
	tests := []struct {
		name, path string
		status     int
		ctype      string
		contains   string
	}{
		{"page", "/", 200, "text/html", `<script src="/sandbox/app.js" defer></script>`},
		{"script", "/sandbox/app.js", 200, "text/javascript", "renderTelegramHTML"},
		{"style", "/sandbox/app.css", 200, "text/css", ".bubble"},
		{"emulator user side", "/emulator/users", 200, "application/json", "[]"},
		{"emulator bot API", "/bot" + e.tg.Token() + "/getMe", 200, "application/json", `"ok":true`},
		{"unknown", "/nothing", 404, "text/plain", "not found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := e.srv.Client().Get(e.srv.URL + tt.path)
			if err != nil {
				t.Fatalf("GET: %v", err)
			}
			defer res.Body.Close()
			body, _ := io.ReadAll(res.Body)
			if res.StatusCode != tt.status || !strings.HasPrefix(res.Header.Get("Content-Type"), tt.ctype) ||
				!strings.Contains(string(body), tt.contains) {
				t.Errorf("GET %s = %d %q %.80q; want %d %s containing %q",
					tt.path, res.StatusCode, res.Header.Get("Content-Type"), body, tt.status, tt.ctype, tt.contains)
			}
		})
	}
}

func TestPageHeaders(t *testing.T) {
	e := newEnv(t)
	res, err := e.srv.Client().Get(e.srv.URL + "/")
	if err != nil {
		t.Fatalf("GET: %v", err)
	}
	res.Body.Close()
	csp := res.Header.Get("Content-Security-Policy")
	for _, want := range []string{"script-src 'self'", "default-src 'none'", "connect-src 'self'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("Content-Security-Policy %q lacks %q", csp, want)
		}
	}
}

// TestParentGetsACodeForEachChild: one choice of the parent of two brings a
// code for each child, which link both; then the parent is linked.
func TestParentGetsACodeForEachChild(t *testing.T) {
	e := newEnv(t)
	uid := sandbox.PersonaUserBase + 1
	c := e.choose(t, "parent")
	if c.Start == "" || len(c.More) != 1 || c.More[0] == c.Start {
		t.Fatalf("choice: start %q, more %q; want a code for each of two children", c.Start, c.More)
	}
	ctx := context.Background()
	for _, code := range append([]string{c.Start}, c.More...) {
		if _, _, err := e.db.RedeemLinkCode(ctx, diary.HashCode(code), uid, uid); err != nil {
			t.Fatalf("redeem: %v", err)
		}
	}
	if links, err := e.db.ActiveLinks(ctx, uid); err != nil || len(links) != 2 {
		t.Fatalf("links = %+v, %v; want both children", links, err)
	}
	if again := e.choose(t, "parent"); !again.Linked || again.Start != "" || len(again.More) != 0 {
		t.Errorf("second choice %+v; want linked, no code", again)
	}
}
