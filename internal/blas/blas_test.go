package blas

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

const sentinel = 12345

func gemmOn[T float32 | float64](be backend, tA, tB Transpose, m, n, k int, alpha T, a []T, lda int, b []T, ldb int, beta T, c []T, ldc int) {
	switch a := any(a).(type) {
	case []float32:
		sgemmOn(be, tA, tB, m, n, k, float32(alpha), a, lda, any(b).([]float32), ldb, float32(beta), any(c).([]float32), ldc)
	case []float64:
		dgemmOn(be, tA, tB, m, n, k, float64(alpha), a, lda, any(b).([]float64), ldb, float64(beta), any(c).([]float64), ldc)
	}
}

func gemvOn[T float32 | float64](be backend, tA Transpose, m, n int, alpha T, a []T, lda int, x []T, incX int, beta T, y []T, incY int) {
	switch a := any(a).(type) {
	case []float32:
		sgemvOn(be, tA, m, n, float32(alpha), a, lda, any(x).([]float32), incX, float32(beta), any(y).([]float32), incY)
	case []float64:
		dgemvOn(be, tA, m, n, float64(alpha), a, lda, any(x).([]float64), incX, float64(beta), any(y).([]float64), incY)
	}
}

func syrkOn[T float32 | float64](be backend, ul Uplo, tA Transpose, n, k int, alpha T, a []T, lda int, beta T, c []T, ldc int) {
	switch a := any(a).(type) {
	case []float32:
		ssyrkOn(be, ul, tA, n, k, float32(alpha), a, lda, float32(beta), any(c).([]float32), ldc)
	case []float64:
		dsyrkOn(be, ul, tA, n, k, float64(alpha), a, lda, float64(beta), any(c).([]float64), ldc)
	}
}

var (
	alphas = []float64{1, -0.75, 2.5, 0}
	betas  = []float64{0, 1, -1.5, 0.5}
	transp = []Transpose{NoTrans, Trans, ConjTrans}
)

// guarded returns a slice of exactly n elements whose backing array continues
// with guard sentinels, so a write past the end shows in guardIntact.
func guarded[T float32 | float64](n int) (s, all []T) {
	all = make([]T, n+16)
	for i := range all {
		all[i] = sentinel
	}
	return all[:n:n], all
}

func guardIntact[T float32 | float64](all []T, n int) bool {
	for _, v := range all[n:] {
		if v != sentinel {
			return false
		}
	}
	return true
}

type gemmCase struct {
	tA, tB        Transpose
	m, n, k       int
	lda, ldb, ldc int
	alpha, beta   float64
}

func (c gemmCase) String() string {
	return fmt.Sprintf("tA=%c tB=%c m=%d n=%d k=%d lda=%d ldb=%d ldc=%d α=%g β=%g", c.tA, c.tB, c.m, c.n, c.k, c.lda, c.ldb, c.ldc, c.alpha, c.beta)
}

func gemmCases(rnd *rand.Rand) []gemmCase {
	var cases []gemmCase
	add := func(tA, tB Transpose, m, n, k int, alpha, beta float64) {
		ra, ca := stored(tA, m, k)
		rb, cb := stored(tB, k, n)
		_, _ = ra, rb
		cases = append(cases, gemmCase{tA, tB, m, n, k,
			max(1, ca) + rnd.IntN(3), max(1, cb) + rnd.IntN(3), max(1, n) + rnd.IntN(3), alpha, beta})
	}
	// Degenerate sizes.
	for _, d := range [][3]int{{0, 0, 0}, {0, 3, 4}, {3, 0, 4}, {3, 4, 0}, {1, 1, 1}, {1, 7, 1}} {
		for _, beta := range betas {
			add(NoTrans, Trans, d[0], d[1], d[2], 1.5, beta)
		}
	}
	for range 120 {
		add(transp[rnd.IntN(3)], transp[rnd.IntN(3)], rnd.IntN(40), rnd.IntN(40), rnd.IntN(40),
			alphas[rnd.IntN(len(alphas))], betas[rnd.IntN(len(betas))])
	}
	// Large enough for OpenBLAS's threaded path and gonum's parallel blocks.
	add(NoTrans, Trans, 301, 257, 129, 1, 0)
	add(Trans, NoTrans, 190, 333, 211, -0.5, 2)
	return cases
}

func TestGemm(t *testing.T) {
	eachBackend(t, func(t *testing.T, be backend) {
		t.Run("float32", func(t *testing.T) { testGemm[float32](t, be) })
		t.Run("float64", func(t *testing.T) { testGemm[float64](t, be) })
	})
}

func testGemm[T float32 | float64](t *testing.T, be backend) {
	rnd := rand.New(rand.NewPCG(1, 2))
	for _, tc := range gemmCases(rnd) {
		ra, ca := stored(tc.tA, tc.m, tc.k)
		rb, cb := stored(tc.tB, tc.k, tc.n)
		a := randSlice[T](rnd, need(ra, ca, tc.lda))
		b := randSlice[T](rnd, need(rb, cb, tc.ldb))
		nc := need(tc.m, tc.n, tc.ldc)
		c, all := guarded[T](nc)
		for i := range tc.m {
			for j := range tc.n {
				c[i*tc.ldc+j] = T(rnd.Float64()*2 - 1)
				if tc.beta == 0 {
					c[i*tc.ldc+j] = T(math.NaN())
				}
			}
		}
		want, tol := refGemm(tc.tA, tc.tB, tc.m, tc.n, tc.k, T(tc.alpha), a, tc.lda, b, tc.ldb, T(tc.beta), c, tc.ldc)
		gemmOn(be, tc.tA, tc.tB, tc.m, tc.n, tc.k, T(tc.alpha), a, tc.lda, b, tc.ldb, T(tc.beta), c, tc.ldc)
		for i := range tc.m {
			for j := range tc.ldc {
				if i*tc.ldc+j >= nc {
					break
				}
				got := float64(c[i*tc.ldc+j])
				if j >= tc.n {
					if got != sentinel {
						t.Fatalf("%v: padding C[%d][%d] = %v, want it untouched", tc, i, j, got)
					}
					continue
				}
				if !closeTo(got, want[i*tc.n+j], tol[i*tc.n+j]) {
					t.Fatalf("%v: C[%d][%d] = %v, want %v ± %.3g", tc, i, j, got, want[i*tc.n+j], tol[i*tc.n+j])
				}
			}
		}
		if !guardIntact(all, nc) {
			t.Fatalf("%v: write past the end of C", tc)
		}
	}
}

func TestGemv(t *testing.T) {
	eachBackend(t, func(t *testing.T, be backend) {
		t.Run("float32", func(t *testing.T) { testGemv[float32](t, be) })
		t.Run("float64", func(t *testing.T) { testGemv[float64](t, be) })
	})
}

func testGemv[T float32 | float64](t *testing.T, be backend) {
	rnd := rand.New(rand.NewPCG(3, 4))
	incs := []int{1, 2, 3, -1, -2}
	type shape struct{ m, n int }
	shapes := []shape{{0, 0}, {0, 5}, {5, 0}, {1, 1}, {700, 300}}
	for range 150 {
		shapes = append(shapes, shape{rnd.IntN(40), rnd.IntN(40)})
	}
	for i, s := range shapes {
		tA := transp[i%3]
		lda := max(1, s.n) + rnd.IntN(3)
		incX, incY := incs[rnd.IntN(len(incs))], incs[rnd.IntN(len(incs))]
		alpha, beta := T(alphas[rnd.IntN(len(alphas))]), T(betas[rnd.IntN(len(betas))])
		nx, ny := s.n, s.m
		if tA != NoTrans {
			nx, ny = s.m, s.n
		}
		a := randSlice[T](rnd, need(s.m, s.n, lda))
		x := randSlice[T](rnd, needVec(nx, incX))
		ly := needVec(ny, incY)
		y, all := guarded[T](ly)
		for j := range ny {
			y[strided(j, ny, incY)] = T(rnd.Float64()*2 - 1)
			if beta == 0 {
				y[strided(j, ny, incY)] = T(math.Inf(1))
			}
		}
		desc := fmt.Sprintf("tA=%c m=%d n=%d lda=%d incX=%d incY=%d α=%g β=%g", tA, s.m, s.n, lda, incX, incY, alpha, beta)
		want, tol := refGemv(tA, s.m, s.n, alpha, a, lda, x, incX, beta, y, incY)
		gemvOn(be, tA, s.m, s.n, alpha, a, lda, x, incX, beta, y, incY)
		inVec := make([]bool, ly)
		for j := range ny {
			p := strided(j, ny, incY)
			inVec[p] = true
			if got := float64(y[p]); !closeTo(got, want[j], tol[j]) {
				t.Fatalf("%s: y[%d] = %v, want %v ± %.3g", desc, j, got, want[j], tol[j])
			}
		}
		for p := range ly {
			if !inVec[p] && y[p] != sentinel {
				t.Fatalf("%s: gap y[%d] = %v, want it untouched", desc, p, y[p])
			}
		}
		if !guardIntact(all, ly) {
			t.Fatalf("%s: write past the end of y", desc)
		}
	}
}

func TestSyrk(t *testing.T) {
	eachBackend(t, func(t *testing.T, be backend) {
		t.Run("float32", func(t *testing.T) { testSyrk[float32](t, be) })
		t.Run("float64", func(t *testing.T) { testSyrk[float64](t, be) })
	})
}

func testSyrk[T float32 | float64](t *testing.T, be backend) {
	rnd := rand.New(rand.NewPCG(5, 6))
	type shape struct{ n, k int }
	shapes := []shape{{0, 0}, {0, 4}, {4, 0}, {1, 1}, {260, 300}}
	for range 120 {
		shapes = append(shapes, shape{rnd.IntN(40), rnd.IntN(40)})
	}
	for i, s := range shapes {
		ul := []Uplo{Upper, Lower}[i%2]
		tA := transp[rnd.IntN(3)]
		ra, ca := stored(tA, s.n, s.k)
		lda := max(1, ca) + rnd.IntN(3)
		ldc := max(1, s.n) + rnd.IntN(3)
		alpha, beta := T(alphas[rnd.IntN(len(alphas))]), T(betas[rnd.IntN(len(betas))])
		a := randSlice[T](rnd, need(ra, ca, lda))
		nc := need(s.n, s.n, ldc)
		c, all := guarded[T](nc)
		inTri := func(r, q int) bool { return (ul == Upper) == (r <= q) || r == q }
		for r := range s.n {
			for q := range s.n {
				if inTri(r, q) {
					c[r*ldc+q] = T(rnd.Float64()*2 - 1)
					if beta == 0 {
						c[r*ldc+q] = T(math.NaN())
					}
				}
			}
		}
		desc := fmt.Sprintf("ul=%c tA=%c n=%d k=%d lda=%d ldc=%d α=%g β=%g", ul, tA, s.n, s.k, lda, ldc, alpha, beta)
		want, tol := refSyrk(ul, tA, s.n, s.k, alpha, a, lda, beta, c, ldc)
		syrkOn(be, ul, tA, s.n, s.k, alpha, a, lda, beta, c, ldc)
		for r := range s.n {
			for q := range ldc {
				p := r*ldc + q
				if p >= nc {
					break
				}
				got := float64(c[p])
				if q >= s.n || !inTri(r, q) {
					if got != sentinel {
						t.Fatalf("%s: C[%d][%d] = %v outside the triangle, want it untouched", desc, r, q, got)
					}
					continue
				}
				if !closeTo(got, want[r*s.n+q], tol[r*s.n+q]) {
					t.Fatalf("%s: C[%d][%d] = %v, want %v ± %.3g", desc, r, q, got, want[r*s.n+q], tol[r*s.n+q])
				}
			}
		}
		if !guardIntact(all, nc) {
			t.Fatalf("%s: write past the end of C", desc)
		}
	}
}

// TestGenericDispatch checks that Gemm, Gemv and Syrk reach the routine of
// their element type by comparing with the typed calls.
func TestGenericDispatch(t *testing.T) {
	a32 := []float32{1, 2, 3, 4, 5, 6}
	a64 := []float64{1, 2, 3, 4, 5, 6}
	c32, d32 := make([]float32, 4), make([]float32, 4)
	c64, d64 := make([]float64, 4), make([]float64, 4)
	Gemm(NoTrans, Trans, 2, 2, 3, 1, a32, 3, a32, 3, 0, c32, 2)
	Sgemm(NoTrans, Trans, 2, 2, 3, 1, a32, 3, a32, 3, 0, d32, 2)
	Gemm(NoTrans, Trans, 2, 2, 3, 1, a64, 3, a64, 3, 0, c64, 2)
	Dgemm(NoTrans, Trans, 2, 2, 3, 1, a64, 3, a64, 3, 0, d64, 2)
	for i := range 4 {
		if c32[i] != d32[i] || c64[i] != d64[i] || float64(c32[i]) != c64[i] {
			t.Fatalf("Gemm: %v %v, Sgemm/Dgemm: %v %v", c32, c64, d32, d64)
		}
	}
	y32, z32 := make([]float32, 2), make([]float32, 2)
	y64 := make([]float64, 2)
	Gemv(NoTrans, 2, 3, 1, a32, 3, a32[:3], 1, 0, y32, 1)
	Sgemv(NoTrans, 2, 3, 1, a32, 3, a32[:3], 1, 0, z32, 1)
	Gemv(NoTrans, 2, 3, 1, a64, 3, a64[:3], 1, 0, y64, 1)
	for i := range 2 {
		if y32[i] != z32[i] || float64(y32[i]) != y64[i] {
			t.Fatalf("Gemv: %v %v, Sgemv: %v", y32, y64, z32)
		}
	}
	s32, s64 := make([]float32, 4), make([]float64, 4)
	Syrk(Upper, NoTrans, 2, 3, 1, a32, 3, 0, s32, 2)
	Syrk(Upper, NoTrans, 2, 3, 1, a64, 3, 0, s64, 2)
	for i := range 4 {
		if float64(s32[i]) != s64[i] || s32[i] != c32[i] && i != 2 {
			t.Fatalf("Syrk: %v %v, Gemm: %v", s32, s64, c32)
		}
	}
}
