package layers

import (
	gblas "gonum.org/v1/gonum/blas"

	"github.com/gohopfield/hopfield/internal/blas"
)

// gemm computes C = α·op(A)·op(B) + β·C for row-major matrices through the
// library's BLAS backend (OpenBLAS when it loads, gonum otherwise; see
// internal/blas).
func gemm[T Float](tA, tB gblas.Transpose, m, n, k int, alpha T, a []T, lda int, b []T, ldb int, beta T, c []T, ldc int) {
	if m == 0 || n == 0 {
		return
	}
	blas.Gemm(tA, tB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
}
