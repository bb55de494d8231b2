package blas_test

import (
	"fmt"

	"github.com/gohopfield/hopfield/internal/blas"
)

// Scores of two queries against three stored patterns, S = Q·Xᵀ.
func ExampleSgemm() {
	q := []float32{
		1, 0,
		0, 1,
	}
	x := []float32{
		1, 1,
		2, -1,
		0, 3,
	}
	s := make([]float32, 2*3)
	blas.Sgemm(blas.NoTrans, blas.Trans, 2, 3, 2, 1, q, 2, x, 2, 0, s, 3)
	fmt.Println(s[:3])
	fmt.Println(s[3:])
	// Output:
	// [1 2 0]
	// [1 -1 3]
}

// The Hebbian weights W = Σ_μ ξ^μ ξ^μᵀ of two ±1 patterns of three units,
// upper triangle.
func ExampleSsyrk() {
	xi := []float64{
		1, -1, 1,
		1, 1, -1,
	}
	w := make([]float64, 3*3)
	blas.Dsyrk(blas.Upper, blas.Trans, 3, 2, 1, xi, 3, 0, w, 3)
	for i := range 3 {
		fmt.Println(w[i*3 : i*3+3])
	}
	// Output:
	// [2 0 0]
	// [0 2 -2]
	// [0 0 2]
}
