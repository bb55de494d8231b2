package vmath

import (
	"math"
	"math/rand/v2"
	"testing"
)

// withEachPath runs f with the AVX2 kernels (where the machine has them)
// and with the scalar Go loops.
func withEachPath(t *testing.T, f func(t *testing.T)) {
	saved := useAVX2
	defer func() { useAVX2 = saved }()
	if saved {
		t.Run("avx2", f)
	}
	useAVX2 = false
	t.Run("go", f)
}

func randSlice(rng *rand.Rand, n int) []float32 {
	s := make([]float32, n)
	for i := range s {
		s[i] = float32(rng.NormFloat64())
	}
	return s
}

// The row kernels agree with float64 loops within float32 rounding of
// the sums (bounded by n·2⁻²³·Σ|terms|), over shapes that exercise every
// block and tail of the AVX2 loops, padded rows (ld > n) included.
func TestRowKernelsMatchDirectLoops(t *testing.T) {
	withEachPath(t, func(t *testing.T) {
		rng := rand.New(rand.NewPCG(1, 2))
		for _, rows := range []int{0, 1, 3, 17} {
			for _, n := range []int{0, 1, 7, 8, 9, 31, 32, 33, 40, 64, 100, 256} {
				for _, pad := range []int{0, 3} {
					ld := n + pad
					x := randSlice(rng, rows*ld)
					q := randSlice(rng, n)
					w := randSlice(rng, rows)
					acc := randSlice(rng, n)
					dots := make([]float32, rows)
					DotRowsTo(dots, x, ld, q)
					for i := range rows {
						var want, mag float64
						for j := range n {
							p := float64(x[i*ld+j]) * float64(q[j])
							want += p
							mag += math.Abs(p)
						}
						if math.Abs(float64(dots[i])-want) > float64(n+1)*0x1p-23*mag {
							t.Fatalf("rows=%d n=%d ld=%d: dot[%d] = %v, want %v", rows, n, ld, i, dots[i], want)
						}
					}
					got := append([]float32(nil), acc...)
					AddWeightedRows(got, x, ld, w)
					for j := range n {
						want, mag := float64(acc[j]), math.Abs(float64(acc[j]))
						for i := range rows {
							p := float64(w[i]) * float64(x[i*ld+j])
							want += p
							mag += math.Abs(p)
						}
						if math.Abs(float64(got[j])-want) > float64(rows+1)*0x1p-23*mag {
							t.Fatalf("rows=%d n=%d ld=%d: acc[%d] = %v, want %v", rows, n, ld, j, got[j], want)
						}
					}
				}
			}
		}
	})
}

func TestRowKernelsPanicOnShortX(t *testing.T) {
	for name, f := range map[string]func(){
		"dot": func() { DotRowsTo(make([]float32, 3), make([]float32, 10), 4, make([]float32, 4)) },
		"add": func() { AddWeightedRows(make([]float32, 4), make([]float32, 10), 4, make([]float32, 3)) },
		"ld":  func() { DotRowsTo(make([]float32, 1), make([]float32, 10), 2, make([]float32, 3)) },
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: no panic", name)
				}
			}()
			f()
		}()
	}
}

func BenchmarkRowKernels(b *testing.B) {
	const rows, n = 1024, 256
	rng := rand.New(rand.NewPCG(3, 4))
	x, q, w := randSlice(rng, rows*n), randSlice(rng, n), randSlice(rng, rows)
	dst, acc := make([]float32, rows), make([]float32, n)
	gbps := func(b *testing.B) {
		b.ReportMetric(float64(4*rows*n)*float64(b.N)/b.Elapsed().Seconds()/1e9, "GB/s")
	}
	b.Run("DotRowsTo", func(b *testing.B) {
		for b.Loop() {
			DotRowsTo(dst, x, n, q)
		}
		gbps(b)
	})
	b.Run("AddWeightedRows", func(b *testing.B) {
		for b.Loop() {
			AddWeightedRows(acc, x, n, w)
		}
		gbps(b)
	})
}
