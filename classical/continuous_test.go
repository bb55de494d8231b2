package classical

import (
	"math"
	"strings"
	"testing"
)

// The closed-form ∫₀^V g⁻¹ agrees with composite Simpson quadrature of the
// inverse, and g⁻¹(g(u)) = u.
func TestGainInverseIntegral(t *testing.T) {
	gains := []struct {
		g      Gain
		lo, hi float64
	}{
		{Tanh{}, -1, 1}, {Tanh{Lambda: 3.5}, -1, 1}, {Logistic{}, 0, 1}, {Logistic{Lambda: 100}, 0, 1},
	}
	for _, gc := range gains {
		g := gc.g
		for _, u := range []float64{-2, -0.3, 0, 0.01, 0.7, 1.9} {
			if got := g.Inverse(g.Activation(u)); math.Abs(got-u) > 1e-9*(1+math.Abs(u)) && math.Abs(g.Activation(u)-gc.hi) > 1e-12 {
				t.Errorf("%T%v: g⁻¹(g(%v)) = %v", g, g, u, got)
			}
		}
		for _, frac := range []float64{0.05, 0.3, 0.5, 0.77, 0.95} {
			v := gc.lo + frac*(gc.hi-gc.lo)
			// Simpson on [0, v]; for the logistic the integrand has a log
			// singularity at 0, so substitute x = v·s² to smooth it.
			const m = 20000
			f := func(s float64) float64 {
				x := v * s * s
				if x == 0 {
					return 0
				}
				return g.Inverse(x) * 2 * v * s
			}
			sum := f(0) + f(1)
			for k := 1; k < m; k++ {
				w := 2.0
				if k%2 == 1 {
					w = 4
				}
				sum += w * f(float64(k)/m)
			}
			want := sum / (3 * m)
			if got := g.InverseIntegral(v); math.Abs(got-want) > 1e-6 {
				t.Errorf("%T%v: ∫₀^%v g⁻¹ = %v, quadrature %v", g, g, v, got, want)
			}
		}
	}
	if got := (Tanh{Lambda: 2}).InverseIntegral(1); math.Abs(got-math.Ln2/2) > 1e-15 {
		t.Errorf("tanh limit at V=1: %v, want ln2/λ", got)
	}
}

func randomContinuous(t *testing.T, n int, g Gain, seed uint64) *Continuous {
	t.Helper()
	rng := newRand(seed)
	w := make([]float64, n*n)
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			v := rng.NormFloat64() / math.Sqrt(float64(n))
			w[i*n+j], w[j*n+i] = v, v
		}
	}
	in := make([]float64, n)
	for i := range in {
		in[i] = 0.2 * rng.NormFloat64()
	}
	c, err := NewContinuous(n, w, in, g, 1)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// dE/dt ≤ 0: the energy never rises along Euler (small step) or adaptive
// trajectories, for both gains, and runs end at a stationary point
// u = TV + I.
func TestContinuousEnergyNonIncreasing(t *testing.T) {
	for gi, g := range []Gain{Tanh{Lambda: 4}, Logistic{Lambda: 6}} {
		for _, method := range []Integrator{Euler, Adaptive} {
			c := randomContinuous(t, 25, g, uint64(30+gi))
			rng := newRand(uint64(40 + gi))
			u := make([]float64, c.N())
			for i := range u {
				u[i] = 0.5 * rng.NormFloat64()
			}
			prev, _ := c.Energy(c.ActivationTo(nil, u))
			start := prev
			steps := 0
			set := &DynamicsSettings{Method: method, Step: 0.01, Tolerance: 1e-8, OnStep: func(_ float64, _, v []float64) {
				e, _ := c.Energy(v)
				if e > prev+1e-10*(1+math.Abs(prev)) {
					t.Errorf("%T %v: energy rose %v → %v at step %d", g, method, prev, e, steps)
				}
				prev = e
				steps++
			}}
			res, err := c.Run(u, set)
			if err != nil {
				t.Fatal(err)
			}
			if res.Status != Converged {
				t.Fatalf("%T %v: %+v", g, method, res)
			}
			if !(res.Energy < start) || res.Steps != steps {
				t.Errorf("%T %v: energy %v → %v over %d steps (observed %d)", g, method, start, res.Energy, res.Steps, steps)
			}
			// Stationary: −u + TV + I = 0 by a direct sum.
			v := c.ActivationTo(nil, u)
			for i := range u {
				s := c.Input(i) - u[i]
				for j := range v {
					s += c.Connection(i, j) * v[j]
				}
				if math.Abs(s) > 1e-7 {
					t.Fatalf("%T %v: residual %v at %d", g, method, s, i)
				}
			}
		}
	}
}

// Both integrators reach the same attractor; the adaptive one in far fewer
// steps.
func TestAdaptiveMatchesEuler(t *testing.T) {
	c := randomContinuous(t, 20, Tanh{Lambda: 3}, 50)
	rng := newRand(51)
	u0 := make([]float64, 20)
	for i := range u0 {
		u0[i] = rng.NormFloat64()
	}
	a := append([]float64(nil), u0...)
	b := append([]float64(nil), u0...)
	ra, _ := c.Run(a, &DynamicsSettings{Step: 0.005, Tolerance: 1e-9})
	rb, _ := c.Run(b, &DynamicsSettings{Method: Adaptive, Tolerance: 1e-9, RelTol: 1e-8, AbsTol: 1e-10})
	if ra.Status != Converged || rb.Status != Converged {
		t.Fatalf("Euler %+v, adaptive %+v", ra, rb)
	}
	for i := range a {
		if math.Abs(a[i]-b[i]) > 1e-6 {
			t.Fatalf("u[%d]: Euler %v, adaptive %v", i, a[i], b[i])
		}
	}
	if rb.Steps*5 > ra.Steps {
		t.Errorf("adaptive took %d steps, Euler %d", rb.Steps, ra.Steps)
	}
}

// At high gain the continuous minima approach the binary network's: sign(V)
// is a fixed point of the binary network with W = T and θ = −I, |V| → 1, and
// the continuous energy approaches the binary energy as λ grows: at a corner
// the integral term is N·ln2/λ, which bounds the gap.
func TestHighGainApproachesBinary(t *testing.T) {
	rng := newRand(60)
	const n, p = 60, 4
	pats := mustPatterns(t, p, n, rng)
	real := make([][]float64, p)
	for mu, pat := range pats {
		real[mu] = make([]float64, n)
		for i, v := range pat {
			real[mu][i] = float64(v) / math.Sqrt(n)
		}
	}
	w := make([]float32, n*n)
	theta := make([]float64, n)
	for trial := 0; trial < 3; trial++ {
		u0 := make([]float64, n)
		for i := range u0 {
			u0[i] = 0.1 * rng.NormFloat64()
		}
		prevGap := math.Inf(1)
		for _, lam := range []float64{10, 100, 1000} {
			c, err := NewContinuousFromPatterns(real, Tanh{Lambda: lam})
			if err != nil {
				t.Fatal(err)
			}
			for i := 0; i < n; i++ {
				for j := 0; j < n; j++ {
					w[i*n+j] = float32(c.Connection(i, j))
				}
			}
			u := append([]float64(nil), u0...)
			res, err := c.Run(u, &DynamicsSettings{Method: Adaptive})
			if err != nil || res.Status != Converged {
				t.Fatalf("λ=%v: %+v %v", lam, res, err)
			}
			v := c.ActivationTo(nil, u)
			s := make([]int8, n)
			for i, x := range v {
				s[i] = sign(x, 0)
				if lam >= 100 && math.Abs(x) < 0.95 {
					t.Errorf("λ=%v: |V[%d]| = %v, want near 1", lam, i, math.Abs(x))
				}
			}
			if !refFixedPoint(w, theta, s) {
				t.Errorf("trial %d λ=%v: sign(V) is not a binary fixed point", trial, lam)
			}
			eb := refEnergy(w, theta, s)
			gap := math.Abs(res.Energy - eb)
			if gap > prevGap*1.01 {
				t.Errorf("trial %d λ=%v: |E_cont − E_bin| = %v grew from %v", trial, lam, gap, prevGap)
			}
			if bound := 1.5 * n * math.Ln2 / lam; gap > bound {
				t.Errorf("trial %d λ=%v: |E_cont − E_bin| = %v, want ≤ %v", trial, lam, gap, bound)
			}
			prevGap = gap
		}
	}
}

func TestContinuousFromPatterns(t *testing.T) {
	pats := [][]float64{{1, -2, 0.5}, {0, 1, 3}}
	c, err := NewContinuousFromPatterns(pats, Logistic{})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			want := pats[0][i]*pats[0][j] + pats[1][i]*pats[1][j]
			if got := c.Connection(i, j); got != want {
				t.Errorf("T[%d,%d] = %v, want %v", i, j, got, want)
			}
		}
	}
	// −½VᵀTV = −½Σμ(ξ^μ·V)².
	v := []float64{0.2, 0.9, 0.4}
	var quad float64
	for _, p := range pats {
		d := p[0]*v[0] + p[1]*v[1] + p[2]*v[2]
		quad -= 0.5 * d * d
	}
	var integral float64
	for _, x := range v {
		integral += x*math.Log(x) + (1-x)*math.Log(1-x)
	}
	if e, _ := c.Energy(v); math.Abs(e-(quad+integral)) > 1e-12 {
		t.Errorf("Energy = %v, want %v", e, quad+integral)
	}
	bad := [][]float64{{1, 2, 3}, {1, math.NaN(), 3}}
	if _, err := NewContinuousFromPatterns(bad, Tanh{}); err == nil || !strings.Contains(err.Error(), "patterns[1][1] = NaN") {
		t.Errorf("NaN pattern: %v", err)
	}
	if _, err := NewContinuousFromPatterns([][]float64{{1, 2}, {1}}, Tanh{}); err == nil || !strings.Contains(err.Error(), "patterns[1] has length 1") {
		t.Errorf("short pattern: %v", err)
	}
	if _, err := NewContinuous(2, []float64{0, 1, 1, 0}, nil, Tanh{}, 0); err == nil || !strings.Contains(err.Error(), "tau") {
		t.Errorf("tau = 0: %v", err)
	}
	u := []float64{0, math.Inf(1), 0}
	if _, err := c.Run(u, nil); err == nil || !strings.Contains(err.Error(), "u[1]") {
		t.Errorf("Run with Inf: %v", err)
	}
}

// A gain with a negative or non-finite λ would be decreasing or undefined.
func TestContinuousRejectsBadGain(t *testing.T) {
	for _, g := range []Gain{Tanh{Lambda: -1}, Logistic{Lambda: math.NaN()}, Tanh{Lambda: math.Inf(1)}} {
		_, err := NewContinuous(2, []float64{0, 1, 1, 0}, nil, g, 1)
		if err == nil || !strings.Contains(err.Error(), "Lambda") {
			t.Errorf("%#v: got %v, want an error naming Lambda", g, err)
		}
	}
	if _, err := NewContinuous(2, []float64{0, 1, 1, 0}, nil, Logistic{}, 1); err != nil {
		t.Errorf("Logistic{} (λ = 1): %v", err)
	}
}
