package diary_test

import (
	"testing"

	"github.com/schooldiary/diary/internal/diary"
)

func st(marks ...int) diary.StudentMarks { return diary.StudentMarks{Marks: marks} }

func TestStats(t *testing.T) {
	tests := []struct {
		name     string
		students []diary.StudentMarks
		want     diary.Statistics
	}{
		{"nobody", nil, diary.Statistics{}},
		{"students without marks left out", []diary.StudentMarks{st(), st(0, 6)}, diary.Statistics{}},
		{"all fives", []diary.StudentMarks{st(5, 5), st(5)}, diary.Statistics{
			Students: 2, Successful: 2, Good: 2, N: 3, N5: 3, Uspevaemost: 10000, Kachestvo: 10000, SOU: 10000}},
		{"a class", []diary.StudentMarks{
			st(5, 5, 5), st(4, 5, 3), st(2, 4, 4),
			{Marks: []int{4, 4}, NotAttested: 1},
			st(),
		}, diary.Statistics{
			Students: 4, Successful: 2, Good: 1, N: 11, N5: 4, N4: 5, N3: 1, N2: 1,
			Uspevaemost: 5000, Kachestvo: 2500, SOU: 7018, // 772·100/11 = 7018,18
		}},
		{"only н/а", []diary.StudentMarks{{NotAttested: 2}}, diary.Statistics{Students: 1}},
		{"a one fails and weighs 7", []diary.StudentMarks{st(1)}, diary.Statistics{
			Students: 1, N: 1, N1: 1, SOU: 700}},
		{"thirds round half up", []diary.StudentMarks{st(4), st(3), st(2)}, diary.Statistics{
			Students: 3, Successful: 2, Good: 1, N: 3, N4: 1, N3: 1, N2: 1,
			Uspevaemost: 6667, Kachestvo: 3333, SOU: 3867}}, // (64+36+16)/3 = 38,666…
		{"SOU half rounds up", []diary.StudentMarks{st(1, 5, 5, 5, 5, 5, 5, 5)}, diary.Statistics{
			Students: 1, N: 8, N5: 7, N1: 1, SOU: 8838}}, // 707/8 = 88,375
		{"threes are successful, not good", []diary.StudentMarks{st(3, 3), st(5, 4)}, diary.Statistics{
			Students: 2, Successful: 2, Good: 1, N: 4, N5: 1, N4: 1, N3: 2,
			Uspevaemost: 10000, Kachestvo: 5000, SOU: 5900}}, // 236/4
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := diary.Stats(tt.students); got != tt.want {
				t.Errorf("Stats() =\n %+v\nwant\n %+v", got, tt.want)
			}
		})
	}
}

func TestStatsFormat(t *testing.T) {
	s := diary.Stats([]diary.StudentMarks{st(5), st(4), st(4), st(2), st(5), st(5), st(4), st(3)})
	if got, want := diary.FormatPercent(s.Uspevaemost), "87,5 %"; got != want {
		t.Errorf("успеваемость = %q, want %q", got, want)
	}
	if got, want := diary.FormatPercent(s.Kachestvo), "75 %"; got != want {
		t.Errorf("качество = %q, want %q", got, want)
	}
}

func att(marks ...string) []diary.Attendance {
	var out []diary.Attendance
	for _, m := range marks {
		out = append(out, diary.Attendance{Mark: m})
	}
	return out
}

func TestCountAttendance(t *testing.T) {
	tests := []struct {
		name      string
		lessons   int
		marks     []diary.Attendance
		want      diary.AttendanceStats
		wantShare int
	}{
		{"none", 0, nil, diary.AttendanceStats{}, 0},
		{"all kinds", 40, att("н", "б", "б", "у", "п", "оп", "оп", "x"),
			diary.AttendanceStats{Lessons: 40, Missed: 5, Ill: 2, Excused: 2, Unexcused: 1, Late: 2}, 1250},
		{"late is not missed", 10, att("оп"), diary.AttendanceStats{Lessons: 10, Late: 1}, 0},
		{"a third", 3, att("б"), diary.AttendanceStats{Lessons: 3, Missed: 1, Ill: 1}, 3333},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := diary.CountAttendance(tt.lessons, tt.marks)
			if got != tt.want {
				t.Errorf("CountAttendance() = %+v, want %+v", got, tt.want)
			}
			if share := got.MissedShare(); share != tt.wantShare {
				t.Errorf("MissedShare() = %d, want %d", share, tt.wantShare)
			}
		})
	}
}

func TestAttendancePlus(t *testing.T) {
	a := diary.CountAttendance(20, att("н", "б"))
	b := diary.CountAttendance(20, att("у", "оп"))
	want := diary.AttendanceStats{Lessons: 40, Missed: 3, Ill: 1, Excused: 1, Unexcused: 1, Late: 1}
	if got := a.Plus(b); got != want {
		t.Errorf("Plus() = %+v, want %+v", got, want)
	}
}
