package layers

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/gohopfield/hopfield/lagrangian"
)

func newRand(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, 0x1a7e)) }

func randVec(r *rand.Rand, n int, scale float64) []float64 {
	v := make([]float64, n)
	for i := range v {
		v[i] = scale * r.NormFloat64()
	}
	return v
}

func randSym(r *rand.Rand, n int, scale float64) []float64 {
	w := make([]float64, n*n)
	for i := range n {
		for j := i; j < n; j++ {
			v := scale * r.NormFloat64()
			w[i*n+j], w[j*n+i] = v, v
		}
	}
	return w
}

func convert[T Float](v []float64) []T {
	out := make([]T, len(v))
	for i, x := range v {
		out[i] = T(x)
	}
	return out
}

func must[V any](v V, err error) V {
	if err != nil {
		panic(err)
	}
	return v
}

// mixed returns a three-group network (tanh, identity, softmax) with a
// dense coupling between every pair, a symmetric self-coupling on group 0
// and a bias on group 1, built from seeded random weights.
func mixed[T Float](seed uint64, asym bool) *Network[T] {
	r := newRand(seed)
	n := []int{5, 4, 3}
	groups := []Group[T]{
		{Name: "tanh", Size: n[0], L: must(lagrangian.NewTanh[T](1.5)), Tau: 1},
		{Name: "linear", Size: n[1], L: lagrangian.NewIdentity[T](), Tau: 0.5},
		{Name: "softmax", Size: n[2], L: must(lagrangian.NewLogSumExp[T](2)), Taus: []float64{0.3, 0.4, 0.6}},
	}
	self := randSym(r, n[0], 0.3)
	if asym {
		self[1] += 0.2
	}
	syn := []Synapse[T]{
		&Dense[T]{A: 0, B: 1, W: convert[T](randVec(r, n[0]*n[1], 0.3))},
		&Dense[T]{A: 2, B: 0, W: convert[T](randVec(r, n[2]*n[0], 0.3))},
		&Dense[T]{A: 1, B: 2, W: convert[T](randVec(r, n[1]*n[2], 0.3))},
		&Dense[T]{A: 0, B: 0, W: convert[T](self), AllowAsymmetric: asym},
		&Bias[T]{Group: 1, B: convert[T](randVec(r, n[1], 0.5))},
	}
	return must(NewNetwork(groups, syn))
}

// fill sets every state of s to seeded Gaussian values.
func fill[T Float](s *State[T], seed uint64, scale float64) {
	r := newRand(seed)
	for a := range s.X {
		for i := range s.X[a] {
			s.X[a][i] = T(scale * r.NormFloat64())
		}
	}
}

// directEnergy evaluates the total energy of row r from the definition,
// independently of the package's fields: Legendre terms through
// lagrangian.Energy, couplings by explicit double sums.
func directEnergy[T Float](net *Network[T], s *State[T], r int) float64 {
	g := make([][]float64, net.NumGroups())
	var e float64
	for a := range net.NumGroups() {
		grp := net.Group(a)
		n := grp.Size
		x := s.X[a][r*n : (r+1)*n]
		ga := lagrangian.Activation(grp.L, x)
		e += float64(lagrangian.Energy(grp.L, x, ga))
		g[a] = make([]float64, n)
		for i := range ga {
			g[a][i] = float64(ga[i])
		}
		if in := s.input(a); in != nil {
			ir := row(in, n, r)
			for i := range ir {
				e -= float64(ir[i]) * g[a][i]
			}
		}
	}
	for k := range net.NumSynapses() {
		switch syn := net.Synapse(k).(type) {
		case *Dense[T]:
			nb := net.Group(syn.B).Size
			var q float64
			for i, gi := range g[syn.A] {
				for j, gj := range g[syn.B] {
					q += gi * float64(syn.W[i*nb+j]) * gj
				}
			}
			if syn.A == syn.B {
				q /= 2
			}
			e -= q
		case *Bias[T]:
			for i, b := range syn.B {
				e -= float64(b) * g[syn.Group][i]
			}
		}
	}
	return e
}

// trajectoryDescends runs steps Euler steps of dt with the energy traced at
// every step and fails the test at the first rise above rounding.
func trajectoryDescends[T Float](t *testing.T, name string, net *Network[T], s *State[T], dt float64, steps int) {
	t.Helper()
	var res Result
	err := net.Run(s, &Settings{Step: dt, MaxSteps: steps, Tol: 1e-300, TraceStride: 1}, &res)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	b := s.Batch
	if len(res.TraceSteps) < 2 {
		t.Fatalf("%s: %d trace records", name, len(res.TraceSteps))
	}
	var drop float64
	for k := 1; k < len(res.TraceSteps); k++ {
		for r := range b {
			prev, cur := res.Trace[(k-1)*b+r], res.Trace[k*b+r]
			if !finite(cur) {
				t.Fatalf("%s dt=%g: row %d energy %v after %d steps", name, dt, r, cur, res.TraceSteps[k])
			}
			if cur > prev+1e-12*(1+math.Abs(prev)) {
				t.Fatalf("%s dt=%g: row %d energy rose from %.15g to %.15g at step %d", name, dt, r, prev, cur, res.TraceSteps[k])
			}
			drop += prev - cur
		}
	}
	if !(drop > 0) {
		t.Fatalf("%s dt=%g: energy did not move (total drop %g): the test is vacuous", name, dt, drop)
	}
}
