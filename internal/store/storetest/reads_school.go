package storetest

import (
	"slices"
	"testing"

	"github.com/schooldiary/diary/internal/diary"
)

func schoolReadTests() []contractTest {
	return []contractTest{
		{"Schools/ListedByCode", testSchoolsByCode},
		{"Schools/YearsAndPeriodsOrdered", testYearsAndPeriods},
		{"Schools/PeriodAtLevelAndDate", testPeriodAt},
		{"Schools/DaysOffOverlapping", testDaysOff},
	}
}

func testSchoolsByCode(t *testing.T, f *fixture) {
	for _, code := range []string{"b-school", SchoolCode, "a-school"} {
		f.apply(t, SmallSchoolNamed(code, "Школа "+code))
	}
	schools, err := f.s.Schools(t.Context())
	must(t, err, "schools")
	equal(t, "codes", exts(schools, func(s diary.School) string { return s.Code }), []string{"a-school", "b-school", SchoolCode})
	for _, s := range schools {
		byCode, err := f.s.SchoolByCode(t.Context(), s.Code)
		must(t, err, "school by code")
		equal(t, "school by code "+s.Code, byCode, s)
		equal(t, "school by id "+s.Code, f.school(t, s.ID), s)
	}
}

// lastYear adds the end of 2025/2026 to SmallSchool, and lists the periods
// in reverse, so the store has to order them itself.
func lastYear() *diary.Batch {
	b := SmallSchool()
	b.Years = append(b.Years, diary.YearIn{Src: src("years", 1),
		Year: diary.AcademicYear{Name: "2025/2026", Start: d("2025-09-01"), End: d("2026-08-31")}})
	b.Periods = append(b.Periods,
		diary.PeriodIn{Src: src("periods", 6), YearRef: "2025/2026", Period: diary.Period{ExtID: "p25-q4", Name: "4 четверть",
			Kind: diary.Quarter, MinLevel: 1, MaxLevel: 9, Start: d("2026-03-30"), End: d("2026-05-25")}},
		diary.PeriodIn{Src: src("periods", 7), YearRef: "2025/2026", Period: diary.Period{ExtID: "p25-h2", Name: "2 полугодие",
			Kind: diary.Half, MinLevel: 10, MaxLevel: 11, Start: d("2026-01-12"), End: d("2026-05-25")}})
	slices.Reverse(b.Periods)
	return b
}

func testYearsAndPeriods(t *testing.T, f *fixture) {
	b := lastYear()
	f.apply(t, b)
	r := Resolve(t, f.s, b)
	ctx := t.Context()
	years, err := f.s.Years(ctx, r.School.ID)
	must(t, err, "years")
	equal(t, "years", years, []diary.AcademicYear{
		{ID: id(t, r.Years, "2025/2026"), SchoolID: r.School.ID, Name: "2025/2026", Start: d("2025-09-01"), End: d("2026-08-31")},
		{ID: id(t, r.Years, YearName), SchoolID: r.School.ID, Name: YearName, Start: d("2026-09-01"), End: d("2027-08-31")},
	})
	ps, err := f.s.Periods(ctx, r.School.ID, id(t, r.Years, YearName))
	must(t, err, "periods of a year")
	equal(t, "periods of a year", exts(ps, periodExt), []string{PeriodQ1, PeriodQ2, PeriodQ3, PeriodQ4, PeriodH1, PeriodH2})
	ps, err = f.s.Periods(ctx, r.School.ID, 0)
	must(t, err, "periods of all years")
	equal(t, "periods of all years", exts(ps, periodExt),
		[]string{"p25-q4", PeriodQ1, PeriodQ2, PeriodQ3, PeriodQ4, "p25-h2", PeriodH1, PeriodH2})
	equal(t, "first quarter", r.Periods[PeriodQ1], diary.Period{ID: r.Period(t, PeriodQ1), SchoolID: r.School.ID,
		YearID: id(t, r.Years, YearName), ExtID: PeriodQ1, Name: "1 четверть", Kind: diary.Quarter,
		MinLevel: 1, MaxLevel: 9, Start: d("2026-09-01"), End: d("2026-10-24")})
}

func periodExt(p diary.Period) string { return p.ExtID }

// PeriodAt goes by the period dates only: the autumn vacation lies in no
// quarter but within the first half.
func testPeriodAt(t *testing.T, f *fixture) {
	r, _ := f.small2(t)
	for _, tc := range []struct {
		name  string
		level int
		date  string
		want  string // "" for ErrNotFound
	}{
		{"first day of a quarter", 5, "2026-09-01", PeriodQ1},
		{"last day of a quarter", 1, "2026-10-24", PeriodQ1},
		{"autumn vacation, quarters", 5, "2026-10-28", ""},
		{"autumn vacation, halves", 10, "2026-10-28", PeriodH1},
		{"second quarter", 9, "2026-12-27", PeriodQ2},
		{"last day of the year", 11, "2027-05-26", PeriodH2},
		{"summer", 5, "2027-06-15", ""},
		{"before the year", 10, "2026-08-31", ""},
		{"no such level", 12, "2026-09-15", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := f.s.PeriodAt(t.Context(), r.School.ID, tc.level, d(tc.date))
			if tc.want == "" {
				wantNotFound(t, err, "period at "+tc.date)
				return
			}
			must(t, err, "period at")
			equal(t, "period", p, r.Periods[tc.want])
		})
	}
}

// DaysOff lists the days off that overlap [from, to], both inclusive, by start.
func testDaysOff(t *testing.T, f *fixture) {
	r, _ := f.small2(t)
	for _, tc := range []struct {
		name     string
		from, to string
		want     []string
	}{
		{"ends on the first day off", "2026-10-20", "2026-10-25", []string{"Осенние каникулы"}},
		{"one day", "2026-11-04", "2026-11-04", []string{"День народного единства"}},
		{"starts on the last day off", "2026-11-03", "2026-11-10", []string{"Осенние каникулы", "День народного единства"}},
		{"within a vacation", "2027-01-01", "2027-01-02", []string{"Зимние каникулы"}},
		{"between", "2026-11-05", "2026-12-27", nil},
		{"whole year", "2026-09-01", "2027-08-31", []string{"Осенние каникулы", "День народного единства",
			"Зимние каникулы", "Дополнительные каникулы", "Весенние каникулы"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			days, err := f.s.DaysOff(t.Context(), r.School.ID, d(tc.from), d(tc.to))
			must(t, err, "days off")
			got := exts(days, func(x diary.DayOff) string { return x.Name })
			if len(got) == 0 {
				got = nil
			}
			equal(t, "days off", got, tc.want)
		})
	}
	days, err := f.s.DaysOff(t.Context(), r.School.ID, d("2027-02-15"), d("2027-02-15"))
	must(t, err, "days off")
	equal(t, "first-grade vacation", days, []diary.DayOff{{ID: firstID(days, func(x diary.DayOff) int64 { return x.ID }),
		SchoolID: r.School.ID, Name: "Дополнительные каникулы", Kind: diary.Vacation, MinLevel: 1, MaxLevel: 1,
		Start: d("2027-02-15"), End: d("2027-02-21")}})
}
