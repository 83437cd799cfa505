package diary

import (
	"fmt"
	"strings"
)

// MaxWeight is the largest weight a grade may carry (20, in hundredths): a
// larger one is taken for a typing slip such as «150» for «1,50».
const MaxWeight = 20 * WeightOne

// MaxLessonNumber is the largest lesson number in a school day.
const MaxLessonNumber = 12

// Problem texts of Validate, shown to whoever sent the data.
const (
	msgNoID         = "не указан id"
	msgNoName       = "не указано название"
	msgNoPerson     = "не указаны фамилия и имя"
	msgNoClass      = "не указан класс"
	msgNoStudent    = "не указан ученик"
	msgNoSubject    = "не указан ни урок, ни предмет"
	msgNoLesson     = "не указан урок"
	msgNoDate       = "не указана дата"
	msgNoYear       = "не указан учебный год"
	msgNoStart      = "не указана дата начала"
	msgNoEnd        = "не указана дата окончания"
	msgBadRange     = "дата окончания раньше даты начала"
	msgBadLevels    = "классы должны быть от 1 до 11, первый не больше последнего"
	msgBadLevel     = "параллель класса должна быть от 1 до 11"
	msgGrade        = "оценка должна быть от 1 до 5 или зач/незач/н/а/осв"
	msgGradeBoth    = "укажите либо балл от 1 до 5, либо зач/незач/н/а/осв, но не оба"
	msgWeight       = "вес оценки должен быть больше 0 и не больше 20"
	msgNumber       = "номер урока должен быть от 1 до 12"
	msgWeekday      = "день недели должен быть с понедельника по субботу"
	msgSlotTwice    = "в этот день недели урок с этим номером у класса (группы) уже есть, и даты действия пересекаются (%s:%d)"
	msgAttendance   = "отметка посещаемости должна быть н, б, у, п или оп"
	msgPhoneForm    = "телефон не приведён к виду +79120001122"
	msgEmail        = "неверный адрес электронной почты"
	msgEmptyRef     = "пустая ссылка в списке"
	msgNoText       = "не указан текст задания"
	msgKind         = "неизвестный вид записи"
	msgStatus       = "статус ученика должен быть enrolled или left"
	msgLeftNoDate   = "у выбывшего ученика не указана дата выбытия"
	msgLeftReason   = "неизвестная причина выбытия"
	msgEnrolledLeft = "у обучающегося ученика не может быть даты или причины выбытия"
)

// Validate checks each record of the batch on its own — required ids and
// names, value ranges, dates, marks, phones in E.164, plausible emails,
// consistent student status, ids repeated within one kind — and returns every
// problem, in batch order. It does not resolve references nor change the
// batch; stores call it before resolving references. Importers normalise
// phones first (NormalizePhones).
func (b *Batch) Validate() []ItemError {
	v := &validator{seen: map[string]map[string]Source{}}
	v.school(b)
	for _, fn := range []func(*Batch){
		v.years, v.periods, v.daysOff, v.subjects, v.classes, v.staff, v.students,
		v.groups, v.guardians, v.lessons, v.grades, v.attendance, v.homework, v.finals, v.timetable,
	} {
		fn(b)
	}
	return v.errs
}

// validator collects the problems of one batch.
type validator struct {
	errs []ItemError
	seen map[string]map[string]Source // kind → key → first source
}

// add records a problem.
func (v *validator) add(src Source, field, msg string) {
	v.errs = append(v.errs, ItemError{Src: src, Field: field, Msg: msg})
}

// need records msg for field unless ok.
func (v *validator) need(ok bool, src Source, field, msg string) {
	if !ok {
		v.add(src, field, msg)
	}
}

// unique records a problem when key was already seen for kind; empty keys are
// left to the required-field checks.
func (v *validator) unique(kind, key string, src Source, field string) {
	if key == "" {
		return
	}
	m := v.seen[kind]
	if m == nil {
		m = map[string]Source{}
		v.seen[kind] = m
	}
	if first, dup := m[key]; dup {
		v.add(src, field, fmt.Sprintf("повторяется: такая запись уже есть (%s:%d)", first.File, first.Line))
		return
	}
	m[key] = src
}

// extID checks a record's own id and its uniqueness within kind.
func (v *validator) extID(kind, id string, src Source) {
	v.need(strings.TrimSpace(id) != "", src, "id", msgNoID)
	v.unique(kind, id, src, "id")
}

// span checks a date range with both ends required.
func (v *validator) span(start, end Date, src Source) {
	v.need(!start.IsZero(), src, "start", msgNoStart)
	v.need(!end.IsZero(), src, "end", msgNoEnd)
	if !start.IsZero() && !end.IsZero() && end.Before(start) {
		v.add(src, "end", msgBadRange)
	}
}

// levels checks a range of class levels; zero and zero mean all when allowAll.
func (v *validator) levels(lo, hi int, allowAll bool, src Source) {
	if allowAll && lo == 0 && hi == 0 {
		return
	}
	v.need(lo >= 1 && hi <= 11 && lo <= hi, src, "levels", msgBadLevels)
}

// contact checks a person's phone and email, both optional.
func (v *validator) contact(phone, email string, src Source) {
	if phone != "" {
		if _, err := NormalizePhone(phone); err != nil {
			v.add(src, "phone", msgPhone)
		} else if !IsE164(phone) {
			v.add(src, "phone", msgPhoneForm)
		}
	}
	v.need(email == "" || PlausibleEmail(email), src, "email", msgEmail)
}

// person checks a person's name.
func (v *validator) person(n Name, src Source) {
	v.need(strings.TrimSpace(n.Last) != "" && strings.TrimSpace(n.First) != "", src, "name", msgNoPerson)
}

// name checks a required title.
func (v *validator) name(s string, src Source) {
	v.need(strings.TrimSpace(s) != "", src, "name", msgNoName)
}

// refs checks that no reference of a list is empty.
func (v *validator) refs(refs []string, src Source, field string) {
	for _, r := range refs {
		if strings.TrimSpace(r) == "" {
			v.add(src, field, msgEmptyRef)
			return
		}
	}
}

// PlausibleEmail reports whether s looks like a mail address: one «@», a
// local part, a dotted domain, no spaces or brackets. It does not send mail.
func PlausibleEmail(s string) bool {
	local, domain, ok := strings.Cut(s, "@")
	if !ok || local == "" || len(s) > 254 || strings.ContainsAny(s, " \t\r\n<>,;:\"()[]\\") {
		return false
	}
	return strings.Contains(domain, ".") && !strings.Contains(domain, "@") &&
		!strings.HasPrefix(domain, ".") && !strings.HasSuffix(domain, ".") &&
		!strings.Contains(domain, "..") && !strings.HasPrefix(local, ".") && !strings.HasSuffix(local, ".")
}
