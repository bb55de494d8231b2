package blas

import (
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"
)

// TestConcurrent runs products of different shapes from many goroutines at
// once, sharing the read-only operands, and checks every result against the
// reference; under -race it also checks the pooled argument blocks.
func TestConcurrent(t *testing.T) {
	eachBackend(t, func(t *testing.T, be backend) {
		const workers, rounds = 8, 6
		rnd := rand.New(rand.NewPCG(7, 8))
		const maxDim = 128
		a := randSlice[float32](rnd, maxDim*maxDim)
		b := randSlice[float32](rnd, maxDim*maxDim)
		x := randSlice[float64](rnd, maxDim*maxDim)
		var wg sync.WaitGroup
		errs := make(chan error, workers)
		for w := range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				rnd := rand.New(rand.NewPCG(uint64(w), 9))
				for range rounds {
					m, n, k := 1+rnd.IntN(maxDim), 1+rnd.IntN(maxDim), 1+rnd.IntN(maxDim)
					c := make([]float32, m*n)
					want, tol := refGemm(NoTrans, Trans, m, n, k, 1, a, maxDim, b, maxDim, 0, c, n)
					sgemmOn(be, NoTrans, Trans, m, n, k, 1, a, maxDim, b, maxDim, 0, c, n)
					for i := range c {
						if !closeTo(float64(c[i]), want[i], tol[i]) {
							errs <- fmt.Errorf("worker %d sgemm m=%d n=%d k=%d: c[%d] = %v, want %v", w, m, n, k, i, c[i], want[i])
							return
						}
					}
					y := make([]float64, n)
					wantY, tolY := refGemv(Trans, m, n, 1, x, maxDim, x, 1, 0, y, 1)
					dgemvOn(be, Trans, m, n, 1, x, maxDim, x, 1, 0, y, 1)
					for i := range y {
						if !closeTo(y[i], wantY[i], tolY[i]) {
							errs <- fmt.Errorf("worker %d dgemv m=%d n=%d: y[%d] = %v, want %v", w, m, n, i, y[i], wantY[i])
							return
						}
					}
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Error(err)
		}
	})
}
