package httpapi_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/httpapi"
	"github.com/schooldiary/diary/internal/store"
)

// Valid items of each kind against storetest.SmallSchool.
var (
	lessonItem = `{"id":"api-l1","class":"5a","subject":"math","teacher":"t-ivanova","date":"2026-09-14","number":2,"topic":"Дроби","homework":"№ 5"}`
	gradeItem  = `{"id":"api-g1","student":"st-belov","lesson":"l-5a-math-0907","value":5,"weight":"1,5","work_type":"контрольная работа"}`
	gradeItem2 = `{"id":"api-g2","student":"st-volkov","subject":"math","date":"2026-09-08","value":"зач","weight":1}`
	attendItem = `{"student":"st-guseva","lesson":"l-5a-math-0907","mark":"н"}`
	hwItem     = `{"id":"api-h1","student":"st-belov","subject":"math","date":"2026-09-16","text":"Повторить дроби"}`
)

func TestAuth(t *testing.T) {
	forEachStore(t, func(t *testing.T, db store.DB) {
		secret := seeded(t, db)
		srv, _ := newServer(t, db)
		revoked, id := newToken(t, db, schoolID(t, db))
		if err := db.RevokeToken(context.Background(), id); err != nil {
			t.Fatalf("revoke: %v", err)
		}
		tests := []struct {
			name   string
			header string
			want   int
		}{
			{"no header", "", http.StatusUnauthorized},
			{"basic scheme", "Basic " + secret, http.StatusUnauthorized},
			{"empty bearer", "Bearer ", http.StatusUnauthorized},
			{"wrong token", "Bearer " + strings.Repeat("x", 43), http.StatusUnauthorized},
			{"revoked token", "Bearer " + revoked, http.StatusUnauthorized},
			{"live token", "Bearer " + secret, http.StatusOK},
			{"lowercase scheme", "bearer " + secret, http.StatusOK},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				req, _ := http.NewRequest(http.MethodPost, srv.URL+"/api/v1/homework", strings.NewReader(items(hwItem)))
				if tt.header != "" {
					req.Header.Set("Authorization", tt.header)
				}
				a := do(t, req)
				wantCode(t, a, tt.want)
				if tt.want == http.StatusUnauthorized {
					if a.err.Error == "" || a.header.Get("WWW-Authenticate") == "" {
						t.Errorf("401 without a JSON error or WWW-Authenticate: %s", a.raw)
					}
				}
			})
		}
	})
}

func schoolID(t *testing.T, db store.DB) int64 {
	t.Helper()
	s, err := db.SchoolByCode(context.Background(), "test-school")
	if err != nil {
		t.Fatal(err)
	}
	return s.ID
}

func TestApplyEachKindIdempotent(t *testing.T) {
	forEachStore(t, func(t *testing.T, db store.DB) {
		token := seeded(t, db)
		srv, _ := newServer(t, db)
		tests := []struct {
			kind  string
			items []string
		}{
			{"lessons", []string{lessonItem}},
			{"grades", []string{gradeItem, gradeItem2}},
			{"attendance", []string{attendItem}},
			{"homework", []string{hwItem}},
		}
		for _, tt := range tests {
			t.Run(tt.kind, func(t *testing.T) {
				first := post(t, srv, "/api/v1/"+tt.kind, token, items(tt.items...))
				wantCode(t, first, http.StatusOK)
				want := httpapi.ResultBody{Kind: tt.kind, Added: len(tt.items)}
				if first.result != want {
					t.Errorf("first post = %+v, want %+v", first.result, want)
				}
				again := post(t, srv, "/api/v1/"+tt.kind, token, items(tt.items...))
				wantCode(t, again, http.StatusOK)
				want = httpapi.ResultBody{Kind: tt.kind, Unchanged: len(tt.items)}
				if again.result != want {
					t.Errorf("second post = %+v, want %+v", again.result, want)
				}
			})
		}
	})
}

func TestApplyChangeAndRemove(t *testing.T) {
	forEachStore(t, func(t *testing.T, db store.DB) {
		token := seeded(t, db)
		srv, _ := newServer(t, db)
		wantCode(t, post(t, srv, "/api/v1/grades", token, items(gradeItem)), http.StatusOK)
		changed := strings.Replace(gradeItem, `"value":5`, `"value":4`, 1)
		a := post(t, srv, "/api/v1/grades", token, items(changed))
		wantCode(t, a, http.StatusOK)
		if got, want := a.result, (httpapi.ResultBody{Kind: "grades", Changed: 1}); got != want {
			t.Errorf("changed grade = %+v, want %+v", got, want)
		}
		// An empty attendance mark removes the stored one (st-belov was absent on 09-08).
		a = post(t, srv, "/api/v1/attendance", token, items(`{"student":"st-belov","lesson":"l-5a-math-0908","mark":""}`))
		wantCode(t, a, http.StatusOK)
		if got, want := a.result, (httpapi.ResultBody{Kind: "attendance", Removed: 1}); got != want {
			t.Errorf("removed mark = %+v, want %+v", got, want)
		}
	})
}

func TestValidationEveryItemLocated(t *testing.T) {
	forEachStore(t, func(t *testing.T, db store.DB) {
		token := seeded(t, db)
		srv, _ := newServer(t, db)
		body := items(
			gradeItem,
			`{"id":"bad-1","student":"st-belov","lesson":"l-5a-math-0907","value":5,"date":"07.09.2026"}`,
			`{"id":"bad-2","student":"st-belov","lesson":"l-5a-math-0907","value":7}`,
			`{"id":"bad-3","student":"st-belov","lesson":"l-5a-math-0907","value":5,"colour":"red"}`,
			`{"id":"bad-4","lesson":"l-5a-math-0907","value":5}`,
			`{"id":"bad-5","student":"st-belov","lesson":"l-5a-math-0907","value":5,"weight":0}`,
			`{"id":"bad-6","student":"st-belov","value":5}`,
			`{"id":"api-g1","student":"st-volkov","lesson":"l-5a-math-0907","value":4}`,
			`42`,
			`{"id":7,"student":"st-belov","lesson":"l-5a-math-0907","value":5}`,
		)
		a := post(t, srv, "/api/v1/grades", token, body)
		wantCode(t, a, http.StatusBadRequest)
		want := []httpapi.ItemProblem{
			{Index: 1, Field: "date"}, {Index: 2, Field: "value"}, {Index: 3, Field: "colour"},
			{Index: 4, Field: "student"}, {Index: 5, Field: "weight"}, {Index: 6, Field: "lesson"},
			{Index: 7, Field: "id"}, {Index: 8}, {Index: 9, Field: "id"},
		}
		checkProblems(t, a.err.Items, want)
		wantNothingWritten(t, srv, token)
	})
}

func TestValidationFromStore(t *testing.T) {
	forEachStore(t, func(t *testing.T, db store.DB) {
		token := seeded(t, db)
		srv, _ := newServer(t, db)
		body := items(
			gradeItem,
			`{"id":"api-g9","student":"st-nobody","lesson":"l-5a-math-0907","value":4}`,
			`{"id":"api-g10","student":"st-volkov","lesson":"l-none","value":4}`,
		)
		a := post(t, srv, "/api/v1/grades", token, body)
		wantCode(t, a, http.StatusBadRequest)
		checkProblems(t, a.err.Items, []httpapi.ItemProblem{{Index: 1, Field: "student"}, {Index: 2, Field: "lesson"}})
		wantNothingWritten(t, srv, token)
	})
}

func TestValidationShapeAndStoreTogether(t *testing.T) {
	forEachStore(t, func(t *testing.T, db store.DB) {
		token := seeded(t, db)
		srv, _ := newServer(t, db)
		body := items(
			gradeItem,
			`{"id":"api-g8","student":"st-belov","lesson":"l-5a-math-0907","value":7}`,
			`{"id":"api-g9","student":"st-nobody","lesson":"l-5a-math-0907","value":4}`,
			`{"id":"api-g10","student":"st-volkov","lesson":"l-5a-math-0907","value":4,"weight":0}`,
			`{"id":"api-g11","student":"st-volkov","lesson":"l-none","value":4}`,
		)
		a := post(t, srv, "/api/v1/grades", token, body)
		wantCode(t, a, http.StatusBadRequest)
		checkProblems(t, a.err.Items, []httpapi.ItemProblem{
			{Index: 1, Field: "value"}, {Index: 2, Field: "student"}, {Index: 3, Field: "weight"}, {Index: 4, Field: "lesson"},
		})
		wantNothingWritten(t, srv, token)
	})
}

// checkProblems compares indexes and fields, and that every message is set.
func checkProblems(t *testing.T, got, want []httpapi.ItemProblem) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d problems, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		if got[i].Index != want[i].Index || got[i].Field != want[i].Field || got[i].Error == "" {
			t.Errorf("problem %d = %+v, want index %d field %q with a message", i, got[i], want[i].Index, want[i].Field)
		}
	}
}

// wantNothingWritten checks that the refused call left gradeItem unwritten.
func wantNothingWritten(t *testing.T, srv *httptest.Server, token string) {
	t.Helper()
	a := post(t, srv, "/api/v1/grades", token, items(gradeItem))
	wantCode(t, a, http.StatusOK)
	if a.result.Added != 1 {
		t.Errorf("after a refused call the valid item was already there: %+v", a.result)
	}
}

func TestBadBodies(t *testing.T) {
	forEachStore(t, func(t *testing.T, db store.DB) {
		token := seeded(t, db)
		srv, _ := newServer(t, db)
		big := items(strings.Repeat(hwItem+",", testMaxBody/len(hwItem)+1) + hwItem)
		tests := []struct {
			name, body string
			want       int
		}{
			{"not json", "hello", http.StatusBadRequest},
			{"unknown top field", `{"items":[],"school":"x"}`, http.StatusBadRequest},
			{"no items", `{}`, http.StatusBadRequest},
			{"items not a list", `{"items":{}}`, http.StatusBadRequest},
			{"trailing data", `{"items":[]} {"items":[]}`, http.StatusBadRequest},
			{"empty list", `{"items":[]}`, http.StatusOK},
			{"over the limit", big, http.StatusRequestEntityTooLarge},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				a := post(t, srv, "/api/v1/homework", token, tt.body)
				wantCode(t, a, tt.want)
				if tt.want != http.StatusOK && a.err.Error == "" {
					t.Errorf("no JSON error in %s", a.raw)
				}
			})
		}
	})
}

func TestApplyDeleteGradeAndHomework(t *testing.T) {
	forEachStore(t, func(t *testing.T, db store.DB) {
		token := seeded(t, db)
		srv, _ := newServer(t, db)
		student := studentID(t, db, "st-belov")
		before := mathQ1(t, db, student)
		// gr-belov-math-2 of storetest.SmallSchool: a 3 with weight 2.
		a := post(t, srv, "/api/v1/grades", token, items(`{"id":"gr-belov-math-2","deleted":true}`))
		wantCode(t, a, http.StatusOK)
		if got, want := a.result, (httpapi.ResultBody{Kind: "grades", Removed: 1}); got != want {
			t.Errorf("deleted grade = %+v, want %+v", got, want)
		}
		got, want := mathQ1(t, db, student), before
		want.Sum, want.Weights, want.Count = want.Sum-600, want.Weights-200, want.Count-1
		if got != want {
			t.Errorf("aggregate after deleting = %+v, want %+v", got, want)
		}
		a = post(t, srv, "/api/v1/homework", token, items(`{"id":"hw-belov-1","deleted":true}`))
		wantCode(t, a, http.StatusOK)
		if got, want := a.result, (httpapi.ResultBody{Kind: "homework", Removed: 1}); got != want {
			t.Errorf("deleted homework = %+v, want %+v", got, want)
		}
		a = post(t, srv, "/api/v1/grades", token, items(`{"id":"gr-belov-math-2","deleted":true}`))
		wantCode(t, a, http.StatusBadRequest)
		checkProblems(t, a.err.Items, []httpapi.ItemProblem{{Index: 0, Field: "id"}})
		a = post(t, srv, "/api/v1/grades", token, items(`{"id":"gr-belov-math-1","deleted":"да"}`))
		wantCode(t, a, http.StatusBadRequest)
	})
}

// studentID returns the stored id of a SmallSchool student.
func studentID(t *testing.T, db store.DB, ext string) int64 {
	t.Helper()
	ctx := context.Background()
	classes, err := db.Classes(ctx, schoolID(t, db))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range classes {
		students, err := db.StudentsOfClass(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range students {
			if s.ExtID == ext {
				return s.ID
			}
		}
	}
	t.Fatalf("no student %s", ext)
	return 0
}

// mathQ1 returns a student's mathematics aggregate of the first quarter.
func mathQ1(t *testing.T, db store.DB, student int64) diary.Aggregate {
	t.Helper()
	ctx := context.Background()
	school := schoolID(t, db)
	years, err := db.Years(ctx, school)
	if err != nil {
		t.Fatal(err)
	}
	periods, err := db.Periods(ctx, school, years[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	subjects, err := db.Subjects(ctx, school)
	if err != nil {
		t.Fatal(err)
	}
	var q1, math int64
	for _, p := range periods {
		if p.ExtID == "q1" {
			q1 = p.ID
		}
	}
	for _, s := range subjects {
		if s.ExtID == "math" {
			math = s.ID
		}
	}
	aggs, err := db.Aggregates(ctx, student, q1)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range aggs {
		if a.SubjectID == math {
			return a
		}
	}
	return diary.Aggregate{}
}
