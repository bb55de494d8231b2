package blas

import (
	"gonum.org/v1/gonum/blas"
)

// Transpose says whether an operand enters a product as stored (NoTrans) or
// transposed (Trans). It is gonum's type, so values pass straight through the
// Gorgonia adapter; ConjTrans means Trans for real matrices.
type Transpose = blas.Transpose

// Uplo says which triangle of a symmetric matrix is read and written.
type Uplo = blas.Uplo

// Operand and triangle flags.
const (
	NoTrans   = blas.NoTrans
	Trans     = blas.Trans
	ConjTrans = blas.ConjTrans
	Upper     = blas.Upper
	Lower     = blas.Lower
)

// Sgemm computes, for row-major matrices,
//
//	C = α·op(A)·op(B) + β·C
//
// where op(A) is m×k, op(B) is k×n and C is m×n, with leading dimensions lda,
// ldb and ldc (the distance between the starts of consecutive rows). When
// β = 0, C is not read, so NaN or Inf already there does not reach the result.
// Shape misuse panics with a "blas: " message before any element is touched.
func Sgemm(tA, tB Transpose, m, n, k int, alpha float32, a []float32, lda int, b []float32, ldb int, beta float32, c []float32, ldc int) {
	sgemmOn(current(), tA, tB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
}

// sgemmOn is Sgemm on the backend be.
func sgemmOn(be backend, tA, tB Transpose, m, n, k int, alpha float32, a []float32, lda int, b []float32, ldb int, beta float32, c []float32, ldc int) {
	if !checkGemm(tA, tB, m, n, k, len(a), lda, len(b), ldb, len(c), ldc) {
		return
	}
	if k == 0 || alpha == 0 {
		scaleRows(m, n, beta, c, ldc)
		return
	}
	be.sgemm(tA, tB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
}

// Dgemm is Sgemm for float64.
func Dgemm(tA, tB Transpose, m, n, k int, alpha float64, a []float64, lda int, b []float64, ldb int, beta float64, c []float64, ldc int) {
	dgemmOn(current(), tA, tB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
}

// dgemmOn is Dgemm on the backend be.
func dgemmOn(be backend, tA, tB Transpose, m, n, k int, alpha float64, a []float64, lda int, b []float64, ldb int, beta float64, c []float64, ldc int) {
	if !checkGemm(tA, tB, m, n, k, len(a), lda, len(b), ldb, len(c), ldc) {
		return
	}
	if k == 0 || alpha == 0 {
		scaleRows(m, n, beta, c, ldc)
		return
	}
	be.dgemm(tA, tB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
}

// Gemm is Sgemm or Dgemm, chosen once per call by the element type.
func Gemm[T float32 | float64](tA, tB Transpose, m, n, k int, alpha T, a []T, lda int, b []T, ldb int, beta T, c []T, ldc int) {
	switch a := any(a).(type) {
	case []float32:
		Sgemm(tA, tB, m, n, k, float32(alpha), a, lda, any(b).([]float32), ldb, float32(beta), any(c).([]float32), ldc)
	case []float64:
		Dgemm(tA, tB, m, n, k, float64(alpha), a, lda, any(b).([]float64), ldb, float64(beta), any(c).([]float64), ldc)
	}
}

// Sgemv computes, for a row-major m×n matrix A,
//
//	y = α·op(A)·x + β·y
//
// where x and y are strided vectors (increments incX and incY, not zero; a
// negative increment walks the vector from its end, as in reference BLAS).
// When β = 0, y is not read. When op(A) has no columns, y = β·y.
func Sgemv(tA Transpose, m, n int, alpha float32, a []float32, lda int, x []float32, incX int, beta float32, y []float32, incY int) {
	sgemvOn(current(), tA, m, n, alpha, a, lda, x, incX, beta, y, incY)
}

// sgemvOn is Sgemv on the backend be.
func sgemvOn(be backend, tA Transpose, m, n int, alpha float32, a []float32, lda int, x []float32, incX int, beta float32, y []float32, incY int) {
	lenX, lenY, ok := checkGemv(tA, m, n, len(a), lda, len(x), incX, len(y), incY)
	if !ok {
		return
	}
	if lenX == 0 || alpha == 0 {
		scaleVec(lenY, beta, y, incY)
		return
	}
	be.sgemv(tA, m, n, alpha, a, lda, x, incX, beta, y, incY)
}

// Dgemv is Sgemv for float64.
func Dgemv(tA Transpose, m, n int, alpha float64, a []float64, lda int, x []float64, incX int, beta float64, y []float64, incY int) {
	dgemvOn(current(), tA, m, n, alpha, a, lda, x, incX, beta, y, incY)
}

// dgemvOn is Dgemv on the backend be.
func dgemvOn(be backend, tA Transpose, m, n int, alpha float64, a []float64, lda int, x []float64, incX int, beta float64, y []float64, incY int) {
	lenX, lenY, ok := checkGemv(tA, m, n, len(a), lda, len(x), incX, len(y), incY)
	if !ok {
		return
	}
	if lenX == 0 || alpha == 0 {
		scaleVec(lenY, beta, y, incY)
		return
	}
	be.dgemv(tA, m, n, alpha, a, lda, x, incX, beta, y, incY)
}

// Gemv is Sgemv or Dgemv, chosen once per call by the element type.
func Gemv[T float32 | float64](tA Transpose, m, n int, alpha T, a []T, lda int, x []T, incX int, beta T, y []T, incY int) {
	switch a := any(a).(type) {
	case []float32:
		Sgemv(tA, m, n, float32(alpha), a, lda, any(x).([]float32), incX, float32(beta), any(y).([]float32), incY)
	case []float64:
		Dgemv(tA, m, n, float64(alpha), a, lda, any(x).([]float64), incX, float64(beta), any(y).([]float64), incY)
	}
}

// Ssyrk computes the ul triangle (diagonal included) of the symmetric n×n
// row-major matrix
//
//	C = α·A·Aᵀ + β·C   (tA = NoTrans, A is n×k)
//	C = α·Aᵀ·A + β·C   (tA = Trans,   A is k×n)
//
// and leaves the other triangle untouched. With the rows of A the patterns
// ξ^μ, C = Σ_μ ξ^μ ξ^μᵀ is the Hebbian sum (Hopfield 1982) at half the cost
// of a general product. When β = 0, C is not read.
func Ssyrk(ul Uplo, tA Transpose, n, k int, alpha float32, a []float32, lda int, beta float32, c []float32, ldc int) {
	ssyrkOn(current(), ul, tA, n, k, alpha, a, lda, beta, c, ldc)
}

// ssyrkOn is Ssyrk on the backend be.
func ssyrkOn(be backend, ul Uplo, tA Transpose, n, k int, alpha float32, a []float32, lda int, beta float32, c []float32, ldc int) {
	if !checkSyrk(ul, tA, n, k, len(a), lda, len(c), ldc) {
		return
	}
	if k == 0 || alpha == 0 {
		scaleTriangle(ul, n, beta, c, ldc)
		return
	}
	be.ssyrk(ul, tA, n, k, alpha, a, lda, beta, c, ldc)
}

// Dsyrk is Ssyrk for float64.
func Dsyrk(ul Uplo, tA Transpose, n, k int, alpha float64, a []float64, lda int, beta float64, c []float64, ldc int) {
	dsyrkOn(current(), ul, tA, n, k, alpha, a, lda, beta, c, ldc)
}

// dsyrkOn is Dsyrk on the backend be.
func dsyrkOn(be backend, ul Uplo, tA Transpose, n, k int, alpha float64, a []float64, lda int, beta float64, c []float64, ldc int) {
	if !checkSyrk(ul, tA, n, k, len(a), lda, len(c), ldc) {
		return
	}
	if k == 0 || alpha == 0 {
		scaleTriangle(ul, n, beta, c, ldc)
		return
	}
	be.dsyrk(ul, tA, n, k, alpha, a, lda, beta, c, ldc)
}

// Syrk is Ssyrk or Dsyrk, chosen once per call by the element type.
func Syrk[T float32 | float64](ul Uplo, tA Transpose, n, k int, alpha T, a []T, lda int, beta T, c []T, ldc int) {
	switch a := any(a).(type) {
	case []float32:
		Ssyrk(ul, tA, n, k, float32(alpha), a, lda, float32(beta), any(c).([]float32), ldc)
	case []float64:
		Dsyrk(ul, tA, n, k, float64(alpha), a, lda, float64(beta), any(c).([]float64), ldc)
	}
}

// scaleRows sets C = β·C for an m×n block; β = 0 writes zeros without
// reading C.
func scaleRows[T float32 | float64](m, n int, beta T, c []T, ldc int) {
	if beta == 1 {
		return
	}
	for i := range m {
		row := c[i*ldc : i*ldc+n]
		if beta == 0 {
			clear(row)
			continue
		}
		for j := range row {
			row[j] *= beta
		}
	}
}

// scaleTriangle is scaleRows restricted to the ul triangle of an n×n block.
func scaleTriangle[T float32 | float64](ul Uplo, n int, beta T, c []T, ldc int) {
	if beta == 1 {
		return
	}
	for i := range n {
		lo, hi := i, n
		if ul == Lower {
			lo, hi = 0, i+1
		}
		row := c[i*ldc+lo : i*ldc+hi]
		if beta == 0 {
			clear(row)
			continue
		}
		for j := range row {
			row[j] *= beta
		}
	}
}

// scaleVec sets y = β·y for a strided vector of length n.
func scaleVec[T float32 | float64](n int, beta T, y []T, inc int) {
	if beta == 1 {
		return
	}
	if inc < 0 {
		inc = -inc
	}
	for i := range n {
		if beta == 0 {
			y[i*inc] = 0
		} else {
			y[i*inc] *= beta
		}
	}
}
