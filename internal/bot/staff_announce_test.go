package bot

import (
	"context"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/riverqueue/river"

	"github.com/schooldiary/diary/internal/announce"
	"github.com/schooldiary/diary/internal/demo"
	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/i18n"
	"github.com/schooldiary/diary/internal/notify"
	"github.com/schooldiary/diary/internal/telegramtest"
)

// withAnnounce gives the bot announcements: the store and a notify.Service
// on it (not started: the notices and their jobs are only enqueued).
var withAnnounce = options{deps: func(h *harness, d *Deps) {
	svc, err := notify.New(h.db.(notify.Store), notify.Config{Now: h.clock.Now})
	if err != nil {
		h.t.Fatal(err)
	}
	d.Announce = NewAnnouncer(h.db.(AnnounceStore), svc)
}}

// announcements returns a sender's announcements as the store keeps them.
func (h *harness) announcements(staffID int64) []diary.Announcement {
	h.t.Helper()
	list, err := h.db.(AnnounceStore).Announcements(h.ctx, h.school.ID, staffID, 10)
	if err != nil {
		h.t.Fatal(err)
	}
	return list
}

// enrolled counts the demo school's enrolled students.
func (h *harness) enrolled() int {
	h.t.Helper()
	acc, err := h.db.StudentAccess(h.ctx, h.school.ID, 0, h.clock.Now())
	if err != nil {
		h.t.Fatal(err)
	}
	return len(acc)
}

// TestAnnounceDirectorToSchool: the director writes to the whole school;
// the preview shows the notice as families get it, escaped, and counts the
// demo mother once for her two children and every other family as not
// linked; «Отправить» enqueues one notice, seen in «Мои объявления».
func TestAnnounceDirectorToSchool(t *testing.T) {
	forEachStore(t, withAnnounce, func(t *testing.T, h *harness) {
		f := h.parent()
		mother := h.user(telegramtest.User{})
		h.linkParent(mother.ID, f, f.student)
		h.linkParent(mother.ID, f, f.sibling)
		director := h.staffByExt(diary.RoleDirector, demo.DirectorExtID)
		u := h.user(telegramtest.User{})
		menu := h.linkStaff(u.ID, director)
		h.press(u.ID, menu, label(i18n.BtnStaffAnnounce))
		choose := h.expectKey(u.ID, i18n.AnnounceChoose)
		for _, want := range []string{"вся школа", "5–9 классы", "7-е классы", "класс 7А", "класс 11А"} {
			buttonWith(t, choose, want)
		}
		h.press(u.ID, choose, "вся школа")
		h.expectKey(u.ID, i18n.AnnounceAskText, "scope", "вся школа", "max", announce.MaxText)
		text := "Собрание <родителей> & учителей в 18:00"
		h.send(u.ID, text)
		unreachable := h.enrolled() - 2
		preview := h.expectKey(u.ID, i18n.AnnouncePreview, "scope", "вся школа", "n", 1, "unreachable", unreachable,
			"notice", i18n.Safe(announce.Render(i18n.RU, h.school, text)))
		h.press(u.ID, preview, label(i18n.BtnAnnounceSend))
		sent := h.expectKey(u.ID, i18n.AnnounceSent, "n", 1, "unreachable", unreachable)
		h.wantEnqueued(director.ID, f.guardian.ID, unreachable, "Собрание &lt;родителей&gt; &amp; учителей")
		h.press(u.ID, sent, label(i18n.BtnStaffAnnounces))
		mine := h.expectKey(u.ID, i18n.AnnounceListHead)
		if want := "Получателей 1: доставлено 0, по почте 0, не доставлено 0, ждёт 1"; !strings.Contains(mine.Text, want) {
			t.Errorf("my announcements:\n%s\nwant %q", mine.Text, want)
		}
		h.forge(u.ID, button{Kind: kindAnnSend})
		h.expectKey(u.ID, i18n.AnnounceExpired)
		if got := len(h.announcements(director.ID)); got != 1 {
			t.Errorf("a second press sent again: %d announcements", got)
		}
	})
}

// wantEnqueued checks that the sender's one announcement reached guardian
// alone with a notice (not urgent) whose HTML has html, and counted
// unreachable families.
func (h *harness) wantEnqueued(staffID, guardian int64, unreachable int, html string) {
	h.t.Helper()
	list := h.announcements(staffID)
	if len(list) != 1 || list[0].Recipients != 1 || list[0].Unreachable != unreachable || list[0].Counts != (diary.AnnounceCounts{Waiting: 1}) {
		h.t.Fatalf("announcements = %+v, want one to 1 recipient, waiting", list)
	}
	n, err := h.db.(notify.Store).Notice(h.ctx, 1)
	if err != nil || n.Key != diary.AnnouncementKey(list[0].ID, guardian) || n.Urgent || !strings.Contains(n.HTML, html) {
		h.t.Errorf("notice = %+v, %v; want the guardian's, escaped, not urgent", n, err)
	}
}

// TestAnnounceClassTeacherCancels: a class teacher is offered only their
// class; «Отменить» and /cancel enqueue nothing.
func TestAnnounceClassTeacherCancels(t *testing.T) {
	forEachStore(t, withAnnounce, func(t *testing.T, h *harness) {
		f := h.parent()
		mother := h.user(telegramtest.User{})
		h.linkParent(mother.ID, f, f.student)
		teacher := h.staffByExt(diary.RoleClassTeacher, demo.ClassTeacherExtID)
		u := h.user(telegramtest.User{})
		menu := h.linkStaff(u.ID, teacher)
		h.press(u.ID, menu, label(i18n.BtnStaffAnnounce))
		choose := h.expectKey(u.ID, i18n.AnnounceChoose)
		if got := len(choose.InlineKeyboard); got != 2 || choose.InlineKeyboard[0][0].Text != "класс 7А" {
			t.Fatalf("a class teacher's choice: %+v, want class 7А and the way home", choose.InlineKeyboard)
		}
		h.press(u.ID, choose, "класс 7А")
		h.expectKey(u.ID, i18n.AnnounceAskText, "scope", "класс 7А", "max", announce.MaxText)
		h.send(u.ID, strings.Repeat("я", announce.MaxText+1))
		h.expectKey(u.ID, i18n.AnnounceTooLong, "n", announce.MaxText+1, "max", announce.MaxText)
		h.send(u.ID, "Завтра экскурсия")
		students, _ := h.db.StudentsOfClass(h.ctx, h.classOf("7А").ID)
		preview := h.expectKey(u.ID, i18n.AnnouncePreview, "scope", "класс 7А", "n", 1, "unreachable", len(students)-1,
			"notice", i18n.Safe(announce.Render(i18n.RU, h.school, "Завтра экскурсия")))
		h.press(u.ID, preview, label(i18n.BtnAnnounceCancel))
		cancelled := h.expectKey(u.ID, i18n.AnnounceCancelled)
		h.press(u.ID, cancelled, label(i18n.BtnStaffHome))
		menu = h.expectKey(u.ID, i18n.StaffMenu, "name", teacher.Name.Full())
		h.press(u.ID, menu, label(i18n.BtnStaffAnnounce))
		h.press(u.ID, h.expectKey(u.ID, i18n.AnnounceChoose), "класс 7А")
		h.next(u.ID)
		h.send(u.ID, "/cancel")
		h.expectKey(u.ID, i18n.AnnounceCancelled)
		h.send(u.ID, "Это уже не объявление")
		h.expectKey(u.ID, i18n.ErrUnknownInput)
		if got := h.announcements(teacher.ID); len(got) != 0 {
			t.Errorf("cancelled announcements were recorded: %+v", got)
		}
		if _, err := h.db.(notify.Store).Notice(h.ctx, 1); err == nil {
			t.Error("a cancelled announcement enqueued a notice")
		}
	})
}

// TestAnnounceForgedScope: a forged button for a scope the role does not
// cover is refused naming nothing — a class teacher's school, levels,
// another class or another staff member's id; a deputy's other stage or
// the school; nothing is recorded. Without Deps.Announce there is no entry.
func TestAnnounceForgedScope(t *testing.T) {
	forEachStore(t, withAnnounce, func(t *testing.T, h *harness) {
		teacher := h.staffByExt(diary.RoleClassTeacher, demo.ClassTeacherExtID)
		director := h.staffByExt(diary.RoleDirector, demo.DirectorExtID)
		u := h.user(telegramtest.User{})
		h.linkStaff(u.ID, teacher)
		c10 := strconv.FormatInt(h.classOf("10А").ID, 10)
		c7 := strconv.FormatInt(h.classOf("7А").ID, 10)
		for _, btn := range []button{
			{Kind: kindAnnScope, Arg: teacher.ID, Action: "s"},
			{Kind: kindAnnScope, Arg: teacher.ID, Action: "l5-9"},
			{Kind: kindAnnScope, Arg: teacher.ID, Action: "l7-7"},
			{Kind: kindAnnScope, Arg: teacher.ID, Action: "c" + c10},
			{Kind: kindAnnScope, Arg: director.ID, Action: "c" + c7},
			{Kind: kindAnnScope, Arg: teacher.ID, Action: "c999999"},
			{Kind: kindAnnScope, Arg: teacher.ID, Action: "x"},
		} {
			h.forge(u.ID, btn)
			h.expectKey(u.ID, i18n.StaffNotYours)
		}
		h.forge(u.ID, button{Kind: kindAnnSend})
		h.expectKey(u.ID, i18n.AnnounceExpired)
		deputy := h.forgeDeputyScopes(c10)
		math := h.staffByExt(diary.RoleTeacher, demo.SubjectTeacherExtID)
		m := h.user(telegramtest.User{})
		if menu := h.linkStaff(m.ID, math); hasButton(menu, label(i18n.BtnStaffAnnounce)) {
			t.Errorf("a subject teacher is offered announcements: %+v", menu.InlineKeyboard)
		}
		h.forge(m.ID, button{Kind: kindAnnounce})
		h.expectKey(m.ID, i18n.StaffNotYours)
		if got := len(h.announcements(teacher.ID)) + len(h.announcements(deputy.ID)); got != 0 {
			t.Errorf("forged scopes recorded %d announcements", got)
		}
	})
	h := newHarness(t, options{})
	u := h.user(telegramtest.User{})
	defer h.clock.Advance(time.Second)
	if menu := h.linkStaff(u.ID, h.staffByExt(diary.RoleDirector, demo.DirectorExtID)); hasButton(menu, label(i18n.BtnStaffAnnounce)) {
		t.Error("the entry is offered without Deps.Announce")
	}
}

// forgeDeputyScopes has the deputy of 5–9 forge the school, other stages
// and class c10 (refused), then their own stage (asked for the text); it
// returns the deputy.
func (h *harness) forgeDeputyScopes(c10 string) diary.Staff {
	h.t.Helper()
	deputy := h.staffByExt(diary.RoleDeputy, demo.DeputyExtID)
	d := h.user(telegramtest.User{})
	h.linkStaff(d.ID, deputy)
	for _, action := range []string{"s", "l10-11", "l1-9", "l0-0", "c" + c10} {
		h.forge(d.ID, button{Kind: kindAnnScope, Arg: deputy.ID, Action: action})
		h.expectKey(d.ID, i18n.StaffNotYours)
	}
	h.forge(d.ID, button{Kind: kindAnnScope, Arg: deputy.ID, Action: "l5-9"})
	h.expectKey(d.ID, i18n.AnnounceAskText, "scope", "5–9 классы", "max", announce.MaxText)
	return deputy
}

// recordingChannel is a notify channel that records what it delivers.
type recordingChannel struct {
	mu   sync.Mutex
	sent map[string][]notify.Message
}

// Name is the Telegram channel's name.
func (c *recordingChannel) Name() string { return "telegram" }

// Send records m for its address.
func (c *recordingChannel) Send(_ context.Context, to notify.Address, m notify.Message) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.sent[to.To] = append(c.sent[to.To], m)
	return nil
}

// delivering is a notify.Service on the harness's store and clock that
// delivers through rec (started by the test).
func (h *harness) delivering(rec *recordingChannel) *notify.Service {
	h.t.Helper()
	svc, err := notify.New(h.db.(notify.Store), notify.Config{Now: h.clock.Now, PollInterval: 50 * time.Millisecond,
		Channels: map[string]notify.Channel{"telegram": rec}})
	if err != nil {
		h.t.Fatal(err)
	}
	return svc
}

// waitJob waits for a delivery job to complete; a failed attempt is
// logged and retried by River (a send under heavy load may time out).
func (h *harness) waitJob(events <-chan *river.Event) {
	h.t.Helper()
	for {
		select {
		case ev := <-events:
			if ev.Kind == river.EventKindJobCompleted {
				return
			}
			h.t.Logf("delivery attempt %s: %+v", ev.Kind, ev.Job.Errors)
		case <-h.ctx.Done():
			h.t.Fatal("the announcement was not delivered")
		}
	}
}

// TestAnnounceDelivered: a class teacher's announcement is delivered by a
// running notify.Service to the mother's chat, and «Мои объявления» counts
// it as delivered.
func TestAnnounceDelivered(t *testing.T) {
	var rec *recordingChannel // each store's own
	var svc *notify.Service
	opt := options{deps: func(h *harness, d *Deps) {
		rec = &recordingChannel{sent: map[string][]notify.Message{}}
		svc = h.delivering(rec)
		d.Announce = NewAnnouncer(h.db.(AnnounceStore), svc)
	}}
	forEachStore(t, opt, func(t *testing.T, h *harness) {
		events, cancel := svc.Subscribe(river.EventKindJobCompleted, river.EventKindJobFailed)
		defer cancel()
		if err := svc.Start(h.ctx); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = svc.Stop(context.Background()) })
		f := h.parent()
		mother := h.user(telegramtest.User{})
		h.linkParent(mother.ID, f, f.student)
		teacher := h.staffByExt(diary.RoleClassTeacher, demo.ClassTeacherExtID)
		u := h.user(telegramtest.User{})
		h.press(u.ID, h.linkStaff(u.ID, teacher), label(i18n.BtnStaffAnnounce))
		h.press(u.ID, h.expectKey(u.ID, i18n.AnnounceChoose), "класс 7А")
		h.next(u.ID)
		h.send(u.ID, "Экскурсия в музей")
		h.press(u.ID, h.expect(u.ID, "Получателей: 1."), label(i18n.BtnAnnounceSend))
		sent := h.expect(u.ID, "Отправлено 1 семье.")
		h.waitJob(events)
		rec.mu.Lock()
		got := rec.sent[strconv.FormatInt(mother.ID, 10)]
		rec.mu.Unlock()
		if len(got) != 1 || !strings.Contains(got[0].HTML, "Экскурсия в музей") {
			t.Fatalf("delivered to the mother's chat: %+v (all: %v)", got, rec.sent)
		}
		h.press(u.ID, sent, label(i18n.BtnStaffAnnounces))
		if m := h.expectKey(u.ID, i18n.AnnounceListHead); !strings.Contains(m.Text, "доставлено 1") {
			t.Errorf("my announcements after delivery:\n%s", m.Text)
		}
	})
}
