package classical

import "fmt"

// Network is a binary Hopfield network of N units: an N×N float32 weight
// matrix stored flat in row-major order, N float64 thresholds θᵢ and the state
// convention used at its API. Its zero value is not usable; call New.
//
// Methods that store, forget or set weights and thresholds mutate the network
// and must not run concurrently with any other method. Energy, Recall,
// IsFixedPoint and the other read-only methods may run from many goroutines
// at once.
type Network struct {
	n         int
	conv      Convention
	w         []float32
	theta     []float64
	symmetric bool
	stored    int
}

// New returns a network of n units with zero weights and zero thresholds whose
// states are written in convention conv.
func New(n int, conv Convention) (*Network, error) {
	if err := checkSize("n", n); err != nil {
		return nil, err
	}
	if !conv.valid() {
		return nil, fmt.Errorf("classical: conv = %d, want Bipolar or Binary01", int(conv))
	}
	return &Network{
		n:         n,
		conv:      conv,
		w:         make([]float32, n*n),
		theta:     make([]float64, n),
		symmetric: true,
	}, nil
}

// N returns the number of units.
func (net *Network) N() int { return net.n }

// Convention returns the state convention of the network's API.
func (net *Network) Convention() Convention { return net.conv }

// Stored returns the number of patterns added by StoreHebbian and
// StoreStorkey (less those forgotten) or set by SetPseudoInverse since the
// weights were last set.
func (net *Network) Stored() int { return net.stored }

// Symmetric reports whether the weight matrix is symmetric, wᵢⱼ = wⱼᵢ.
func (net *Network) Symmetric() bool { return net.symmetric }

// Weight returns wᵢⱼ.
func (net *Network) Weight(i, j int) float32 { return net.w[i*net.n+j] }

// WeightsTo copies the row-major N×N weight matrix into dst, allocating it
// when nil, and returns it.
func (net *Network) WeightsTo(dst []float32) []float32 {
	if dst == nil {
		dst = make([]float32, len(net.w))
	}
	if len(dst) != len(net.w) {
		panic("classical: WeightsTo destination length mismatch")
	}
	copy(dst, net.w)
	return dst
}

// SetWeights replaces the weights by the row-major N×N matrix w, which may be
// asymmetric and may have a non-zero diagonal (the energy is then no longer a
// Lyapunov function of the dynamics). It resets Stored to zero.
func (net *Network) SetWeights(w []float32) error {
	if err := checkFinite32("w", w, net.n*net.n); err != nil {
		return err
	}
	copy(net.w, w)
	net.symmetric = isSymmetric(net.w, net.n)
	net.stored = 0
	return nil
}

// ThresholdsTo copies the thresholds into dst, allocating it when nil.
func (net *Network) ThresholdsTo(dst []float64) []float64 {
	if dst == nil {
		dst = make([]float64, net.n)
	}
	copy(dst, net.theta)
	return dst
}

// SetThresholds sets the thresholds θ. Values must be finite.
func (net *Network) SetThresholds(theta []float64) error {
	if err := checkFinite("theta", theta, net.n); err != nil {
		return err
	}
	copy(net.theta, theta)
	return nil
}

func isSymmetric(w []float32, n int) bool {
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			if w[i*n+j] != w[j*n+i] {
				return false
			}
		}
	}
	return true
}

// bipolar converts a validated state of the network's convention to ±1.
func (net *Network) bipolar(dst, s []int8) {
	for i, v := range s {
		dst[i], _ = net.conv.toBipolar(v)
	}
}

// fieldsTo writes the local fields hᵢ = Σⱼ wᵢⱼSⱼ of the ±1 state s into h,
// accumulating in float64.
func (net *Network) fieldsTo(h []float64, s []int8) {
	n := net.n
	for i := range h {
		row := net.w[i*n : (i+1)*n : (i+1)*n]
		var sum float64
		for j, wij := range row {
			if s[j] > 0 {
				sum += float64(wij)
			} else {
				sum -= float64(wij)
			}
		}
		h[i] = sum
	}
}

// Energy returns the energy of state s (in the network's convention)
//
//	E(S) = −½ Σᵢⱼ wᵢⱼSᵢSⱼ + Σᵢ θᵢSᵢ
//
// with Sᵢ = ±1. The sign of the threshold term matches the update rule
// Sᵢ ← +1 iff Σⱼ wᵢⱼSⱼ ≥ θᵢ, so that asynchronous updates with symmetric
// weights and a non-negative diagonal never raise E.
func (net *Network) Energy(s []int8) (float64, error) {
	if err := checkState("s", s, net.n, net.conv); err != nil {
		return 0, err
	}
	b := make([]int8, net.n)
	net.bipolar(b, s)
	h := make([]float64, net.n)
	net.fieldsTo(h, b)
	return energyFromFields(h, b, net.theta), nil
}

func energyFromFields(h []float64, s []int8, theta []float64) float64 {
	var e float64
	for i, hi := range h {
		si := float64(s[i])
		e += -0.5*si*hi + theta[i]*si
	}
	return e
}

// PseudoCut returns Bruck's (1990) pseudo-cut of state s: with the partition
// S⁺ = {i : Sᵢ = +1}, S⁻ = {i : Sᵢ = −1},
//
//	C(S) = Σ_{i∈S⁺, j∈S⁻} ½(wᵢⱼ + wⱼᵢ) + ½ Σ_{i∈S⁺} θᵢ − ½ Σ_{i∈S⁻} θᵢ,
//
// the weight of the cut between the two groups plus a threshold term. For
// symmetric weights it is an affine function of the energy,
//
//	E(S) = 2·C(S) − ½ Σᵢⱼ wᵢⱼ,
//
// so serial (asynchronous) operation is a local search for a minimum
// pseudo-cut, which is Bruck's elementary convergence argument.
func (net *Network) PseudoCut(s []int8) (float64, error) {
	if err := checkState("s", s, net.n, net.conv); err != nil {
		return 0, err
	}
	n := net.n
	b := make([]int8, n)
	net.bipolar(b, s)
	var c float64
	for i := 0; i < n; i++ {
		if b[i] > 0 {
			c += 0.5 * net.theta[i]
			for j := 0; j < n; j++ {
				if b[j] < 0 {
					c += 0.5 * (float64(net.w[i*n+j]) + float64(net.w[j*n+i]))
				}
			}
		} else {
			c -= 0.5 * net.theta[i]
		}
	}
	return c, nil
}

// BruckU returns Bruck's (1990) function of two successive states of fully
// parallel (synchronous) operation, S(k) = cur and S(k−1) = prev,
//
//	U(k) = −Σᵢⱼ wᵢⱼ Sᵢ(k) Sⱼ(k−1) + Σᵢ θᵢ (Sᵢ(k) + Sᵢ(k−1)).
//
// With symmetric weights U never increases under synchronous updates, and is
// constant exactly when S(k+1) = S(k−1) up to ties: the dynamics end in a
// fixed point or a cycle of length two. U(k) equals 2E(S) when cur = prev.
func (net *Network) BruckU(cur, prev []int8) (float64, error) {
	if err := checkState("cur", cur, net.n, net.conv); err != nil {
		return 0, err
	}
	if err := checkState("prev", prev, net.n, net.conv); err != nil {
		return 0, err
	}
	n := net.n
	c := make([]int8, n)
	p := make([]int8, n)
	net.bipolar(c, cur)
	net.bipolar(p, prev)
	h := make([]float64, n)
	net.fieldsTo(h, p)
	var u float64
	for i := range h {
		u += -float64(c[i])*h[i] + net.theta[i]*float64(c[i]+p[i])
	}
	return u, nil
}

// IsFixedPoint reports whether every unit of s already satisfies the
// deterministic update rule Sᵢ = +1 iff Σⱼ wᵢⱼSⱼ ≥ θᵢ.
func (net *Network) IsFixedPoint(s []int8) (bool, error) {
	if err := checkState("s", s, net.n, net.conv); err != nil {
		return false, err
	}
	b := make([]int8, net.n)
	net.bipolar(b, s)
	h := make([]float64, net.n)
	net.fieldsTo(h, b)
	for i, hi := range h {
		if sign(hi, net.theta[i]) != b[i] {
			return false, nil
		}
	}
	return true, nil
}

// sign is the deterministic update: +1 iff h ≥ θ.
func sign(h, theta float64) int8 {
	if h >= theta {
		return 1
	}
	return -1
}
