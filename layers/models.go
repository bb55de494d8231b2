package layers

import (
	"fmt"

	"github.com/gohopfield/hopfield/lagrangian"
)

// Indices of the groups of a two-group network.
const (
	Features = 0 // the feature (visible) neurons v
	Hidden   = 1 // the memory (hidden) neurons h
)

// TwoGroup describes the two-group network of Krotov & Hopfield (2021):
// N feature neurons v with Lagrangian L_v and time constant τ_f, K memory
// neurons h with L_h and τ_h, coupled by the memories ξ (row μ is ξ^μ):
//
//	E = [vᵀg_v − L_v(v)] + [hᵀg_h − L_h(h)] − g_hᵀ ξ g_v
//	τ_f dv/dt = ξᵀ g_h − v,   τ_h dh/dt = ξ g_v − h
//
// In the fast-hidden limit τ_h ≪ τ_f, h = ξ g_v at all times and the
// features follow τ_f dv/dt = ξᵀ ∇L_h(ξ g_v) − v, descending the effective
// energy E(v) = vᵀg_v − L_v(v) − L_h(ξ g_v).
type TwoGroup[T Float] struct {
	Feature, Hidden lagrangian.Lagrangian[T]
	// N is the number of feature neurons; Xi holds K×N memories, row-major.
	N  int
	Xi []T
	// TauF and TauH are τ_f and τ_h; TauH is not used when FastHidden.
	TauF, TauH float64
	// FastHidden takes the limit τ_h → 0: the hidden group is Instant.
	FastHidden bool
}

// Network builds the network of m: group Features (0), group Hidden (1)
// and one Dense synapse with A = Hidden, B = Features, W = ξ. It returns
// an error naming the field for N < 1, a len(Xi) that is not a positive
// multiple of N, and everything NewNetwork rejects.
func (m TwoGroup[T]) Network() (*Network[T], error) {
	if m.N < 1 {
		return nil, fmt.Errorf("layers: TwoGroup.N = %d, want at least 1", m.N)
	}
	if len(m.Xi) == 0 || len(m.Xi)%m.N != 0 {
		return nil, fmt.Errorf("layers: len(TwoGroup.Xi) = %d, want K×N for some K ≥ 1 and N = %d", len(m.Xi), m.N)
	}
	k := len(m.Xi) / m.N
	groups := []Group[T]{
		{Name: "features", Size: m.N, L: m.Feature, Tau: m.TauF},
		{Name: "hidden", Size: k, L: m.Hidden, Tau: m.TauH, Instant: m.FastHidden},
	}
	return NewNetwork(groups, []Synapse[T]{&Dense[T]{Name: "memories", A: Hidden, B: Features, W: m.Xi}})
}

// ModelA returns the two-group model A of Krotov & Hopfield (2021, §3):
// L_v = Σ|v|, so g_v = sign(v) (the binary dense associative memory), and
// L_h = Σ F(h) for the interaction function given as f, for instance
// lagrangian.NewPowerSum(n) or NewRectifiedPowerSum(n) or NewExpSum(β).
// τ_f = τ_h = 1.
func ModelA[T Float](xi []T, n int, f lagrangian.Lagrangian[T]) TwoGroup[T] {
	return TwoGroup[T]{Feature: lagrangian.NewAbs[T](), Hidden: f, N: n, Xi: xi, TauF: 1, TauH: 1}
}

// ModelB returns model B: L_v = ½Σv², L_h = (1/β) log Σ e^{βh}. In the
// fast-hidden limit an Euler step of dt = τ_f is the attention update
// v ← ξᵀ softmax(β ξ v) (Ramsauer et al. 2021). τ_f = τ_h = 1. It fails
// unless β is positive and finite.
func ModelB[T Float](xi []T, n int, beta float64) (TwoGroup[T], error) {
	lh, err := lagrangian.NewLogSumExp[T](beta)
	if err != nil {
		return TwoGroup[T]{}, err
	}
	return TwoGroup[T]{Feature: lagrangian.NewIdentity[T](), Hidden: lh, N: n, Xi: xi, TauF: 1, TauH: 1}, nil
}

// ModelC returns model C: L_v = sqrt(Σv² + eps) (spherical
// normalisation, g_v = v/|v|) and L_h = Σ F(h) given as f. τ_f = τ_h = 1.
// It fails unless eps is non-negative and finite.
func ModelC[T Float](xi []T, n int, f lagrangian.Lagrangian[T], eps float64) (TwoGroup[T], error) {
	lv, err := lagrangian.NewSphericalNorm[T](1, nil, eps)
	if err != nil {
		return TwoGroup[T]{}, err
	}
	return TwoGroup[T]{Feature: lv, Hidden: f, N: n, Xi: xi, TauF: 1, TauH: 1}, nil
}

// NewHierarchical returns the layered network of Krotov (2021): layers
// 0 … L−1, each a Group with its own Lagrangian and τ, and weights[k]
// (N_{k+1}×N_k, row-major) coupling layer k+1 to layer k:
//
//	E = Σ_A [x_Aᵀ g_A − L_A(x_A)] − Σ_k g_{k+1}ᵀ W_k g_k
//	τ_A dx_A/dt = W_{A−1} g_{A−1} + W_Aᵀ g_{A+1} − x_A
//
// with g_{−1} = g_L = 0 at the boundaries. The same W_k carries the
// feedforward and feedback signal, so the couplings are symmetric.
// len(weights) must be len(layers) − 1.
func NewHierarchical[T Float](layers []Group[T], weights [][]T) (*Network[T], error) {
	if len(layers) < 1 {
		return nil, fmt.Errorf("layers: layers is empty")
	}
	if len(weights) != len(layers)-1 {
		return nil, fmt.Errorf("layers: len(weights) = %d, want len(layers) − 1 = %d", len(weights), len(layers)-1)
	}
	syn := make([]Synapse[T], len(weights))
	for k, w := range weights {
		syn[k] = &Dense[T]{Name: fmt.Sprintf("weights[%d]", k), A: k + 1, B: k, W: w}
	}
	return NewNetwork(layers, syn)
}

// NewFullyConnected returns the fully connected heterogeneous network of
// Krotov (2021, §4): N neurons with one global Lagrangian l (additive or
// not; see Blocks for a softmax over part of the neurons), symmetric
// N×N weights w and a time constant per neuron:
//
//	E = xᵀg − L(x) − ½ gᵀ W g,   τᵢ dxᵢ/dt = Σⱼ Wᵢⱼ gⱼ − xᵢ
//
// It is one group with a self-coupling; bias or input currents are added
// through State.Input. An asymmetric w is an error unless allowAsymmetric.
func NewFullyConnected[T Float](l lagrangian.Lagrangian[T], w []T, tau []float64, allowAsymmetric bool) (*Network[T], error) {
	n := len(tau)
	if n < 1 {
		return nil, fmt.Errorf("layers: tau is empty: want one time constant per neuron")
	}
	groups := []Group[T]{{Name: "neurons", Size: n, L: l, Taus: tau}}
	return NewNetwork(groups, []Synapse[T]{&Dense[T]{Name: "W", A: 0, B: 0, W: w, AllowAsymmetric: allowAsymmetric}})
}
