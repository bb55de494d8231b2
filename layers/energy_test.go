package layers

import (
	"math"
	"testing"
)

func TestEnergyMatchesDefinition(t *testing.T) {
	for _, asym := range []bool{false, true} {
		net := mixed[float64](1, asym)
		s := net.NewState(3)
		fill(s, 2, 1)
		s.Input = [][]float64{randVec(newRand(3), 5, 0.4), nil, randVec(newRand(4), 3*3, 0.4)}
		e := make([]float64, 3)
		if err := net.Energy(e, s); err != nil {
			t.Fatal(err)
		}
		bd, err := net.EnergyParts(s)
		if err != nil {
			t.Fatal(err)
		}
		for r := range 3 {
			want := directEnergy(net, s, r)
			if math.Abs(e[r]-want) > 1e-12*(1+math.Abs(want)) {
				t.Errorf("asym=%v row %d: Energy = %.15g, direct = %.15g", asym, r, e[r], want)
			}
			var sum float64
			for a := range bd.Groups {
				sum += bd.Groups[a][r] + bd.Inputs[a][r]
			}
			for k := range bd.Synapses {
				sum += bd.Synapses[k][r]
			}
			if math.Abs(sum-want) > 1e-12*(1+math.Abs(want)) || math.Abs(bd.Total[r]-want) > 1e-12*(1+math.Abs(want)) {
				t.Errorf("asym=%v row %d: parts sum to %.15g, total %.15g, direct %.15g", asym, r, sum, bd.Total[r], want)
			}
		}
		// The bias part alone: −bᵀ g_1.
		b := net.Synapse(4).(*Bias[float64])
		g1 := s.G[1][4:8]
		if got, want := bd.Synapses[4][1], -dot(b.B, g1); math.Abs(got-want) > 1e-14 {
			t.Errorf("bias energy of row 1 = %g, want %g", got, want)
		}
	}
}

// TestGradientFiniteDifferences checks ∂E/∂g through the chain rule
// d/dε E(x + εv) = Σ_a (∂E/∂g_a)ᵀ ∇²L_a(x_a) v_a, with the Hessian-vector
// products of the lagrangian package and central differences of the
// total energy.
func TestGradientFiniteDifferences(t *testing.T) {
	for _, asym := range []bool{false, true} {
		net := mixed[float64](5, asym)
		s := net.NewState(2)
		fill(s, 6, 1)
		s.Input = [][]float64{nil, randVec(newRand(7), 4, 0.5), nil}
		grad := net.alloc(2)
		if err := net.GradientTo(grad, s); err != nil {
			t.Fatal(err)
		}
		r := newRand(8)
		v := net.alloc(2)
		for a := range v {
			for i := range v[a] {
				v[a][i] = r.NormFloat64()
			}
		}
		var want [2]float64
		for a := range net.NumGroups() {
			n := net.Group(a).Size
			hv := make([]float64, n)
			for row := range 2 {
				lo, hi := row*n, (row+1)*n
				net.Group(a).L.HessVecTo(hv, s.X[a][lo:hi], v[a][lo:hi])
				want[row] += dot(grad[a][lo:hi], hv)
			}
		}
		x0 := net.alloc(2)
		for a := range x0 {
			copy(x0[a], s.X[a])
		}
		const eps = 1e-5
		energyAt := func(sign float64) []float64 {
			for a := range s.X {
				for i := range s.X[a] {
					s.X[a][i] = x0[a][i] + sign*eps*v[a][i]
				}
			}
			e := make([]float64, 2)
			if err := net.Energy(e, s); err != nil {
				t.Fatal(err)
			}
			return e
		}
		ep, em := energyAt(1), energyAt(-1)
		for row := range 2 {
			fd := (ep[row] - em[row]) / (2 * eps)
			if math.Abs(fd-want[row]) > 1e-7*(1+math.Abs(fd)) {
				t.Errorf("asym=%v row %d: finite difference %.10g, ∂E/∂g·Hv = %.10g", asym, row, fd, want[row])
			}
		}
	}
}
