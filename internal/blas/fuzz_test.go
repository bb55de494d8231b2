package blas

import (
	"math/rand/v2"
	"testing"
)

// FuzzSgemm compares the selected backend with the reference loop on shapes,
// flags, padding and scalars drawn from the fuzzer's input.
func FuzzSgemm(f *testing.F) {
	f.Add(uint64(1), uint8(3), uint8(4), uint8(5), uint8(0), uint8(0), uint8(0))
	f.Add(uint64(2), uint8(0), uint8(7), uint8(2), uint8(1), uint8(2), uint8(3))
	f.Add(uint64(3), uint8(33), uint8(1), uint8(0), uint8(2), uint8(1), uint8(7))
	f.Add(uint64(4), uint8(64), uint8(65), uint8(66), uint8(3), uint8(5), uint8(2))
	f.Fuzz(func(t *testing.T, seed uint64, m8, n8, k8, flags, pad, scal uint8) {
		m, n, k := int(m8%80), int(n8%80), int(k8%80)
		tA, tB := transp[flags%3], transp[(flags/3)%3]
		rnd := rand.New(rand.NewPCG(seed, 0))
		_, ca := stored(tA, m, k)
		_, cb := stored(tB, k, n)
		lda, ldb, ldc := max(1, ca)+int(pad%3), max(1, cb)+int(pad/3%3), max(1, n)+int(pad/9%3)
		alpha, beta := float32(alphas[scal%4]), float32(betas[scal/4%4])
		ra, _ := stored(tA, m, k)
		rb, _ := stored(tB, k, n)
		a := randSlice[float32](rnd, need(ra, ca, lda))
		b := randSlice[float32](rnd, need(rb, cb, ldb))
		c := randSlice[float32](rnd, need(m, n, ldc))
		want, tol := refGemm(tA, tB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
		Sgemm(tA, tB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
		for i := range m {
			for j := range n {
				if got := float64(c[i*ldc+j]); !closeTo(got, want[i*n+j], tol[i*n+j]) {
					t.Fatalf("%s: C[%d][%d] = %v, want %v ± %.3g", Backend(), i, j, got, want[i*n+j], tol[i*n+j])
				}
			}
		}
	})
}
