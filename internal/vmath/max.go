package vmath

import "math"

// Max returns the largest element of x (−Inf for an empty x) and whether
// x holds a NaN, in which case the maximum is meaningless.
func Max(x []float32) (m float32, nan bool) {
	m = float32(math.Inf(-1))
	n := 0
	if useAVX2 && len(x) >= 32 {
		n = len(x) &^ 31
		m, nan = maxAVX2(&x[0], n)
	}
	for _, v := range x[n:] {
		if v > m {
			m = v
		}
		nan = nan || v != v
	}
	return m, nan
}

// Sum returns Σx accumulated in float64.
func Sum(x []float32) float64 {
	var s float64
	n := 0
	if useAVX2 && len(x) >= 16 {
		n = len(x) &^ 15
		s = sumAVX2(&x[0], n)
	}
	for _, v := range x[n:] {
		s += float64(v)
	}
	return s
}
