package classical

import (
	"fmt"
	"math/rand/v2"
)

// Overlap returns the overlap m = (1/N) Σᵢ aᵢbᵢ of two ±1 states, which is 1
// for equal states and −1 for a state and its negation. It panics if the
// lengths differ or are zero.
func Overlap(a, b []int8) float64 {
	if len(a) != len(b) || len(a) == 0 {
		panic("classical: Overlap of states of different or zero length")
	}
	var sum int
	for i, v := range a {
		sum += int(v) * int(b[i])
	}
	return float64(sum) / float64(len(a))
}

// Hamming returns the number of positions at which a and b differ. It panics
// if the lengths differ.
func Hamming(a, b []int8) int {
	if len(a) != len(b) {
		panic("classical: Hamming distance of states of different length")
	}
	d := 0
	for i, v := range a {
		if v != b[i] {
			d++
		}
	}
	return d
}

// ToBinary01 writes the 0/1 form Vᵢ = (1+Sᵢ)/2 of the ±1 state s into dst,
// allocating dst when it is nil, and returns it.
func ToBinary01(dst, s []int8) []int8 {
	dst = sized(dst, len(s))
	for i, v := range s {
		dst[i] = (v + 1) / 2
	}
	return dst
}

// ToBipolar writes the ±1 form Sᵢ = 2Vᵢ − 1 of the 0/1 state v into dst,
// allocating dst when it is nil, and returns it.
func ToBipolar(dst, v []int8) []int8 {
	dst = sized(dst, len(v))
	for i, x := range v {
		dst[i] = 2*x - 1
	}
	return dst
}

func sized(dst []int8, n int) []int8 {
	if dst == nil {
		return make([]int8, n)
	}
	if len(dst) != n {
		panic("classical: destination length mismatch")
	}
	return dst
}

// NoisyCopy writes into dst a copy of the ±1 state src with exactly k distinct
// positions flipped, chosen uniformly among all k-subsets, and returns dst
// (allocated when nil). It allocates nothing else.
func NoisyCopy(dst, src []int8, k int, rng *rand.Rand) ([]int8, error) {
	n := len(src)
	if k < 0 || k > n {
		return dst, fmt.Errorf("classical: k = %d flips, want 0 ≤ k ≤ %d", k, n)
	}
	if dst != nil && len(dst) != n {
		return dst, fmt.Errorf("classical: dst has length %d, want %d", len(dst), n)
	}
	if rng == nil {
		return dst, fmt.Errorf("classical: rng is nil")
	}
	dst = sized(dst, n)
	// Selection sampling (Knuth, TAOCP vol. 2, Algorithm S): position i is
	// chosen with probability (k − chosen)/(n − i), which picks exactly k.
	left := k
	for i, v := range src {
		if left > 0 && rng.IntN(n-i) < left {
			dst[i] = -v
			left--
		} else {
			dst[i] = v
		}
	}
	return dst, nil
}

// RandomPatterns returns p independent ±1 patterns of length n with
// P(ξᵢ = +1) = ½.
func RandomPatterns(p, n int, rng *rand.Rand) ([][]int8, error) {
	return CorrelatedPatterns(p, n, 0, rng)
}

// CorrelatedPatterns returns p ±1 patterns of length n drawn around a common
// random parent pattern ζ: each ξᵢ^μ equals ζᵢ with probability (1+c)/2 and
// −ζᵢ otherwise, independently. Each pattern has expected overlap c with the
// parent and two distinct patterns have expected overlap c². c = 0 gives
// independent unbiased patterns.
func CorrelatedPatterns(p, n int, c float64, rng *rand.Rand) ([][]int8, error) {
	if err := checkSize("p", p); err != nil {
		return nil, err
	}
	if err := checkSize("n", n); err != nil {
		return nil, err
	}
	if !(c >= 0 && c <= 1) {
		return nil, fmt.Errorf("classical: correlation c = %v, want 0 ≤ c ≤ 1", c)
	}
	if rng == nil {
		return nil, fmt.Errorf("classical: rng is nil")
	}
	parent := make([]int8, n)
	for i := range parent {
		parent[i] = randSpin(rng)
	}
	flat := make([]int8, p*n)
	out := make([][]int8, p)
	keep := (1 + c) / 2
	for mu := range out {
		x := flat[mu*n : (mu+1)*n : (mu+1)*n]
		for i := range x {
			if c == 0 {
				x[i] = randSpin(rng)
			} else if rng.Float64() < keep {
				x[i] = parent[i]
			} else {
				x[i] = -parent[i]
			}
		}
		out[mu] = x
	}
	return out, nil
}

func randSpin(rng *rand.Rand) int8 {
	if rng.Uint64()&1 == 0 {
		return -1
	}
	return 1
}
