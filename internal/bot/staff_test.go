package bot

import (
	"bytes"
	"crypto/rand"
	"strings"
	"sync"
	"testing"

	"github.com/schooldiary/diary/internal/demo"
	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/i18n"
	"github.com/schooldiary/diary/internal/telegramtest"
)

// recordingRand is crypto/rand that remembers every link code drawn from it
// (reads of CodeSymbols bytes), so a test knows the codes only the PDF shows.
type recordingRand struct {
	mu    sync.Mutex
	codes []string
}

func (r *recordingRand) Read(p []byte) (int, error) {
	n, err := rand.Read(p)
	if len(p) == diary.CodeSymbols {
		code, _ := diary.NewLinkCode(bytes.NewReader(p))
		r.mu.Lock()
		r.codes = append(r.codes, code)
		r.mu.Unlock()
	}
	return n, err
}

func (r *recordingRand) Codes() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.codes...)
}

// linkStaff links the user by a staff code of s and returns the staff menu.
func (h *harness) linkStaff(userID int64, s diary.Staff) telegramtest.Message {
	h.t.Helper()
	h.startWith(userID, h.code(diary.LinkCode{Kind: diary.LinkStaff, StaffID: s.ID}))
	h.expectKey(userID, i18n.StaffLinked, "name", s.Name.Full())
	return h.expectKey(userID, i18n.StaffMenu, "name", s.Name.Full())
}

// TestClassTeacherIssuesCodes: a class teacher links with their own code,
// gets the class's letters as a PDF, and the codes work; no code is ever
// written to a message or the log.
func TestClassTeacherIssuesCodes(t *testing.T) {
	rec := &recordingRand{}
	forEachStore(t, options{schoolRand: rec}, func(t *testing.T, h *harness) {
		teacher := h.staffByExt(diary.RoleClassTeacher, demo.ClassTeacherExtID)
		u := h.user(telegramtest.User{})
		menu := h.linkStaff(u.ID, teacher)
		if got := h.tg.CommandsFor(u.ID, u.ID); !hasCommand(got, "codes") || hasCommand(got, "grades") {
			t.Errorf("class teacher's commands: %+v", got)
		}
		before := len(rec.Codes())
		h.press(u.ID, menu, label(i18n.BtnCodes, "class", "7А"))
		doc := h.expect(u.ID, "Письма с кодами для класса 7А")
		if doc.Document == nil || !bytes.HasPrefix(doc.Document.Data, []byte("%PDF")) {
			t.Fatalf("no PDF: %+v", doc.Document)
		}
		codes := rec.Codes()[before:]
		students, _ := h.db.StudentsOfClass(h.ctx, teacher.Roles[0].ClassID)
		if len(codes) <= len(students) {
			t.Fatalf("%d codes for %d students", len(codes), len(students))
		}
		family := h.user(telegramtest.User{})
		h.send(family.ID, strings.ToLower(codes[len(codes)-1]))
		h.expect(family.ID, "согласия")
		for _, c := range codes {
			if strings.Contains(h.logs.String(), c) {
				t.Errorf("code %s in the log", c)
			}
			for _, m := range h.tg.Messages(u.ID) {
				if strings.Contains(m.Text+m.Caption, c) {
					t.Errorf("code %s in a message", c)
				}
			}
		}
	})
}

// TestSubjectTeacherCannotIssueCodes refuses /codes to a teacher who leads no class.
func TestSubjectTeacherCannotIssueCodes(t *testing.T) {
	forEachStore(t, options{}, func(t *testing.T, h *harness) {
		teacher := h.staffByExt(diary.RoleTeacher, demo.SubjectTeacherExtID)
		u := h.user(telegramtest.User{})
		h.linkStaff(u.ID, teacher)
		h.send(u.ID, "/codes")
		h.expectKey(u.ID, i18n.CodesRefused)
		if got := h.tg.CommandsFor(u.ID, u.ID); hasCommand(got, "codes") || !hasCommand(got, "help") {
			t.Errorf("teacher's commands: %+v", got)
		}
		h.send(u.ID, "/help")
		h.expectKey(u.ID, i18n.HelpStaffTeacher)
	})
}

// TestAccessRequest asks for access without a code; the request is recorded
// and reaches the class teacher's chat, names escaped.
func TestAccessRequest(t *testing.T) {
	forEachStore(t, options{}, func(t *testing.T, h *harness) {
		teacher := h.staffByExt(diary.RoleClassTeacher, demo.ClassTeacherExtID)
		tu := h.user(telegramtest.User{})
		h.linkStaff(tu.ID, teacher)
		h.send(tu.ID, "/requests")
		h.expectKey(tu.ID, i18n.AccessNoneWaiting)

		u := h.user(telegramtest.User{FirstName: "<b>Мама</b>", Phone: "+79990001122"})
		h.send(u.ID, "/start")
		h.expectKey(u.ID, i18n.StartNew)
		h.expectKey(u.ID, i18n.LinkAskCode)
		if _, err := h.tg.PressKeyboard(u.ID, label(i18n.BtnNoCode)); err != nil {
			t.Fatal(err)
		}
		h.expectKey(u.ID, i18n.AccessAskName)
		h.answerRequest(u.ID, "Иванова <i>Мария</i> & Co", "мама", "Иванов Пётр", "7 а")
		h.expectKey(u.ID, i18n.AccessRecorded, "date", diary.DateOf(startTime), "days", accessDays)
		notice := h.expect(tu.ID, "Заявитель: Иванова <i>Мария</i> & Co")
		if !strings.Contains(notice.Text, "Иванов Пётр, 7А класс") {
			t.Errorf("notice = %q", notice.Text)
		}
		open, err := h.db.AccessRequests(h.ctx, h.school.ID, true)
		if err != nil || len(open) != 1 || open[0].ClassName != "7А" || open[0].TelegramUserID != u.ID {
			t.Fatalf("requests = %+v, %v", open, err)
		}
		h.send(u.ID, "/start")
		h.expectKey(u.ID, i18n.StartNew)
		h.expectKey(u.ID, i18n.LinkAskCode)
		if _, err := h.tg.PressKeyboard(u.ID, label(i18n.BtnNoCode)); err != nil {
			t.Fatal(err)
		}
		h.expectKey(u.ID, i18n.AccessAskName)
		h.send(u.ID, "/cancel")
		h.expectKey(u.ID, i18n.AccessCancelled)
	})
}

// TestAccessRequestDuplicate answers a second request with the first one's date.
func TestAccessRequestDuplicate(t *testing.T) {
	forEachStore(t, options{}, func(t *testing.T, h *harness) {
		u := h.user(telegramtest.User{Phone: "+79990001122"})
		today := diary.DateOf(startTime)
		for _, want := range []func(){
			func() { h.expectKey(u.ID, i18n.AccessRecorded, "date", today, "days", accessDays) },
			func() { h.expectKey(u.ID, i18n.AccessDuplicate, "date", today) },
		} {
			h.send(u.ID, label(i18n.BtnNoCode))
			h.expectKey(u.ID, i18n.AccessAskName)
			h.answerRequest(u.ID, "Петрова Ольга", "мама", "Петров Иван", "5Б")
			want()
		}
		if open, _ := h.db.AccessRequests(h.ctx, h.school.ID, true); len(open) != 1 {
			t.Errorf("open requests: %d", len(open))
		}
	})
}
