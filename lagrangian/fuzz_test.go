package lagrangian

import (
	"math"
	"testing"
)

// FuzzFloat32Activations compares the float32 activations of the
// exponential family (the AVX2 fast paths) with the float64 ones on
// arbitrary inputs: within a few ulp plus the 3|y|·2⁻²⁴ that rounding β,
// the shift x − max and the exponent y to float32 costs, and never NaN or
// Inf unless the float64 result is too.
//
//	go test ./lagrangian -run '^$' -fuzz FuzzFloat32Activations -fuzztime 30s
func FuzzFloat32Activations(f *testing.F) {
	f.Add(float32(0.1), float32(-3), float32(20), float32(-0.2), float32(1e-30), 1.0)
	f.Add(float32(88), float32(-88), float32(0), float32(1e4), float32(-1e4), 1e-3)
	f.Add(float32(0.24), float32(-0.26), float32(0.25), float32(3e-8), float32(-7), 1e3)
	// Found by fuzzing: β e^{βx} is finite where e^{βx} overflows float32;
	// a shifted softmax argument rounds three times; β itself rounds.
	f.Add(float32(88), float32(-88), float32(0), float32(1e4), float32(-1e4), 0.009)
	f.Add(float32(11), float32(-512), float32(-274), float32(8009.9), float32(-1e4), 0.004)
	f.Add(float32(-107.76), float32(-0.234), float32(-19.75), float32(-16), float32(-1.75), 1000.0/6)
	f.Fuzz(func(t *testing.T, a, b, c, d, e float32, beta float64) {
		if !(beta >= 1e-3 && beta <= 1e3) {
			t.Skip()
		}
		x32 := []float32{a, b, c, d, e, a, b, c, d, e} // long enough for a vector block
		for _, v := range x32 {
			if math.IsNaN(float64(v)) || math.IsInf(float64(v), 0) || math.Abs(float64(v)) > 1e4 {
				t.Skip()
			}
		}
		x64 := widen(x32)
		m := maxOf(x64)
		pairs := []struct {
			a Lagrangian[float32]
			b Lagrangian[float64]
			y func(x float64) float64 // the exponent whose rounding costs accuracy
		}{
			{Must(NewExponential[float32](beta)), Must(NewExponential[float64](beta)), func(x float64) float64 { return beta * x }},
			{Must(NewExpSum[float32](beta)), Must(NewExpSum[float64](beta)), func(x float64) float64 { return beta * x }},
			{Must(NewTanh[float32](beta)), Must(NewTanh[float64](beta)), func(x float64) float64 { return 2 * beta * x }},
			{Must(NewSigmoid[float32](beta)), Must(NewSigmoid[float64](beta)), func(x float64) float64 { return beta * x }},
			{Must(NewLogSumExp[float32](beta)), Must(NewLogSumExp[float64](beta)), func(x float64) float64 { return beta * (x - m) }},
			{Must(NewGhostmax[float32](beta)), Must(NewGhostmax[float64](beta)), func(x float64) float64 { return beta * (x - math.Max(m, 0)) }},
		}
		for _, p := range pairs {
			g32, g64 := Activation(p.a, x32), Activation(p.b, x64)
			for i, want := range g64 {
				got := float64(g32[i])
				if math.IsInf(want, 0) || want > math.MaxFloat32 {
					continue // beyond float32: +Inf is right, checked elsewhere
				}
				if math.IsNaN(got) || math.IsInf(got, 0) {
					t.Fatalf("%v at x = %v: float32 gives %v, float64 %v", p.a, x32[i], got, want)
				}
				// β, x − max and β(x − max) are each rounded to float32:
				// 3|y|·2⁻²⁴.
				tol := (8*0x1p-24+3*math.Abs(p.y(x64[i]))*0x1p-24)*math.Abs(want) + 0x1p-126
				if math.Abs(got-want) > tol {
					t.Fatalf("%v at x = %v: float32 %.9g, float64 %.9g (tolerance %.3g)", p.a, x32[i], got, want, tol)
				}
			}
		}
	})
}
