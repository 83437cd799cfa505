package bot

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"strconv"
	"strings"
	"testing"

	"github.com/riverqueue/river"

	"github.com/schooldiary/diary/internal/announce"
	"github.com/schooldiary/diary/internal/demo"
	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/i18n"
	"github.com/schooldiary/diary/internal/notify"
	"github.com/schooldiary/diary/internal/telegramtest"
)

// planPDF is the PDF the staff attach.
var planPDF = []byte("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")

// sendDoc sends a document as the user.
func (h *harness) sendDoc(userID int64, name string, data []byte, caption string) {
	h.t.Helper()
	if _, err := h.tg.SendDocument(userID, name, "", data, caption); err != nil {
		h.t.Fatal(err)
	}
}

// fileLineOf is the preview's line of a file, as the user reads it.
func fileLineOf(name string, size int) string {
	return label(i18n.AnnounceFileAdded, "name", name, "size", sizeText(i18n.RU, size))
}

// TestAnnounceFileDelivered: the director attaches a PDF before writing the
// text; the preview names it with its size; «Отправить» stores it with the
// announcement, so that the notice has it and a running notify.Service
// delivers it with the message.
func TestAnnounceFileDelivered(t *testing.T) {
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
		u := h.user(telegramtest.User{})
		h.press(u.ID, h.linkStaff(u.ID, h.staffByExt(diary.RoleDirector, demo.DirectorExtID)), label(i18n.BtnStaffAnnounce))
		h.press(u.ID, h.expectKey(u.ID, i18n.AnnounceChoose), "вся школа")
		h.next(u.ID)
		h.sendDoc(u.ID, "План собрания.pdf", planPDF, "")
		h.expectKey(u.ID, i18n.AnnounceFileAttached, "name", "План собрания.pdf", "size", sizeText(i18n.RU, len(planPDF)))
		h.send(u.ID, "Собрание в 18:00")
		preview := h.expect(u.ID, fileLineOf("План собрания.pdf", len(planPDF)))
		h.press(u.ID, preview, label(i18n.BtnAnnounceSend))
		h.expect(u.ID, "Отправлено 1 семье.")
		n, err := h.db.(notify.Store).Notice(h.ctx, 1)
		want := diary.NoticeFile{Name: "План собрания.pdf", MIME: "application/pdf", Data: planPDF}
		if err != nil || len(n.Files) != 1 || !sameFile(n.Files[0], want) {
			t.Fatalf("the notice's files: %+v, %v; want the PDF", n.Files, err)
		}
		h.waitJob(events)
		rec.mu.Lock()
		got := rec.sent[strconv.FormatInt(mother.ID, 10)]
		rec.mu.Unlock()
		if len(got) != 1 || len(got[0].Files) != 1 || !bytes.Equal(got[0].Files[0].Data, planPDF) || got[0].Files[0].Name != want.Name {
			t.Fatalf("delivered to the mother's chat: %+v", got)
		}
	})
}

// sameFile reports whether two notice files are equal.
func sameFile(a, b diary.NoticeFile) bool {
	return a.Name == b.Name && a.MIME == b.MIME && bytes.Equal(a.Data, b.Data)
}

// TestAnnounceFileRefused: a class teacher's file over 20 MB (refused by its
// declared size, before getFile), an .exe and a picture named .pdf are
// refused with what is allowed, the draft kept: «Отправить» sends the text
// alone. A PDF whose caption is the text previews at once. A document
// outside an announcement gets a hint, from staff and parents alike.
func TestAnnounceFileRefused(t *testing.T) {
	forEachStore(t, withAnnounce, func(t *testing.T, h *harness) {
		f := h.parent()
		mother := h.user(telegramtest.User{})
		h.linkParent(mother.ID, f, f.student)
		u := h.user(telegramtest.User{})
		h.press(u.ID, h.linkStaff(u.ID, h.staffByExt(diary.RoleClassTeacher, demo.ClassTeacherExtID)), label(i18n.BtnStaffAnnounce))
		h.press(u.ID, h.expectKey(u.ID, i18n.AnnounceChoose), "класс 7А")
		h.next(u.ID)
		h.send(u.ID, "Экскурсия в музей")
		preview := h.expect(u.ID, "Экскурсия в музей")
		if strings.Contains(preview.Text, "Файл:") {
			t.Errorf("a preview without a file names one:\n%s", preview.Text)
		}
		big := telegramtest.MaxGetFileBytes + 1
		h.sendDoc(u.ID, "фильм.pdf", make([]byte, big), "")
		h.expectKey(u.ID, i18n.AnnounceFileLarge, "size", sizeText(i18n.RU, big), "max", announce.MaxFile>>20)
		h.sendDoc(u.ID, "программа.exe", []byte("MZ\x90\x00"), "")
		h.expectKey(u.ID, i18n.AnnounceFileType, "name", "программа.exe")
		h.sendDoc(u.ID, "схема.pdf", pictureBytes(t), "Новый текст")
		h.expectKey(u.ID, i18n.AnnounceFileType, "name", "схема.pdf")
		h.press(u.ID, preview, label(i18n.BtnAnnounceSend))
		h.expect(u.ID, "Отправлено 1 семье.")
		if n, err := h.db.(notify.Store).Notice(h.ctx, 1); err != nil || len(n.Files) != 0 || !strings.Contains(n.HTML, "Экскурсия в музей") {
			t.Fatalf("notice = %+v, %v; want the text alone, no file", n, err)
		}
	})
}

// TestAnnounceFileCaption: a PDF whose caption is the text previews at
// once with both; after «Отменить» a document gets a hint, as a parent's
// does, and nothing is recorded.
func TestAnnounceFileCaption(t *testing.T) {
	forEachStore(t, withAnnounce, func(t *testing.T, h *harness) {
		f := h.parent()
		mother := h.user(telegramtest.User{})
		h.linkParent(mother.ID, f, f.student)
		teacher := h.staffByExt(diary.RoleClassTeacher, demo.ClassTeacherExtID)
		u := h.user(telegramtest.User{})
		h.linkStaff(u.ID, teacher)
		h.forge(u.ID, button{Kind: kindAnnScope, Arg: teacher.ID, Action: "c" + strconv.FormatInt(h.classOf("7А").ID, 10)})
		h.expectKey(u.ID, i18n.AnnounceAskText, "scope", "класс 7А", "max", announce.MaxText)
		h.sendDoc(u.ID, "План.pdf", planPDF, "Родительское собрание")
		preview := h.expect(u.ID, fileLineOf("План.pdf", len(planPDF)))
		if !strings.Contains(preview.Text, "Родительское собрание") {
			t.Errorf("the preview lacks the caption's text:\n%s", preview.Text)
		}
		h.press(u.ID, preview, label(i18n.BtnAnnounceCancel))
		h.expectKey(u.ID, i18n.AnnounceCancelled)
		h.sendDoc(u.ID, "План.pdf", planPDF, "")
		h.expectKey(u.ID, i18n.AnnounceFileIgnored)
		h.sendDoc(mother.ID, "справка.pdf", planPDF, "Справка")
		h.expectKey(mother.ID, i18n.AnnounceFileIgnored)
		if got := h.announcements(teacher.ID); len(got) != 0 {
			t.Errorf("recorded: %+v", got)
		}
	})
}

// pictureBytes is a small PNG.
func pictureBytes(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewGray(image.Rect(0, 0, 2, 2))); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
