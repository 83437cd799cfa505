package sqlstore

import "github.com/schooldiary/diary/internal/diary"

// The journal ids (years and days off: names) a batch names, by kind: its
// own records and its references. Only these rows are loaded.

// yearKeys lists the years the batch names.
func (a *applier) yearKeys() []string {
	var k []string
	for _, x := range a.b.Years {
		k = append(k, x.Year.Name)
	}
	for _, x := range a.b.Periods {
		k = append(k, x.YearRef)
	}
	for _, x := range a.b.Finals {
		k = append(k, x.YearRef)
	}
	return k
}

// periodKeys lists the periods the batch names.
func (a *applier) periodKeys() []string {
	var k []string
	for _, x := range a.b.Periods {
		k = append(k, x.Period.ExtID)
	}
	for _, x := range a.b.Finals {
		k = append(k, x.PeriodRef)
	}
	return k
}

// dayOffNames lists the names of the batch's days off.
func dayOffNames(b *diary.Batch) []string {
	k := make([]string, len(b.DaysOff))
	for i, x := range b.DaysOff {
		k[i] = x.DayOff.Name
	}
	return k
}

// subjectKeys lists the subjects the batch names.
func (a *applier) subjectKeys() []string {
	b := a.b
	var k []string
	for _, x := range b.Subjects {
		k = append(k, x.Subject.ExtID)
	}
	for _, x := range b.Lessons {
		k = append(k, x.SubjectRef)
	}
	for _, x := range b.Grades {
		k = append(k, x.SubjectRef)
	}
	for _, x := range b.Homework {
		k = append(k, x.SubjectRef)
	}
	for _, x := range b.Finals {
		k = append(k, x.SubjectRef)
	}
	for _, x := range b.Timetable {
		k = append(k, x.SubjectRef)
	}
	return k
}

// classKeys lists the classes the batch names.
func (a *applier) classKeys() []string {
	b := a.b
	var k []string
	for _, x := range b.Classes {
		k = append(k, x.Class.ExtID)
	}
	for _, x := range b.Staff {
		for _, r := range x.Roles {
			k = append(k, r.ClassRef)
		}
	}
	for _, x := range b.Students {
		k = append(k, x.ClassRef)
	}
	for _, x := range b.Groups {
		k = append(k, x.ClassRef)
	}
	for _, x := range b.Lessons {
		k = append(k, x.ClassRef)
	}
	for _, x := range b.DaysOff {
		k = append(k, x.ClassRef)
	}
	for _, x := range b.Timetable {
		k = append(k, x.ClassRef)
	}
	return k
}

// staffKeys lists the staff the batch names: its own and the teachers.
func (a *applier) staffKeys() []string {
	k := ownStaffKeys(a.b)
	for _, x := range a.b.Lessons {
		k = append(k, x.TeacherRef)
	}
	for _, x := range a.b.Grades {
		k = append(k, x.TeacherRef)
	}
	for _, x := range a.b.Timetable {
		k = append(k, x.TeacherRef)
	}
	return k
}

// studentKeys lists the students the batch names.
func (a *applier) studentKeys() []string {
	b := a.b
	var k []string
	for _, x := range b.Students {
		k = append(k, x.Student.ExtID)
	}
	for _, x := range b.Groups {
		k = append(k, x.StudentRefs...)
	}
	for _, x := range b.Guardians {
		k = append(k, x.StudentRefs...)
	}
	for _, x := range b.Grades {
		k = append(k, x.StudentRef)
	}
	for _, x := range b.Attendance {
		k = append(k, x.StudentRef)
	}
	for _, x := range b.Homework {
		k = append(k, x.StudentRef)
	}
	return append(k, finalStudentKeys(b)...)
}

// groupKeys lists the groups the batch names.
func (a *applier) groupKeys() []string {
	k := ownGroupKeys(a.b)
	for _, x := range a.b.Lessons {
		k = append(k, x.GroupRef)
	}
	for _, x := range a.b.Timetable {
		k = append(k, x.GroupRef)
	}
	return k
}

// lessonKeys lists the lessons the batch names.
func (a *applier) lessonKeys() []string {
	b := a.b
	var k []string
	for _, x := range b.Lessons {
		k = append(k, x.Lesson.ExtID)
	}
	for _, x := range b.Grades {
		k = append(k, x.LessonRef)
	}
	for _, x := range b.Attendance {
		k = append(k, x.LessonRef)
	}
	for _, x := range b.Homework {
		k = append(k, x.LessonRef)
	}
	return k
}

// finalStudentKeys lists the students of the batch's final grades.
func finalStudentKeys(b *diary.Batch) []string {
	k := make([]string, len(b.Finals))
	for i, x := range b.Finals {
		k[i] = x.StudentRef
	}
	return k
}

// ownStaffKeys lists the batch's staff.
func ownStaffKeys(b *diary.Batch) []string {
	k := make([]string, len(b.Staff))
	for i, x := range b.Staff {
		k[i] = x.Staff.ExtID
	}
	return k
}

// ownGroupKeys lists the batch's groups.
func ownGroupKeys(b *diary.Batch) []string {
	k := make([]string, len(b.Groups))
	for i, x := range b.Groups {
		k[i] = x.Group.ExtID
	}
	return k
}

// guardianKeys lists the batch's guardians.
func guardianKeys(b *diary.Batch) []string {
	k := make([]string, len(b.Guardians))
	for i, x := range b.Guardians {
		k[i] = x.Guardian.ExtID
	}
	return k
}

// gradeKeys lists the batch's grades.
func gradeKeys(b *diary.Batch) []string {
	k := make([]string, len(b.Grades))
	for i, x := range b.Grades {
		k[i] = x.Grade.ExtID
	}
	return k
}

// homeworkKeys lists the batch's assignments.
func homeworkKeys(b *diary.Batch) []string {
	k := make([]string, len(b.Homework))
	for i, x := range b.Homework {
		k[i] = x.Homework.ExtID
	}
	return k
}
