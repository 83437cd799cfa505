package diary

// Average returns the running sums of the numeric grades among grades:
// Σ weight·value, Σ weight and their count. Non-numeric marks (зач, н/а …) and
// grades without a positive weight are left out. The IDs of the result are
// left zero for the caller to set.
func Average(grades []Grade) Aggregate {
	var a Aggregate
	for _, g := range grades {
		a = a.Add(g)
	}
	return a
}

// counts reports whether grade g enters an average.
func counts(g Grade) bool { return g.Numeric() && g.Weight > 0 }

// Add returns a with grade g counted in; a grade that does not count
// (non-numeric, weight not positive) leaves a as it is. Stores use Add and
// Remove to keep aggregates current on every grade write.
func (a Aggregate) Add(g Grade) Aggregate {
	if !counts(g) {
		return a
	}
	a.Sum += int64(g.Weight) * int64(g.Value)
	a.Weights += int64(g.Weight)
	a.Count++
	return a
}

// Remove returns a with grade g taken out again; it undoes Add(g), so an
// edited grade is Remove(old).Add(new).
func (a Aggregate) Remove(g Grade) Aggregate {
	if !counts(g) {
		return a
	}
	a.Sum -= int64(g.Weight) * int64(g.Value)
	a.Weights -= int64(g.Weight)
	a.Count--
	return a
}

// Empty reports whether no numeric grade is counted in a.
func (a Aggregate) Empty() bool { return a.Weights <= 0 }

// Mean returns the weighted average as the reduced fraction num/den;
// den is 0 when a is empty.
func (a Aggregate) Mean() (num, den int64) {
	if a.Empty() {
		return 0, 0
	}
	g := gcd(a.Sum, a.Weights)
	return a.Sum / g, a.Weights / g
}

// Hundredths returns the average in hundredths, rounded half up (3.165 →
// 317), and false when a is empty.
func (a Aggregate) Hundredths() (int64, bool) {
	if a.Empty() {
		return 0, false
	}
	return roundDiv(100*a.Sum, a.Weights), true
}

// FormatAverage writes the average with a decimal comma and two digits, «3,17»,
// or NoValue («—») when a has no numeric grade.
func FormatAverage(a Aggregate) string {
	h, ok := a.Hundredths()
	if !ok {
		return NoValue
	}
	return FormatHundredths(h)
}

// ExpectedFromAverage returns the expected period grade of clause 3.6.4: the
// weighted average rounded by the school's rule. roundUpFrom is the fraction,
// in hundredths, from which the average rounds up (School.RoundUpFrom; 0 or
// less means the default 50, so 3.50 → 4 and 3.49 → 3). The arithmetic is
// exact: floor+1 when remainder·100 >= roundUpFrom·Σweight. It reports false
// when a has no numeric grade.
func ExpectedFromAverage(a Aggregate, roundUpFrom int) (int, bool) {
	if a.Empty() {
		return 0, false
	}
	if roundUpFrom <= 0 {
		roundUpFrom = 50
	}
	q, r := a.Sum/a.Weights, a.Sum%a.Weights
	if r > 0 && r*100 >= int64(roundUpFrom)*a.Weights {
		q++
	}
	return int(q), true
}

// BelowAverage reports whether a teacher's expected grade is lower than the
// weighted average itself (clause 3.6.4, compared exactly: 3 is below 3,40).
// It is false when a has no numeric grade.
func BelowAverage(expected int, a Aggregate) bool {
	return !a.Empty() && int64(expected)*a.Weights < a.Sum
}

// BelowRounded reports whether a teacher's expected grade is lower than the
// average rounded by the school's rule (ExpectedFromAverage): the milder
// reading of clause 3.6.4, where 3 for 3,40 is not a lowering.
func BelowRounded(expected int, a Aggregate, roundUpFrom int) bool {
	e, ok := ExpectedFromAverage(a, roundUpFrom)
	return ok && expected < e
}

// gcd returns the greatest common divisor of |x| and y > 0.
func gcd(x, y int64) int64 {
	if x < 0 {
		x = -x
	}
	for x != 0 {
		x, y = y%x, x
	}
	return y
}
