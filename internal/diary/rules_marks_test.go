package diary_test

import (
	"testing"

	"github.com/schooldiary/diary/internal/diary"
)

func TestParseMark(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		wantValue int
		wantMark  string
		wantErr   bool
	}{
		{"five", "5", 5, "", false},
		{"four", "4", 4, "", false},
		{"one", "1", 1, "", false},
		{"spaced", " 3 ", 3, "", false},
		{"zach", "зач", 0, diary.MarkPass, false},
		{"zachyot with yo", "зачёт", 0, diary.MarkPass, false},
		{"zachet with e", "Зачет", 0, diary.MarkPass, false},
		{"zach with dot", "зач.", 0, diary.MarkPass, false},
		{"nezach", "незач", 0, diary.MarkFail, false},
		{"nezachyot upper", "НЕЗАЧЁТ", 0, diary.MarkFail, false},
		{"ne zachteno spaced", "не зачтено", 0, diary.MarkFail, false},
		{"n/a", "н/а", 0, diary.MarkNotGraded, false},
		{"N/A upper", "Н/А", 0, diary.MarkNotGraded, false},
		{"osv", "осв", 0, diary.MarkExempt, false},
		{"osvobozhdyon", "освобождён", 0, diary.MarkExempt, false},
		{"zch", "зч", 0, diary.MarkPass, false},
		{"ZCH upper", "ЗЧ", 0, diary.MarkPass, false},
		{"zacht", "зачт", 0, diary.MarkPass, false},
		{"zacht dotted", "Зачт.", 0, diary.MarkPass, false},
		{"z", "з", 0, diary.MarkPass, false},
		{"Z upper", "З", 0, diary.MarkPass, false},
		{"nz", "нз", 0, diary.MarkFail, false},
		{"NZ upper", "НЗ", 0, diary.MarkFail, false},
		{"nezacht", "незачт", 0, diary.MarkFail, false},
		{"na without slash", "на", 0, diary.MarkNotGraded, false},
		{"NA upper", "НА", 0, diary.MarkNotGraded, false},
		{"n/a dotted", "н/а.", 0, diary.MarkNotGraded, false},
		{"ne attestovan spaced", "не аттестован", 0, diary.MarkNotGraded, false},
		{"osv dotted", "осв.", 0, diary.MarkExempt, false},
		{"OSV upper", "ОСВ", 0, diary.MarkExempt, false},
		{"n alone is attendance", "н", 0, "", true},
		{"zero", "0", 0, "", true},
		{"six", "6", 0, "", true},
		{"plus", "5+", 0, "", true},
		{"two digits", "45", 0, "", true},
		{"empty", "", 0, "", true},
		{"latin n/a", "n/a", 0, "", true},
		{"word", "отлично", 0, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, m, err := diary.ParseMark(tt.in)
			if v != tt.wantValue || m != tt.wantMark || (err != nil) != tt.wantErr {
				t.Errorf("ParseMark(%q) = %d, %q, %v; want %d, %q, error %v", tt.in, v, m, err, tt.wantValue, tt.wantMark, tt.wantErr)
			}
			if err == nil && m != "" && !diary.IsMark(m) {
				t.Errorf("IsMark(%q) = false", m)
			}
		})
	}
}

func TestParseWeight(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    int
		wantErr bool
	}{
		{"one", "1", 100, false},
		{"comma", "1,5", 150, false},
		{"dot", "0.5", 50, false},
		{"two digits", "1,25", 125, false},
		{"trailing zeros", "2,500", 250, false},
		{"spaces", " 3 ", 300, false},
		{"trailing comma", "2,", 200, false},
		{"large", "9999,99", 999999, false},
		{"smallest", "0,01", 1, false},
		{"zero", "0", 0, true},
		{"zero fraction", "0,00", 0, true},
		{"three digits", "1,255", 0, true},
		{"negative", "-1", 0, true},
		{"empty", "", 0, true},
		{"no whole part", ",5", 0, true},
		{"two separators", "1,5,5", 0, true},
		{"too big", "10000", 0, true},
		{"letters", "один", 0, true},
		{"exponent", "1e2", 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := diary.ParseWeight(tt.in)
			if got != tt.want || (err != nil) != tt.wantErr {
				t.Errorf("ParseWeight(%q) = %d, %v; want %d, error %v", tt.in, got, err, tt.want, tt.wantErr)
			}
		})
	}
}

func TestParseAttendanceMark(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    string
		wantErr bool
	}{
		{"absent", "н", diary.Absent, false},
		{"absent upper", "Н", diary.Absent, false},
		{"ill", "б", diary.Ill, false},
		{"excused", "у", diary.Excused, false},
		{"by request", "п", diary.Pass, false},
		{"late", "ОП", diary.Late, false},
		{"empty removes", "", "", false},
		{"blank removes", "  ", "", false},
		{"unknown", "x", "", true},
		{"grade is not attendance", "5", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := diary.ParseAttendanceMark(tt.in)
			if got != tt.want || (err != nil) != tt.wantErr {
				t.Errorf("ParseAttendanceMark(%q) = %q, %v; want %q, error %v", tt.in, got, err, tt.want, tt.wantErr)
			}
			if got != "" && !diary.IsAttendanceMark(got) {
				t.Errorf("IsAttendanceMark(%q) = false", got)
			}
		})
	}
}
