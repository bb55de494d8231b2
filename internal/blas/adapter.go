package blas

import (
	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/gonum"
)

// Implementation is a complete BLAS (gonum's blas.Float32, blas.Float64,
// blas.Complex64 and blas.Complex128) whose general and symmetric products
// (Sgemm, Dgemm, Sgemv, Dgemv, Ssyrk, Dsyrk) run on the backend this package
// selected; every other routine is gonum's. Hand it to Gorgonia so that its
// tensors and graphs multiply on OpenBLAS too:
//
//	tensor.Use(blas.Implementation{})
//	gorgonia.Use(blas.Implementation{})
type Implementation struct {
	gonum.Implementation
}

var (
	_ blas.Float32    = Implementation{}
	_ blas.Float64    = Implementation{}
	_ blas.Complex64  = Implementation{}
	_ blas.Complex128 = Implementation{}
)

// Sgemm is the package-level Sgemm.
func (Implementation) Sgemm(tA, tB blas.Transpose, m, n, k int, alpha float32, a []float32, lda int, b []float32, ldb int, beta float32, c []float32, ldc int) {
	Sgemm(tA, tB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
}

// Dgemm is the package-level Dgemm.
func (Implementation) Dgemm(tA, tB blas.Transpose, m, n, k int, alpha float64, a []float64, lda int, b []float64, ldb int, beta float64, c []float64, ldc int) {
	Dgemm(tA, tB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
}

// Sgemv is the package-level Sgemv.
func (Implementation) Sgemv(tA blas.Transpose, m, n int, alpha float32, a []float32, lda int, x []float32, incX int, beta float32, y []float32, incY int) {
	Sgemv(tA, m, n, alpha, a, lda, x, incX, beta, y, incY)
}

// Dgemv is the package-level Dgemv.
func (Implementation) Dgemv(tA blas.Transpose, m, n int, alpha float64, a []float64, lda int, x []float64, incX int, beta float64, y []float64, incY int) {
	Dgemv(tA, m, n, alpha, a, lda, x, incX, beta, y, incY)
}

// Ssyrk is the package-level Ssyrk.
func (Implementation) Ssyrk(ul blas.Uplo, tA blas.Transpose, n, k int, alpha float32, a []float32, lda int, beta float32, c []float32, ldc int) {
	Ssyrk(ul, tA, n, k, alpha, a, lda, beta, c, ldc)
}

// Dsyrk is the package-level Dsyrk.
func (Implementation) Dsyrk(ul blas.Uplo, tA blas.Transpose, n, k int, alpha float64, a []float64, lda int, beta float64, c []float64, ldc int) {
	Dsyrk(ul, tA, n, k, alpha, a, lda, beta, c, ldc)
}
