package blas

import (
	"math"
	"math/rand/v2"
	"testing"
)

// The references below are direct loops over the definitions, accumulated in
// float64, with a bound on the rounding error a correct float32 or float64
// routine may make: (k+2)·ε·(|α|·Σ|a||b| + |β|·|c|).

// eachBackend runs f on gonum and, when libopenblas.so.0 loads, on
// OpenBLAS; the OpenBLAS subtest is skipped with the loader's reason when
// the library is absent.
func eachBackend(t *testing.T, f func(t *testing.T, be backend)) {
	t.Run("gonum", func(t *testing.T) { f(t, gonumBackend{}) })
	t.Run("openblas", func(t *testing.T) {
		be, _, err := loadOpenBLAS()
		if err != nil {
			t.Skip("OpenBLAS half skipped: " + err.Error())
		}
		f(t, be)
	})
}

func eps[T float32 | float64]() float64 {
	var z T
	if _, ok := any(z).(float32); ok {
		return 0x1p-24
	}
	return 0x1p-53
}

func randSlice[T float32 | float64](rnd *rand.Rand, n int) []T {
	s := make([]T, n)
	for i := range s {
		s[i] = T(rnd.Float64()*2 - 1)
	}
	return s
}

// at reads op(X)[i][j] from a row-major matrix with leading dimension ld.
func at[T float32 | float64](x []T, ld int, t Transpose, i, j int) float64 {
	if t != NoTrans {
		i, j = j, i
	}
	return float64(x[i*ld+j])
}

// closeTo reports whether got is want within the error bound tol; NaN in
// either never passes.
func closeTo(got, want, tol float64) bool {
	return !math.IsNaN(got) && math.Abs(got-want) <= tol
}

// refGemm returns α·op(A)·op(B) + β·C (C ignored when β = 0) and the error
// bound of each element.
func refGemm[T float32 | float64](tA, tB Transpose, m, n, k int, alpha T, a []T, lda int, b []T, ldb int, beta T, c []T, ldc int) (want, tol []float64) {
	want = make([]float64, m*n)
	tol = make([]float64, m*n)
	e := eps[T]()
	for i := range m {
		for j := range n {
			var s, mag float64
			for l := range k {
				p := at(a, lda, tA, i, l) * at(b, ldb, tB, l, j)
				s += p
				mag += math.Abs(p)
			}
			w := float64(alpha) * s
			bound := math.Abs(float64(alpha)) * mag
			if beta != 0 {
				w += float64(beta) * float64(c[i*ldc+j])
				bound += math.Abs(float64(beta) * float64(c[i*ldc+j]))
			}
			want[i*n+j] = w
			tol[i*n+j] = float64(k+2)*e*bound*2 + 1e-300
		}
	}
	return want, tol
}

// refGemv returns α·op(A)·x + β·y as a plain vector of length op rows.
func refGemv[T float32 | float64](tA Transpose, m, n int, alpha T, a []T, lda int, x []T, incX int, beta T, y []T, incY int) (want, tol []float64) {
	rows, cols := m, n
	if tA != NoTrans {
		rows, cols = n, m
	}
	want = make([]float64, rows)
	tol = make([]float64, rows)
	e := eps[T]()
	for i := range rows {
		var s, mag float64
		for j := range cols {
			p := at(a, lda, tA, i, j) * float64(x[strided(j, cols, incX)])
			s += p
			mag += math.Abs(p)
		}
		w := float64(alpha) * s
		bound := math.Abs(float64(alpha)) * mag
		if beta != 0 {
			yi := float64(y[strided(i, rows, incY)])
			w += float64(beta) * yi
			bound += math.Abs(float64(beta) * yi)
		}
		want[i] = w
		tol[i] = float64(cols+2)*e*bound*2 + 1e-300
	}
	return want, tol
}

// strided is the slice index of element i of a length-n vector with
// increment inc, counting from the end when inc < 0 as reference BLAS does.
func strided(i, n, inc int) int {
	if inc < 0 {
		return (n - 1 - i) * -inc
	}
	return i * inc
}

// refSyrk returns the full symmetric result α·op(A)·op(A)ᵀ + β·C, reading C
// from the ul triangle only.
func refSyrk[T float32 | float64](ul Uplo, tA Transpose, n, k int, alpha T, a []T, lda int, beta T, c []T, ldc int) (want, tol []float64) {
	want = make([]float64, n*n)
	tol = make([]float64, n*n)
	e := eps[T]()
	for i := range n {
		for j := range n {
			var s, mag float64
			for l := range k {
				p := at(a, lda, tA, i, l) * at(a, lda, tA, j, l)
				s += p
				mag += math.Abs(p)
			}
			w := float64(alpha) * s
			bound := math.Abs(float64(alpha)) * mag
			if beta != 0 {
				r, q := i, j
				if (ul == Upper) != (r <= q) {
					r, q = q, r
				}
				cv := float64(c[r*ldc+q])
				w += float64(beta) * cv
				bound += math.Abs(float64(beta) * cv)
			}
			want[i*n+j] = w
			tol[i*n+j] = float64(k+2)*e*bound*2 + 1e-300
		}
	}
	return want, tol
}
