package demo

import (
	"fmt"
	"math"
	"strconv"
)

// classLetters are the letters classes of one level get, in order.
var classLetters = []struct{ ru, lat string }{
	{"А", "a"}, {"Б", "b"}, {"В", "v"}, {"Г", "g"}, {"Д", "d"}, {"Е", "e"}, {"Ж", "zh"},
	{"З", "z"}, {"И", "i"}, {"К", "k"}, {"Л", "l"}, {"М", "m"}, {"Н", "n"}, {"О", "o"},
	{"П", "p"}, {"Р", "r"}, {"С", "s"}, {"Т", "t"}, {"У", "u"}, {"Ф", "f"}, {"Х", "kh"},
	{"Ц", "ts"}, {"Ч", "ch"}, {"Ш", "sh"}, {"Щ", "shch"}, {"Э", "ee"}, {"Ю", "yu"}, {"Я", "ya"},
}

// classNames returns the name («7А», «7А2» past «Я») and the ext id ("7a",
// "7a2") of the class of level lvl with letter number i (0-based).
func classNames(lvl, i int) (name, ext string) {
	l := classLetters[i%len(classLetters)]
	name, ext = strconv.Itoa(lvl)+l.ru, strconv.Itoa(lvl)+l.lat
	if n := i / len(classLetters); n > 0 {
		name += strconv.Itoa(n + 1)
		ext += strconv.Itoa(n + 1)
	}
	return name, ext
}

// studentExt returns the ext id of the student at 0-based position pos of a class.
func studentExt(classExt string, pos int) string { return fmt.Sprintf("%s-%02d", classExt, pos+1) }

// lettersPerLevel returns how many parallel classes each level has for a
// school of n students: about 27 students a class, at least one class.
func lettersPerLevel(n int) int {
	return max(1, int(math.Round(float64(n)/(11*27))))
}

// classSizes splits n students among the classes of levels 1–11 with the
// given letters per level: classes 10–11 are smaller (many leave after the
// ninth), and every class varies by a few students. The sizes sum to n.
func classSizes(seed int64, school, n, letters int) []int {
	count := 11 * letters
	w := make([]float64, count)
	var sum float64
	for i := range w {
		base := 1.0
		if i/letters >= 9 {
			base = 0.82
		}
		w[i] = base * (0.92 + 0.16*unit(hashOf(seed, pClassSize, uint64(school), uint64(i))))
		sum += w[i]
	}
	return apportion(n, w, sum)
}

// apportion splits n in proportion to w by the largest remainders.
func apportion(n int, w []float64, sum float64) []int {
	sizes := make([]int, len(w))
	rest := make([]float64, len(w))
	left := n
	for i, x := range w {
		share := float64(n) * x / sum
		sizes[i] = int(share)
		rest[i] = share - float64(sizes[i])
		left -= sizes[i]
	}
	for ; left > 0; left-- {
		best := 0
		for i := range rest {
			if rest[i] > rest[best] {
				best = i
			}
		}
		sizes[best]++
		rest[best] = -1
	}
	return sizes
}
