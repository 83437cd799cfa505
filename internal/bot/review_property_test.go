package bot

import (
	"context"
	"encoding/base64"
	"fmt"
	"math/rand/v2"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/i18n"
	"github.com/schooldiary/diary/internal/telegramtest"
)

// recViews wraps the real views and records each Render call's student.
type recViews struct {
	mu    sync.Mutex
	inner Views
	calls []int64
}

// Render implements Views.
func (v *recViews) Render(ctx context.Context, lang i18n.Lang, viewer diary.Viewer, studentID int64, today diary.Date, action string) ([]Page, error) {
	v.mu.Lock()
	inner := v.inner
	v.calls = append(v.calls, studentID)
	v.mu.Unlock()
	return inner.Render(ctx, lang, viewer, studentID, today, action)
}

// take returns and forgets the calls so far.
func (v *recViews) take() []int64 {
	v.mu.Lock()
	defer v.mu.Unlock()
	out := v.calls
	v.calls = nil
	return out
}

// revCode is a code of the pool: another family's fresh one, or expired.
type revCode struct {
	code    string
	student int64
	expired bool
	usedBy  int64
}

// revWorld is the independent model of the review property test.
type revWorld struct {
	h       *harness
	rv      *recViews
	rng     *rand.Rand
	users   []int64
	held    map[int64]map[int64]bool // user → students whose valid code they redeemed
	left    map[int64]bool
	pool    []*revCode
	names   map[int64]string // student → «Фамилия Имя», unambiguous ones only
	updates int64
	renders int
}

// factRE matches a rendered fact: a dated mark or an average of a subject.
var factRE = regexp.MustCompile(`\d{1,2} [а-яa-z]{3,4}\.? · \S|— \d[,.]\d\d`)

// TestReviewPropertyOnlyConsentedChildren: random guardians and students,
// forged, tampered and replayed callback data, random commands and codes
// (random, other families', used, expired), a student leaving mid-run: after
// every step, every Render and every message of the acting chat is about a
// child that chat holds a valid code for, is linked to and consented for.
func TestReviewPropertyOnlyConsentedChildren(t *testing.T) {
	for _, pg := range []bool{false, true} {
		name := map[bool]string{false: "sqlite", true: "postgres"}[pg]
		t.Run(name, func(t *testing.T) {
			rv := &recViews{}
			h := newHarness(t, options{postgres: pg, views: rv})
			rv.mu.Lock()
			rv.inner = DiaryViews(h.db)
			rv.mu.Unlock()
			w := newRevWorld(h, rv)
			w.run(400)
			if w.renders == 0 {
				t.Fatal("no view rendered: the test exercises nothing")
			}
			t.Logf("%d views rendered over 400 steps", w.renders)
		})
	}
}

// newRevWorld makes the actors (the demo mother of two, her 7А child as a
// student, random guardians) and the pool of codes.
func newRevWorld(h *harness, rv *recViews) *revWorld {
	w := &revWorld{h: h, rv: rv, rng: rand.New(rand.NewPCG(11, 13)), held: map[int64]map[int64]bool{},
		left: map[int64]bool{}, updates: 90_000_000}
	students := h.allStudents()
	w.indexNames(students)
	f := h.parent()
	mother, kid := w.addUser(), w.addUser()
	w.grant(mother, w.guardianCode(f.guardian.ID, f.student.ID), true)
	w.grant(mother, w.guardianCode(f.guardian.ID, f.sibling.ID), true)
	w.grant(kid, h.code(diary.LinkCode{Kind: diary.LinkStudent, StudentID: f.student.ID}), true)
	for range 6 {
		u := w.addUser()
		for range 1 + w.rng.IntN(2) {
			st := students[w.rng.IntN(len(students))]
			w.grant(u, w.randomCode(st), w.rng.IntN(4) > 0)
		}
	}
	for range 10 {
		st := students[w.rng.IntN(len(students))]
		w.pool = append(w.pool, &revCode{code: w.randomCode(st), student: st.ID})
	}
	for range 3 {
		st := students[w.rng.IntN(len(students))]
		c := diary.LinkCode{StudentID: st.ID, Kind: diary.LinkStudent, CreatedAt: startTime.Add(-40 * 24 * time.Hour),
			ExpiresAt: startTime.Add(-24 * time.Hour)}
		code, _ := diary.NewLinkCode(rngReader{w.rng})
		h.storeCode(c, code)
		w.pool = append(w.pool, &revCode{code: code, student: st.ID, expired: true})
	}
	return w
}

// indexNames keeps the names that name exactly one student.
func (w *revWorld) indexNames(students []diary.Student) {
	w.names = map[int64]string{}
	for _, st := range students {
		n := strings.TrimSpace(st.Name.Last + " " + st.Name.First)
		ambiguous := false
		for _, o := range students {
			on := strings.TrimSpace(o.Name.Last + " " + o.Name.First)
			if o.ID != st.ID && strings.Contains(on, n) {
				ambiguous = true
			}
		}
		if !ambiguous {
			w.names[st.ID] = n
		}
	}
}

// addUser adds a Telegram user.
func (w *revWorld) addUser() int64 {
	u := w.h.user(telegramtest.User{})
	w.h.send(u.ID, "/help") // the emulator lets a bot write only to users who wrote first
	w.h.waitFor(u.ID, "Что умеет бот")
	w.users = append(w.users, u.ID)
	w.held[u.ID] = map[int64]bool{}
	return u.ID
}

// guardianCode issues a guardian code.
func (w *revWorld) guardianCode(guardianID, studentID int64) string {
	return w.h.code(diary.LinkCode{Kind: diary.LinkGuardian, GuardianID: guardianID, StudentID: studentID})
}

// randomCode issues a code of a random guardian of st, or st's own.
func (w *revWorld) randomCode(st diary.Student) string {
	gs, _ := w.h.db.GuardiansOfStudent(w.h.ctx, st.ID)
	if len(gs) == 0 || w.rng.IntN(4) == 0 {
		return w.h.code(diary.LinkCode{Kind: diary.LinkStudent, StudentID: st.ID})
	}
	return w.guardianCode(gs[w.rng.IntN(len(gs))].ID, st.ID)
}

// grant redeems code as user and accepts or declines the consent.
func (w *revWorld) grant(user int64, code string, accept bool) {
	w.h.t.Helper()
	msgs := w.step(user, func(id int64) *models.Update { return textMsg(id, user, "/start "+code) })
	links, _ := w.h.db.ActiveLinks(w.h.ctx, user)
	for _, l := range links {
		w.held[user][l.StudentID] = true
	}
	btn := label(i18n.BtnConsentDecline)
	if accept {
		btn = label(i18n.BtnConsentAccept)
	}
	for _, m := range msgs {
		for _, row := range m.InlineKeyboard {
			for _, b := range row {
				if b.Text == btn {
					w.step(user, func(id int64) *models.Update { return callbackUpdate(id, user, b.CallbackData) })
					return
				}
			}
		}
	}
}

// textMsg is a text message from user in their private chat.
func textMsg(id, user int64, text string) *models.Update {
	return &models.Update{ID: id, Message: &models.Message{ID: int(id % 1e6), Text: text, Date: int(startTime.Unix()),
		Chat: models.Chat{ID: user, Type: models.ChatTypePrivate}, From: &models.User{ID: user, FirstName: "X"}}}
}

// step delivers one update and a /help marker to user's chat and returns
// the bot's messages before the marker.
func (w *revWorld) step(user int64, mk func(id int64) *models.Update) []telegramtest.Message {
	w.h.t.Helper()
	w.updates++
	if err := w.h.b.Receive(w.h.ctx, mk(w.updates)); err != nil {
		w.h.t.Fatal(err)
	}
	w.updates++
	if err := w.h.b.Receive(w.h.ctx, textMsg(w.updates, user, "/help")); err != nil {
		w.h.t.Fatal(err)
	}
	var out []telegramtest.Message
	for {
		m := w.h.next(user)
		if strings.HasPrefix(m.Text, "Что умеет бот") || strings.HasPrefix(m.Text, "What the bot can do") {
			return out
		}
		out = append(out, m)
	}
}

// allowed is the set of students user may see facts of now: a valid code
// held (the model), enrolled (the model), linked and consented (the store:
// a guardian's own consent; for a student, a guardian's).
func (w *revWorld) allowed(user int64) map[int64]bool {
	out := map[int64]bool{}
	links, err := w.h.db.ActiveLinks(w.h.ctx, user)
	if err != nil {
		w.h.t.Fatal(err)
	}
	for _, l := range links {
		if !w.held[user][l.StudentID] || w.left[l.StudentID] {
			continue
		}
		_, err := w.h.db.ActiveConsent(w.h.ctx, user, l.StudentID)
		if l.Kind == diary.LinkStudent {
			_, err = w.h.db.GuardianConsent(w.h.ctx, l.StudentID)
		}
		if err == nil {
			out[l.StudentID] = true
		}
	}
	return out
}

// run makes n random steps and checks each.
func (w *revWorld) run(n int) {
	for i := range n {
		if i == n/3 {
			w.leaveOne()
		}
		if i%40 == 39 {
			w.h.clock.Advance(61 * time.Minute) // lockouts end; buttons (24 h) live on
		}
		user := w.users[w.rng.IntN(len(w.users))]
		before := w.allowed(user)
		w.rv.take()
		mk, typed := w.randomUpdate(user)
		msgs := w.step(user, mk)
		if typed != nil {
			w.settleCode(user, typed)
		}
		after := w.allowed(user)
		w.checkStep(i, user, before, after, msgs)
	}
}

// leaveOne expels a student some user sees now.
func (w *revWorld) leaveOne() {
	for _, u := range w.users {
		for sid := range w.allowed(u) {
			st, err := w.h.db.Student(w.h.ctx, sid)
			if err != nil {
				w.h.t.Fatal(err)
			}
			st.Status, st.LeftOn, st.LeftReason = diary.Left, diary.MustDate("2025-10-19"), diary.LeftExpelled
			w.h.applyStudent(st)
			w.left[sid] = true
			return
		}
	}
}

// checkStep checks the renders and messages of one step.
func (w *revWorld) checkStep(i int, user int64, before, after map[int64]bool, msgs []telegramtest.Message) {
	t := w.h.t
	calls := w.rv.take()
	w.renders += len(calls)
	for _, sid := range calls {
		if !before[sid] && !after[sid] {
			t.Errorf("step %d: user %d got a view of student %d, allowed %v", i, user, sid, before)
		}
	}
	for _, m := range msgs {
		text := m.Text + m.Caption
		for sid, name := range w.names {
			if strings.Contains(text, name) && !w.held[user][sid] {
				t.Errorf("step %d: user %d was shown %q: %q", i, user, name, text)
			}
		}
		if len(calls) == 0 && factRE.MatchString(text) {
			t.Errorf("step %d: a fact without an authorised render to %d: %q", i, user, text)
		}
	}
}

// settleCode updates the model after user typed a pool code: a link to its
// student that user did not hold before must come from a fresh code.
func (w *revWorld) settleCode(user int64, c *revCode) {
	if w.held[user][c.student] {
		return
	}
	links, _ := w.h.db.ActiveLinks(w.h.ctx, user)
	for _, l := range links {
		if l.StudentID != c.student {
			continue
		}
		if c.expired || w.left[c.student] || (c.usedBy != 0 && c.usedBy != user) {
			w.h.t.Errorf("user %d linked to %d by a dead code %+v", user, c.student, *c)
		}
		c.usedBy = user
		w.held[user][c.student] = true
	}
}

// randomUpdate picks a random move of user; typed is the pool code typed.
func (w *revWorld) randomUpdate(user int64) (func(int64) *models.Update, *revCode) {
	press := func(data string) func(int64) *models.Update {
		return func(id int64) *models.Update { return callbackUpdate(id, user, data) }
	}
	say := func(text string) func(int64) *models.Update {
		return func(id int64) *models.Update { return textMsg(id, user, text) }
	}
	switch k := w.rng.IntN(10); k {
	case 0, 1, 2: // own or another chat's button
		from := user
		if k == 2 {
			from = w.users[w.rng.IntN(len(w.users))]
		}
		if d := w.buttonOf(from); d != "" {
			return press(d), nil
		}
		return say("/start"), nil
	case 3: // a tampered id
		if d := w.buttonOf(w.users[w.rng.IntN(len(w.users))]); d != "" {
			b := []byte(d)
			b[w.rng.IntN(len(b))] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"[w.rng.IntN(64)]
			return press(string(b)), nil
		}
		return press("AAAAAAAAAAAA"), nil
	case 4: // random bytes or a random well-formed id
		raw := make([]byte, 1+w.rng.IntN(64))
		_, _ = rngReader{w.rng}.Read(raw)
		if w.rng.IntN(2) == 0 {
			var id [buttonIDBytes]byte
			_, _ = rngReader{w.rng}.Read(id[:])
			return press(base64.RawURLEncoding.EncodeToString(id[:])), nil
		}
		return press(string(raw)), nil
	case 5: // old-style data naming a student
		return press(fmt.Sprintf("%s:%d:grades", []string{"view", "child", "consent"}[w.rng.IntN(3)], 1+w.rng.Int64N(80))), nil
	case 6, 7:
		cmds := []string{"/grades", "/homework", "/timetable", "/attendance", "/periods", "/final", "/settings",
			"/start", "/menu", "/codes", "/cancel", "/grades 5", fmt.Sprintf("/start %d", w.rng.Int64N(1e6)), "/grades@diary_bot"}
		return say(cmds[w.rng.IntN(len(cmds))]), nil
	case 8: // a random code
		code, _ := diary.NewLinkCode(rngReader{w.rng})
		return say(code), nil
	}
	c := w.pool[w.rng.IntN(len(w.pool))]
	if w.rng.IntN(2) == 0 {
		return say("/start " + c.code), c
	}
	return say(strings.ToLower(c.code)), c
}

// buttonOf returns a random callback data the bot sent to user's chat.
func (w *revWorld) buttonOf(user int64) string {
	var data []string
	for _, m := range w.h.tg.BotMessages(user) {
		for _, row := range m.InlineKeyboard {
			for _, b := range row {
				data = append(data, b.CallbackData)
			}
		}
	}
	if len(data) == 0 {
		return ""
	}
	return data[w.rng.IntN(len(data))]
}
