package attention

import (
	"math"
	"math/rand/v2"
	"testing"
)

// reference is the direct float64 formula of one update for one query:
// scores z = Xξ, p = softmax(βz) over the patterns not excluded, and
// out = Vᵀp, together with lse(β, z).
func reference(keys, values []float64, d, dv int, q []float64, beta float64, excl map[int]bool) (out []float64, lse float64) {
	m := len(keys) / d
	z := make([]float64, m)
	zmax := math.Inf(-1)
	for i := range m {
		if excl[i] {
			continue
		}
		for j := range d {
			z[i] += keys[i*d+j] * q[j]
		}
		zmax = math.Max(zmax, z[i])
	}
	var sum float64
	p := make([]float64, m)
	for i := range m {
		if !excl[i] {
			p[i] = math.Exp(beta * (z[i] - zmax))
			sum += p[i]
		}
	}
	out = make([]float64, dv)
	for i := range m {
		for j := range dv {
			out[j] += p[i] / sum * values[i*dv+j]
		}
	}
	return out, zmax + math.Log(sum)/beta
}

// referenceEnergy is E(ξ) = −lse(β, Xξ) + ½ξᵀξ + β⁻¹ log M + ½ max‖xᵢ‖².
func referenceEnergy(keys []float64, d int, q []float64, beta float64) float64 {
	_, lse := reference(keys, keys, d, d, q, beta, nil)
	m := len(keys) / d
	var n2, max2 float64
	for _, v := range q {
		n2 += v * v
	}
	for i := range m {
		var s float64
		for _, v := range keys[i*d : (i+1)*d] {
			s += v * v
		}
		max2 = math.Max(max2, s)
	}
	return -lse + n2/2 + math.Log(float64(m))/beta + max2/2
}

func gaussian(rng *rand.Rand, n int, sd float64) []float64 {
	x := make([]float64, n)
	for i := range x {
		x[i] = rng.NormFloat64() * sd
	}
	return x
}

func to32(x []float64) []float32 {
	y := make([]float32, len(x))
	for i, v := range x {
		y[i] = float32(v)
	}
	return y
}

func to64[T Float](x []T) []float64 {
	y := make([]float64, len(x))
	for i, v := range x {
		y[i] = float64(v)
	}
	return y
}

func convert[T Float](x []float64) []T {
	y := make([]T, len(x))
	for i, v := range x {
		y[i] = T(v)
	}
	return y
}

// closeVec fails t when |got − want| > tol·max(1, |want|) anywhere.
func closeVec(t *testing.T, what string, got, want []float64, tol float64) {
	t.Helper()
	for i := range want {
		if math.Abs(got[i]-want[i]) > tol*math.Max(1, math.Abs(want[i])) {
			t.Fatalf("%s[%d] = %.10g, want %.10g (tol %g)", what, i, got[i], want[i], tol)
		}
	}
}
