package importer

import (
	"strings"
	"unicode"
)

// lookAlikes maps Latin letters that look like Cyrillic ones, as typed on
// the wrong keyboard layout, to those: «7A» with a Latin A is «7А». Only true
// look-alikes: a small Latin b is no «в», and it is not transliterated either
// (is «7b» 7Б or 7В?), so it stays and matches no class.
var lookAlikes = strings.NewReplacer(
	"A", "А", "B", "В", "C", "С", "E", "Е", "H", "Н", "K", "К", "M", "М", "O", "О", "P", "Р", "T", "Т", "X", "Х", "Y", "У",
	"a", "а", "c", "с", "e", "е", "k", "к", "o", "о", "p", "р", "x", "х", "y", "у",
)

// ClassKey returns the normal form of a class name or code: Latin look-alike
// letters made Cyrillic, upper case, «Ё» as «Е», without spaces, hyphens,
// dashes, dots or underscores. «7а», «7 А», «7-А», «7A» and «7a» all give
// «7А». Class references of import files and diaryctl codes --class are
// matched by it.
func ClassKey(s string) string {
	s = strings.ToUpper(lookAlikes.Replace(s))
	s = strings.ReplaceAll(s, "Ё", "Е")
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || strings.ContainsRune("-–—._", r) {
			return -1
		}
		return r
	}, s)
}
