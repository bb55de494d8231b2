package blas

import "gonum.org/v1/gonum/blas/gonum"

// gonumBackend runs the routines in pure Go (gonum.org/v1/gonum/blas/gonum),
// which parallelises large products over GOMAXPROCS goroutines.
type gonumBackend struct{}

var gonumImpl gonum.Implementation

func (gonumBackend) sgemm(tA, tB Transpose, m, n, k int, alpha float32, a []float32, lda int, b []float32, ldb int, beta float32, c []float32, ldc int) {
	gonumImpl.Sgemm(tA, tB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
}

func (gonumBackend) dgemm(tA, tB Transpose, m, n, k int, alpha float64, a []float64, lda int, b []float64, ldb int, beta float64, c []float64, ldc int) {
	gonumImpl.Dgemm(tA, tB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
}

func (gonumBackend) sgemv(tA Transpose, m, n int, alpha float32, a []float32, lda int, x []float32, incX int, beta float32, y []float32, incY int) {
	gonumImpl.Sgemv(tA, m, n, alpha, a, lda, x, incX, beta, y, incY)
}

func (gonumBackend) dgemv(tA Transpose, m, n int, alpha float64, a []float64, lda int, x []float64, incX int, beta float64, y []float64, incY int) {
	gonumImpl.Dgemv(tA, m, n, alpha, a, lda, x, incX, beta, y, incY)
}

// gonum v0.11.0's syrk with A transposed and the lower triangle computes
// C·β with β = 0, so NaN already in C survives; zeroing the triangle first
// gives the BLAS meaning, β = 0 ignores C.
func (gonumBackend) ssyrk(ul Uplo, tA Transpose, n, k int, alpha float32, a []float32, lda int, beta float32, c []float32, ldc int) {
	if beta == 0 {
		scaleTriangle(ul, n, beta, c, ldc)
	}
	gonumImpl.Ssyrk(ul, tA, n, k, alpha, a, lda, beta, c, ldc)
}

func (gonumBackend) dsyrk(ul Uplo, tA Transpose, n, k int, alpha float64, a []float64, lda int, beta float64, c []float64, ldc int) {
	if beta == 0 {
		scaleTriangle(ul, n, beta, c, ldc)
	}
	gonumImpl.Dsyrk(ul, tA, n, k, alpha, a, lda, beta, c, ldc)
}
