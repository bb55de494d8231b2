package attention

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/gohopfield/hopfield/internal/blas"
)

// The fused path and the matrix-product path give the same states,
// energies and gradients, for both float types, with exclusions, several
// steps and hetero-association, and for pattern counts spanning several
// storage blocks and matrix chunks.
func TestFusedEqualsMatrixPath(t *testing.T) {
	t.Logf("BLAS backend: %v", blas.Backend())
	t.Run("float32", func(t *testing.T) { testFusedEqualsMatrix[float32](t, tol32) })
	t.Run("float64", func(t *testing.T) { testFusedEqualsMatrix[float64](t, 1e-12) })
}

func testFusedEqualsMatrix[T Float](t *testing.T, tol float64) {
	defer func() { pathOverride = 0 }()
	rng := rand.New(rand.NewPCG(51, 52))
	for _, c := range []struct{ m, d, dv, b int }{{9000, 24, 0, 40}, {3000, 33, 5, 7}} {
		keys := convert[T](gaussian(rng, c.m*c.d, 0.3))
		var values []T
		dv := c.d
		if c.dv > 0 {
			dv = c.dv
			values = convert[T](gaussian(rng, c.m*dv, 1))
		}
		mem, err := NewMemory(c.d, keys, values)
		if err != nil {
			t.Fatal(err)
		}
		// Grow it so that the last block is partly filled.
		if err := mem.Store(convert[T](gaussian(rng, 70*c.d, 0.3)), convert[T](gaussian(rng, 70*len(values)/max(1, c.m), 1))); err != nil {
			t.Fatal(err)
		}
		q := convert[T](gaussian(rng, c.b*c.d, 1))
		s := &Settings{Exclude: []int{3, 4096 % c.m, c.m - 1}, Energy: true}
		if c.dv == 0 {
			s.Steps, s.Tol = 4, 1e-6
		}
		var outs [2][]T
		var res [2]Result
		var grads [2][]T
		for path := 1; path <= 2; path++ {
			pathOverride = path
			outs[path-1] = make([]T, c.b*dv)
			if err := mem.Retrieve(outs[path-1], q, 3, s, &res[path-1]); err != nil {
				t.Fatal(err)
			}
			grads[path-1] = make([]T, c.d)
			if _, err := mem.EnergyGrad(grads[path-1], q[:c.d], 3, s); err != nil {
				t.Fatal(err)
			}
		}
		name := fmt.Sprintf("M=%d D=%d Dv=%d B=%d", c.m, c.d, dv, c.b)
		closeVec(t, name+" states", to64(outs[1]), to64(outs[0]), tol)
		closeVec(t, name+" energies", res[1].Energy, res[0].Energy, tol)
		closeVec(t, name+" gradient", to64(grads[1]), to64(grads[0]), tol)
		for i := range c.b {
			if res[0].Steps[i] != res[1].Steps[i] {
				t.Errorf("%s: query %d took %d steps fused, %d matrix", name, i, res[0].Steps[i], res[1].Steps[i])
			}
		}
	}
}
