package lagrangian

import (
	"math"

	"github.com/gohopfield/hopfield/internal/vmath"
)

// float32 fast paths for the activations built on exponentials. They run
// when T is float32 itself (the type is checked once per call, not per
// element) and evaluate exponentials eight at a time through
// internal/vmath; every other combination uses the float64 loops.
//
// Accuracy: vmath.ExpTo is within 1 ulp of the correctly rounded
// exponential of its float32 argument y = a·(x − c); rounding β, x − c
// and y to float32 adds a relative error of up to 3|y|·2⁻²⁴ to e^y
// (2|y|·2⁻²⁴ when c = 0). Elementwise, for |y| ≲ 15 that stays within the
// 2e-6 agreement with float64 that the tests check; softmax weights are
// affected only where they are below e^y.

func asFloat32[T Float](s []T) ([]float32, bool) {
	f, ok := any(s).([]float32)
	return f, ok
}

// softmaxTo32 is softmaxTo for float32 once the maximum m is known finite.
func softmaxTo32(dst []float32, beta float64, x []float32, ghost, m float64) {
	vmath.ExpTo(dst, x, float32(beta), float32(m))
	s := math.Exp(beta*(ghost-m)) + vmath.Sum(dst)
	inv := float32(1 / s)
	for i := range dst {
		dst[i] *= inv
	}
}

// chunk32 is the block length of the two-pass float32 kernels: t is
// computed for a block into a stack buffer, then combined with x, so that
// dst may be x.
const chunk32 = 256

// expAbs writes e^{a·|x[i]|} into t.
func expAbs(t, x []float32, a float32) {
	for i, v := range x {
		t[i] = math.Float32frombits(math.Float32bits(v) &^ (1 << 31))
	}
	vmath.ExpTo(t, t, a, 0)
}

// logisticTo32 writes 1/(1 + e^{−βx}) into dst from t = e^{−β|x|}:
// 1/(1 + t) for x ≥ 0 and t/(1 + t) for x < 0, so neither tail overflows.
// The choice is made on the sign bit, without a branch to mispredict.
func logisticTo32(dst []float32, beta float32, x []float32) {
	var buf [chunk32]float32
	for lo := 0; lo < len(x); lo += chunk32 {
		xs := x[lo:min(lo+chunk32, len(x))]
		t := buf[:len(xs)]
		expAbs(t, xs, -beta)
		d := dst[lo : lo+len(xs)]
		for i, ti := range t {
			r := 1 / (1 + ti)
			neg := signMask(xs[i])
			d[i] = selectBits(neg, ti*r, r)
		}
	}
}

// signMask returns all ones when the sign bit of v is set, else 0.
func signMask(v float32) uint32 { return uint32(int32(math.Float32bits(v)) >> 31) }

// selectBits returns a where mask is all ones and b where it is 0.
func selectBits(mask uint32, a, b float32) float32 {
	return math.Float32frombits(math.Float32bits(a)&mask | math.Float32bits(b)&^mask)
}

// tanhSmall bounds |βx| below which tanh is evaluated by its Taylor
// series; above it, (1 − t)/(1 + t) with t = e^{−2|βx|} loses at most
// t/(1 − t) < 1.6 ulp to cancellation.
const tanhSmall = 0.25

// tanhTo32 writes tanh(βx) into dst. Both forms are computed and one is
// chosen by a mask built from the bits of |βx| (ordered like the values
// for non-negative floats), so random inputs cost no mispredicted branch.
func tanhTo32(dst []float32, beta float32, x []float32) {
	small := int32(math.Float32bits(tanhSmall))
	var buf [chunk32]float32
	for lo := 0; lo < len(x); lo += chunk32 {
		xs := x[lo:min(lo+chunk32, len(x))]
		t := buf[:len(xs)]
		expAbs(t, xs, -2*beta)
		d := dst[lo : lo+len(xs)]
		for i, ti := range t {
			xi := xs[i]
			ay := int32(math.Float32bits(beta*xi) &^ (1 << 31))
			isSmall := uint32((ay - small) >> 31)
			series := float32(tanhSeries(float64(beta) * float64(xi)))
			exp := math.Float32frombits(math.Float32bits((1-ti)/(1+ti)) | math.Float32bits(xi)&(1<<31))
			d[i] = selectBits(isSmall, series, exp)
		}
	}
}

// tanhSeries is the Taylor series of tanh to y¹¹; for |y| < ¼ the first
// omitted term, (21844/6081075)·y¹³, is below 3e-10·|y|.
func tanhSeries(y float64) float64 {
	y2 := y * y
	return y * (1 + y2*(-1.0/3+y2*(2.0/15+y2*(-17.0/315+y2*(62.0/2835+y2*(-1382.0/155925))))))
}

// max32 returns the largest element of x, NaN if any element is NaN, and
// −Inf for an empty slice.
func max32(x []float32) float64 {
	m, nan := vmath.Max(x)
	if nan {
		return math.NaN()
	}
	return float64(m)
}
