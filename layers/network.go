package layers

import (
	"fmt"
	"math"

	"github.com/gohopfield/hopfield/lagrangian"
)

// Float is the element type of states, activations and weights.
type Float interface {
	float32 | float64
}

// Group is a group of neurons: a Lagrangian over Size states and the
// time constant of their dynamics.
type Group[T Float] struct {
	// Name labels the group in errors and in energy breakdowns; it may be
	// empty.
	Name string
	// Size is the number of neurons, at least 1.
	Size int
	// L is the group's Lagrangian; its activation g = ∇L(x) is what the
	// group passes to synapses. It must accept Size states
	// (lagrangian.Dim(L) is 0 or Size).
	L lagrangian.Lagrangian[T]
	// Tau is the time constant τ > 0 of every neuron in the group, unless
	// Taus is set.
	Tau float64
	// Taus, when not nil, holds one time constant τᵢ > 0 per neuron and
	// Tau is ignored.
	Taus []float64
	// Instant makes the group infinitely fast (τ → 0): its states are
	// held at their equilibrium x = I + b + field, recomputed from the
	// other groups after every step. Tau and Taus are then not used. This
	// is the fast-hidden limit of the two-group model. Two Instant groups
	// may not be coupled to each other (NewNetwork returns an error), and
	// at least one group must have dynamics.
	Instant bool
}

// Synapse is an interaction energy between the activations of groups:
// *Dense or *Bias.
type Synapse[T Float] interface {
	synapse()
}

// Dense couples two groups through a weight matrix W with the energy
//
//	E = −g_Aᵀ W g_B            (A ≠ B; W is N_A×N_B, row-major)
//	E = −½ g_Aᵀ W g_A          (A = B; W is N_A×N_A and symmetric)
//
// The same W carries the field in both directions (W g_B to A, Wᵀ g_A to
// B), so feedforward and feedback weights are symmetric by construction.
type Dense[T Float] struct {
	Name string
	A, B int
	W    []T
	// AllowAsymmetric accepts an asymmetric W when A = B. The dynamics then
	// use the field W g_A, the energy is still −½ g_Aᵀ W g_A, and descent
	// of the energy is no longer guaranteed.
	AllowAsymmetric bool
}

// Bias adds the energy E = −bᵀ g to one group (a constant input current).
type Bias[T Float] struct {
	Name  string
	Group int
	B     []T
}

func (*Dense[T]) synapse() {}
func (*Bias[T]) synapse()  {}

// Network is a set of neuron groups coupled by synapses (Krotov & Hopfield
// 2021; Krotov 2021). Its total energy for states x, activations
// g = ∇L(x) and input currents I is
//
//	E = Σ_a [x_aᵀ g_a − L_a(x_a) − I_aᵀ g_a] + Σ_s E_s(g)
//
// A Network is built by NewNetwork, which copies its arguments; it is
// read-only afterwards and safe for concurrent use with distinct States.
type Network[T Float] struct {
	groups  []Group[T]
	dense   []Dense[T]
	bias    []Bias[T]
	order   []synRef // synapses in the order given, for breakdowns
	offset  []int    // offset[a] = Σ_{b<a} N_b
	size    int
	rate    [][]T // per neuron 1/τ (nil for Instant groups)
	bsum    [][]T // per group Σ of its Bias synapses (nil where none)
	tauMin  float64
	slow    bool // at least one group is not Instant
	instant bool // at least one group is Instant
}

// synRef locates a synapse: dense[i] or bias[i].
type synRef struct {
	dense bool
	i     int
}

// NewNetwork validates and copies groups and synapses into a Network.
// It returns an error naming the argument when there are no groups, a
// group has Size < 1, a nil Lagrangian or one of another size, τ ≤ 0 or
// not finite (in Tau or Taus), a synapse names a missing group, a weight
// or bias has the wrong length or a NaN or Inf entry, or a self-coupling
// W is asymmetric without AllowAsymmetric.
func NewNetwork[T Float](groups []Group[T], synapses []Synapse[T]) (*Network[T], error) {
	if len(groups) == 0 {
		return nil, fmt.Errorf("layers: groups is empty")
	}
	net := &Network[T]{offset: make([]int, len(groups)), rate: make([][]T, len(groups)), bsum: make([][]T, len(groups)), tauMin: math.Inf(1)}
	for a, g := range groups {
		if err := checkGroup(a, &g); err != nil {
			return nil, err
		}
		net.offset[a] = net.size
		net.size += g.Size
		g.Taus = append([]float64(nil), g.Taus...)
		if len(g.Taus) == 0 {
			g.Taus = nil
		}
		net.instant = net.instant || g.Instant
		if !g.Instant {
			net.slow = true
			r := make([]T, g.Size)
			for i := range r {
				tau := g.Tau
				if g.Taus != nil {
					tau = g.Taus[i]
				}
				r[i] = T(1 / tau)
				net.tauMin = min(net.tauMin, tau)
			}
			net.rate[a] = r
		}
		net.groups = append(net.groups, g)
	}
	for s, syn := range synapses {
		switch syn := syn.(type) {
		case *Dense[T]:
			if err := net.checkDense(s, syn); err != nil {
				return nil, err
			}
			d := *syn
			d.W = append([]T(nil), syn.W...)
			net.order = append(net.order, synRef{true, len(net.dense)})
			net.dense = append(net.dense, d)
		case *Bias[T]:
			if err := net.checkBias(s, syn); err != nil {
				return nil, err
			}
			b := *syn
			b.B = append([]T(nil), syn.B...)
			if net.bsum[b.Group] == nil {
				net.bsum[b.Group] = make([]T, len(b.B))
			}
			for i, v := range b.B {
				net.bsum[b.Group][i] += v
			}
			net.order = append(net.order, synRef{false, len(net.bias)})
			net.bias = append(net.bias, b)
		default:
			return nil, fmt.Errorf("layers: synapses[%d] is %T, want *Dense or *Bias", s, syn)
		}
	}
	if !net.slow {
		return nil, fmt.Errorf("layers: every group is Instant: at least one group needs dynamics")
	}
	return net, nil
}

func checkGroup[T Float](a int, g *Group[T]) error {
	if g.Size < 1 {
		return fmt.Errorf("layers: groups[%d].Size = %d, want at least 1", a, g.Size)
	}
	if g.L == nil {
		return fmt.Errorf("layers: groups[%d].L is nil", a)
	}
	if d := lagrangian.Dim(g.L); d != 0 && d != g.Size {
		return fmt.Errorf("layers: groups[%d].L (%v) needs %d neurons, but Size = %d", a, g.L, d, g.Size)
	}
	if g.Instant {
		return nil
	}
	if g.Taus != nil {
		if len(g.Taus) != g.Size {
			return fmt.Errorf("layers: len(groups[%d].Taus) = %d, want Size = %d", a, len(g.Taus), g.Size)
		}
		for i, t := range g.Taus {
			if !(t > 0) || math.IsInf(t, 1) {
				return fmt.Errorf("layers: groups[%d].Taus[%d] = %v, want a finite value > 0", a, i, t)
			}
		}
		return nil
	}
	if !(g.Tau > 0) || math.IsInf(g.Tau, 1) {
		return fmt.Errorf("layers: groups[%d].Tau = %v, want a finite value > 0", a, g.Tau)
	}
	return nil
}

func (net *Network[T]) checkGroupIndex(s int, field string, a int) error {
	if a < 0 || a >= len(net.groups) {
		return fmt.Errorf("layers: synapses[%d].%s = %d, want a group in [0, %d)", s, field, a, len(net.groups))
	}
	return nil
}

func (net *Network[T]) checkDense(s int, d *Dense[T]) error {
	if d == nil {
		return fmt.Errorf("layers: synapses[%d] is a nil *Dense", s)
	}
	if err := net.checkGroupIndex(s, "A", d.A); err != nil {
		return err
	}
	if err := net.checkGroupIndex(s, "B", d.B); err != nil {
		return err
	}
	if net.groups[d.A].Instant && net.groups[d.B].Instant {
		return fmt.Errorf("layers: synapses[%d] couples Instant groups %d and %d: an Instant group is settled from groups with dynamics only", s, d.A, d.B)
	}
	na, nb := net.groups[d.A].Size, net.groups[d.B].Size
	if len(d.W) != na*nb {
		return fmt.Errorf("layers: synapses[%d]: len(W) = %d, want N_A×N_B = %d×%d (groups %d and %d)", s, len(d.W), na, nb, d.A, d.B)
	}
	if i := firstNonFinite(d.W); i >= 0 {
		return fmt.Errorf("layers: synapses[%d]: W[%d][%d] = %v, want a finite value", s, i/nb, i%nb, d.W[i])
	}
	if d.A == d.B && !d.AllowAsymmetric {
		for i := range na {
			for j := i + 1; j < na; j++ {
				if d.W[i*na+j] != d.W[j*na+i] {
					return fmt.Errorf("layers: synapses[%d]: W is not symmetric: W[%d][%d] = %v, W[%d][%d] = %v (set AllowAsymmetric to accept it without energy descent)",
						s, i, j, d.W[i*na+j], j, i, d.W[j*na+i])
				}
			}
		}
	}
	return nil
}

func (net *Network[T]) checkBias(s int, b *Bias[T]) error {
	if b == nil {
		return fmt.Errorf("layers: synapses[%d] is a nil *Bias", s)
	}
	if err := net.checkGroupIndex(s, "Group", b.Group); err != nil {
		return err
	}
	if n := net.groups[b.Group].Size; len(b.B) != n {
		return fmt.Errorf("layers: synapses[%d]: len(B) = %d, want the size %d of group %d", s, len(b.B), n, b.Group)
	}
	if i := firstNonFinite(b.B); i >= 0 {
		return fmt.Errorf("layers: synapses[%d]: B[%d] = %v, want a finite value", s, i, b.B[i])
	}
	return nil
}

func firstNonFinite[T Float](x []T) int {
	for i, v := range x {
		if f := float64(v); math.IsNaN(f) || math.IsInf(f, 0) {
			return i
		}
	}
	return -1
}

// NumGroups returns the number of groups.
func (net *Network[T]) NumGroups() int { return len(net.groups) }

// Group returns a copy of the description of group a.
func (net *Network[T]) Group(a int) Group[T] {
	g := net.groups[a]
	g.Taus = append([]float64(nil), g.Taus...)
	return g
}

// NumSynapses returns the number of synapses.
func (net *Network[T]) NumSynapses() int { return len(net.order) }

// Synapse returns a copy of synapse s, a *Dense or a *Bias.
func (net *Network[T]) Synapse(s int) Synapse[T] {
	r := net.order[s]
	if r.dense {
		d := net.dense[r.i]
		d.W = append([]T(nil), d.W...)
		return &d
	}
	b := net.bias[r.i]
	b.B = append([]T(nil), b.B...)
	return &b
}

// TauMin returns the smallest time constant of the groups that are not
// Instant, or +Inf when every group is Instant.
func (net *Network[T]) TauMin() float64 { return net.tauMin }
