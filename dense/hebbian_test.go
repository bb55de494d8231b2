package dense

import (
	"math/rand/v2"
	"testing"
)

// hebbian is the classical zero-diagonal Hebbian network (Hopfield 1982),
// written directly: W_ij = Σμ ξμᵢξμⱼ for i ≠ j, W_ii = 0, field hᵢ = Σⱼ W_ij σⱼ.
type hebbian struct {
	n int
	w []int
}

func newHebbian(pats [][]int8, n int) *hebbian {
	h := &hebbian{n: n, w: make([]int, n*n)}
	for _, xi := range pats {
		for i := range n {
			for j := range n {
				if i != j {
					h.w[i*n+j] += int(xi[i]) * int(xi[j])
				}
			}
		}
	}
	return h
}

func (h *hebbian) field(sigma []int8, i int) int {
	s := 0
	for j, v := range sigma {
		s += h.w[i*h.n+j] * int(v)
	}
	return s
}

func (h *hebbian) energy(sigma []int8) int {
	e := 0
	for i := range sigma {
		e -= int(sigma[i]) * h.field(sigma, i)
	}
	return e / 2
}

// TestQuadraticIsHebbian checks, over every state of small networks, that
// F(x) = x² is the zero-diagonal Hebbian network: ΔEᵢ = 4hᵢ exactly (the
// self-coupling term Σμ (ξμᵢ)² = K cancels in Eq. 4, whose sums run over
// j ≠ i), so update decisions and fixed points coincide, and
// E_dense = 2·E_Hebb − N·K. A zero field keeps the unit in both.
func TestQuadraticIsHebbian(t *testing.T) {
	rng := rand.New(rand.NewPCG(20, 20))
	for _, c := range []struct{ n, k int }{{9, 4}, {10, 3}, {12, 6}, {11, 2}} {
		pats := randomPatterns(rng, c.k, c.n)
		m := mustMemory(t, c.n, Polynomial(2), pats)
		h := newHebbian(pats, c.n)
		sigma := make([]int8, c.n)
		s, err := m.NewState(pats[0])
		if err != nil {
			t.Fatal(err)
		}
		ties, fixedDense, fixedHebb := 0, 0, 0
		for code := range 1 << c.n {
			for i := range sigma {
				sigma[i] = int8(1 - 2*(code>>i&1))
			}
			if err := s.Reset(sigma); err != nil {
				t.Fatal(err)
			}
			if got, want := s.Energy(), float64(2*h.energy(sigma)-c.n*c.k); got != want {
				t.Fatalf("N=%d K=%d: Energy = %v, want 2E_Hebb − NK = %v", c.n, c.k, got, want)
			}
			stableD, stableH := true, true
			for i := range c.n {
				hi := h.field(sigma, i)
				if got := s.EnergyDiff(i); got != float64(4*hi) {
					t.Fatalf("N=%d K=%d: EnergyDiff(%d) = %v, want 4h = %d", c.n, c.k, i, got, 4*hi)
				}
				if hi == 0 {
					ties++
				}
				hebbFlips := int(sigma[i])*hi < 0
				if s.wants(i) != hebbFlips {
					t.Fatalf("N=%d K=%d: unit %d decision differs from the Hebbian sign rule", c.n, c.k, i)
				}
				stableD = stableD && !s.wants(i)
				stableH = stableH && !hebbFlips
			}
			if stableD != stableH {
				t.Fatalf("N=%d K=%d state %b: fixed point for one network only", c.n, c.k, code)
			}
			if stableD {
				fixedDense++
			}
			if stableH {
				fixedHebb++
			}
		}
		if fixedDense == 0 {
			t.Errorf("N=%d K=%d: no fixed points found", c.n, c.k)
		}
		// Odd N−1 and odd K make every field odd; otherwise ties occur and
		// are exercised.
		if (c.n-1)%2 == 0 && ties == 0 {
			t.Errorf("N=%d K=%d: no zero fields met; ties untested", c.n, c.k)
		}
	}
}
