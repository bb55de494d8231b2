package classical

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// Ising is the problem of minimising the energy
//
//	E(s) = −½ Σᵢⱼ Wᵢⱼ sᵢsⱼ − Σᵢ bᵢsᵢ,   sᵢ = ±1,
//
// over the 2ᴺ corners of the hypercube, with W a symmetric row-major N×N
// matrix. The diagonal of W adds the constant −½ΣWᵢᵢ. Minimising a QUBO or
// finding a maximum cut are instances (see QUBO and MaxCut).
type Ising struct {
	N int
	W []float64
	B []float64
}

// Validate checks the sizes, finiteness and symmetry of the problem.
func (p *Ising) Validate() error {
	if err := checkSize("N", p.N); err != nil {
		return err
	}
	if err := checkFinite("W", p.W, p.N*p.N); err != nil {
		return err
	}
	if err := checkFinite("B", p.B, p.N); err != nil {
		return err
	}
	n := p.N
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			if p.W[i*n+j] != p.W[j*n+i] {
				return fmt.Errorf("classical: W is not symmetric: W[%d,%d] = %v, W[%d,%d] = %v", i, j, p.W[i*n+j], j, i, p.W[j*n+i])
			}
		}
	}
	return nil
}

// Energy returns E(s) for a ±1 state s. It panics if len(s) != N.
func (p *Ising) Energy(s []int8) float64 {
	if len(s) != p.N {
		panic("classical: Ising.Energy state length mismatch")
	}
	n := p.N
	var e float64
	for i := 0; i < n; i++ {
		var h float64
		for j := 0; j < n; j++ {
			h += p.W[i*n+j] * float64(s[j])
		}
		e -= float64(s[i]) * (0.5*h + p.B[i])
	}
	return e
}

// QUBO returns the Ising problem equivalent to minimising
//
//	f(x) = Σᵢⱼ Qᵢⱼ xᵢxⱼ + Σᵢ cᵢxᵢ,   xᵢ ∈ {0, 1},
//
// under xᵢ = (1 + sᵢ)/2, and the constant offset with f(x) = E(s) + offset.
// Q is row-major n×n and need not be symmetric; c may be nil.
func QUBO(n int, q, c []float64) (*Ising, float64, error) {
	if err := checkSize("n", n); err != nil {
		return nil, 0, err
	}
	if err := checkFinite("q", q, n*n); err != nil {
		return nil, 0, err
	}
	if c == nil {
		c = make([]float64, n)
	}
	if err := checkFinite("c", c, n); err != nil {
		return nil, 0, err
	}
	p := &Ising{N: n, W: make([]float64, n*n), B: make([]float64, n)}
	var offset float64
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			sym := 0.5 * (q[i*n+j] + q[j*n+i])
			// ¼ sᵢQsⱼ  ⇒  W = −½Q;  ¼(Q1)ᵢ sᵢ twice  ⇒  b = −½Q1.
			p.W[i*n+j] = -0.5 * sym
			p.B[i] -= 0.5 * sym
			offset += 0.25 * sym
		}
		p.B[i] -= 0.5 * c[i]
		offset += 0.5 * c[i]
	}
	return p, offset, nil
}

// MaxCut returns the Ising problem whose minima are maximum cuts of the
// undirected graph with symmetric row-major n×n edge weights adj (diagonal
// ignored), together with the constant relating the two:
//
//	cut(s) = ¼ Σᵢⱼ Aᵢⱼ(1 − sᵢsⱼ) = total − ½E(s),   W = −A (zero diagonal).
//
// total is ¼ Σ_{i≠j} Aᵢⱼ, half the total edge weight.
func MaxCut(n int, adj []float64) (p *Ising, total float64, err error) {
	if err := checkSize("n", n); err != nil {
		return nil, 0, err
	}
	if err := checkFinite("adj", adj, n*n); err != nil {
		return nil, 0, err
	}
	p = &Ising{N: n, W: make([]float64, n*n), B: make([]float64, n)}
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			if i == j {
				continue
			}
			if adj[i*n+j] != adj[j*n+i] {
				return nil, 0, fmt.Errorf("classical: adj is not symmetric at [%d,%d]", i, j)
			}
			p.W[i*n+j] = -adj[i*n+j]
			total += 0.25 * adj[i*n+j]
		}
	}
	return p, total, nil
}

// CutValue returns the weight Σ_{i<j, sᵢ≠sⱼ} Aᵢⱼ of the cut given by s.
func CutValue(n int, adj []float64, s []int8) float64 {
	var c float64
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			if s[i] != s[j] {
				c += adj[i*n+j]
			}
		}
	}
	return c
}

// Descent selects how Minimize descends the energy from each start.
type Descent int

const (
	// BinaryDescent runs the binary network (W with zero diagonal, θ = −b)
	// asynchronously from a random corner to a fixed point, a local minimum
	// under single flips. It is the zero value.
	BinaryDescent Descent = iota
	// ContinuousDescent runs the continuous network (T = W, zero diagonal,
	// I = b, V = tanh(λu)) from small random u to rest, rounds V to signs
	// and finishes with BinaryDescent from there.
	ContinuousDescent
)

// MinimizeSettings configures Minimize. The zero value (and nil) means binary
// descent, 20 restarts, seed 0 and, for continuous descent, gain λ = 5.
type MinimizeSettings struct {
	Descent  Descent
	Restarts int
	Seed     uint64
	Gain     float64
}

// MinimizeResult is the best state found over the restarts.
type MinimizeResult struct {
	State  []int8
	Energy float64
	// Energies holds the final energy of every restart, in order.
	Energies []float64
}

// Minimize searches for a minimum of the Ising energy by energy descent with
// the binary or continuous Hopfield network from Restarts seeded random
// starts, and returns the lowest state found (the first, on ties). Restart r
// draws from the PCG stream (Seed, r). It is a heuristic: each restart ends
// in a local minimum.
func Minimize(p *Ising, settings *MinimizeSettings) (MinimizeResult, error) {
	var set MinimizeSettings
	if settings != nil {
		set = *settings
	}
	if err := p.Validate(); err != nil {
		return MinimizeResult{}, err
	}
	if set.Restarts < 0 {
		return MinimizeResult{}, fmt.Errorf("classical: settings.Restarts = %d, want ≥ 0", set.Restarts)
	}
	if set.Restarts == 0 {
		set.Restarts = 20
	}
	if set.Gain == 0 {
		set.Gain = 5
	}
	if !(set.Gain > 0) || math.IsInf(set.Gain, 1) {
		return MinimizeResult{}, fmt.Errorf("classical: settings.Gain = %v, want a finite value > 0", set.Gain)
	}
	if set.Descent != BinaryDescent && set.Descent != ContinuousDescent {
		return MinimizeResult{}, fmt.Errorf("classical: settings.Descent = %d is not a known method", int(set.Descent))
	}
	n := p.N
	net, _ := New(n, Bipolar)
	w32 := make([]float32, n*n)
	t := make([]float64, n*n)
	theta := make([]float64, n)
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			if i != j {
				w32[i*n+j] = float32(p.W[i*n+j])
				t[i*n+j] = p.W[i*n+j]
			}
		}
		theta[i] = -p.B[i]
	}
	if err := net.SetWeights(w32); err != nil {
		return MinimizeResult{}, err
	}
	if err := net.SetThresholds(theta); err != nil {
		return MinimizeResult{}, err
	}
	var cont *Continuous
	if set.Descent == ContinuousDescent {
		var err error
		if cont, err = NewContinuous(n, t, p.B, Tanh{Lambda: set.Gain}, 1); err != nil {
			return MinimizeResult{}, err
		}
	}
	res := MinimizeResult{Energy: math.Inf(1), Energies: make([]float64, set.Restarts)}
	s := make([]int8, n)
	final := make([]int8, n)
	u := make([]float64, n)
	for r := 0; r < set.Restarts; r++ {
		rng := rand.New(rand.NewPCG(set.Seed, uint64(r)))
		if cont != nil {
			for i := range u {
				u[i] = 0.01 * rng.NormFloat64()
			}
			if _, err := cont.Run(u, &DynamicsSettings{Method: Adaptive, Tolerance: 1e-4}); err != nil {
				return MinimizeResult{}, err
			}
			for i, x := range u {
				s[i] = sign(x, 0)
			}
		} else {
			for i := range s {
				s[i] = randSpin(rng)
			}
		}
		if _, err := net.Recall(final, s, &RecallSettings{Rand: rng, MaxSweeps: 10 * n}); err != nil {
			return MinimizeResult{}, err
		}
		e := p.Energy(final)
		res.Energies[r] = e
		if e < res.Energy {
			res.Energy = e
			res.State = append(res.State[:0], final...)
		}
	}
	return res, nil
}
