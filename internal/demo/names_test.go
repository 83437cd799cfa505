package demo

import (
	"regexp"
	"testing"
)

func TestFeminine(t *testing.T) {
	tests := []struct{ male, want string }{
		{"Иванов", "Иванова"}, {"Фёдоров", "Фёдорова"}, {"Соловьёв", "Соловьёва"}, {"Канев", "Канева"},
		{"Ильин", "Ильина"}, {"Выучейский", "Выучейская"}, {"Толстой", "Толстая"}, {"Белый", "Белая"},
		{"Черных", "Черных"}, {"Шевченко", "Шевченко"}, {"Ткачук", "Ткачук"},
	}
	for _, tt := range tests {
		t.Run(tt.male, func(t *testing.T) {
			if got := feminine(tt.male); got != tt.want {
				t.Errorf("feminine(%q) = %q, want %q", tt.male, got, tt.want)
			}
		})
	}
}

func TestTranslit(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Фёдорова", "fedorova"}, {"Щербаков", "shcherbakov"}, {"Юлия", "yuliya"}, {"Ильич", "ilich"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := translit(tt.in); got != tt.want {
				t.Errorf("translit(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestPhonesAreUniqueE164(t *testing.T) {
	if got := phoneFor(phoneGuardian, 0, 0); got != ParentPhone {
		t.Errorf("first guardian's phone = %s, want ParentPhone %s", got, ParentPhone)
	}
	re := regexp.MustCompile(`^\+79\d{9}$`)
	seen := map[string]bool{}
	for kind := range 3 {
		for _, school := range []int{0, 1, 998} {
			for _, idx := range []int{0, 1, 2, 99_999, maxPerSchool - 1} {
				p := phoneFor(kind, school, idx)
				if !re.MatchString(p) || seen[p] {
					t.Errorf("phoneFor(%d, %d, %d) = %s: bad or repeated", kind, school, idx, p)
				}
				seen[p] = true
			}
		}
	}
}

func TestClassNames(t *testing.T) {
	tests := []struct {
		lvl, i            int
		wantName, wantExt string
	}{
		{1, 0, "1А", "1a"}, {11, 1, "11Б", "11b"}, {5, 27, "5Я", "5ya"}, {5, 28, "5А2", "5a2"},
	}
	for _, tt := range tests {
		t.Run(tt.wantExt, func(t *testing.T) {
			name, ext := classNames(tt.lvl, tt.i)
			if name != tt.wantName || ext != tt.wantExt {
				t.Errorf("classNames(%d, %d) = %s, %s; want %s, %s", tt.lvl, tt.i, name, ext, tt.wantName, tt.wantExt)
			}
		})
	}
}
