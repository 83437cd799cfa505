package httpapi

import (
	"encoding/json"
	"testing"

	"github.com/schooldiary/diary/internal/diary"
)

func TestParseGrade(t *testing.T) {
	tests := []struct {
		name, in  string
		value     int
		mark      string
		wantValid bool
	}{
		{"number", `5`, 5, "", true},
		{"lowest", `1`, 1, "", true},
		{"zero", `0`, 0, "", false},
		{"six", `6`, 6, "", false},
		{"fraction", `4.5`, 0, "", false},
		{"digit string", `"4"`, 4, "", true},
		{"pass", `"зач"`, 0, diary.MarkPass, true},
		{"pass with ё", `"Зачёт"`, 0, diary.MarkPass, true},
		{"fail", `"незачет"`, 0, diary.MarkFail, true},
		{"not graded", `"н/а"`, 0, diary.MarkNotGraded, true},
		{"exempt", `"осв"`, 0, diary.MarkExempt, true},
		{"word", `"отлично"`, 0, "", false},
		{"bool", `true`, 0, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, m, ok := parseGrade(json.RawMessage(tt.in))
			if ok != tt.wantValid || (ok && (v != tt.value || m != tt.mark)) {
				t.Errorf("parseGrade(%s) = %d, %q, %v; want %d, %q, %v", tt.in, v, m, ok, tt.value, tt.mark, tt.wantValid)
			}
		})
	}
}

func TestParseHundredths(t *testing.T) {
	tests := []struct {
		in   string
		want int
		ok   bool
	}{
		{"1", 100, true}, {"1.5", 150, true}, {"1,25", 125, true}, {"0.5", 50, true},
		{"2.", 200, true}, {"1.255", 0, false}, {"-1", 0, false}, {"", 0, false},
		{"1e2", 0, false}, {"abc", 0, false}, {".5", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := parseHundredths(tt.in)
			if ok != tt.ok || got != tt.want {
				t.Errorf("parseHundredths(%q) = %d, %v; want %d, %v", tt.in, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestToBatchReadsEveryField(t *testing.T) {
	raw := []json.RawMessage{json.RawMessage(`{"id":"g1","student":"s1","subject":"m","lesson":"l1","teacher":"t1",
		"date":"2026-09-07","value":4,"weight":"2","work_type":"диктант","description":"Словарный"}`)}
	b, probs := toBatch(kindNamed(t, diary.KindGrades), raw)
	if len(probs) > 0 {
		t.Fatalf("problems: %+v", probs)
	}
	got := b.Grades[0]
	want := diary.GradeIn{
		Src: diary.Source{File: "grades", Line: 0}, StudentRef: "s1", SubjectRef: "m", LessonRef: "l1", TeacherRef: "t1",
		Grade: diary.Grade{ExtID: "g1", Date: diary.MustDate("2026-09-07"), Value: 4, Weight: 200,
			WorkType: "диктант", Description: "Словарный"},
	}
	if got != want {
		t.Errorf("grade = %+v\nwant    %+v", got, want)
	}
}

func TestDefaultWeight(t *testing.T) {
	raw := []json.RawMessage{json.RawMessage(`{"id":"g1","student":"s1","lesson":"l1","mark":"осв"}`)}
	b, probs := toBatch(kindNamed(t, diary.KindGrades), raw)
	if len(probs) > 0 {
		t.Fatalf("problems: %+v", probs)
	}
	if got := b.Grades[0].Grade; got.Weight != diary.WeightOne || got.Mark != diary.MarkExempt {
		t.Errorf("grade = %+v, want weight %d and mark %q", got, diary.WeightOne, diary.MarkExempt)
	}
}

func TestAttendanceMarks(t *testing.T) {
	tests := []struct {
		name, item string
		wantField  string // "" when valid
		wantMark   string
	}{
		{"absent", `{"student":"s","lesson":"l","mark":"н"}`, "", "н"},
		{"upper late", `{"student":"s","lesson":"l","mark":"ОП"}`, "", "оп"},
		{"remove", `{"student":"s","lesson":"l","mark":""}`, "", ""},
		{"missing mark", `{"student":"s","lesson":"l"}`, "mark", ""},
		{"unknown mark", `{"student":"s","lesson":"l","mark":"x"}`, "mark", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, probs := toBatch(kindNamed(t, diary.KindAttendance), []json.RawMessage{json.RawMessage(tt.item)})
			switch {
			case tt.wantField == "" && len(probs) > 0:
				t.Errorf("problems: %+v", probs)
			case tt.wantField != "" && (len(probs) != 1 || probs[0].Field != tt.wantField):
				t.Errorf("problems = %+v, want one on %q", probs, tt.wantField)
			case tt.wantField == "" && b.Attendance[0].Mark != tt.wantMark:
				t.Errorf("mark = %q, want %q", b.Attendance[0].Mark, tt.wantMark)
			}
		})
	}
}

func TestLimitsFollowTheDomain(t *testing.T) {
	tests := []struct {
		name, kind, item string
		wantField        string // "" when valid
	}{
		{"weight 15", diary.KindGrades, `{"id":"g","student":"s","lesson":"l","value":5,"weight":15}`, ""},
		{"weight max", diary.KindGrades, `{"id":"g","student":"s","lesson":"l","value":5,"weight":"20"}`, ""},
		{"weight over max", diary.KindGrades, `{"id":"g","student":"s","lesson":"l","value":5,"weight":20.01}`, "weight"},
		{"lesson 12", diary.KindLessons, `{"id":"l","class":"5А","subject":"m","date":"2026-09-07","number":12}`, ""},
		{"lesson 13", diary.KindLessons, `{"id":"l","class":"5А","subject":"m","date":"2026-09-07","number":13}`, "number"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, probs := toBatch(kindNamed(t, tt.kind), []json.RawMessage{json.RawMessage(tt.item)})
			var got string
			if len(probs) > 0 {
				got = probs[0].Field
			}
			if got != tt.wantField || len(probs) > 1 {
				t.Fatalf("problems = %+v, want field %q", probs, tt.wantField)
			}
			if got == "" {
				b.School.Code = "sch"
				if errs := b.Validate(); len(errs) > 0 {
					t.Errorf("the API took an item the domain refuses: %+v", errs)
				}
			}
		})
	}
}

func kindNamed(t *testing.T, name string) kind {
	t.Helper()
	for _, k := range kinds {
		if k.name == name {
			return k
		}
	}
	t.Fatalf("no kind %q", name)
	return kind{}
}
