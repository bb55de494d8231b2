package blas

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// benchBackends is eachBackend for benchmarks: gonum, then OpenBLAS when it
// loads.
func benchBackends(b *testing.B, f func(b *testing.B, be backend)) {
	b.Run("gonum", func(b *testing.B) { f(b, gonumBackend{}) })
	b.Run("openblas", func(b *testing.B) {
		be, _, err := loadOpenBLAS()
		if err != nil {
			b.Skip("OpenBLAS half skipped: " + err.Error())
		}
		f(b, be)
	})
}

// BenchmarkSgemm measures C = A·op(B) at retrieval shapes, scores = Q·Xᵀ with
// B queries, M memories of dimension d, and at a square 1024³ product.
func BenchmarkSgemm(b *testing.B) {
	shapes := []struct {
		name    string
		tB      Transpose
		m, n, k int
	}{
		{"scores/B=64,M=100000,d=256", Trans, 64, 100000, 256},
		{"scores/B=1024,M=100000,d=256", Trans, 1024, 100000, 256},
		{"square/1024", NoTrans, 1024, 1024, 1024},
		{"tiny/8", NoTrans, 8, 8, 8},
	}
	benchBackends(b, func(b *testing.B, be backend) {
		for _, s := range shapes {
			b.Run(s.name, func(b *testing.B) {
				rnd := rand.New(rand.NewPCG(1, 1))
				x := randSlice[float32](rnd, s.m*s.k)
				y := randSlice[float32](rnd, s.k*s.n)
				c := make([]float32, s.m*s.n)
				ldb := s.n
				if s.tB != NoTrans {
					ldb = s.k
				}
				b.ReportAllocs()
				for b.Loop() {
					sgemmOn(be, NoTrans, s.tB, s.m, s.n, s.k, 1, x, s.k, y, ldb, 0, c, s.n)
				}
				flops := 2 * float64(s.m) * float64(s.n) * float64(s.k)
				b.ReportMetric(flops*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
			})
		}
	})
}

// BenchmarkSgemv measures one query's scores against M×d memories, y = X·q,
// which reads X once and is bound by memory bandwidth.
func BenchmarkSgemv(b *testing.B) {
	benchBackends(b, func(b *testing.B, be backend) {
		for _, m := range []int{1000, 100000} {
			const d = 256
			b.Run(fmt.Sprintf("M=%d,d=%d", m, d), func(b *testing.B) {
				rnd := rand.New(rand.NewPCG(2, 2))
				x := randSlice[float32](rnd, m*d)
				q := randSlice[float32](rnd, d)
				y := make([]float32, m)
				b.ReportAllocs()
				for b.Loop() {
					sgemvOn(be, NoTrans, m, d, 1, x, d, q, 1, 0, y, 1)
				}
				sec := b.Elapsed().Seconds() / float64(b.N)
				b.ReportMetric(2*float64(m*d)/sec/1e9, "GFLOP/s")
				b.ReportMetric(4*float64(m*d)/sec/1e9, "GB/s")
			})
		}
	})
}

// BenchmarkSsyrk measures the Hebbian sum W = Σ_μ ξ^μ ξ^μᵀ over P patterns
// of N units (n³-style flop count n·n·P for the triangle).
func BenchmarkSsyrk(b *testing.B) {
	const n, p = 1024, 512
	benchBackends(b, func(b *testing.B, be backend) {
		rnd := rand.New(rand.NewPCG(3, 3))
		xi := randSlice[float32](rnd, p*n)
		w := make([]float32, n*n)
		b.ReportAllocs()
		for b.Loop() {
			ssyrkOn(be, Upper, Trans, n, p, 1, xi, n, 0, w, n)
		}
		b.ReportMetric(float64(n)*float64(n+1)*p*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
	})
}
