package dense

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/gohopfield/hopfield/classical"
)

// TestQuadraticMatchesClassicalPackage compares F = x² with the classical
// package's Hebbian network on the same patterns, over every state of small
// networks. classical normalises the weights by 1/N, zeroes the diagonal
// and stores them in float32; its rule is Sᵢ ← +1 iff hᵢ ≥ 0, so on a zero
// field it picks +1 where this package keeps σᵢ. The energy differences are
// therefore compared up to the factor 2N, and the decisions must agree
// wherever the exact integer field is not zero; the cases with odd N−1 and
// odd K have no zero fields at all, and there whole trajectories agree.
func TestQuadraticMatchesClassicalPackage(t *testing.T) {
	rng := rand.New(rand.NewPCG(40, 40))
	for _, c := range []struct{ n, k int }{{10, 3}, {12, 5}, {9, 4}, {11, 2}} {
		pats := randomPatterns(rng, c.k, c.n)
		m := mustMemory(t, c.n, Polynomial(2), pats)
		net, err := classical.New(c.n, classical.Bipolar)
		if err != nil {
			t.Fatal(err)
		}
		if err := net.StoreHebbian(pats); err != nil {
			t.Fatal(err)
		}
		h := newHebbian(pats, c.n)
		noTies := (c.n-1)%2 == 1 && c.k%2 == 1
		s, err := m.NewState(pats[0])
		if err != nil {
			t.Fatal(err)
		}
		sigma, next := make([]int8, c.n), make([]int8, c.n)
		disagreements := 0
		for code := range 1 << c.n {
			for i := range sigma {
				sigma[i] = int8(1 - 2*(code>>i&1))
			}
			if err := s.Reset(sigma); err != nil {
				t.Fatal(err)
			}
			// classical's own decisions for every unit from this state: one
			// synchronous step.
			if _, err := net.Recall(next, sigma, &classical.RecallSettings{Update: classical.Synchronous, MaxSweeps: 1}); err != nil {
				t.Fatal(err)
			}
			fixed := true
			for i := range c.n {
				up, down := slices.Clone(sigma), slices.Clone(sigma)
				up[i], down[i] = 1, -1
				eu, err := net.Energy(up)
				if err != nil {
					t.Fatal(err)
				}
				ed, err := net.Energy(down)
				if err != nil {
					t.Fatal(err)
				}
				// Classical ΔEᵢ = 2hᵢ/N with its normalised field.
				want := 2 * float64(c.n) * (ed - eu)
				if got := s.EnergyDiff(i); math.Abs(got-want) > 1e-4*float64(c.n*c.k) {
					t.Fatalf("N=%d K=%d: EnergyDiff(%d) = %v, 2N·ΔE_classical = %v", c.n, c.k, i, got, want)
				}
				classicalNew := next[i]
				denseNew := sigma[i]
				if s.wants(i) {
					denseNew = -sigma[i]
				}
				if denseNew != classicalNew {
					disagreements++
					if h.field(sigma, i) != 0 {
						t.Fatalf("N=%d K=%d: unit %d decided %d here, %d by classical, with field %d ≠ 0",
							c.n, c.k, i, denseNew, classicalNew, h.field(sigma, i))
					}
				}
				fixed = fixed && !s.wants(i)
			}
			cf, err := net.IsFixedPoint(sigma)
			if err != nil {
				t.Fatal(err)
			}
			if noTies && cf != fixed {
				t.Fatalf("N=%d K=%d state %b: fixed point here %v, in classical %v", c.n, c.k, code, fixed, cf)
			}
			if !noTies && cf && !fixed {
				t.Fatalf("N=%d K=%d state %b: fixed in classical but not here", c.n, c.k, code)
			}
		}
		if noTies && disagreements != 0 {
			t.Fatalf("N=%d K=%d: %d disagreements without ties", c.n, c.k, disagreements)
		}
		if !noTies {
			if disagreements == 0 {
				t.Errorf("N=%d K=%d: no tie met; the tie convention is untested", c.n, c.k)
			}
			continue
		}
		for range 20 {
			probe := noisy(rng, pats[rng.IntN(c.k)], c.n/3)
			for _, mode := range []struct {
				d Settings
				c classical.RecallSettings
			}{
				{Settings{Schedule: FixedOrder}, classical.RecallSettings{Order: classical.FixedOrder}},
				{Settings{Schedule: Synchronous}, classical.RecallSettings{Update: classical.Synchronous}},
			} {
				got, want := make([]int8, c.n), make([]int8, c.n)
				rd, err := m.Retrieve(got, probe, &mode.d)
				if err != nil {
					t.Fatal(err)
				}
				rc, err := net.Recall(want, probe, &mode.c)
				if err != nil {
					t.Fatal(err)
				}
				if rd.Status == Cycle && rc.Status == classical.CycleDetected {
					// Both found the synchronous 2-cycle but may stop on
					// either of its states.
					other := make([]int8, c.n)
					if _, err := net.Recall(other, want, &classical.RecallSettings{Update: classical.Synchronous, MaxSweeps: 1}); err != nil {
						t.Fatal(err)
					}
					if rc.CycleLength != 2 || !(slices.Equal(got, want) || slices.Equal(got, other)) {
						t.Fatalf("N=%d K=%d: cycle ends at %v, classical's 2-cycle is %v ↔ %v", c.n, c.k, got, want, other)
					}
					continue
				}
				if !slices.Equal(got, want) || (rd.Status == Converged) != (rc.Status == classical.Converged) {
					t.Fatalf("N=%d K=%d %v: ended at %v (%v), classical at %v (%v)", c.n, c.k, mode.d.Schedule, got, rd.Status, want, rc.Status)
				}
			}
		}
	}
}
