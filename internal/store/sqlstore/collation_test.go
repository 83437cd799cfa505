package sqlstore

import (
	"slices"
	"sync"
	"testing"

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
