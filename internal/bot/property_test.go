package bot

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/i18n"
	"github.com/schooldiary/diary/internal/telegramtest"
)

// actor is a user of the property test and what they were given.
type actor struct {
	user    telegramtest.User
	granted map[int64]bool // students whose code the user got
}

// TestOnlyLinkedChildrenAreShown is the property of clause 2.12.3: whatever
// users press or type — their buttons, other users' buttons, forged data,
// commands, wrong codes — every view rendered is of a child the user is
// linked to with consent, and no message names a child they were not given.
func TestOnlyLinkedChildrenAreShown(t *testing.T) {
	forEachStore(t, options{}, func(t *testing.T, h *harness) {
		rng := rand.New(rand.NewPCG(3, 7))
		students := h.allStudents()
		actors := make([]*actor, 6)
		for i := range actors {
			actors[i] = &actor{user: h.user(telegramtest.User{}), granted: map[int64]bool{}}
			for range 1 + rng.IntN(2) {
				h.grant(actors[i], students[rng.IntN(len(students))], rng.IntN(3) > 0)
			}
		}
		for step := range 300 {
			h.randomAction(rng, actors, int64(30_000_000+step))
		}
		for _, a := range actors {
			h.send(a.user.ID, "/help")
			h.waitFor(a.user.ID, "Что умеет бот")
		}
		h.checkRenders(actors)
		h.checkNames(actors, students)
	})
}

// allStudents lists the enrolled students of the demo school.
func (h *harness) allStudents() []diary.Student {
	h.t.Helper()
	classes, err := h.db.Classes(h.ctx, h.school.ID)
	if err != nil {
		h.t.Fatal(err)
	}
	var out []diary.Student
	for _, c := range classes {
		sts, err := h.db.StudentsOfClass(h.ctx, c.ID)
		if err != nil {
			h.t.Fatal(err)
		}
		out = append(out, sts...)
	}
	return out
}

// grant gives the actor a code of the student (a guardian's when there is
// one) and accepts or declines the consent.
func (h *harness) grant(a *actor, st diary.Student, accept bool) {
	h.t.Helper()
	c := diary.LinkCode{Kind: diary.LinkStudent, StudentID: st.ID}
	if gs, _ := h.db.GuardiansOfStudent(h.ctx, st.ID); len(gs) > 0 {
		c = diary.LinkCode{Kind: diary.LinkGuardian, GuardianID: gs[0].ID, StudentID: st.ID}
	}
	a.granted[st.ID] = true
	h.startWith(a.user.ID, h.code(c))
	m := h.waitFor(a.user.ID, "Редакция согласия")
	btn := label(i18n.BtnConsentDecline)
	if accept {
		btn = label(i18n.BtnConsentAccept)
	}
	h.press(a.user.ID, m, btn)
	h.send(a.user.ID, "/help")
	h.waitFor(a.user.ID, "Что умеет бот")
}

// waitFor waits for a bot message containing want after those already read.
func (h *harness) waitFor(userID int64, want string) telegramtest.Message {
	h.t.Helper()
	for {
		m := h.next(userID)
		if strings.Contains(m.Text, want) {
			return m
		}
	}
}

// randomAction makes one random move of a random actor.
func (h *harness) randomAction(rng *rand.Rand, actors []*actor, updateID int64) {
	h.t.Helper()
	a := actors[rng.IntN(len(actors))]
	from := actors[rng.IntN(len(actors))] // whose buttons to press
	msgs := h.tg.BotMessages(from.user.ID)
	var data []string
	for _, m := range msgs {
		for _, row := range m.InlineKeyboard {
			for _, b := range row {
				data = append(data, b.CallbackData)
			}
		}
	}
	switch k := rng.IntN(4); {
	case k == 0 && len(data) > 0:
		if err := h.b.Receive(h.ctx, callbackUpdate(updateID, a.user.ID, data[rng.IntN(len(data))])); err != nil {
			h.t.Fatal(err)
		}
	case k == 1:
		h.send(a.user.ID, []string{"/grades", "/homework", "/settings", "/start", "/codes", "/menu"}[rng.IntN(6)])
	case k == 2:
		forged := fmt.Sprintf("%012d", rng.Int64N(1e12))
		if err := h.b.Receive(h.ctx, callbackUpdate(updateID, a.user.ID, forged)); err != nil {
			h.t.Fatal(err)
		}
	default:
		code, _ := diary.NewLinkCode(rngReader{rng})
		h.send(a.user.ID, code)
	}
}

// rngReader reads from a seeded generator.
type rngReader struct{ r *rand.Rand }

func (r rngReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(r.r.Uint32())
	}
	return len(p), nil
}

// checkRenders checks each view was of a granted child with consent: the
// viewer's guardian or student has an active consent by some actor given
// that child.
func (h *harness) checkRenders(actors []*actor) {
	h.t.Helper()
	calls := h.views.Calls()
	if len(calls) == 0 {
		h.t.Fatal("no view was rendered: the test exercises nothing")
	}
	for _, c := range calls {
		ok := false
		for _, a := range actors {
			if _, err := h.db.ActiveConsent(h.ctx, a.user.ID, c.studentID); err == nil && a.granted[c.studentID] {
				ok = true
			}
		}
		if !ok {
			h.t.Errorf("rendered student %d without a granted, consented link", c.studentID)
		}
	}
	h.t.Logf("%d views rendered", len(calls))
}

// checkNames checks that no chat names a student its user was not given.
func (h *harness) checkNames(actors []*actor, students []diary.Student) {
	h.t.Helper()
	for _, a := range actors {
		allowed := map[string]bool{}
		for _, st := range students {
			if a.granted[st.ID] {
				allowed[st.Name.Full()] = true
			}
		}
		for _, m := range h.tg.BotMessages(a.user.ID) {
			for _, st := range students {
				if name := st.Name.Full(); !allowed[name] && strings.Contains(m.Text, name) {
					h.t.Errorf("user %d was shown %q: %q", a.user.ID, name, m.Text)
				}
			}
		}
	}
}
