package sqlstore

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"sync"
	"testing"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/schooldiary/diary/internal/diary"
)

// Russian order: «ё» is «е» at the first level, case counts only after it,
// equal names go by id; the collators are safe to use from many goroutines.
func TestSortStudentsRussian(t *testing.T) {
	in := []diary.Student{
		{ID: 1, Name: diary.Name{Last: "Яковлев"}}, {ID: 2, Name: diary.Name{Last: "Ёлкин"}},
		{ID: 3, Name: diary.Name{Last: "Егоров"}}, {ID: 9, Name: diary.Name{Last: "Абрамов", First: "Иван"}},
		{ID: 5, Name: diary.Name{Last: "ежов"}}, {ID: 6, Name: diary.Name{Last: "Ежов"}},
		{ID: 7, Name: diary.Name{Last: "Абрамов", First: "Иван"}},
	}
	want := []int64{7, 9, 3, 5, 6, 2, 1}
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			list := slices.Clone(in)
			sortStudents(list)
			got := make([]int64, len(list))
			for i, s := range list {
				got[i] = s.ID
			}
			if !slices.Equal(got, want) {
				t.Errorf("order = %v, want %v", got, want)
			}
		}()
	}
	wg.Wait()
}

// Sorting by collation keys gives the order of comparing the strings with
// the collator, on random names of Russian letters in both cases.
func TestSortKeysAgreeWithCompare(t *testing.T) {
	letters := []rune("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАЕЁЖЯ- ")
	rng := rand.New(rand.NewPCG(1, 2))
	word := func() string {
		r := make([]rune, 1+rng.IntN(6))
		for i := range r {
			r[i] = letters[rng.IntN(len(letters))]
		}
		return string(r)
	}
	for round := range 50 {
		list := make([]diary.Student, 40)
		for i := range list {
			list[i] = diary.Student{ID: int64(i), Name: diary.Name{Last: word(), First: word(), Middle: word()}}
		}
		want := slices.Clone(list)
		c := collate.New(language.Russian)
		slices.SortStableFunc(want, func(a, b diary.Student) int {
			for _, p := range [][2]string{{a.Name.Last, b.Name.Last}, {a.Name.First, b.Name.First}, {a.Name.Middle, b.Name.Middle}} {
				if r := c.CompareString(p[0], p[1]); r != 0 {
					return r
				}
			}
			return cmp.Compare(a.ID, b.ID)
		})
		sortStudents(list)
		if !slices.Equal(list, want) {
			t.Fatalf("round %d: keys order %v, compare order %v", round, list, want)
		}
	}
}
