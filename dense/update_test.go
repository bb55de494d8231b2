package dense

import (
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"
	"slices"
	"testing"
)

var testFunctions = []Function{
	Polynomial(2), Polynomial(3), Polynomial(4), Polynomial(7),
	RectifiedPolynomial(2), RectifiedPolynomial(3),
	Exponential(1), Exponential(0.1), Exponential(3),
}

// TestEnergyDiffMatchesReference compares the per-unit energy difference
// with the direct Eq. 4 bracket: exactly for the polynomial kinds, to a
// relative 1e-9 in the log domain for the exponential.
func TestEnergyDiffMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(10, 10))
	for _, f := range testFunctions {
		for _, c := range []struct{ n, k int }{{5, 3}, {31, 70}, {64, 64}, {100, 20}} {
			pats := randomPatterns(rng, c.k, c.n)
			m := mustMemory(t, c.n, f, pats)
			// Probe near a pattern and at random, so that both large and
			// small overlaps occur.
			for _, probe := range [][]int8{noisy(rng, pats[0], c.n/5), randomState(rng, c.n)} {
				s, err := m.NewState(probe)
				if err != nil {
					t.Fatal(err)
				}
				for i := range c.n {
					got := s.EnergyDiff(i)
					gs, gl := s.LogEnergyDiff(i)
					if f.Kind != Exp {
						want := refDiffPoly(f, pats, probe, i)
						if got != bigFloat(want) {
							t.Fatalf("%v N=%d K=%d: EnergyDiff(%d) = %v, want %v", f, c.n, c.k, i, got, want)
						}
						if gs != want.Sign() {
							t.Fatalf("%v: LogEnergyDiff(%d) sign %d, want %d", f, i, gs, want.Sign())
						}
						continue
					}
					ws, wl := refDiffExp(f.Beta, pats, probe, i)
					if gs != ws || math.Abs(gl-wl) > 1e-9*math.Max(1, math.Abs(wl)) {
						t.Fatalf("%v N=%d K=%d unit %d: LogEnergyDiff = (%d, %v), want (%d, %v)", f, c.n, c.k, i, gs, gl, ws, wl)
					}
					if want := float64(ws) * math.Exp(wl); math.Abs(got-want) > 1e-9*math.Abs(want) {
						t.Fatalf("%v: EnergyDiff(%d) = %v, want %v", f, i, got, want)
					}
				}
			}
		}
	}
}

// TestEnergyDiffIsEnergyChange checks ΔEᵢ = E(σᵢ=−1) − E(σᵢ=+1) against
// the exact energies of the two states, and Energy against −Σ F(ξμ·σ).
func TestEnergyDiffIsEnergyChange(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 11))
	for _, f := range testFunctions[:6] {
		const n, k = 40, 30
		pats := randomPatterns(rng, k, n)
		m := mustMemory(t, n, f, pats)
		sigma := noisy(rng, pats[1], 8)
		s, err := m.NewState(sigma)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := s.Energy(), bigFloat(refEnergy(f, pats, sigma)); got != want {
			t.Fatalf("%v: Energy = %v, want %v", f, got, want)
		}
		for i := range n {
			up, down := slices.Clone(sigma), slices.Clone(sigma)
			up[i], down[i] = 1, -1
			want := new(big.Int).Sub(refEnergy(f, pats, down), refEnergy(f, pats, up))
			if got := s.EnergyDiff(i); got != bigFloat(want) {
				t.Fatalf("%v: EnergyDiff(%d) = %v, want E(−1)−E(+1) = %v", f, i, got, want)
			}
		}
	}
}

// TestExpLargeOverlaps uses N = 1000, where e^{β·m} for m near N overflows
// float64 and a direct difference of the two sides of Eq. 4 is Inf − Inf.
func TestExpLargeOverlaps(t *testing.T) {
	rng := rand.New(rand.NewPCG(12, 12))
	const n, k = 1000, 40
	pats := randomPatterns(rng, k, n)
	// Two patterns close to each other make the bracket a close call
	// between huge terms.
	pats[1] = noisy(rng, pats[0], 3)
	for _, beta := range []float64{1, 2.5} {
		m := mustMemory(t, n, Exponential(beta), pats)
		probe := noisy(rng, pats[0], 50)
		s, err := m.NewState(probe)
		if err != nil {
			t.Fatal(err)
		}
		naiveFails := 0
		for i := range n {
			gs, gl := s.LogEnergyDiff(i)
			ws, wl := refDiffExp(beta, pats, probe, i)
			if gs != ws || math.Abs(gl-wl) > 1e-9*math.Abs(wl) {
				t.Fatalf("β=%v unit %d: LogEnergyDiff = (%d, %v), want (%d, %v)", beta, i, gs, gl, ws, wl)
			}
			if wl < 700 {
				t.Fatalf("β=%v unit %d: log|ΔE| = %v, the test needs overflowing terms", beta, i, wl)
			}
			if d := s.EnergyDiff(i); math.IsNaN(d) || (d > 0) != (ws > 0) {
				t.Fatalf("β=%v unit %d: EnergyDiff = %v has the wrong sign", beta, i, d)
			}
			var a, b float64
			r := 0
			for _, xi := range pats {
				r = dot(xi, probe) - int(xi[i])*int(probe[i])
				a += math.Exp(beta * float64(r+int(xi[i])))
				b += math.Exp(beta * float64(r-int(xi[i])))
			}
			if math.IsNaN(a - b) {
				naiveFails++
			}
		}
		if naiveFails == 0 {
			t.Errorf("β=%v: the naive float64 bracket never failed; the test does not exercise overflow", beta)
		}
		if sign, l := s.LogEnergy(); sign != -1 || math.IsInf(l, 0) || l < 700 {
			t.Errorf("β=%v: LogEnergy = (%d, %v), want a finite log above 700", beta, sign, l)
		}
	}
}

// TestUpdateMatchesReference runs fixed-order sweeps and single updates and
// compares every decision with the direct Eq. 4.
func TestUpdateMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 13))
	for _, f := range testFunctions {
		for _, c := range []struct{ n, k, noise int }{{20, 10, 6}, {65, 130, 20}, {50, 400, 15}} {
			pats := randomPatterns(rng, c.k, c.n)
			m := mustMemory(t, c.n, f, pats)
			probe := noisy(rng, pats[2], c.noise)
			s, err := m.NewState(probe)
			if err != nil {
				t.Fatal(err)
			}
			ref := slices.Clone(probe)
			for sweep := range 4 {
				for i := range c.n {
					got := s.Update(i)
					want := refUpdate(f, pats, ref, i)
					if got != want || s.Unit(i) != ref[i] {
						t.Fatalf("%v N=%d K=%d sweep %d: Update(%d) = %v, want %v", f, c.n, c.k, sweep, i, got, want)
					}
				}
			}
			// Sweep in fixed order from the same probe must agree too.
			if err := s.Reset(probe); err != nil {
				t.Fatal(err)
			}
			ref = slices.Clone(probe)
			wantFlips := 0
			for i := range c.n {
				if refUpdate(f, pats, ref, i) {
					wantFlips++
				}
			}
			if got := s.Sweep(FixedOrder, nil, nil); got != wantFlips || !slices.Equal(s.Sigma(nil), ref) {
				t.Fatalf("%v N=%d K=%d: FixedOrder sweep made %d flips, want %d, or ended elsewhere", f, c.n, c.k, got, wantFlips)
			}
		}
	}
}

// TestRunReachesFixedPoint checks that a converged run ends in a state that
// the direct rule leaves alone, that the energy never rises along the way,
// and that Result counts the flips.
func TestRunReachesFixedPoint(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 14))
	for _, f := range testFunctions {
		for _, sched := range []Schedule{RandomOrder, FixedOrder} {
			const n, k = 60, 200
			pats := randomPatterns(rng, k, n)
			m := mustMemory(t, n, f, pats)
			probe := noisy(rng, pats[0], 25)
			s, err := m.NewState(probe)
			if err != nil {
				t.Fatal(err)
			}
			// Energy monotonicity, unit by unit, with a random order.
			_, prev := s.LogEnergy()
			prevE := s.Energy()
			for range 3 {
				for _, i := range rng.Perm(n) {
					if !s.Update(i) {
						continue
					}
					if f.Kind == Exp {
						_, l := s.LogEnergy()
						if l < prev-1e-12*math.Abs(prev) {
							t.Fatalf("%v: log|E| fell from %v to %v, energy rose", f, prev, l)
						}
						prev = l
					} else {
						e := s.Energy()
						if e >= prevE {
							t.Fatalf("%v: energy went from %v to %v on a flip", f, prevE, e)
						}
						prevE = e
					}
				}
			}
			if err := s.Reset(probe); err != nil {
				t.Fatal(err)
			}
			r, err := s.Run(&Settings{Schedule: sched, Seed: 7})
			if err != nil {
				t.Fatal(err)
			}
			final := s.Sigma(nil)
			if r.Status != Converged {
				t.Fatalf("%v %v: status %v after %d sweeps", f, sched, r.Status, r.Sweeps)
			}
			for i := range n {
				if refUpdate(f, pats, slices.Clone(final), i) {
					t.Fatalf("%v %v: converged state not fixed at unit %d", f, sched, i)
				}
			}
			flipped := 0
			for i := range n {
				if final[i] != probe[i] {
					flipped++
				}
			}
			if r.Flips < flipped || (r.Flips-flipped)%2 != 0 {
				t.Fatalf("%v %v: Result.Flips = %d, but %d units differ from the probe", f, sched, r.Flips, flipped)
			}
			// Retrieve is the same run.
			dst := make([]int8, n)
			r2, err := m.Retrieve(dst, probe, &Settings{Schedule: sched, Seed: 7})
			if err != nil || r2 != r || !slices.Equal(dst, final) {
				t.Fatalf("%v %v: Retrieve = %+v, %v, want %+v", f, sched, r2, err, r)
			}
		}
	}
}

// TestSynchronous compares a synchronous step with the direct rule applied
// to every unit from the same state, and checks cycle detection.
func TestSynchronous(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 15))
	for _, f := range testFunctions {
		const n, k = 40, 100
		pats := randomPatterns(rng, k, n)
		m := mustMemory(t, n, f, pats)
		probe := noisy(rng, pats[0], 12)
		s, err := m.NewState(probe)
		if err != nil {
			t.Fatal(err)
		}
		cur := slices.Clone(probe)
		for step := range 5 {
			next := slices.Clone(cur)
			want := 0
			for i := range n {
				if sg := refSign(f, pats, cur, i); sg != 0 && int8(sg) != cur[i] {
					next[i] = int8(sg)
					want++
				}
			}
			if got := s.SyncStep(nil); got != want || !slices.Equal(s.Sigma(nil), next) {
				t.Fatalf("%v step %d: SyncStep flipped %d, want %d", f, step, got, want)
			}
			cur = next
		}
	}

	// Two units, one pattern (1, 1), F = x²: the field of each unit is the
	// other's value, so (+1, −1) and (−1, +1) swap forever.
	m := mustMemory(t, 2, Polynomial(2), [][]int8{{1, 1}})
	dst := make([]int8, 2)
	r, err := m.Retrieve(dst, []int8{1, -1}, &Settings{Schedule: Synchronous})
	if err != nil {
		t.Fatal(err)
	}
	if r.Status != Cycle || r.Flips != 2*r.Sweeps {
		t.Fatalf("two-unit oscillator: %+v, want a Cycle", r)
	}
	r, err = m.Retrieve(dst, []int8{1, -1}, &Settings{Schedule: FixedOrder})
	if err != nil || r.Status != Converged || !(slices.Equal(dst, []int8{1, 1}) || slices.Equal(dst, []int8{-1, -1})) {
		t.Fatalf("two-unit asynchronous: %+v %v %v, want convergence to ±(1, 1)", r, dst, err)
	}
	r, err = m.Retrieve(dst, []int8{1, -1}, &Settings{Schedule: Synchronous, MaxSweeps: 1})
	if err != nil || r.Status != StepLimit || r.Sweeps != 1 {
		t.Fatalf("MaxSweeps 1: %+v %v, want StepLimit", r, err)
	}
}

func TestClampedUnitsStay(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 16))
	const n, k = 50, 20
	pats := randomPatterns(rng, k, n)
	m := mustMemory(t, n, Polynomial(3), pats)
	probe := noisy(rng, pats[3], 20)
	clamped := make([]bool, n)
	for i := range 25 {
		clamped[i] = true
	}
	for _, sched := range []Schedule{RandomOrder, FixedOrder, Synchronous} {
		dst := make([]int8, n)
		if _, err := m.Retrieve(dst, probe, &Settings{Schedule: sched, Clamped: clamped}); err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(dst[:25], probe[:25]) {
			t.Fatalf("%v: clamped units changed", sched)
		}
		for i := 25; i < n; i++ {
			if refUpdate(Polynomial(3), pats, slices.Clone(dst), i) && sched != Synchronous {
				t.Fatalf("%v: free unit %d not at rest", sched, i)
			}
		}
	}
}

func TestSeedsReproduce(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 17))
	const n, k = 80, 150
	pats := randomPatterns(rng, k, n)
	m := mustMemory(t, n, Polynomial(3), pats)
	probe := noisy(rng, pats[0], 30)
	run := func(seed uint64) ([]int8, Result) {
		dst := make([]int8, n)
		r, err := m.Retrieve(dst, probe, &Settings{Seed: seed})
		if err != nil {
			t.Fatal(err)
		}
		return dst, r
	}
	a, ra := run(5)
	b, rb := run(5)
	if !slices.Equal(a, b) || ra != rb {
		t.Fatal("same seed gave different runs")
	}
	// An explicit generator with the same seed is the same run.
	dst := make([]int8, n)
	rc, err := m.Retrieve(dst, probe, &Settings{Rand: rand.New(rand.NewPCG(5, 0))})
	if err != nil || rc != ra || !slices.Equal(dst, a) {
		t.Fatal("Settings.Rand with the same seed gave a different run")
	}
}

// TestConcurrentRetrieve runs retrievals from many goroutines on one
// memory (meaningful under -race) and checks each against a serial run.
func TestConcurrentRetrieve(t *testing.T) {
	rng := rand.New(rand.NewPCG(18, 18))
	const n, k = 64, 100
	pats := randomPatterns(rng, k, n)
	m := mustMemory(t, n, Exponential(1), pats)
	probes := make([][]int8, 8)
	want := make([][]int8, len(probes))
	for g := range probes {
		probes[g] = noisy(rng, pats[g], 20)
		want[g] = make([]int8, n)
		if _, err := m.Retrieve(want[g], probes[g], &Settings{Seed: uint64(g)}); err != nil {
			t.Fatal(err)
		}
	}
	errs := make(chan error, len(probes))
	for g := range probes {
		go func() {
			dst := make([]int8, n)
			_, err := m.Retrieve(dst, probes[g], &Settings{Seed: uint64(g)})
			if err == nil && !slices.Equal(dst, want[g]) {
				err = fmt.Errorf("goroutine %d: result differs from the serial run", g)
			}
			errs <- err
		}()
	}
	for range probes {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

func TestSweepAllocatesNothing(t *testing.T) {
	rng := rand.New(rand.NewPCG(19, 19))
	const n, k = 100, 300
	pats := randomPatterns(rng, k, n)
	for _, f := range []Function{Polynomial(3), Exponential(1)} {
		m := mustMemory(t, n, f, pats)
		s, err := m.NewState(noisy(rng, pats[0], 10))
		if err != nil {
			t.Fatal(err)
		}
		r := rand.New(rand.NewPCG(1, 2))
		s.Sweep(RandomOrder, r, nil)
		s.SyncStep(nil)
		if a := testing.AllocsPerRun(20, func() {
			s.Sweep(RandomOrder, r, nil)
			s.SyncStep(nil)
			s.EnergyDiff(3)
			s.Update(5)
		}); a != 0 {
			t.Errorf("%v: %v allocations per sweep, want 0", f, a)
		}
	}
}

// TestLargeDegree covers degrees whose terms exceed 2⁵³, where the table
// sums round: ΔEᵢ must match the exact value to float64 accuracy relative
// to the largest term, and decisions must agree wherever the exact
// bracket is not within that rounding of zero.
func TestLargeDegree(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 21))
	for _, f := range []Function{Polynomial(12), RectifiedPolynomial(15), Polynomial(40)} {
		const n, k = 60, 50
		pats := randomPatterns(rng, k, n)
		m := mustMemory(t, n, f, pats)
		probe := noisy(rng, pats[0], 12)
		s, err := m.NewState(probe)
		if err != nil {
			t.Fatal(err)
		}
		scale := bigFloat(refF(f, n+2)) * k
		for i := range n {
			want := bigFloat(refDiffPoly(f, pats, probe, i))
			got := s.EnergyDiff(i)
			if math.Abs(got-want) > 1e-13*scale {
				t.Fatalf("%v: EnergyDiff(%d) = %v, want %v", f, i, got, want)
			}
			if math.Abs(want) > 1e-13*scale {
				if ws := refSign(f, pats, probe, i); (got > 0) != (ws > 0) {
					t.Fatalf("%v unit %d: sign differs", f, i)
				}
			}
		}
		if _, err := m.Retrieve(make([]int8, n), probe, nil); err != nil {
			t.Fatal(err)
		}
	}
}

// TestLogEnergyDiffAfterFlips checks the log-domain quantities of the
// exponential after many incremental flips, which move the largest overlap.
func TestLogEnergyDiffAfterFlips(t *testing.T) {
	rng := rand.New(rand.NewPCG(22, 22))
	const n, k = 200, 70
	pats := randomPatterns(rng, k, n)
	m := mustMemory(t, n, Exponential(2), pats)
	s, err := m.NewState(noisy(rng, pats[5], 30))
	if err != nil {
		t.Fatal(err)
	}
	for round := range 4 {
		for range 40 {
			s.Flip(rng.IntN(n))
		}
		sigma := s.Sigma(nil)
		var terms []float64
		for _, xi := range pats {
			terms = append(terms, 2*float64(dot(xi, sigma)))
		}
		if sign, l := s.LogEnergy(); sign != -1 || math.Abs(l-logSumExp(terms)) > 1e-9*math.Abs(l) {
			t.Fatalf("round %d: LogEnergy = (%d, %v), want (−1, %v)", round, sign, l, logSumExp(terms))
		}
		for i := range n {
			gs, gl := s.LogEnergyDiff(i)
			ws, wl := refDiffExp(2, pats, sigma, i)
			if gs != ws || math.Abs(gl-wl) > 1e-9*math.Max(1, math.Abs(wl)) {
				t.Fatalf("round %d unit %d: (%d, %v), want (%d, %v)", round, i, gs, gl, ws, wl)
			}
		}
	}
}
