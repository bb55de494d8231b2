package attention

import (
	"math"

	"github.com/gohopfield/hopfield/internal/vmath"
)

// Kernels over one block of rows, dispatched on the element type once per
// call: float32 goes to the vectorised kernels of internal/vmath, other
// types to plain loops accumulating in float64.

// dotRows writes dst[i] = x_i·q for the len(dst) rows of x (width len(q)).
func dotRows[T Float](dst, x []T, q []T) {
	if d32, ok := any(dst).([]float32); ok {
		vmath.DotRowsTo(d32, any(x).([]float32), len(q), any(q).([]float32))
		return
	}
	n := len(q)
	for i := range dst {
		row := x[i*n : (i+1)*n]
		var s float64
		for j, v := range row {
			s += float64(v) * float64(q[j])
		}
		dst[i] = T(s)
	}
}

// addWeightedRows adds Σᵢ w[i]·x_i to acc, x having len(w) rows of width
// len(acc).
func addWeightedRows[T Float](acc, x []T, w []T) {
	if a32, ok := any(acc).([]float32); ok {
		vmath.AddWeightedRows(a32, any(x).([]float32), len(acc), any(w).([]float32))
		return
	}
	n := len(acc)
	for i, wi := range w {
		row := x[i*n : (i+1)*n]
		for j, v := range row {
			acc[j] += wi * v
		}
	}
}

// expShifted writes e^{β(s[i] − c)} into dst (dst may be s).
func expShifted[T Float](dst, s []T, beta, c float64) {
	if d32, ok := any(dst).([]float32); ok {
		vmath.ExpTo(d32, any(s).([]float32), float32(beta), float32(c))
		return
	}
	for i, v := range s {
		dst[i] = T(math.Exp(beta * (float64(v) - c)))
	}
}

// maxOf returns the largest element of s (−Inf when empty), with four
// running maxima to shorten the dependency chain. Scores are never NaN:
// patterns and queries are checked finite.
func maxOf[T Float](s []T) float64 {
	if s32, ok := any(s).([]float32); ok {
		m, _ := vmath.Max(s32)
		return float64(m)
	}
	inf := T(math.Inf(-1))
	m0, m1, m2, m3 := inf, inf, inf, inf
	i := 0
	for ; i+4 <= len(s); i += 4 {
		if s[i] > m0 {
			m0 = s[i]
		}
		if s[i+1] > m1 {
			m1 = s[i+1]
		}
		if s[i+2] > m2 {
			m2 = s[i+2]
		}
		if s[i+3] > m3 {
			m3 = s[i+3]
		}
	}
	for ; i < len(s); i++ {
		if s[i] > m0 {
			m0 = s[i]
		}
	}
	return float64(max(max(m0, m1), max(m2, m3)))
}

// sumOf returns Σs in float64.
func sumOf[T Float](s []T) float64 {
	if s32, ok := any(s).([]float32); ok {
		return vmath.Sum(s32)
	}
	var a, b float64
	i := 0
	for ; i+2 <= len(s); i += 2 {
		a += float64(s[i])
		b += float64(s[i+1])
	}
	if i < len(s) {
		a += float64(s[i])
	}
	return a + b
}

func scale[T Float](x []T, c float64) {
	ct := T(c)
	for i := range x {
		x[i] *= ct
	}
}
