package attention

import (
	"math/rand/v2"
	"testing"

	"github.com/gohopfield/hopfield/internal/blas"
)

// Retrieval benchmarks in float32 on the shapes of the design notes:
//
//	go test ./attention -run '^$' -bench Retrieve -count 5

func benchMemory(b *testing.B, m, d int) *Memory[float32] {
	b.Helper()
	rng := rand.New(rand.NewPCG(1, 1))
	keys := make([]float32, m*d)
	for i := range keys {
		keys[i] = float32(rng.NormFloat64() * 0.0625)
	}
	mem, err := NewMemory(d, keys, nil)
	if err != nil {
		b.Fatal(err)
	}
	return mem
}

func benchQueries(b, d int) []float32 {
	rng := rand.New(rand.NewPCG(2, 2))
	q := make([]float32, b*d)
	for i := range q {
		q[i] = float32(rng.NormFloat64())
	}
	return q
}

// BenchmarkRetrieveB1024: B = 1024 queries, M = 100 000 patterns, D = 256,
// one step; GFLOP/s counts the two products, 4·B·M·D flops.
func BenchmarkRetrieveB1024(b *testing.B) {
	const batch, m, d = 1024, 100_000, 256
	mem := benchMemory(b, m, d)
	q := benchQueries(batch, d)
	out := make([]float32, batch*d)
	var res Result
	b.ReportAllocs()
	for b.Loop() {
		if err := mem.Retrieve(out, q, 1, nil, &res); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(4*batch*m*d*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
}

// BenchmarkRetrieveB1: one query against M = 100 000 patterns of D = 256;
// GB/s is the bytes of X over the time of one retrieval.
func BenchmarkRetrieveB1(b *testing.B) {
	const m, d = 100_000, 256
	mem := benchMemory(b, m, d)
	q := benchQueries(1, d)
	out := make([]float32, d)
	var res Result
	b.ReportAllocs()
	for b.Loop() {
		if err := mem.Retrieve(out, q, 1, nil, &res); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(4*m*d*float64(b.N)/b.Elapsed().Seconds()/1e9, "GB/s")
}

// BenchmarkRetrieveSmall: one query, M = 1024, D = 64, three steps.
func BenchmarkRetrieveSmall(b *testing.B) {
	const m, d = 1024, 64
	mem := benchMemory(b, m, d)
	q := benchQueries(1, d)
	out := make([]float32, d)
	var res Result
	s := &Settings{Steps: 3}
	b.ReportAllocs()
	for b.Loop() {
		if err := mem.Retrieve(out, q, 1, s, &res); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N), "µs/retrieval")
}

// BenchmarkMatrixProductsB1024 runs only the two products of the matrix
// path on the shape of BenchmarkRetrieveB1024 (scores Q·Kᵀ and weighted
// sums S·V, block by block), without the softmax: the ceiling that the
// BLAS backend sets for that benchmark on this machine.
func BenchmarkMatrixProductsB1024(b *testing.B) {
	const batch, m, d = 1024, 100_000, 256
	keys := benchQueries(blockRows, d)
	q := benchQueries(batch, d)
	s := make([]float32, batch*blockRows)
	acc := make([]float32, batch*d)
	for b.Loop() {
		for done := 0; done < m; done += blockRows {
			n := min(blockRows, m-done)
			gemm(blas.NoTrans, blas.Trans, batch, n, d, 1, q, d, keys[:n*d], d, 0, s[:batch*n], n)
			gemm(blas.NoTrans, blas.NoTrans, batch, d, n, 1, s[:batch*n], n, keys[:n*d], d, 1, acc, d)
		}
	}
	b.ReportMetric(4*batch*m*d*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
}
