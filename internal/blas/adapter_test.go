package blas

import (
	"math/rand/v2"
	"testing"

	"gorgonia.org/gorgonia"
	"gorgonia.org/tensor"
)

var (
	_ tensor.BLAS   = Implementation{}
	_ gorgonia.BLAS = Implementation{}
)

// countingImpl records that Gorgonia's tensors reach the adapter's products.
type countingImpl struct {
	Implementation
	gemm, gemv *int
}

func (c countingImpl) Sgemm(tA, tB Transpose, m, n, k int, alpha float32, a []float32, lda int, b []float32, ldb int, beta float32, cc []float32, ldc int) {
	*c.gemm++
	c.Implementation.Sgemm(tA, tB, m, n, k, alpha, a, lda, b, ldb, beta, cc, ldc)
}

func (c countingImpl) Dgemv(tA Transpose, m, n int, alpha float64, a []float64, lda int, x []float64, incX int, beta float64, y []float64, incY int) {
	*c.gemv++
	c.Implementation.Dgemv(tA, m, n, alpha, a, lda, x, incX, beta, y, incY)
}

func TestTensorUse(t *testing.T) {
	prev := tensor.WhichBLAS()
	defer tensor.Use(prev)
	var gemm, gemv int
	tensor.Use(countingImpl{gemm: &gemm, gemv: &gemv})

	rnd := rand.New(rand.NewPCG(10, 11))
	const m, k, n = 37, 23, 41
	a := randSlice[float32](rnd, m*k)
	b := randSlice[float32](rnd, k*n)
	ta := tensor.New(tensor.WithShape(m, k), tensor.WithBacking(a))
	tb := tensor.New(tensor.WithShape(k, n), tensor.WithBacking(b))
	prod, err := ta.MatMul(tb)
	if err != nil {
		t.Fatal(err)
	}
	got := prod.Data().([]float32)
	want, tol := refGemm(NoTrans, NoTrans, m, n, k, 1, a, k, b, n, 0, nil, n)
	for i := range want {
		if !closeTo(float64(got[i]), want[i], tol[i]) {
			t.Fatalf("MatMul[%d] = %v, want %v ± %.3g", i, got[i], want[i], tol[i])
		}
	}
	if gemm == 0 {
		t.Error("tensor MatMul did not call the adapter's Sgemm")
	}

	x := randSlice[float64](rnd, m*k)
	v := randSlice[float64](rnd, k)
	tx := tensor.New(tensor.WithShape(m, k), tensor.WithBacking(x))
	tv := tensor.New(tensor.WithShape(k), tensor.WithBacking(v))
	mv, err := tx.MatVecMul(tv)
	if err != nil {
		t.Fatal(err)
	}
	gotV := mv.Data().([]float64)
	wantV, tolV := refGemv(NoTrans, m, k, 1, x, k, v, 1, 0, nil, 1)
	for i := range wantV {
		if !closeTo(gotV[i], wantV[i], tolV[i]) {
			t.Fatalf("MatVecMul[%d] = %v, want %v ± %.3g", i, gotV[i], wantV[i], tolV[i])
		}
	}
	if gemv == 0 {
		t.Error("tensor MatVecMul did not call the adapter's Dgemv")
	}

	tensor.Use(prev)
	if tensor.WhichBLAS() != prev {
		t.Error("default BLAS not restored")
	}
}
