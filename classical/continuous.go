package classical

import (
	"fmt"
	"math"
)

// Continuous is the graded-response network of Hopfield (1984): N neurons
// with internal states uᵢ and outputs Vᵢ = g(uᵢ), evolving by
//
//	τ duᵢ/dt = −uᵢ + Σⱼ Tᵢⱼ Vⱼ + Iᵢ.
//
// For symmetric T the energy
//
//	E(V) = −½ Σᵢⱼ Tᵢⱼ VᵢVⱼ − Σᵢ IᵢVᵢ + Σᵢ ∫₀^{Vᵢ} g⁻¹(x) dx
//
// satisfies dE/dt = −τ Σᵢ g′(uᵢ)(duᵢ/dt)² ≤ 0, so trajectories descend E to
// a stationary point. As the gain grows the integral term vanishes and the
// minima move to the corners of the hypercube that are stable states of the
// binary network with weights T and thresholds θ = −I.
//
// A Continuous is read-only after construction and safe for concurrent use.
type Continuous struct {
	n     int
	t     []float64
	input []float64
	gain  Gain
	tau   float64
}

// NewContinuous returns a network of n neurons with the row-major n×n
// connection matrix t (copied), external inputs input (copied; nil means
// zero), gain g and time constant tau > 0. T need not be symmetric, but only
// a symmetric T makes E a Lyapunov function.
func NewContinuous(n int, t, input []float64, g Gain, tau float64) (*Continuous, error) {
	if err := checkSize("n", n); err != nil {
		return nil, err
	}
	if err := checkFinite("t", t, n*n); err != nil {
		return nil, err
	}
	if input == nil {
		input = make([]float64, n)
	}
	if err := checkFinite("input", input, n); err != nil {
		return nil, err
	}
	if g == nil {
		return nil, fmt.Errorf("classical: gain is nil")
	}
	if v, ok := g.(interface{ validate() error }); ok {
		if err := v.validate(); err != nil {
			return nil, err
		}
	}
	if !(tau > 0) || math.IsInf(tau, 1) {
		return nil, fmt.Errorf("classical: tau = %v, want a finite value > 0", tau)
	}
	return &Continuous{
		n:     n,
		t:     append([]float64(nil), t...),
		input: append([]float64(nil), input...),
		gain:  g,
		tau:   tau,
	}, nil
}

// NewContinuousFromPatterns returns the continuous network that stores the
// real-valued patterns ξ^μ with
//
//	T = Σμ ξ^μ ξ^μᵀ   (diagonal included),  I = 0,  τ = 1.
//
// It is the classical limit of the modern two-layer associative memory: a
// layer of N feature neurons and a layer of P memory neurons with the
// identity (quadratic) Lagrangian, coupled by the patterns; integrating out
// the memory layer leaves the energy −½ Σμ (ξ^μ·V)² = −½ VᵀTV.
func NewContinuousFromPatterns(patterns [][]float64, g Gain) (*Continuous, error) {
	if len(patterns) == 0 {
		return nil, fmt.Errorf("classical: patterns is empty (P = 0)")
	}
	n := len(patterns[0])
	if n == 0 {
		return nil, fmt.Errorf("classical: patterns[0] is empty (N = 0)")
	}
	for mu, p := range patterns {
		if err := checkFinite(fmt.Sprintf("patterns[%d]", mu), p, n); err != nil {
			return nil, err
		}
	}
	t := make([]float64, n*n)
	for _, p := range patterns {
		for i, pi := range p {
			row := t[i*n : (i+1)*n]
			for j, pj := range p {
				row[j] += pi * pj
			}
		}
	}
	return NewContinuous(n, t, nil, g, 1)
}

// N returns the number of neurons.
func (c *Continuous) N() int { return c.n }

// Gain returns the network's gain function.
func (c *Continuous) Gain() Gain { return c.gain }

// Connection returns Tᵢⱼ.
func (c *Continuous) Connection(i, j int) float64 { return c.t[i*c.n+j] }

// Input returns Iᵢ.
func (c *Continuous) Input(i int) float64 { return c.input[i] }

// ActivationTo writes Vᵢ = g(uᵢ) into dst (allocated when nil) and returns it.
func (c *Continuous) ActivationTo(dst, u []float64) []float64 {
	if dst == nil {
		dst = make([]float64, len(u))
	}
	for i, x := range u {
		dst[i] = c.gain.Activation(x)
	}
	return dst
}

// Energy returns E(V) for outputs v (see Continuous).
func (c *Continuous) Energy(v []float64) (float64, error) {
	if err := checkFinite("v", v, c.n); err != nil {
		return 0, err
	}
	return c.energy(v), nil
}

func (c *Continuous) energy(v []float64) float64 {
	n := c.n
	var e float64
	for i, vi := range v {
		row := c.t[i*n : (i+1)*n]
		var s float64
		for j, tij := range row {
			s += tij * v[j]
		}
		e += -0.5*vi*s - c.input[i]*vi + c.gain.InverseIntegral(vi)
	}
	return e
}

// derivTo writes du/dt = (−u + T g(u) + I)/τ into du, using v as scratch for
// the outputs, and returns max |τ du/dt|.
func (c *Continuous) derivTo(du, v, u []float64) float64 {
	n := c.n
	for i, x := range u {
		v[i] = c.gain.Activation(x)
	}
	var res float64
	for i := range du {
		row := c.t[i*n : (i+1)*n]
		s := c.input[i] - u[i]
		for j, tij := range row {
			s += tij * v[j]
		}
		if a := math.Abs(s); a > res || math.IsNaN(a) {
			res = a
		}
		du[i] = s / c.tau
	}
	return res
}
