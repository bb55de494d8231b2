package blas

// Panic messages for misuse, worded as gonum's so that a caller sees the same
// text whichever backend runs.
const (
	errBadTranspose = "blas: bad transpose"
	errBadUplo      = "blas: illegal triangle"
	errMLT0         = "blas: m < 0"
	errNLT0         = "blas: n < 0"
	errKLT0         = "blas: k < 0"
	errBadLdA       = "blas: bad leading dimension of A"
	errBadLdB       = "blas: bad leading dimension of B"
	errBadLdC       = "blas: bad leading dimension of C"
	errZeroIncX     = "blas: zero x index increment"
	errZeroIncY     = "blas: zero y index increment"
	errShortA       = "blas: insufficient length of a"
	errShortB       = "blas: insufficient length of b"
	errShortC       = "blas: insufficient length of c"
	errShortX       = "blas: insufficient length of x"
	errShortY       = "blas: insufficient length of y"
)

func validTranspose(t Transpose) bool {
	return t == NoTrans || t == Trans || t == ConjTrans
}

// stored returns the rows and columns of the stored matrix behind op(X),
// where op(X) is r×c.
func stored(t Transpose, r, c int) (rows, cols int) {
	if t == NoTrans {
		return r, c
	}
	return c, r
}

// need is the number of elements a rows×cols row-major matrix with leading
// dimension ld spans.
func need(rows, cols, ld int) int {
	if rows == 0 || cols == 0 {
		return 0
	}
	return (rows-1)*ld + cols
}

// needVec is the number of elements a strided vector of length n spans.
func needVec(n, inc int) int {
	if n == 0 {
		return 0
	}
	if inc < 0 {
		inc = -inc
	}
	return (n-1)*inc + 1
}

// checkGemm panics on misuse and reports whether there is work to do.
func checkGemm(tA, tB Transpose, m, n, k, lenA, lda, lenB, ldb, lenC, ldc int) bool {
	if !validTranspose(tA) || !validTranspose(tB) {
		panic(errBadTranspose)
	}
	switch {
	case m < 0:
		panic(errMLT0)
	case n < 0:
		panic(errNLT0)
	case k < 0:
		panic(errKLT0)
	}
	ra, ca := stored(tA, m, k)
	rb, cb := stored(tB, k, n)
	switch {
	case lda < max(1, ca):
		panic(errBadLdA)
	case ldb < max(1, cb):
		panic(errBadLdB)
	case ldc < max(1, n):
		panic(errBadLdC)
	case lenA < need(ra, ca, lda):
		panic(errShortA)
	case lenB < need(rb, cb, ldb):
		panic(errShortB)
	case lenC < need(m, n, ldc):
		panic(errShortC)
	}
	return m > 0 && n > 0
}

// checkGemv panics on misuse and returns the lengths of x and y and whether
// there is work to do.
func checkGemv(tA Transpose, m, n, lenA, lda, lenX, incX, lenY, incY int) (nx, ny int, ok bool) {
	if !validTranspose(tA) {
		panic(errBadTranspose)
	}
	switch {
	case m < 0:
		panic(errMLT0)
	case n < 0:
		panic(errNLT0)
	case lda < max(1, n):
		panic(errBadLdA)
	case incX == 0:
		panic(errZeroIncX)
	case incY == 0:
		panic(errZeroIncY)
	}
	nx, ny = n, m
	if tA != NoTrans {
		nx, ny = m, n
	}
	switch {
	case lenA < need(m, n, lda):
		panic(errShortA)
	case lenX < needVec(nx, incX):
		panic(errShortX)
	case lenY < needVec(ny, incY):
		panic(errShortY)
	}
	return nx, ny, ny > 0
}

// checkSyrk panics on misuse and reports whether there is work to do.
func checkSyrk(ul Uplo, tA Transpose, n, k, lenA, lda, lenC, ldc int) bool {
	if ul != Upper && ul != Lower {
		panic(errBadUplo)
	}
	if !validTranspose(tA) {
		panic(errBadTranspose)
	}
	switch {
	case n < 0:
		panic(errNLT0)
	case k < 0:
		panic(errKLT0)
	}
	ra, ca := stored(tA, n, k)
	switch {
	case lda < max(1, ca):
		panic(errBadLdA)
	case ldc < max(1, n):
		panic(errBadLdC)
	case lenA < need(ra, ca, lda):
		panic(errShortA)
	case lenC < need(n, n, ldc):
		panic(errShortC)
	}
	return n > 0
}
