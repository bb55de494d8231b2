package layers

import (
	"math"
	"testing"

	"github.com/gohopfield/hopfield/attention"
	"github.com/gohopfield/hopfield/classical"
	"github.com/gohopfield/hopfield/lagrangian"
)

// attentionStep is ξᵀ softmax(β ξ v) written out directly.
func attentionStep(xi []float64, n int, beta float64, v []float64) []float64 {
	k := len(xi) / n
	h := make([]float64, k)
	m := math.Inf(-1)
	for mu := range k {
		for i := range n {
			h[mu] += xi[mu*n+i] * v[i]
		}
		m = max(m, beta*h[mu])
	}
	var z float64
	for mu := range h {
		h[mu] = math.Exp(beta*h[mu] - m)
		z += h[mu]
	}
	out := make([]float64, n)
	for mu := range k {
		for i := range n {
			out[i] += xi[mu*n+i] * h[mu] / z
		}
	}
	return out
}

// TestModelBIsAttention: one Euler step of dt = τ_f is the attention
// update, in the fast-hidden limit and with τ_h = τ_f starting from
// h = ξ v.
func TestModelBIsAttention(t *testing.T) {
	const n, k, b, beta = 16, 9, 4, 3.0
	xi := patterns(21, k, n, false)
	for i := range xi {
		xi[i] *= 3
	}
	queries := randVec(newRand(22), b*n, 1)

	keys := make([]float64, n*k) // the attention package stores patterns as rows too
	copy(keys, xi)
	mem := must(attention.NewMemory(n, keys, nil))
	viaAttention := make([]float64, b*n)
	if err := mem.Retrieve(viaAttention, queries, beta, nil, nil); err != nil {
		t.Fatal(err)
	}
	for _, fast := range []bool{true, false} {
		m := must(ModelB(xi, n, beta))
		m.FastHidden = fast
		net := must(m.Network())
		s := net.NewState(b)
		copy(s.X[Features], queries)
		if !fast {
			for r := range b { // h = ξ v
				for mu := range k {
					s.X[Hidden][r*k+mu] = dot(xi[mu*n:(mu+1)*n], queries[r*n:(r+1)*n])
				}
			}
		}
		if err := net.Step(s, m.TauF); err != nil {
			t.Fatal(err)
		}
		for r := range b {
			want := attentionStep(xi, n, beta, queries[r*n:(r+1)*n])
			for i := range n {
				got := s.X[Features][r*n+i]
				if math.Abs(got-want[i]) > 1e-12 {
					t.Fatalf("fast=%v row %d neuron %d: %.17g, direct %.17g", fast, r, i, got, want[i])
				}
				if math.Abs(got-viaAttention[r*n+i]) > 1e-12 {
					t.Fatalf("fast=%v row %d neuron %d: %.17g, attention package %.17g", fast, r, i, got, viaAttention[r*n+i])
				}
			}
		}
	}
}

// TestReductionTo1984: with L_h = ½Σh² and the hidden neurons integrated
// out, the features follow the continuous network of Hopfield (1984) with
// T = ξᵀξ and gain tanh(λu), and the energies agree (the additive
// constant is 0 because log cosh 0 = 0).
func TestReductionTo1984(t *testing.T) {
	const n, k, lambda = 10, 4, 2.0
	xi := patterns(31, k, n, false)
	for i := range xi {
		xi[i] *= 1.5
	}
	pats := make([][]float64, k)
	for mu := range pats {
		pats[mu] = xi[mu*n : (mu+1)*n]
	}
	c := must(classical.NewContinuousFromPatterns(pats, classical.Tanh{Lambda: lambda}))
	m := TwoGroup[float64]{Feature: must(lagrangian.NewTanh[float64](lambda)), Hidden: lagrangian.NewIdentity[float64](), N: n, Xi: xi, TauF: 1, FastHidden: true}
	net := must(m.Network())

	u0 := randVec(newRand(32), n, 0.5)
	const dt, steps = 0.01, 400
	var classicalU [][]float64
	var classicalE []float64
	u := append([]float64(nil), u0...)
	_, err := c.Run(u, &classical.DynamicsSettings{Step: dt, MaxSteps: steps, Tolerance: 1e-300, OnStep: func(_ float64, u, v []float64) {
		classicalU = append(classicalU, append([]float64(nil), u...))
		classicalE = append(classicalE, must(c.Energy(v)))
	}})
	if err != nil {
		t.Fatal(err)
	}
	s := net.NewState(1)
	copy(s.X[Features], u0)
	e := make([]float64, 1)
	for step := range steps {
		if err := net.Step(s, dt); err != nil {
			t.Fatal(err)
		}
		for i, want := range classicalU[step] {
			if got := s.X[Features][i]; math.Abs(got-want) > 1e-12 {
				t.Fatalf("step %d neuron %d: u = %.15g, classical %.15g", step+1, i, got, want)
			}
		}
		if err := net.Energy(e, s); err != nil {
			t.Fatal(err)
		}
		if want := classicalE[step]; math.Abs(e[0]-want) > 1e-12*(1+math.Abs(want)) {
			t.Fatalf("step %d: energy %.15g, classical %.15g", step+1, e[0], want)
		}
	}
	if classicalE[steps-1] >= classicalE[0] {
		t.Fatalf("the trajectory did not descend (%g → %g): the comparison is vacuous", classicalE[0], classicalE[steps-1])
	}
}

// TestModelA: in the fast-hidden limit the energy of model A at any state
// is the binary dense memory energy −Σ_μ F(ξ^μ·σ) with σ = sign(v), and a
// corrupted pattern relaxes to the stored one.
func TestModelA(t *testing.T) {
	const n, k = 40, 5
	xi := patterns(41, k, n, true)
	f := must(lagrangian.NewRectifiedPowerSum[float64](3))
	m := ModelA(xi, n, f)
	m.FastHidden = true
	net := must(m.Network())
	s := net.NewState(1)
	r := newRand(42)
	for i := range n {
		s.X[Features][i] = xi[2*n+i] * (0.5 + r.Float64())
	}
	for _, i := range []int{3, 11, 17, 25, 31} {
		s.X[Features][i] = -s.X[Features][i]
	}
	if err := net.Step(s, 1e-9); err != nil { // settles h = ξσ
		t.Fatal(err)
	}
	e := make([]float64, 1)
	if err := net.Energy(e, s); err != nil {
		t.Fatal(err)
	}
	var want float64
	for mu := range k {
		var o float64
		for i := range n {
			sigma := 1.0
			if s.X[Features][i] < 0 {
				sigma = -1
			}
			o += xi[mu*n+i] * sigma
		}
		want -= math.Pow(max(o, 0), 3)
	}
	if math.Abs(e[0]-want) > 1e-12 {
		t.Fatalf("energy %.15g, −Σ F(ξσ) = %.15g", e[0], want)
	}
	var res Result
	if err := net.Run(s, &Settings{Step: 0.1}, &res); err != nil {
		t.Fatal(err)
	}
	if res.Status != Converged {
		t.Fatalf("status %v", res.Status)
	}
	for i := range n {
		if (s.X[Features][i] > 0) != (xi[2*n+i] > 0) {
			t.Fatalf("neuron %d did not return to pattern 2", i)
		}
	}
}
