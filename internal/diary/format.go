package diary

import (
	"strconv"
	"strings"
)

// NoValue is what a figure shows when there is nothing to show (no numeric
// grades, no students).
const NoValue = "—"

// FormatHundredths writes h hundredths as a Russian decimal with a comma and
// exactly two fraction digits: 317 → «3,17», -5 → «-0,05».
func FormatHundredths(h int64) string {
	sign := ""
	if h < 0 {
		sign, h = "-", -h
	}
	frac := strconv.FormatInt(h%100, 10)
	if len(frac) == 1 {
		frac = "0" + frac
	}
	return sign + strconv.FormatInt(h/100, 10) + "," + frac
}

// FormatHundredthsShort is FormatHundredths without trailing fraction zeros:
// 150 → «1,5», 200 → «2», 8733 → «87,33».
func FormatHundredthsShort(h int64) string {
	s := FormatHundredths(h)
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ",")
}

// FormatWeight writes a weight in hundredths as the journal shows it: 150 → «1,5».
func FormatWeight(w int) string { return FormatHundredthsShort(int64(w)) }

// FormatPercent writes a percentage kept in hundredths of a percent, with a
// decimal comma and without trailing zeros: 8750 → «87,5 %», 10000 → «100 %».
func FormatPercent(h int) string { return FormatHundredthsShort(int64(h)) + " %" }

// roundDiv returns num/den rounded half up, for num >= 0 and den > 0.
func roundDiv(num, den int64) int64 { return (2*num + den) / (2 * den) }
