package diary

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// The per-kind checks of Batch.Validate.

// school checks the batch's school settings and the roster date.
func (v *validator) school(b *Batch) {
	s, src := b.School, Source{}
	v.need(strings.TrimSpace(s.Code) != "", src, "school", "не указан код школы")
	v.need(s.RoundUpFrom >= 0 && s.RoundUpFrom <= 100, src, "round_up_from", "порог округления должен быть от 0 до 100 сотых")
	v.need(slices.Contains([]ReplyRule{"", ReplyCalendarDays, ReplySchoolDays}, s.ReplyRule), src, "reply_rule", "правило срока ответа должно быть calendar или school")
	v.need(s.ReplyDays >= 0 && s.ReplyDays <= 30, src, "reply_days", "срок ответа должен быть от 1 до 30 дней")
	v.need(slices.Contains([]int{0, 5, 6}, s.SchoolDays), src, "school_days", "учебных дней в неделе должно быть 5 или 6")
	if s.TimeZone != "" {
		_, err := time.LoadLocation(s.TimeZone)
		v.need(err == nil, src, "time_zone", "неизвестный часовой пояс")
	}
	v.need(!b.Roster || !b.AsOf.IsZero(), src, "as_of", "не указана дата, на которую верен список учеников")
}

// years checks b.Years.
func (v *validator) years(b *Batch) {
	for _, y := range b.Years {
		v.name(y.Year.Name, y.Src)
		v.unique(KindYears, y.Year.Name, y.Src, "name")
		v.span(y.Year.Start, y.Year.End, y.Src)
	}
}

// periods checks b.Periods.
func (v *validator) periods(b *Batch) {
	for _, p := range b.Periods {
		v.extID(KindPeriods, p.Period.ExtID, p.Src)
		v.name(p.Period.Name, p.Src)
		v.need(p.YearRef != "", p.Src, "year", msgNoYear)
		v.need(slices.Contains([]PeriodKind{"", Quarter, Half, Trimester}, p.Period.Kind), p.Src, "kind", msgKind)
		v.levels(p.Period.MinLevel, p.Period.MaxLevel, false, p.Src)
		v.span(p.Period.Start, p.Period.End, p.Src)
	}
}

// daysOff checks b.DaysOff.
func (v *validator) daysOff(b *Batch) {
	for _, h := range b.DaysOff {
		v.name(h.DayOff.Name, h.Src)
		v.unique(KindDaysOff, h.DayOff.Start.String()+"|"+h.DayOff.Name, h.Src, "name")
		v.need(slices.Contains([]HolidayKind{"", Vacation, Holiday, Quarantine}, h.DayOff.Kind), h.Src, "kind", msgKind)
		v.levels(h.DayOff.MinLevel, h.DayOff.MaxLevel, true, h.Src)
		v.span(h.DayOff.Start, h.DayOff.End, h.Src)
	}
}

// subjects checks b.Subjects.
func (v *validator) subjects(b *Batch) {
	for _, s := range b.Subjects {
		v.extID(KindSubjects, s.Subject.ExtID, s.Src)
		v.name(s.Subject.Name, s.Src)
	}
}

// classes checks b.Classes.
func (v *validator) classes(b *Batch) {
	for _, c := range b.Classes {
		v.extID(KindClasses, c.Class.ExtID, c.Src)
		v.name(c.Class.Name, c.Src)
		v.need(c.Class.Level >= 1 && c.Class.Level <= 11, c.Src, "level", msgBadLevel)
	}
}

// staff checks b.Staff.
func (v *validator) staff(b *Batch) {
	for _, s := range b.Staff {
		v.extID(KindStaff, s.Staff.ExtID, s.Src)
		v.person(s.Staff.Name, s.Src)
		v.contact(s.Staff.Phone, s.Staff.Email, s.Src)
		from, to := s.Staff.ActiveFrom, s.Staff.ActiveTo
		v.need(from.IsZero() || to.IsZero() || !to.Before(from), s.Src, "active_to", msgBadRange)
		for _, r := range s.Roles {
			v.role(r, s.Src)
		}
	}
}

// role checks one role of a staff member.
func (v *validator) role(r StaffRoleIn, src Source) {
	switch r.Role {
	case RoleTeacher, RoleDirector, RoleJournalAdmin, RoleSysAdmin:
	case RoleClassTeacher:
		v.need(r.ClassRef != "", src, "class", "у классного руководителя не указан класс")
	case RoleDeputy:
		v.need(slices.Contains([]Level{LevelPrimary, LevelBasic, LevelSecondary}, r.Level), src, "level",
			"у заместителя директора не указан уровень: primary, basic или secondary")
	default:
		v.add(src, "role", "неизвестная роль")
	}
}

// students checks b.Students.
func (v *validator) students(b *Batch) {
	for _, s := range b.Students {
		v.extID(KindStudents, s.Student.ExtID, s.Src)
		v.person(s.Student.Name, s.Src)
		v.contact(s.Student.Phone, s.Student.Email, s.Src)
		v.status(s.Student, s.Src)
		v.need(s.ClassRef != "" || s.Student.Status == Left, s.Src, "class", msgNoClass)
	}
}

// status checks that a student's status and leaving fields agree; an empty
// status means enrolled.
func (v *validator) status(s Student, src Source) {
	switch s.Status {
	case "", Enrolled:
		v.need(s.LeftOn.IsZero() && s.LeftReason == "", src, "left_on", msgEnrolledLeft)
	case Left:
		v.need(!s.LeftOn.IsZero(), src, "left_on", msgLeftNoDate)
		v.need(slices.Contains([]string{"", LeftExpelled, LeftTransferred, LeftGraduated, LeftNotInRoster}, s.LeftReason),
			src, "left_reason", msgLeftReason)
	default:
		v.add(src, "status", msgStatus)
	}
}

// groups checks b.Groups.
func (v *validator) groups(b *Batch) {
	for _, g := range b.Groups {
		v.extID(KindGroups, g.Group.ExtID, g.Src)
		v.name(g.Group.Name, g.Src)
		v.need(g.ClassRef != "", g.Src, "class", msgNoClass)
		v.refs(g.StudentRefs, g.Src, "students")
	}
}

// guardians checks b.Guardians.
func (v *validator) guardians(b *Batch) {
	for _, g := range b.Guardians {
		v.extID(KindGuardians, g.Guardian.ExtID, g.Src)
		v.person(g.Guardian.Name, g.Src)
		v.need(slices.Contains([]GuardianKind{"", Parent, Representative}, g.Guardian.Kind), g.Src, "kind", msgKind)
		v.contact(g.Guardian.Phone, g.Guardian.Email, g.Src)
		v.refs(g.StudentRefs, g.Src, "students")
	}
}

// lessons checks b.Lessons.
func (v *validator) lessons(b *Batch) {
	for _, l := range b.Lessons {
		v.extID(KindLessons, l.Lesson.ExtID, l.Src)
		v.need(l.ClassRef != "", l.Src, "class", msgNoClass)
		v.need(l.SubjectRef != "", l.Src, "subject", "не указан предмет")
		v.need(!l.Lesson.Date.IsZero(), l.Src, "date", msgNoDate)
		v.need(l.Lesson.Number >= 1 && l.Lesson.Number <= MaxLessonNumber, l.Src, "number", msgNumber)
	}
}

// grades checks b.Grades; a deleted grade needs only its id.
func (v *validator) grades(b *Batch) {
	for _, g := range b.Grades {
		v.extID(KindGrades, g.Grade.ExtID, g.Src)
		if g.Deleted {
			continue
		}
		v.need(g.StudentRef != "", g.Src, "student", msgNoStudent)
		v.lessonOrSubject(g.LessonRef, g.SubjectRef, g.Grade.Date, g.Src)
		v.value(g.Grade.Value, g.Grade.Mark, g.Src)
		v.need(g.Grade.Weight > 0 && g.Grade.Weight <= MaxWeight, g.Src, "weight", msgWeight)
	}
}

// lessonOrSubject checks that a record names its lesson, or else its subject
// and date.
func (v *validator) lessonOrSubject(lessonRef, subjectRef string, date Date, src Source) {
	if lessonRef != "" {
		return
	}
	v.need(subjectRef != "", src, "subject", msgNoSubject)
	v.need(!date.IsZero(), src, "date", msgNoDate)
}

// value checks that exactly one of a numeric value and a mark is set.
func (v *validator) value(value int, mark string, src Source) {
	switch {
	case value != 0 && mark != "":
		v.add(src, "value", msgGradeBoth)
	case mark != "":
		v.need(IsMark(mark), src, "value", msgGrade)
	default:
		v.need(value >= 1 && value <= 5, src, "value", msgGrade)
	}
}

// attendance checks b.Attendance.
func (v *validator) attendance(b *Batch) {
	for _, a := range b.Attendance {
		v.need(a.StudentRef != "", a.Src, "student", msgNoStudent)
		v.need(a.LessonRef != "", a.Src, "lesson", msgNoLesson)
		v.need(a.Mark == "" || IsAttendanceMark(a.Mark), a.Src, "mark", msgAttendance)
		if a.StudentRef != "" && a.LessonRef != "" {
			v.unique(KindAttendance, a.StudentRef+"|"+a.LessonRef, a.Src, "lesson")
		}
	}
}

// homework checks b.Homework; a deleted assignment needs only its id.
func (v *validator) homework(b *Batch) {
	for _, h := range b.Homework {
		v.extID(KindHomework, h.Homework.ExtID, h.Src)
		if h.Deleted {
			continue
		}
		v.need(h.StudentRef != "", h.Src, "student", msgNoStudent)
		v.lessonOrSubject(h.LessonRef, h.SubjectRef, h.Homework.Date, h.Src)
		v.need(strings.TrimSpace(h.Homework.Text) != "", h.Src, "text", msgNoText)
	}
}

// finals checks b.Finals.
func (v *validator) finals(b *Batch) {
	for _, f := range b.Finals {
		v.need(f.StudentRef != "", f.Src, "student", msgNoStudent)
		v.need(f.SubjectRef != "", f.Src, "subject", "не указан предмет")
		v.need(f.YearRef != "", f.Src, "year", msgNoYear)
		v.finalKind(f)
		v.value(f.Final.Value, f.Final.Mark, f.Src)
		key := strings.Join([]string{f.StudentRef, f.SubjectRef, string(f.Final.Kind), f.YearRef, f.PeriodRef}, "|")
		v.unique(KindFinals, key, f.Src, "student")
	}
}

// finalKind checks a final grade's kind and that only a period grade names a period.
func (v *validator) finalKind(f FinalIn) {
	switch f.Final.Kind {
	case FinalPeriod:
		v.need(f.PeriodRef != "", f.Src, "period", "не указан учебный период")
	case FinalYear, FinalExam, FinalFinal:
		v.need(f.PeriodRef == "", f.Src, "period", "период указывают только для оценки за период")
	default:
		v.add(f.Src, "kind", msgKind)
	}
}

// timetable checks b.Timetable: at most one slot in force per class, group,
// weekday and number on any day.
func (v *validator) timetable(b *Batch) {
	placed := map[string][]SlotIn{}
	for _, x := range b.Timetable {
		s := x.Slot
		v.need(x.ClassRef != "", x.Src, "class", msgNoClass)
		v.need(x.SubjectRef != "", x.Src, "subject", "не указан предмет")
		v.need(s.Weekday >= time.Monday && s.Weekday <= time.Saturday, x.Src, "weekday", msgWeekday)
		v.need(s.Number >= 1 && s.Number <= MaxLessonNumber, x.Src, "number", msgNumber)
		if !s.ValidFrom.IsZero() && !s.ValidTo.IsZero() && s.ValidTo.Before(s.ValidFrom) {
			v.add(x.Src, "valid_to", msgBadRange)
			continue
		}
		key := fmt.Sprint(x.ClassRef, "|", x.GroupRef, "|", int(s.Weekday), "|", s.Number)
		for _, y := range placed[key] {
			if x.ClassRef != "" && overlapping(x.Slot, y.Slot) {
				v.add(x.Src, "number", fmt.Sprintf(msgSlotTwice, y.Src.File, y.Src.Line))
				break
			}
		}
		placed[key] = append(placed[key], x)
	}
}

// overlapping reports whether two slots are in force on a common day; a
// zero bound is no bound.
func overlapping(s, t Slot) bool {
	return (s.ValidTo.IsZero() || t.ValidFrom.IsZero() || !s.ValidTo.Before(t.ValidFrom)) &&
		(t.ValidTo.IsZero() || s.ValidFrom.IsZero() || !t.ValidTo.Before(s.ValidFrom))
}
