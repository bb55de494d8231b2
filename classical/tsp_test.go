package classical

import (
	"math"
	"testing"
)

func randomCities(n int, seed uint64) []float64 {
	rng := newRand(seed)
	xs := make([][2]float64, n)
	for i := range xs {
		xs[i] = [2]float64{rng.Float64(), rng.Float64()}
	}
	d := make([]float64, n*n)
	for i := range xs {
		for j := range xs {
			d[i*n+j] = math.Hypot(xs[i][0]-xs[j][0], xs[i][1]-xs[j][1])
		}
	}
	return d
}

func permutationV(n int, tour []int) []float64 {
	v := make([]float64, n*n)
	for i, x := range tour {
		v[x*n+i] = 1
	}
	return v
}

// bruteTSP returns the optimal tour length by trying every tour from city 0.
func bruteTSP(n int, d []float64) float64 {
	best := math.Inf(1)
	perm := make([]int, n)
	used := make([]bool, n)
	var rec func(k int, l float64)
	rec = func(k int, l float64) {
		if l >= best {
			return
		}
		if k == n {
			best = math.Min(best, l+d[perm[n-1]*n+perm[0]])
			return
		}
		for x := 1; x < n; x++ {
			if !used[x] {
				used[x] = true
				perm[k] = x
				rec(k+1, l+d[perm[k-1]*n+x])
				used[x] = false
			}
		}
	}
	perm[0] = 0
	used[0] = true
	rec(1, 0)
	return best
}

// A valid tour zeroes the row and column penalties, the global term is
// C/2(n − n̂)² and the distance term is D times the tour length.
func TestTSPValidTourPenalties(t *testing.T) {
	const n = 8
	d := randomCities(n, 80)
	p, err := NewTSP(n, d, nil)
	if err != nil {
		t.Fatal(err)
	}
	rng := newRand(81)
	par := p.Params()
	for trial := 0; trial < 10; trial++ {
		tour := rng.Perm(n)
		v := permutationV(n, tour)
		e, err := p.Energy(v)
		if err != nil {
			t.Fatal(err)
		}
		if e.Row != 0 || e.Column != 0 {
			t.Errorf("valid tour %v: row %v column %v, want 0", tour, e.Row, e.Column)
		}
		var l float64
		for i := range tour {
			l += d[tour[i]*n+tour[(i+1)%n]]
		}
		if math.Abs(e.Distance-par.D*l) > 1e-9 {
			t.Errorf("distance term %v, D·L = %v", e.Distance, par.D*l)
		}
		if want := par.C / 2 * (n - par.NHat) * (n - par.NHat); math.Abs(e.Global-want) > 1e-9 {
			t.Errorf("global term %v, want %v", e.Global, want)
		}
		got, ok := DecodeTour(n, v)
		if !ok || toursDiffer(got, tour) {
			t.Errorf("DecodeTour = %v %v, want %v", got, ok, tour)
		}
	}
	// Two cities at one position: the column term is B·1 (two ordered pairs
	// times B/2) and the tour does not decode.
	v := permutationV(n, []int{0, 1, 2, 3, 4, 5, 6, 7})
	v[1*n+1], v[1*n+0] = 0, 1
	e, _ := p.Energy(v)
	if e.Column != par.B || e.Row != 0 {
		t.Errorf("duplicate position: column %v row %v, want %v and 0", e.Column, e.Row, par.B)
	}
	if _, ok := DecodeTour(n, v); ok {
		t.Error("an invalid assignment decoded as a tour")
	}
}

func toursDiffer(a, b []int) bool {
	for i := range a {
		if a[i] != b[i] {
			return true
		}
	}
	return false
}

// The continuous network's T and I encode the Hopfield–Tank energy:
// E_net(V) − Σ∫g⁻¹ = τ(E_HT(V) − C n̂²/2) for any V.
func TestTSPNetworkEncodesEnergy(t *testing.T) {
	const n = 6
	p, err := NewTSP(n, randomCities(n, 82), &TSPParams{Tau: 2})
	if err != nil {
		t.Fatal(err)
	}
	rng := newRand(83)
	par := p.Params()
	for trial := 0; trial < 5; trial++ {
		v := make([]float64, n*n)
		var integral float64
		for i := range v {
			v[i] = rng.Float64()
			integral += p.Network().Gain().InverseIntegral(v[i])
		}
		en, _ := p.Network().Energy(v)
		e, _ := p.Energy(v)
		want := par.Tau * (e.Total() - par.C/2*par.NHat*par.NHat)
		if math.Abs(en-integral-want) > 1e-8*math.Abs(want) {
			t.Errorf("network quadratic energy %v, τ(E − Cn̂²/2) = %v", en-integral, want)
		}
	}
}

// Along the dynamics the network's energy never rises, and the penalty
// energy ends lower than it starts.
func TestTSPEnergyDecreases(t *testing.T) {
	const n = 6
	p, _ := NewTSP(n, randomCities(n, 84), nil)
	net := p.Network()
	rng := newRand(85)
	u := make([]float64, n*n)
	par := p.Params()
	for i := range u {
		u[i] = -par.U0/2*math.Log(n-1) + 0.1*par.U0*(2*rng.Float64()-1)
	}
	e0, _ := p.Energy(net.ActivationTo(nil, u))
	prev, _ := net.Energy(net.ActivationTo(nil, u))
	steps := 0
	_, err := net.Run(u, &DynamicsSettings{Method: Adaptive, Tolerance: 1e-3, MaxTime: 1, OnStep: func(_ float64, _, v []float64) {
		e, _ := net.Energy(v)
		if e > prev+1e-9*math.Abs(prev) {
			t.Errorf("step %d: energy rose %v → %v", steps, prev, e)
		}
		prev = e
		steps++
	}})
	if err != nil {
		t.Fatal(err)
	}
	e1, _ := p.Energy(net.ActivationTo(nil, u))
	if !(e1.Total() < e0.Total()) || steps < 10 {
		t.Errorf("Hopfield–Tank energy %v → %v over %d steps", e0.Total(), e1.Total(), steps)
	}
}

// Seeded restarts on random cities: some tours are valid, every reported
// length is a real tour's length and none beats the brute-force optimum.
func TestTSPSolve(t *testing.T) {
	// The 1985 constants give valid tours on roughly 5–20% of restarts at
	// n = 10 and 10–50% at n = 7 on random cities.
	n, restarts := 10, 20
	if testing.Short() || raceEnabled {
		n = 7
	}
	d := randomCities(n, 86)
	p, err := NewTSP(n, d, nil)
	if err != nil {
		t.Fatal(err)
	}
	res, err := p.Solve(&TSPSettings{Restarts: restarts, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	opt := bruteTSP(n, d)
	t.Logf("n=%d: %d/%d valid tours, best %.4f, optimum %.4f, lengths %.4f", n, res.Valid, res.Restarts, res.BestLength, opt, res.Lengths)
	if res.Valid == 0 || res.Best == nil {
		t.Fatalf("no valid tour in %d restarts", restarts)
	}
	if res.ValidRate != float64(res.Valid)/float64(restarts) || len(res.Lengths) != res.Valid || len(res.Status) != restarts {
		t.Errorf("inconsistent report %+v", res)
	}
	seen := make([]bool, n)
	for _, x := range res.Best {
		if seen[x] {
			t.Fatalf("best tour %v repeats city %d", res.Best, x)
		}
		seen[x] = true
	}
	if l := TourLength(n, d, res.Best); l != res.BestLength || l < opt-1e-12 {
		t.Errorf("best length %v, recomputed %v, optimum %v", res.BestLength, l, opt)
	}
	for _, l := range res.Lengths {
		if l < opt-1e-12 || l < res.BestLength {
			t.Errorf("length %v below optimum %v or best %v", l, opt, res.BestLength)
		}
	}
}

func TestTSPBadInput(t *testing.T) {
	d := randomCities(4, 87)
	d[1] = -1
	if _, err := NewTSP(4, d, nil); err == nil {
		t.Error("negative distance accepted")
	}
	if _, err := NewTSP(2, make([]float64, 4), nil); err == nil {
		t.Error("2 cities accepted")
	}
	if _, err := NewTSP(4, randomCities(4, 1), &TSPParams{U0: -1}); err == nil {
		t.Error("u₀ < 0 accepted")
	}
}
