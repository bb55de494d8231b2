package lagrangian

import (
	"fmt"

	"github.com/gohopfield/hopfield/internal/parallel"
)

// Batched forms apply a Lagrangian to each row of a row-major matrix x
// with cols columns (len(x) = rows·cols). Rows are independent states;
// large batches are split across GOMAXPROCS goroutines, small ones run on
// the calling goroutine.

// batchGrain is the number of elements below which a batch is not split.
const batchGrain = 1 << 14

func numRows(n, cols int) int {
	if cols <= 0 {
		panic(fmt.Sprintf("lagrangian: cols = %d, must be positive", cols))
	}
	if n%cols != 0 {
		panic(fmt.Sprintf("lagrangian: len(x) = %d is not a multiple of cols = %d", n, cols))
	}
	return n / cols
}

// grainRows is the number of rows below which a batch is not split.
func grainRows(cols int) int { return max(1, batchGrain/cols) }

// ValuesTo writes L of each row of x into dst, which must have one element
// per row.
func ValuesTo[T Float](dst []T, l Lagrangian[T], x []T, cols int) {
	rows := numRows(len(x), cols)
	checkLen("dst", len(dst), "rows of x", rows)
	if grain := grainRows(cols); rows >= 2*grain {
		parallel.For(rows, grain, func(r0, r1 int) { valueRows(dst, l, x, nil, cols, r0, r1) })
		return
	}
	valueRows(dst, l, x, nil, cols, 0, rows)
}

func valueRows[T Float](dst []T, l Lagrangian[T], x, _ []T, cols, r0, r1 int) {
	for r := r0; r < r1; r++ {
		dst[r] = l.Value(x[r*cols : (r+1)*cols])
	}
}

// ActivationsTo writes the activation of each row of x into the same row
// of dst. dst may be x.
func ActivationsTo[T Float](dst []T, l Lagrangian[T], x []T, cols int) {
	rows := numRows(len(x), cols)
	checkLen("dst", len(dst), "x", len(x))
	if grain := grainRows(cols); rows >= 2*grain {
		parallel.For(rows, grain, func(r0, r1 int) { activationRows(dst, l, x, nil, cols, r0, r1) })
		return
	}
	activationRows(dst, l, x, nil, cols, 0, rows)
}

func activationRows[T Float](dst []T, l Lagrangian[T], x, _ []T, cols, r0, r1 int) {
	for r := r0; r < r1; r++ {
		l.ActivationTo(dst[r*cols:(r+1)*cols], x[r*cols:(r+1)*cols])
	}
}

// EnergiesTo writes the Legendre energy x·g − L(x) of each row pair of x
// and g into dst, which must have one element per row.
func EnergiesTo[T Float](dst []T, l Lagrangian[T], x, g []T, cols int) {
	rows := numRows(len(x), cols)
	checkLen("g", len(g), "x", len(x))
	checkLen("dst", len(dst), "rows of x", rows)
	if grain := grainRows(cols); rows >= 2*grain {
		parallel.For(rows, grain, func(r0, r1 int) { energyRows(dst, l, x, g, cols, r0, r1) })
		return
	}
	energyRows(dst, l, x, g, cols, 0, rows)
}

func energyRows[T Float](dst []T, l Lagrangian[T], x, g []T, cols, r0, r1 int) {
	for r := r0; r < r1; r++ {
		dst[r] = Energy(l, x[r*cols:(r+1)*cols], g[r*cols:(r+1)*cols])
	}
}
