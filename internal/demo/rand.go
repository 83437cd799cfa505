package demo

import "math/rand/v2"

// Purposes keep the random streams of different kinds of data apart, so that
// adding a draw to one kind never shifts the values of another.
const (
	pClassSize uint64 = iota + 1
	pFamily
	pStudent
	pGuardian
	pStaff
	pTimetable
	pDay
	pAbility
	pSibling
	pAllocation
)

// mix is the SplitMix64 finaliser: a cheap, well-spread hash of x.
func mix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ x>>30) * 0xbf58476d1ce4e5b9
	x = (x ^ x>>27) * 0x94d049bb133111eb
	return x ^ x>>31
}

// hashOf folds the seed and parts into one 64-bit value.
func hashOf(seed int64, parts ...uint64) uint64 {
	h := mix(uint64(seed))
	for _, p := range parts {
		h = mix(h ^ p)
	}
	return h
}

// rngOf returns a generator whose stream depends only on the seed and parts.
func rngOf(seed int64, parts ...uint64) *rand.Rand {
	h := hashOf(seed, parts...)
	return rand.New(rand.NewPCG(h, mix(h)))
}

// unit maps a hash to [0, 1).
func unit(h uint64) float64 { return float64(h>>11) / (1 << 53) }

// pick returns one element of xs chosen by r.
func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }
