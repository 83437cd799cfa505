package diary

// StudentMarks is one student's period (or year, or current expected) grades,
// one per subject, for the statistics of clause 3.5. Marks holds the numeric
// grades 1–5; any other value is ignored. NotAttested counts subjects marked
// «н/а», which make the student neither successful nor a good student.
type StudentMarks struct {
	StudentID   int64
	Marks       []int
	NotAttested int
}

// Statistics is the summary of achievement clause 3.5 sends to the Education
// Department. Percentages are in hundredths of a percent (8750 = 87,5 %),
// rounded half up.
type Statistics struct {
	Students           int // students with at least one mark or «н/а»
	Successful         int // of them, with no 2, 1 or «н/а»
	Good               int // of them, with only 4 and 5
	N                  int // numeric marks counted
	N5, N4, N3, N2, N1 int

	// Uspevaemost (успеваемость) is the share of students with no failing mark.
	Uspevaemost int
	// Kachestvo (качество знаний) is the share of students with only 4 and 5.
	Kachestvo int
	// SOU (степень обученности) is (100·n5 + 64·n4 + 36·n3 + 16·n2 + 7·n1) / N
	// over the marks, not the students.
	SOU int
}

// Stats computes the statistics of clause 3.5: успеваемость and качество per
// student (a student's set of subject grades), СОУ per mark. Students with no
// mark at all are left out; with nobody left every figure is 0 (show NoValue
// when Students or N is 0).
func Stats(students []StudentMarks) Statistics {
	var s Statistics
	for _, sm := range students {
		s.addStudent(sm)
	}
	s.Uspevaemost = percent(s.Successful, s.Students)
	s.Kachestvo = percent(s.Good, s.Students)
	if s.N > 0 {
		w := 100*s.N5 + 64*s.N4 + 36*s.N3 + 16*s.N2 + 7*s.N1
		s.SOU = int(roundDiv(100*int64(w), int64(s.N)))
	}
	return s
}

// addStudent counts one student's marks into s.
func (s *Statistics) addStudent(sm StudentMarks) {
	counted, failing, low := sm.NotAttested, sm.NotAttested > 0, false
	for _, v := range sm.Marks {
		if v < 1 || v > 5 {
			continue
		}
		counted++
		s.N++
		*s.count(v)++
		failing = failing || v <= 2
		low = low || v <= 3
	}
	if counted == 0 {
		return
	}
	s.Students++
	if !failing {
		s.Successful++
	}
	if !failing && !low {
		s.Good++
	}
}

// count returns the counter of mark v (1–5).
func (s *Statistics) count(v int) *int {
	return [...]*int{&s.N1, &s.N2, &s.N3, &s.N4, &s.N5}[v-1]
}

// percent returns part/whole in hundredths of a percent, rounded half up; 0
// when whole is 0.
func percent(part, whole int) int {
	if whole <= 0 {
		return 0
	}
	return int(roundDiv(10000*int64(part), int64(whole)))
}

// AttendanceStats counts missed lessons: every absence («н», «б», «у», «п»),
// of them for illness («б») and for an excused reason («у», «п»); late
// arrivals («оп») are counted apart and are not absences.
type AttendanceStats struct {
	Lessons   int // lessons the counted students should have attended
	Missed    int
	Ill       int
	Excused   int
	Unexcused int // «н»
	Late      int
}

// CountAttendance counts the attendance marks of lessons lessons (a student's,
// or the sum over a class's students); unknown marks are ignored.
func CountAttendance(lessons int, marks []Attendance) AttendanceStats {
	s := AttendanceStats{Lessons: lessons}
	for _, a := range marks {
		switch a.Mark {
		case Absent:
			s.Missed++
			s.Unexcused++
		case Ill:
			s.Missed++
			s.Ill++
		case Excused, Pass:
			s.Missed++
			s.Excused++
		case Late:
			s.Late++
		}
	}
	return s
}

// Plus returns the sum of two counts, as a class's is its students'.
func (a AttendanceStats) Plus(b AttendanceStats) AttendanceStats {
	return AttendanceStats{
		Lessons: a.Lessons + b.Lessons, Missed: a.Missed + b.Missed, Ill: a.Ill + b.Ill,
		Excused: a.Excused + b.Excused, Unexcused: a.Unexcused + b.Unexcused, Late: a.Late + b.Late,
	}
}

// MissedShare returns the missed lessons as a share of Lessons in hundredths
// of a percent (0 when no lessons).
func (a AttendanceStats) MissedShare() int { return percent(a.Missed, a.Lessons) }
