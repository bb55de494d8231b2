// Package vmath holds vectorised elementwise kernels over float32 slices.
//
// ExpTo evaluates exponentials eight at a time with AVX2 and FMA where the
// processor has them, and with a scalar Go loop elsewhere; both are tested
// for accuracy against math.Exp over the whole float32 range.
package vmath

import "math"

// The AVX2 kernel computes the exponential by range reduction (Cody &
// Waite 1980; Muller, Elementary Functions, ch. 11): with y = a·(x − c),
// k = round(y/ln 2) and r = y − k·ln 2 (|r| ≤ ½ ln 2, ln 2 split in a
// high part exact in few bits and a low correction), e^y = 2^k · e^r, and
// e^r is its Taylor
// polynomial of degree 7, whose truncation error is below
// (½ ln 2)⁸/8! < 5.3e-9 relative, under 0.05 ulp of float32. 2^k is
// applied in two halves, 2^⌊k/2⌋·2^{k−⌊k/2⌋}, so that results overflow to
// +Inf and underflow gradually through the subnormals exactly where the
// true value leaves the float32 range.
const (
	expLo    = -104 // e^-104 is below half the smallest subnormal float32
	expHi    = 89   // e^89 is above the largest float32
	log2e    = 1.44269504088896340736
	ln2Hi    = 0.693359375 // 355/512, so k·ln2Hi is exact for |k| < 2^15
	ln2Lo    = -2.12194440e-4
	expBias  = 127
	expCoef7 = 1.0 / 5040
	expCoef6 = 1.0 / 720
	expCoef5 = 1.0 / 120
	expCoef4 = 1.0 / 24
	expCoef3 = 1.0 / 6
	expCoef2 = 1.0 / 2
)

// ExpTo writes e^{a·(x[i] − c)} into dst[i] for every i. dst may be x.
//
// The difference x − c and the product a·(x − c) are rounded to float32
// before exponentiating, as any float32 exponential of a computed argument
// is; the exponential of that float32 argument y is within 1 ulp of the
// correctly rounded e^y on both paths (for the AVX2 path checked at every
// float32 argument by TestExpExhaustive; the regular tests sample every
// 61st). NaN gives NaN;
// results below the smallest subnormal are 0 and results above the
// largest float32 are +Inf.
func ExpTo(dst, x []float32, a, c float32) {
	if len(dst) != len(x) {
		panic("vmath: ExpTo: len(dst) != len(x)")
	}
	n := 0
	if useAVX2 {
		n = len(x) &^ 7
		if n > 0 {
			expAVX2(&dst[0], &x[0], n, a, c, &expTable)
		}
	}
	expGo(dst[n:], x[n:], a, c)
}

// expGo is the scalar path: math.Exp of the float32 argument, rounded
// once (math.Exp is within 1 ulp of float64, so the float32 result is
// correctly rounded but for rare double-rounding ties).
func expGo(dst, x []float32, a, c float32) {
	for i, xi := range x {
		dst[i] = float32(math.Exp(float64(a * (xi - c))))
	}
}

// expTable holds the constants of the AVX2 kernel, each broadcast to eight
// lanes so that instructions can take them as 256-bit memory operands.
var expTable = func() (t [14][8]float32) {
	vals := [...]float32{expLo, expHi, log2e, ln2Hi, ln2Lo,
		expCoef7, expCoef6, expCoef5, expCoef4, expCoef3, expCoef2, 1, 1}
	for i, v := range vals {
		for j := range 8 {
			t[i][j] = v
		}
	}
	for j := range 8 {
		t[13][j] = math.Float32frombits(expBias)
	}
	return t
}()

// Implementation names the kernel ExpTo uses on this machine.
func Implementation() string {
	if useAVX2 {
		return "avx2+fma"
	}
	return "go"
}
