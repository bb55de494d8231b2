package lagrangian

import "math"

// Scalar helpers shared by the catalogue. They work in float64, return
// NaN for NaN input, and avoid overflow where the true result is finite.

// relu returns max(x, 0), keeping NaN.
func relu(x float64) float64 {
	if x < 0 {
		return 0
	}
	return x
}

// step returns 1 for x > 0, 0 for x ≤ 0 and NaN for NaN.
func step(x float64) float64 {
	switch {
	case x > 0:
		return 1
	case x <= 0:
		return 0
	}
	return x
}

// softplus returns log(1 + eʸ) without overflow:
// max(y, 0) + log1p(e^−|y|).
func softplus(y float64) float64 {
	return math.Max(y, 0) + math.Log1p(math.Exp(-math.Abs(y)))
}

// logistic returns 1/(1 + e^−y), evaluated on the side that cannot
// overflow.
func logistic(y float64) float64 {
	if y >= 0 {
		return 1 / (1 + math.Exp(-y))
	}
	e := math.Exp(y)
	return e / (1 + e)
}

// logisticSlope returns σ(y)(1 − σ(y)) = e^−|y| / (1 + e^−|y|)², which
// keeps full relative precision where σ(y) is close to 1.
func logisticSlope(y float64) float64 {
	e := math.Exp(-math.Abs(y))
	return e / ((1 + e) * (1 + e))
}

// logCosh returns log cosh(y) = |y| + log1p(e^−2|y|) − log 2.
func logCosh(y float64) float64 {
	a := math.Abs(y)
	return a + math.Log1p(math.Exp(-2*a)) - math.Ln2
}

// sech2 returns 1 − tanh²(y) = 4e^−2|y| / (1 + e^−2|y|)², accurate where
// tanh(y) is close to ±1.
func sech2(y float64) float64 {
	e := math.Exp(-2 * math.Abs(y))
	return 4 * e / ((1 + e) * (1 + e))
}

// pow returns xⁿ, by repeated squaring when n is a small integer.
func pow(x, n float64) float64 {
	if n == math.Trunc(n) && math.Abs(n) <= 64 {
		return powInt(x, int(n))
	}
	return math.Pow(x, n)
}

func powInt(x float64, n int) float64 {
	if n < 0 {
		return 1 / powInt(x, -n)
	}
	r := 1.0
	for n > 0 {
		if n&1 == 1 {
			r *= x
		}
		x *= x
		n >>= 1
	}
	return r
}

// maxOf returns the largest element of x, NaN if any element is NaN, and
// −Inf for an empty slice.
func maxOf[T Float](x []T) float64 {
	if x32, ok := asFloat32(x); ok {
		return max32(x32)
	}
	m := math.Inf(-1)
	for _, xi := range x {
		f := float64(xi)
		if f != f {
			return f
		}
		if f > m {
			m = f
		}
	}
	return m
}

// fillNaN sets every element of dst to NaN.
func fillNaN[T Float](dst []T) {
	nan := T(math.NaN())
	for i := range dst {
		dst[i] = nan
	}
}
