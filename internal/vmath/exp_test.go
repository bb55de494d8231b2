package vmath

import (
	"math"
	"testing"
)

// ulps returns the distance in units in the last place between two
// non-negative float32 values (their bit patterns are ordered).
func ulps(a, b float32) int64 {
	d := int64(math.Float32bits(a)) - int64(math.Float32bits(b))
	if d < 0 {
		return -d
	}
	return d
}

type kernel struct {
	name string
	run  func(dst, x []float32, a, c float32)
	// maxULP is the stated bound on the error against the correctly
	// rounded exponential of the float32 argument.
	maxULP int64
}

func kernels(t *testing.T) []kernel {
	ks := []kernel{{"go", expGo, 1}}
	if useAVX2 {
		ks = append(ks, kernel{"avx2", func(dst, x []float32, a, c float32) {
			n := len(x) &^ 7
			if n > 0 {
				expAVX2(&dst[0], &x[0], n, a, c, &expTable)
			}
			expGo(dst[n:], x[n:], a, c)
		}, 1})
	} else {
		t.Log("no AVX2+FMA on this machine: only the Go kernel is tested")
	}
	return ks
}

// Every kernel stays within its stated ulp bound of float32(math.Exp(y))
// over the whole range where e^y is a non-zero finite float32, sampled at
// every 61st bit pattern (about 36 million arguments).
func TestExpAccuracyOverFloat32Range(t *testing.T) {
	stride := uint32(61)
	if testing.Short() {
		stride = 4099
	}
	var ys []float32
	for _, sign := range []uint32{0, 1 << 31} {
		for bits := uint32(0); ; bits += stride {
			y := math.Float32frombits(bits | sign)
			if y > expHi || y < expLo {
				break
			}
			ys = append(ys, y)
		}
	}
	want := make([]float32, len(ys))
	for i, y := range ys {
		want[i] = float32(math.Exp(float64(y)))
	}
	for _, k := range kernels(t) {
		got := make([]float32, len(ys))
		k.run(got, ys, 1, 0)
		var worst int64
		var worstY float32
		for i := range ys {
			if d := ulps(got[i], want[i]); d > worst {
				worst, worstY = d, ys[i]
			}
		}
		t.Logf("%s: %d arguments, max error %d ulp (at y = %g)", k.name, len(ys), worst, worstY)
		if worst > k.maxULP {
			t.Errorf("%s: error %d ulp at y = %g (got %g, want %g), bound %d", k.name, worst, worstY,
				got[indexOf(ys, worstY)], want[indexOf(ys, worstY)], k.maxULP)
		}
	}
}

func indexOf(s []float32, v float32) int {
	for i, x := range s {
		if x == v {
			return i
		}
	}
	return -1
}

// Special values and the edges of the range.
func TestExpSpecialValues(t *testing.T) {
	inf, nan := float32(math.Inf(1)), float32(math.NaN())
	x := []float32{0, nan, inf, -inf, 200, -200, 88.72, 88.73, -103.9, -104.1, 1, -1}
	for _, k := range kernels(t) {
		// Repeat so that the AVX2 kernel sees every value in a full block.
		in := append(append([]float32(nil), x...), x...)
		got := make([]float32, len(in))
		k.run(got, in, 1, 0)
		for i, y := range in {
			want := float32(math.Exp(float64(y)))
			g := got[i]
			switch {
			case y != y:
				if g == g {
					t.Errorf("%s: exp(NaN) = %v", k.name, g)
				}
			case math.IsInf(float64(want), 1) || want == 0:
				if g != want {
					t.Errorf("%s: exp(%v) = %v, want %v", k.name, y, g, want)
				}
			case ulps(g, want) > k.maxULP:
				t.Errorf("%s: exp(%v) = %v, want %v", k.name, y, g, want)
			}
		}
		if got[0] != 1 {
			t.Errorf("%s: exp(0) = %v, want exactly 1", k.name, got[0])
		}
	}
}

// The scale a and centre c enter as y = a·(x − c) rounded to float32, and
// ExpTo handles every length (blocks of eight plus a scalar tail) and
// in-place use.
func TestExpToScaleCentreAndTails(t *testing.T) {
	const a, c = float32(-2.5), float32(0.75)
	for n := range 40 {
		x := make([]float32, n)
		for i := range x {
			x[i] = float32(i)*0.37 - 3
		}
		dst := make([]float32, n)
		ExpTo(dst, x, a, c)
		for i, xi := range x {
			want := float32(math.Exp(float64(a * (xi - c))))
			if ulps(dst[i], want) > 1 {
				t.Fatalf("n=%d: ExpTo[%d] = %v, want %v", n, i, dst[i], want)
			}
		}
		ExpTo(x, x, a, c)
		for i := range x {
			if x[i] != dst[i] {
				t.Fatalf("n=%d: in-place result differs at %d", n, i)
			}
		}
	}
	defer func() {
		if recover() == nil {
			t.Error("length mismatch did not panic")
		}
	}()
	ExpTo(make([]float32, 3), make([]float32, 4), 1, 0)
}

func BenchmarkExpTo(b *testing.B) {
	x := make([]float32, 4096)
	for i := range x {
		x[i] = float32(i%200)*0.1 - 10
	}
	dst := make([]float32, len(x))
	b.Run(Implementation(), func(b *testing.B) {
		for b.Loop() {
			ExpTo(dst, x, 1, 0)
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(x)), "ns/elem")
	})
	b.Run("go", func(b *testing.B) {
		for b.Loop() {
			expGo(dst, x, 1, 0)
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(x)), "ns/elem")
	})
	b.Run("math.Exp", func(b *testing.B) {
		for b.Loop() {
			for i, v := range x {
				dst[i] = float32(math.Exp(float64(v)))
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(x)), "ns/elem")
	})
}
