package demo

// grading says how a subject is marked.
type grading int

const (
	numeric  grading = iota // marks 1–5
	passOnly                // зачётная система: «зач» only (ОРКСЭ, ОДНКНР, проект)
	physical                // 1–5 for work at lessons, «зач» for the standards
)

// hwStyle says what homework a subject gives.
type hwStyle int

const (
	hwNone hwStyle = iota
	hwExercises
	hwProblems
	hwParagraph
	hwReading
	hwEnglish
	hwMaterials
)

// subject is one subject of the demo curriculum.
type subject struct {
	ext, name, short string
	grading          grading
	work             string // the usual whole-class work besides the test
	hw               hwStyle
}

// subjects of the demo school; the order is their index everywhere.
var subjects = []subject{
	{"rus", "Русский язык", "Рус. яз.", numeric, "Диктант", hwExercises},
	{"lit", "Литература", "Лит-ра", numeric, "Сочинение", hwReading},
	{"litread", "Литературное чтение", "Лит. чтение", numeric, "Проверка техники чтения", hwReading},
	{"math", "Математика", "Матем.", numeric, "Самостоятельная работа", hwProblems},
	{"alg", "Алгебра", "Алгебра", numeric, "Самостоятельная работа", hwProblems},
	{"geom", "Геометрия", "Геом.", numeric, "Самостоятельная работа", hwProblems},
	{"prob", "Вероятность и статистика", "Вер. и стат.", numeric, "Самостоятельная работа", hwProblems},
	{"inf", "Информатика", "Информ.", numeric, "Практическая работа", hwParagraph},
	{"hist", "История", "История", numeric, "Проверочная работа", hwParagraph},
	{"soc", "Обществознание", "Общ.", numeric, "Проверочная работа", hwParagraph},
	{"geo", "География", "Геогр.", numeric, "Практическая работа", hwParagraph},
	{"bio", "Биология", "Биол.", numeric, "Лабораторная работа", hwParagraph},
	{"phys", "Физика", "Физика", numeric, "Лабораторная работа", hwParagraph},
	{"chem", "Химия", "Химия", numeric, "Лабораторная работа", hwParagraph},
	{"en", "Английский язык", "Англ. яз.", numeric, "Словарный диктант", hwEnglish},
	{"okr", "Окружающий мир", "Окр. мир", numeric, "Проверочная работа", hwParagraph},
	{"art", "Изобразительное искусство", "ИЗО", numeric, "Творческая работа", hwMaterials},
	{"mus", "Музыка", "Музыка", numeric, "Творческая работа", hwNone},
	{"tech", "Технология", "Технол.", numeric, "Практическая работа", hwMaterials},
	{"pe", "Физическая культура", "Физкультура", physical, "Сдача нормативов", hwNone},
	{"obzr", "Основы безопасности и защиты Родины", "ОБЗР", numeric, "Практическая работа", hwParagraph},
	{"orkse", "Основы религиозных культур и светской этики", "ОРКСЭ", passOnly, "Творческая работа", hwNone},
	{"odnknr", "Основы духовно-нравственной культуры народов России", "ОДНКНР", passOnly, "Творческая работа", hwNone},
	{"proj", "Индивидуальный проект", "Инд. проект", passOnly, "Защита этапа проекта", hwNone},
}

// subjectIndex maps a subject's ext id to its index in subjects.
var subjectIndex = func() map[string]int {
	m := make(map[string]int, len(subjects))
	for i, s := range subjects {
		m[s.ext] = i
	}
	return m
}()

// hours is a subject's weekly number of lessons in a level.
type hours struct {
	subj, n int
}

// curriculum lists the weekly hours of every level 1–11 (index 0 unused),
// after the federal basic plan: 21 hours in the first class, 23 in 2–4, 27–31
// in 5–9 (five days), 32–33 in 10–11 (six days).
var curriculum = func() [12][]hours {
	plan := [12]string{
		1:  "rus 5 litread 4 math 4 okr 2 art 1 mus 1 tech 1 pe 3",
		2:  "rus 5 litread 4 en 2 math 4 okr 2 art 1 mus 1 tech 1 pe 3",
		3:  "rus 5 litread 4 en 2 math 4 okr 2 art 1 mus 1 tech 1 pe 3",
		4:  "rus 5 litread 3 en 2 math 4 okr 2 orkse 1 art 1 mus 1 tech 1 pe 3",
		5:  "rus 5 lit 3 en 3 math 5 hist 2 geo 1 bio 1 art 1 mus 1 tech 2 pe 2 odnknr 1",
		6:  "rus 6 lit 3 en 3 math 5 hist 2 soc 1 geo 1 bio 1 art 1 mus 1 tech 2 pe 2",
		7:  "rus 4 lit 2 en 3 alg 3 geom 2 prob 1 inf 1 hist 2 soc 1 geo 2 bio 1 phys 2 art 1 mus 1 tech 2 pe 2",
		8:  "rus 3 lit 2 en 3 alg 3 geom 2 prob 1 inf 1 hist 2 soc 1 geo 2 bio 2 phys 2 chem 2 mus 1 tech 1 obzr 1 pe 2",
		9:  "rus 3 lit 3 en 3 alg 3 geom 2 prob 1 inf 1 hist 2 soc 1 geo 2 bio 2 phys 3 chem 2 obzr 1 pe 2",
		10: "rus 2 lit 3 en 3 alg 4 geom 3 prob 1 inf 2 hist 3 soc 2 geo 1 bio 1 phys 3 chem 1 obzr 1 pe 2 proj 1",
		11: "rus 2 lit 3 en 3 alg 4 geom 3 prob 1 inf 2 hist 3 soc 2 geo 1 bio 1 phys 3 chem 1 obzr 1 pe 2",
	}
	var c [12][]hours
	for lvl := 1; lvl <= 11; lvl++ {
		c[lvl] = parseHours(plan[lvl])
	}
	return c
}()

// parseHours reads "ext n ext n …".
func parseHours(s string) []hours {
	var out []hours
	var name string
	for i, f := range splitFields(s) {
		if i%2 == 0 {
			name = f
			continue
		}
		idx, ok := subjectIndex[name]
		if !ok {
			panic("demo: unknown subject " + name)
		}
		out = append(out, hours{subj: idx, n: int(f[0] - '0')})
	}
	return out
}

// splitFields splits s at spaces.
func splitFields(s string) []string {
	var out []string
	start := -1
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ' ' {
			if start >= 0 {
				out = append(out, s[start:i])
			}
			start = -1
		} else if start < 0 {
			start = i
		}
	}
	return out
}

// hasGroups reports whether English is taught in two groups in level lvl.
func hasGroups(lvl int) bool { return lvl >= 5 }

// isEnglish reports whether subject index s is English.
func isEnglish(s int) bool { return s == subjectIndex["en"] }

// primarySubjects are taught by the class's own teacher in classes 1–4.
var primarySubjects = map[string]bool{
	"rus": true, "litread": true, "math": true, "okr": true, "art": true, "tech": true, "orkse": true,
}

// department names the teachers who teach subject s in level lvl: "prim" for
// the class's own teacher in 1–4, otherwise a subject department.
func department(s, lvl int) string {
	ext := subjects[s].ext
	switch {
	case lvl <= 4 && primarySubjects[ext]:
		return "prim"
	case ext == "lit":
		return "rus"
	case ext == "alg", ext == "geom", ext == "prob":
		return "math"
	case ext == "soc", ext == "odnknr":
		return "hist"
	case ext == "proj":
		return "inf"
	}
	return ext
}

// Work types and their weights in hundredths (diary.WeightOne = 1).
const (
	workOral    = "Ответ на уроке"
	workClass   = "Работа на уроке"
	workHome    = "Домашняя работа"
	workRecite  = "Чтение наизусть"
	workTest    = "Контрольная работа"
	workIndivid = "Индивидуальное задание"
)

// weights gives the weight of each work type; 1,5 for short written works,
// 2 for tests, dictations and essays.
var weights = map[string]int{
	workOral: 100, workClass: 100, workHome: 100, workRecite: 100, workIndivid: 100,
	"Самостоятельная работа": 150, "Проверочная работа": 150, "Лабораторная работа": 150,
	"Практическая работа": 150, "Словарный диктант": 150, "Проверка техники чтения": 150,
	"Творческая работа": 100, "Сдача нормативов": 100, "Защита этапа проекта": 200,
	"Диктант": 200, "Сочинение": 200, workTest: 200,
}
