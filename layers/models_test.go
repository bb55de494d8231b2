package layers

import (
	"math"
	"testing"

	"github.com/gohopfield/hopfield/lagrangian"
)

// patterns returns k×n memories: random ±1 when binary, Gaussian
// otherwise, scaled by 1/sqrt(n).
func patterns(seed uint64, k, n int, binary bool) []float64 {
	r := newRand(seed)
	xi := make([]float64, k*n)
	s := 1 / math.Sqrt(float64(n))
	for i := range xi {
		if binary {
			xi[i] = s
			if r.IntN(2) == 0 {
				xi[i] = -s
			}
		} else {
			xi[i] = s * r.NormFloat64()
		}
	}
	return xi
}

type model struct {
	name string
	net  *Network[float64]
}

// models returns every network the package builds, with the Hessian
// condition met (convex Lagrangians) and an energy bounded below.
func models(t *testing.T) []model {
	const n, k = 12, 6
	two := func(name string, m TwoGroup[float64], fast bool) []model {
		m.TauH = 0.5
		general := must(m.Network())
		m.FastHidden = true
		limit := must(m.Network())
		if !fast {
			return []model{{name, general}}
		}
		return []model{{name, general}, {name + "/fast-hidden", limit}}
	}
	var out []model
	out = append(out, two("A", ModelA(patterns(1, k, n, true), n, must(lagrangian.NewRectifiedPowerSum[float64](3))), true)...)
	out = append(out, two("B", must(ModelB(patterns(2, k, n, false), n, 2)), true)...)
	out = append(out, two("C/power", must(ModelC(patterns(3, k, n, false), n, must(lagrangian.NewRectifiedPowerSum[float64](3)), 1e-6)), true)...)
	out = append(out, two("C/exp", must(ModelC(patterns(4, k, n, false), n, must(lagrangian.NewExpSum[float64](2)), 1e-6)), true)...)
	out = append(out, two("1984", TwoGroup[float64]{Feature: must(lagrangian.NewTanh[float64](2)), Hidden: lagrangian.NewIdentity[float64](), N: n, Xi: patterns(5, k, n, false), TauF: 1}, true)...)

	r := newRand(6)
	sizes := []int{10, 7, 5, 4}
	hier := []Group[float64]{
		{Size: sizes[0], L: must(lagrangian.NewTanh[float64](1)), Tau: 1},
		{Size: sizes[1], L: must(lagrangian.NewSigmoid[float64](2)), Tau: 0.4},
		{Size: sizes[2], L: lagrangian.NewReLU[float64](), Tau: 0.7},
		{Size: sizes[3], L: must(lagrangian.NewLogSumExp[float64](3)), Tau: 0.2},
	}
	var w [][]float64
	for l := range len(sizes) - 1 {
		w = append(w, randVec(r, sizes[l+1]*sizes[l], 0.3))
	}
	out = append(out, model{"hierarchical", must(NewHierarchical(hier, w))})

	blocks := must(NewBlocks([]int{6, 4}, []lagrangian.Lagrangian[float64]{must(lagrangian.NewTanh[float64](1)), must(lagrangian.NewLogSumExp[float64](2))}))
	taus := []float64{0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.1, 1.2, 1.3, 1.5}
	out = append(out, model{"fully-connected", must(NewFullyConnected[float64](blocks, randSym(r, 10, 0.5), taus, false))})
	out = append(out, model{"mixed", mixed[float64](7, false)})
	return out
}

func TestEnergyNonIncreasingEuler(t *testing.T) {
	for _, m := range models(t) {
		for _, frac := range []float64{0.001, 0.01, 0.1} {
			s := m.net.NewState(3)
			fill(s, 11, 1)
			steps := 300
			if frac == 0.001 && !testing.Short() {
				steps = 1000
			}
			trajectoryDescends(t, m.name, m.net, s, frac*m.net.TauMin(), steps)
		}
	}
}

func TestFixedPoint(t *testing.T) {
	for _, m := range models(t) {
		if m.name == "A" || m.name == "A/fast-hidden" {
			continue // sign activations: fixed points have |v| = |field|, checked in TestModelA
		}
		s := m.net.NewState(2)
		fill(s, 12, 0.5)
		s.Input = make([][]float64, m.net.NumGroups())
		s.Input[0] = randVec(newRand(13), m.net.Group(0).Size, 0.2)
		var res Result
		if err := m.net.Run(s, &Settings{Method: Adaptive, Tol: 1e-10, MaxSteps: 200_000}, &res); err != nil {
			t.Fatal(err)
		}
		if res.Status != Converged {
			t.Errorf("%s: status %v after %d iterations, residual %v", m.name, res.Status, res.Iterations, res.Residual)
			continue
		}
		checkFixedPoint(t, m.name, m.net, s, 1e-9)
	}
}

// checkFixedPoint verifies x_a = I_a + b_a + Σ W g at every neuron by
// explicit sums over the synapses.
func checkFixedPoint(t *testing.T, name string, net *Network[float64], s *State[float64], tol float64) {
	t.Helper()
	for r := range s.Batch {
		g := make([][]float64, net.NumGroups())
		for a := range g {
			grp := net.Group(a)
			g[a] = lagrangian.Activation(grp.L, s.X[a][r*grp.Size:(r+1)*grp.Size])
		}
		for a := range g {
			n := net.Group(a).Size
			u := make([]float64, n)
			if in := s.input(a); in != nil {
				copy(u, row(in, n, r))
			}
			for k := range net.NumSynapses() {
				switch syn := net.Synapse(k).(type) {
				case *Dense[float64]:
					na, nb := net.Group(syn.A).Size, net.Group(syn.B).Size
					if syn.A == a {
						for i := range na {
							for j := range nb {
								u[i] += syn.W[i*nb+j] * g[syn.B][j]
							}
						}
					} else if syn.B == a {
						for j := range nb {
							for i := range na {
								u[j] += syn.W[i*nb+j] * g[syn.A][i]
							}
						}
					}
				case *Bias[float64]:
					if syn.Group == a {
						for i, b := range syn.B {
							u[i] += b
						}
					}
				}
			}
			x := s.X[a][r*n : (r+1)*n]
			for i := range x {
				if math.Abs(x[i]-u[i]) > tol {
					t.Errorf("%s: row %d group %d neuron %d: x = %.12g, I + b + ΣWg = %.12g", name, r, a, i, x[i], u[i])
					return
				}
			}
		}
	}
}
