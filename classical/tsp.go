package classical

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// TSPParams are the constants of the Hopfield–Tank (1985) travelling-salesman
// energy. The zero value of each field means the paper's choice for 10
// cities: A = B = 500, C = 200, D = 500, n̂ = 1.5n (15 for n = 10),
// u₀ = 0.02 and τ = 1.
type TSPParams struct {
	A, B, C, D float64
	// NHat is the target Σ V of the global term.
	NHat float64
	// U0 sets the gain: V = ½(1 + tanh(u/u₀)).
	U0  float64
	Tau float64
}

// TSP is the Hopfield–Tank network for a travelling-salesman problem on n
// cities: neuron (X, i), stored at index X·n + i, says city X is visited at
// position i. Its energy is
//
//	E = A/2 Σ_X Σ_i Σ_{j≠i} V_Xi V_Xj            (one position per city)
//	  + B/2 Σ_i Σ_X Σ_{Y≠X} V_Xi V_Yi            (one city per position)
//	  + C/2 (Σ_X Σ_i V_Xi − n̂)²                  (n neurons on in all)
//	  + D/2 Σ_X Σ_{Y≠X} Σ_i d_XY V_Xi (V_Y,i+1 + V_Y,i−1)   (tour length)
//
// with positions taken modulo n. E is quadratic in V, so the network is a
// Continuous network with the T and I read off from E, the logistic gain
// V = ½(1 + tanh(u/u₀)) and du/dt = −u/τ − ∂E/∂V.
type TSP struct {
	n    int
	dist []float64
	par  TSPParams
	net  *Continuous
}

// NewTSP returns the Hopfield–Tank network for the row-major n×n symmetric
// distance matrix dist (n ≥ 3, non-negative, zero diagonal ignored).
// A nil params means the paper's constants.
func NewTSP(n int, dist []float64, params *TSPParams) (*TSP, error) {
	if n < 3 {
		return nil, fmt.Errorf("classical: n = %d cities, want ≥ 3", n)
	}
	if err := checkFinite("dist", dist, n*n); err != nil {
		return nil, err
	}
	for x := 0; x < n; x++ {
		for y := 0; y < n; y++ {
			if dist[x*n+y] < 0 || dist[x*n+y] != dist[y*n+x] {
				return nil, fmt.Errorf("classical: dist[%d,%d] = %v, want a non-negative symmetric matrix", x, y, dist[x*n+y])
			}
		}
	}
	var par TSPParams
	if params != nil {
		par = *params
	}
	def := func(v *float64, d float64) {
		if *v == 0 {
			*v = d
		}
	}
	def(&par.A, 500)
	def(&par.B, 500)
	def(&par.C, 200)
	def(&par.D, 500)
	def(&par.NHat, 1.5*float64(n))
	def(&par.U0, 0.02)
	def(&par.Tau, 1)
	for name, v := range map[string]float64{"A": par.A, "B": par.B, "C": par.C, "D": par.D, "NHat": par.NHat, "U0": par.U0, "Tau": par.Tau} {
		if !(v > 0) || math.IsInf(v, 1) {
			return nil, fmt.Errorf("classical: params.%s = %v, want a finite value > 0", name, v)
		}
	}
	m := n * n
	t := make([]float64, m*m)
	in := make([]float64, m)
	for x := 0; x < n; x++ {
		for i := 0; i < n; i++ {
			a := x*n + i
			in[a] = par.Tau * par.C * par.NHat
			for y := 0; y < n; y++ {
				for j := 0; j < n; j++ {
					b := y*n + j
					v := -par.C
					if x == y && i != j {
						v -= par.A
					}
					if i == j && x != y {
						v -= par.B
					}
					if x != y && (j == (i+1)%n || j == (i+n-1)%n) {
						v -= par.D * dist[x*n+y]
					}
					t[a*m+b] = par.Tau * v
				}
			}
		}
	}
	// τ du/dt = −u + τ(TV + I) is du/dt = −u/τ − ∂E/∂V.
	net, err := NewContinuous(m, t, in, Logistic{Lambda: 2 / par.U0}, par.Tau)
	if err != nil {
		return nil, err
	}
	return &TSP{n: n, dist: append([]float64(nil), dist...), par: par, net: net}, nil
}

// Network returns the underlying continuous network (n² neurons). Its energy
// is τ·E plus the gain's integral term.
func (p *TSP) Network() *Continuous { return p.net }

// Params returns the constants in use, defaults filled in.
func (p *TSP) Params() TSPParams { return p.par }

// TSPEnergy is the Hopfield–Tank energy split into its terms.
type TSPEnergy struct {
	Row, Column, Global, Distance float64
}

// Total returns the sum of the terms.
func (e TSPEnergy) Total() float64 { return e.Row + e.Column + e.Global + e.Distance }

// Energy returns the terms of E for the outputs v (length n²), each summed
// directly from its definition.
func (p *TSP) Energy(v []float64) (TSPEnergy, error) {
	n := p.n
	if err := checkFinite("v", v, n*n); err != nil {
		return TSPEnergy{}, err
	}
	var e TSPEnergy
	var sum float64
	for x := 0; x < n; x++ {
		for i := 0; i < n; i++ {
			vxi := v[x*n+i]
			sum += vxi
			for j := 0; j < n; j++ {
				if j != i {
					e.Row += vxi * v[x*n+j]
				}
			}
			for y := 0; y < n; y++ {
				if y == x {
					continue
				}
				e.Column += vxi * v[y*n+i]
				e.Distance += p.dist[x*n+y] * vxi * (v[y*n+(i+1)%n] + v[y*n+(i+n-1)%n])
			}
		}
	}
	e.Row *= p.par.A / 2
	e.Column *= p.par.B / 2
	e.Global = p.par.C / 2 * (sum - p.par.NHat) * (sum - p.par.NHat)
	e.Distance *= p.par.D / 2
	return e, nil
}

// DecodeTour reads a tour from outputs v (length n², neuron X·n + i): the
// city at position i is the one X with V_Xi > ½. It reports false unless
// every row and every column has exactly one such neuron.
func DecodeTour(n int, v []float64) ([]int, bool) {
	if len(v) != n*n {
		return nil, false
	}
	tour := make([]int, n)
	seen := make([]bool, n)
	for i := 0; i < n; i++ {
		tour[i] = -1
		for x := 0; x < n; x++ {
			if v[x*n+i] > 0.5 {
				if tour[i] >= 0 || seen[x] {
					return nil, false
				}
				tour[i] = x
				seen[x] = true
			}
		}
		if tour[i] < 0 {
			return nil, false
		}
	}
	return tour, true
}

// TourLength returns the length of the closed tour through the cities in
// order, returning to the first.
func TourLength(n int, dist []float64, tour []int) float64 {
	var l float64
	for i, x := range tour {
		l += dist[x*n+tour[(i+1)%len(tour)]]
	}
	return l
}

// TSPSettings configures TSP.Solve. The zero value (and nil) means 10
// restarts, seed 0, initial noise 0.1u₀ and adaptive integration to a
// residual of 1e-3 or a time of 2τ. The outputs saturate within a fraction
// of τ while u itself relaxes on the scale τ, so most runs end at the time
// limit with a settled tour.
type TSPSettings struct {
	Restarts int
	Seed     uint64
	// Noise is the half-width of the uniform noise added to the start
	// u₀₀ = −(u₀/2) ln(n − 1), at which Σ V = n.
	Noise    float64
	Dynamics *DynamicsSettings
}

// TSPResult reports Solve's restarts.
type TSPResult struct {
	Restarts, Valid int
	// ValidRate is Valid/Restarts.
	ValidRate float64
	// Lengths holds the length of every valid tour found, in restart order.
	Lengths []float64
	// Best is the shortest valid tour (nil if none) and BestLength its length.
	Best       []int
	BestLength float64
	// Status holds each restart's dynamics status.
	Status []Status
}

// Solve runs the network from Restarts noisy starts (restart r draws from
// the PCG stream (Seed, r)), decodes each final state and reports the valid
// tours. The 1985 parameters are known to give valid tours on only part of
// the restarts (Wilson & Pawley 1988); the rate is part of the answer.
func (p *TSP) Solve(settings *TSPSettings) (TSPResult, error) {
	var set TSPSettings
	if settings != nil {
		set = *settings
	}
	if set.Restarts < 0 {
		return TSPResult{}, fmt.Errorf("classical: settings.Restarts = %d, want ≥ 0", set.Restarts)
	}
	if set.Restarts == 0 {
		set.Restarts = 10
	}
	if set.Noise == 0 {
		set.Noise = 0.1 * p.par.U0
	}
	if !(set.Noise > 0) || math.IsInf(set.Noise, 1) {
		return TSPResult{}, fmt.Errorf("classical: settings.Noise = %v, want a finite value > 0", set.Noise)
	}
	dyn := DynamicsSettings{Method: Adaptive, Tolerance: 1e-3, MaxTime: 2 * p.par.Tau}
	if set.Dynamics != nil {
		dyn = *set.Dynamics
	}
	n := p.n
	res := TSPResult{Restarts: set.Restarts, BestLength: math.Inf(1), Status: make([]Status, set.Restarts)}
	u := make([]float64, n*n)
	v := make([]float64, n*n)
	u00 := -p.par.U0 / 2 * math.Log(float64(n-1))
	for r := 0; r < set.Restarts; r++ {
		rng := rand.New(rand.NewPCG(set.Seed, uint64(r)))
		for i := range u {
			u[i] = u00 + set.Noise*(2*rng.Float64()-1)
		}
		dr, err := p.net.Run(u, &dyn)
		if err != nil {
			return TSPResult{}, err
		}
		res.Status[r] = dr.Status
		p.net.ActivationTo(v, u)
		tour, ok := DecodeTour(n, v)
		if !ok {
			continue
		}
		res.Valid++
		l := TourLength(n, p.dist, tour)
		res.Lengths = append(res.Lengths, l)
		if l < res.BestLength {
			res.BestLength, res.Best = l, tour
		}
	}
	res.ValidRate = float64(res.Valid) / float64(res.Restarts)
	return res, nil
}
