package bot

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/i18n"
	"github.com/schooldiary/diary/internal/telegramtest"
)

// TestSettingsLanguageAndNotifications switches to English and back, and
// turns notifications off.
func TestSettingsLanguageAndNotifications(t *testing.T) {
	forEachStore(t, options{}, func(t *testing.T, h *harness) {
		f := h.parent()
		u := h.user(telegramtest.User{})
		menu := h.linkParent(u.ID, f, f.student)
		h.press(u.ID, menu, label(i18n.MenuSettings))
		settings := h.expectKey(u.ID, i18n.SettingsTitle)
		h.press(u.ID, settings, label(i18n.BtnSettingsLang))
		langs := h.expectKey(u.ID, i18n.SettingsLangChoose)
		h.press(u.ID, langs, "English")
		h.expect(u.ID, "Interface language: English.")
		if c, _ := h.db.ChatByID(h.ctx, u.ID); c.Language != "en" {
			t.Errorf("stored language %q", c.Language)
		}
		cmds := h.tg.CommandsFor(u.ID, u.ID)
		if len(cmds) == 0 || cmds[1].Description != "Grades" {
			t.Errorf("commands in English: %+v", cmds)
		}
		h.send(u.ID, "/help")
		h.expect(u.ID, "What the bot can do")

		h.send(u.ID, "/settings") // the language choice replaced the settings in place
		settings = h.expect(u.ID, "Settings")
		h.press(u.ID, settings, i18n.Plain(i18n.EN, i18n.BtnSettingsNotify))
		view := h.expect(u.ID, "Notifications")
		h.press(u.ID, view, i18n.Plain(i18n.EN, i18n.BtnNotifyAllOff))
		h.expect(u.ID, "Optional notifications are off")
		if off, err := h.b.NotificationsOff(h.ctx, u.ID); err != nil || !off {
			t.Errorf("NotificationsOff = %v, %v", off, err)
		}
	})
}

// TestLanguageFromTelegram greets an English-speaking user in English.
func TestLanguageFromTelegram(t *testing.T) {
	forEachStore(t, options{}, func(t *testing.T, h *harness) {
		u := h.user(telegramtest.User{LanguageCode: "en"})
		h.send(u.ID, "/start")
		h.expect(u.ID, "Hello! This is the school's electronic diary bot.")
		if got := h.tg.CommandsFor(u.ID, u.ID); len(got) != 2 || got[1].Description != "What the bot can do" {
			t.Errorf("default English commands: %+v", got)
		}
		ru := h.user(telegramtest.User{LanguageCode: "uk"})
		h.send(ru.ID, "/start")
		h.expectKey(ru.ID, i18n.StartNew)
	})
}

// TestHTMLInjectionThroughNames escapes a child's name from the journal and
// the user's Telegram name (the emulator refuses bad HTML with 400).
func TestHTMLInjectionThroughNames(t *testing.T) {
	forEachStore(t, options{}, func(t *testing.T, h *harness) {
		f := h.parent()
		st := f.student
		st.Name.First = `<i>Пётр</i> & "Co" <script>`
		h.applyStudent(st)
		u := h.user(telegramtest.User{FirstName: "<b>Мама</b> & <a>"})
		h.linkParent(u.ID, f, st)
		h.send(u.ID, "/start")
		h.expect(u.ID, "Здравствуйте, <b>Мама</b> & <a>!")
		menu := h.expect(u.ID, st.Name.Full())
		h.press(u.ID, menu, label(i18n.MenuGrades))
		h.expect(u.ID, st.Name.Full()+" · grades")
		if strings.Contains(h.logs.String(), "can't parse") {
			t.Errorf("bad HTML sent:\n%s", h.logs.String())
		}
	})
}

// panicViews panics with a child's name in the value.
type panicViews struct{ db diary.Store }

func (p panicViews) Render(ctx context.Context, _ i18n.Lang, _ diary.Viewer, studentID int64, _ diary.Date, _ string) ([]Page, error) {
	st, _ := p.db.Student(ctx, studentID)
	panic("render failed for " + st.Name.Full())
}

// TestPanicIsRecoveredWithoutChildrensData keeps the chat going after a
// handler panics and logs no child's name.
func TestPanicIsRecoveredWithoutChildrensData(t *testing.T) {
	var views panicViews
	h := newHarness(t, options{views: &views})
	views.db = h.db
	f := h.parent()
	u := h.user(telegramtest.User{})
	h.linkParent(u.ID, f, f.student)
	h.send(u.ID, "/grades")
	h.send(u.ID, "/help")
	h.expectKey(u.ID, i18n.Help)
	logs := h.logs.String()
	if !strings.Contains(logs, "panic in update handler") {
		t.Fatalf("panic not logged:\n%s", logs)
	}
	if strings.Contains(logs, f.student.Name.Last) {
		t.Errorf("the child's name is in the log:\n%s", logs)
	}
}

// blockingViews blocks Render until release is closed or ctx ends.
type blockingViews struct {
	entered chan struct{}
	release chan struct{}
	inner   Views
}

func (v *blockingViews) Render(ctx context.Context, lang i18n.Lang, viewer diary.Viewer, id int64, today diary.Date, action string) ([]Page, error) {
	v.entered <- struct{}{}
	select {
	case <-v.release:
		return v.inner.Render(ctx, lang, viewer, id, today, action)
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// TestHandlerTimeout bounds a handler that hangs; the chat goes on.
func TestHandlerTimeout(t *testing.T) {
	views := &blockingViews{entered: make(chan struct{}, 1), release: make(chan struct{})}
	h := newHarness(t, options{views: views, timeout: 300 * time.Millisecond})
	f := h.parent()
	u := h.user(telegramtest.User{})
	h.linkParent(u.ID, f, f.student)
	h.send(u.ID, "/grades")
	<-views.entered
	h.send(u.ID, "/help")
	h.expectKey(u.ID, i18n.Help)
	if !strings.Contains(h.logs.String(), "context deadline exceeded") {
		t.Errorf("timeout not logged:\n%s", h.logs.String())
	}
}

// TestShutdownFinishesUpdatesInFlight waits for a handler in progress.
func TestShutdownFinishesUpdatesInFlight(t *testing.T) {
	views := &blockingViews{entered: make(chan struct{}, 1), release: make(chan struct{})}
	h := newHarness(t, options{views: views})
	views.inner = &fakeViews{db: h.db}
	f := h.parent()
	u := h.user(telegramtest.User{})
	h.linkParent(u.ID, f, f.student)
	h.send(u.ID, "/grades")
	<-views.entered
	done := make(chan error, 1)
	go func() { done <- h.b.Shutdown(h.ctx) }()
	select {
	case err := <-done:
		t.Fatalf("Shutdown returned with an update in flight: %v", err)
	default:
	}
	close(views.release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	h.expect(u.ID, f.student.Name.Full()+" · grades")
}

// TestHTMLInjectionThroughJournalText sends a lesson topic written as markup
// through the real views: the parent sees it as text and the bot never sends
// HTML Telegram cannot parse, on both stores.
func TestHTMLInjectionThroughJournalText(t *testing.T) {
	forEachStore(t, options{realViews: true}, func(t *testing.T, h *harness) {
		f := h.parent()
		topic := `<script>alert(1)</script> & <b>"тема"`
		h.applyLesson(f.student, topic)
		u := h.user(telegramtest.User{})
		menu := h.linkParent(u.ID, f, f.student)
		h.press(u.ID, menu, label(i18n.MenuTimetable))
		h.expect(u.ID, topic)
		if strings.Contains(h.logs.String(), "can't parse") {
			t.Errorf("bad HTML sent:\n%s", h.logs.String())
		}
	})
}

// applyLesson adds a lesson of the student's class today with topic.
func (h *harness) applyLesson(st diary.Student, topic string) {
	h.t.Helper()
	cl, err := h.db.Class(h.ctx, st.ClassID)
	if err != nil {
		h.t.Fatal(err)
	}
	subjects, err := h.db.Subjects(h.ctx, h.school.ID)
	if err != nil || len(subjects) == 0 {
		h.t.Fatalf("subjects: %v", err)
	}
	b := &diary.Batch{School: diary.School{Code: h.school.Code}, AsOf: diary.DateOf(startTime),
		Lessons: []diary.LessonIn{{ClassRef: cl.ExtID, SubjectRef: subjects[0].ExtID,
			Lesson: diary.Lesson{ExtID: "injected-1", Date: diary.DateOf(startTime), Number: 8, Topic: topic}}}}
	if _, err := h.db.Apply(h.ctx, b, diary.ApplyOptions{}); err != nil {
		h.t.Fatalf("Apply: %v", err)
	}
}
