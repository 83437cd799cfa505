package bot

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/schooldiary/diary/internal/demo"
	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/i18n"
	"github.com/schooldiary/diary/internal/telegramtest"
)

// deepLinkRE is a t.me link with a /start payload as Telegram accepts it:
// at most 64 characters of A-Za-z0-9_-.
var deepLinkRE = regexp.MustCompile(`https://t\.me/[A-Za-z0-9_]+\?start=([A-Za-z0-9_-]{1,64})(?:\s|$)`)

// payloads returns the /start payloads of the deep links in text.
func payloads(text string) []string {
	var out []string
	for _, m := range deepLinkRE.FindAllStringSubmatch(text, -1) {
		out = append(out, m[1])
	}
	return out
}

// expectPDF waits for a document and checks it is a PDF whose caption
// has want.
func (h *harness) expectPDF(userID int64, want string) telegramtest.Message {
	h.t.Helper()
	doc := h.expect(userID, want)
	if doc.Document == nil || !bytes.HasPrefix(doc.Document.Data, []byte("%PDF")) {
		h.t.Fatalf("no PDF: %+v", doc.Document)
	}
	return doc
}

// noCodeLogged fails if any code is written in the log.
func (h *harness) noCodeLogged(codes []string) {
	h.t.Helper()
	for _, c := range codes {
		if strings.Contains(h.logs.String(), c) {
			h.t.Errorf("code %s in the log", c)
		}
	}
}

// familyCodeOf links the class teacher of 7А as the user and goes from
// their class's glance to the one-family code of student st: the message
// asking how to hand the codes over.
func (h *harness) familyCodeOf(userID int64, teacher diary.Staff, st diary.Student) telegramtest.Message {
	h.t.Helper()
	menu := h.linkStaff(userID, teacher)
	h.press(userID, menu, label(i18n.BtnStaffClass, "class", "7А"))
	glance := h.expect(userID, "Класс 7А")
	h.press(userID, glance, label(i18n.BtnStaffFamily, "class", "7А"))
	pick := h.expect(userID, "Код для одной семьи, 7А класс")
	h.press(userID, pick, st.Name.Full())
	return h.expect(userID, st.Name.Full())
}

// TestClassTeacherFamilyCode: the class teacher picks one student of the
// class and gets the family's new codes as a letter (PDF) or as deep links
// to forward; each works, none is logged.
func TestClassTeacherFamilyCode(t *testing.T) {
	rec := &recordingRand{}
	forEachStore(t, options{schoolRand: rec}, func(t *testing.T, h *harness) {
		f := h.parent()
		guardians, _ := h.db.GuardiansOfStudent(h.ctx, f.student.ID)
		teacher := h.staffByExt(diary.RoleClassTeacher, demo.ClassTeacherExtID)
		u := h.user(telegramtest.User{})
		how := h.familyCodeOf(u.ID, teacher, f.student)
		before := len(rec.Codes())
		h.press(u.ID, how, label(i18n.BtnCodeLetter))
		h.expectPDF(u.ID, "Письма с кодами для семьи: "+f.student.Name.Full())
		letterCodes := rec.Codes()[before:]
		if len(letterCodes) != 1+len(guardians) {
			t.Fatalf("%d codes for a student with %d guardians", len(letterCodes), len(guardians))
		}
		mother := h.user(telegramtest.User{})
		h.send(mother.ID, letterCodes[1])
		h.expect(mother.ID, "согласия")

		h.press(u.ID, how, label(i18n.BtnCodeLink))
		links := h.expect(u.ID, "Ссылки для семьи: "+f.student.Name.Full())
		if !strings.Contains(links.Text, "Прежние неиспользованные коды и ссылки этой семьи больше не действуют") {
			t.Errorf("the links do not say the earlier codes no longer work:\n%s", links.Text)
		}
		late := h.user(telegramtest.User{})
		h.send(late.ID, letterCodes[0])
		h.expectKey(late.ID, i18n.RefusedExpired)
		ps := payloads(links.Text)
		if len(ps) != 1+len(guardians) {
			t.Fatalf("%d links for a student with %d guardians:\n%s", len(ps), len(guardians), links.Text)
		}
		child := h.user(telegramtest.User{})
		h.startWith(child.ID, ps[0])
		h.expect(child.ID, "согласие")
		if links, err := h.db.ActiveLinks(h.ctx, child.ID); err != nil || len(links) != 1 ||
			links[0].Kind != diary.LinkStudent || links[0].StudentID != f.student.ID {
			t.Errorf("the student's link: %+v, %v", links, err)
		}
		h.noCodeLogged(rec.Codes()[before:])
		if got := h.staffVisits(teacher.ID, "staff.family_code"); got != 2 {
			t.Errorf("family code issues recorded = %d, want 2", got)
		}
		h.send(u.ID, "/codes")
		if m := h.next(u.ID); !hasButton(m, label(i18n.BtnStaffFamily, "class", "7А")) {
			t.Errorf("/codes lacks the one-family code: %+v", m.InlineKeyboard)
		}
	})
}

// TestFamilyCodeScoping: a forged one-family button for a student of
// another class, or pressed by a teacher who leads no class, gets the
// refusal, names nothing and issues no code.
func TestFamilyCodeScoping(t *testing.T) {
	rec := &recordingRand{}
	forEachStore(t, options{schoolRand: rec}, func(t *testing.T, h *harness) {
		c10 := h.classOf("10А")
		others, _ := h.db.StudentsOfClass(h.ctx, c10.ID)
		f := h.parent()
		teacher := h.staffByExt(diary.RoleClassTeacher, demo.ClassTeacherExtID)
		u := h.user(telegramtest.User{})
		h.linkStaff(u.ID, teacher)
		subject := h.staffByExt(diary.RoleTeacher, demo.SubjectTeacherExtID)
		v := h.user(telegramtest.User{})
		h.linkStaff(v.ID, subject)
		before := len(rec.Codes())
		forged := []struct {
			user int64
			btn  button
		}{
			{u.ID, button{Kind: kindFamily, Arg: c10.ID}},
			{u.ID, button{Kind: kindFamilyOf, Student: others[0].ID}},
			{u.ID, button{Kind: kindFamilyPDF, Student: others[0].ID}},
			{u.ID, button{Kind: kindFamilyLink, Student: others[0].ID}},
			{u.ID, button{Kind: kindFamilyLink, Student: 1 << 40}},
			{v.ID, button{Kind: kindFamily, Arg: f.student.ClassID}},
			{v.ID, button{Kind: kindFamilyLink, Student: f.student.ID}},
			{v.ID, button{Kind: kindFamilyPDF, Student: f.student.ID}},
		}
		for _, tt := range forged {
			h.forge(tt.user, tt.btn)
			m := h.expectKey(tt.user, i18n.StaffNotYours)
			if strings.Contains(m.Text, others[0].Name.Last) || strings.Contains(m.Text, f.student.Name.Last) {
				t.Errorf("a refusal names the student: %q", m.Text)
			}
		}
		if got := rec.Codes()[before:]; len(got) != 0 {
			t.Errorf("forged presses issued %d codes", len(got))
		}
	})
}

// TestColleagueCode: the director picks a colleague working today from
// the school's staff (with their roles) and gets a one-time code as a
// letter (PDF) or a link; each links the colleague as staff.
func TestColleagueCode(t *testing.T) {
	rec := &recordingRand{}
	forEachStore(t, options{schoolRand: rec}, func(t *testing.T, h *harness) {
		director := h.staffByExt(diary.RoleDirector, demo.DirectorExtID)
		colleague := h.staffByExt(diary.RoleTeacher, demo.SubjectTeacherExtID)
		u := h.user(telegramtest.User{})
		menu := h.linkStaff(u.ID, director)
		how := h.colleagueHow(u.ID, menu, colleague)
		before := len(rec.Codes())
		h.press(u.ID, how, label(i18n.BtnCodeLetter))
		h.expectPDF(u.ID, "Письмо с кодом для сотрудника: "+colleague.Name.Full())
		codes := rec.Codes()[before:]
		if len(codes) != 1 {
			t.Fatalf("%d codes for one colleague", len(codes))
		}
		first := h.user(telegramtest.User{})
		h.send(first.ID, codes[0])
		h.expectKey(first.ID, i18n.StaffLinked, "name", colleague.Name.Full())

		h.press(u.ID, how, label(i18n.BtnCodeLink))
		link := h.expect(u.ID, "Ссылка для сотрудника: "+colleague.Name.Full())
		ps := payloads(link.Text)
		if len(ps) != 1 {
			t.Fatalf("links in %q", link.Text)
		}
		second := h.user(telegramtest.User{})
		h.startWith(second.ID, ps[0])
		h.expectKey(second.ID, i18n.StaffLinked, "name", colleague.Name.Full())
		how = h.colleagueHow(u.ID, link, colleague)
		h.press(u.ID, how, label(i18n.BtnCodeLetter))
		h.expectPDF(u.ID, "Прежний неиспользованный код этого сотрудника больше не действует")
		unused := rec.Codes()[len(rec.Codes())-1]
		h.press(u.ID, how, label(i18n.BtnCodeLink))
		again := payloads(h.expect(u.ID, "Ссылка для сотрудника: "+colleague.Name.Full()).Text)
		third := h.user(telegramtest.User{})
		h.send(third.ID, unused)
		h.expectKey(third.ID, i18n.RefusedExpired)
		h.startWith(third.ID, again[0])
		h.expectKey(third.ID, i18n.StaffLinked, "name", colleague.Name.Full())
		h.noCodeLogged(rec.Codes()[before:])
	})
}

// colleagueHow presses «Код для сотрудника» on m and pages the list to
// the colleague: the message asking how to hand their code over.
func (h *harness) colleagueHow(userID int64, m telegramtest.Message, colleague diary.Staff) telegramtest.Message {
	h.t.Helper()
	h.press(userID, m, label(i18n.BtnStaffColleague))
	list := h.expect(userID, "Код для сотрудника")
	want := label(i18n.BtnStaffColleagueOf, "name", colleague.Name.Full(), "roles", "учитель")
	for !hasButton(list, want) {
		h.press(userID, list, label(i18n.BtnStaffMore))
		list = h.expect(userID, "Код для сотрудника")
	}
	h.press(userID, list, want)
	return h.expect(userID, colleague.Name.Full()+" — учитель")
}

// TestColleagueCodeOnlyAdministration: a deputy's, a class teacher's or a
// teacher's forged colleague button gets the refusal and issues no code.
func TestColleagueCodeOnlyAdministration(t *testing.T) {
	rec := &recordingRand{}
	forEachStore(t, options{schoolRand: rec}, func(t *testing.T, h *harness) {
		colleague := h.staffByExt(diary.RoleTeacher, demo.SubjectTeacherExtID)
		before := len(rec.Codes())
		for _, s := range []diary.Staff{
			h.staffByExt(diary.RoleDeputy, demo.DeputyExtID),
			h.staffByExt(diary.RoleClassTeacher, demo.ClassTeacherExtID),
			colleague,
		} {
			u := h.user(telegramtest.User{})
			menu := h.linkStaff(u.ID, s)
			if hasButton(menu, label(i18n.BtnStaffColleague)) {
				t.Errorf("%s has the colleague's code in the menu", s.ExtID)
			}
			for _, btn := range []button{{Kind: kindColleagues}, {Kind: kindColleague, Arg: colleague.ID},
				{Kind: kindColleaguePDF, Arg: colleague.ID}, {Kind: kindColleagueLink, Arg: colleague.ID}} {
				h.forge(u.ID, btn)
				h.expectKey(u.ID, i18n.StaffNotYours)
			}
		}
		if got := rec.Codes()[before:]; len(got) != 0 {
			t.Errorf("forged presses issued %d codes", len(got))
		}
	})
}
