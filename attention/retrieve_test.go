package attention

import (
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"testing"
)

// tolerance of a float32 retrieval against the float64 formula: scores
// and weighted sums are accumulated in float32 over D and over chunks of
// 256 patterns, so errors grow with them; 2e-4 of max(1, |value|) covers
// the shapes tested here with room to spare.
const tol32 = 2e-4

// One update step equals the direct formula for every query, in both
// float types, auto- and hetero-associative, with and without excluded
// patterns, for pattern counts that end mid-chunk and span several
// blocks and workers.
func TestRetrieveMatchesFormula(t *testing.T) {
	t.Run("float32", func(t *testing.T) { testRetrieveMatchesFormula[float32](t, tol32) })
	t.Run("float64", func(t *testing.T) { testRetrieveMatchesFormula[float64](t, 1e-12) })
}

func testRetrieveMatchesFormula[T Float](t *testing.T, tol float64) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, c := range []struct{ m, d, dv, b int }{
		{1, 5, 0, 1}, {300, 13, 0, 3}, {1000, 64, 0, 2}, {5000, 40, 7, 5}, {9000, 24, 0, 16},
	} {
		for _, exclude := range [][]int{nil, {0, 7, 7, 299}} {
			if len(exclude) > 0 && c.m < 300 {
				continue
			}
			name := fmt.Sprintf("M=%d/D=%d/Dv=%d/B=%d/excluded=%d", c.m, c.d, c.dv, c.b, len(exclude))
			t.Run(name, func(t *testing.T) {
				keys := gaussian(rng, c.m*c.d, 1/math.Sqrt(float64(c.d)))
				var values []float64
				dv := c.d
				if c.dv > 0 {
					dv = c.dv
					values = gaussian(rng, c.m*dv, 1)
				}
				mem, err := NewMemory(c.d, convert[T](keys), convert[T](values))
				if err != nil {
					t.Fatal(err)
				}
				q := gaussian(rng, c.b*c.d, 1)
				dst := make([]T, c.b*dv)
				const beta = 2.5
				var res Result
				err = mem.Retrieve(dst, convert[T](q), beta, &Settings{Exclude: exclude, Energy: c.dv == 0}, &res)
				if err != nil {
					t.Fatal(err)
				}
				excl := map[int]bool{}
				for _, i := range exclude {
					excl[i] = true
				}
				vals := values
				if vals == nil {
					vals = keys
				}
				// The reference sees the same rounded inputs as T.
				k64, v64, q64 := to64(convert[T](keys)), to64(convert[T](vals)), to64(convert[T](q))
				for i := range c.b {
					want, _ := reference(k64, v64, c.d, dv, q64[i*c.d:(i+1)*c.d], beta, excl)
					closeVec(t, "state", to64(dst[i*dv:(i+1)*dv]), want, tol)
					if res.Steps[i] != 1 {
						t.Errorf("Steps[%d] = %d, want 1", i, res.Steps[i])
					}
					if c.dv == 0 && len(exclude) == 0 {
						e := referenceEnergy(k64, c.d, to64(dst[i*dv:(i+1)*dv]), beta)
						if math.Abs(res.Energy[i]-e) > tol*math.Max(1, math.Abs(e)) {
							t.Errorf("Energy[%d] = %.10g, want %.10g", i, res.Energy[i], e)
						}
					}
				}
			})
		}
	}
}

// Each update never raises the energy (Ramsauer et al. 2021, Theorem 1:
// the update is a concave–convex procedure), for β from small to large.
func TestUpdateNeverRaisesEnergy(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	const m, d = 500, 32
	keys := gaussian(rng, m*d, 1/math.Sqrt(d))
	mem, err := NewMemory(d, keys, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, beta := range []float64{0.1, 1, 8, 64} {
		state := gaussian(rng, 4*d, 1)
		var res Result
		prev := make([]float64, 4)
		if err := mem.Retrieve(state, state, beta, &Settings{Steps: 0, Energy: true}, &res); err != nil {
			t.Fatal(err)
		}
		copy(prev, res.Energy)
		for step := range 20 {
			if err := mem.Retrieve(state, state, beta, &Settings{Energy: true}, &res); err != nil {
				t.Fatal(err)
			}
			for i, e := range res.Energy {
				if e > prev[i]+1e-12*math.Max(1, math.Abs(prev[i])) {
					t.Errorf("β=%g step %d query %d: energy rose from %.15g to %.15g", beta, step, i, prev[i], e)
				}
				if e < -1e-12 {
					t.Errorf("β=%g: energy %g below 0, the bound of Ramsauer et al. Lemma A1 for this constant", beta, e)
				}
			}
			copy(prev, res.Energy)
		}
	}
}

// One-step retrieval of a well separated pattern (Ramsauer et al. §2):
// D = 64, M = 1000 Gaussian patterns, a query 0.3·noise away, β = 1.
func TestOneStepRetrieval(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	const m, d = 1000, 64
	keys := gaussian(rng, m*d, 1)
	mem, err := NewMemory(d, to32(keys), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, target := range []int{0, 123, 999} {
		q := make([]float32, d)
		for j := range q {
			q[j] = float32(keys[target*d+j] + 0.3*rng.NormFloat64())
		}
		out := make([]float32, d)
		if err := mem.Retrieve(out, q, 1, nil, nil); err != nil {
			t.Fatal(err)
		}
		for j := range out {
			if math.Abs(float64(out[j])-float64(float32(keys[target*d+j]))) > 1e-4 {
				t.Fatalf("pattern %d: retrieved[%d] = %v, stored %v", target, j, out[j], keys[target*d+j])
			}
		}
	}
}

// With β·max‖xᵢ − x̄‖² < 1 the update is a contraction (Ramsauer et al.,
// Lemma A7 and the discussion of small β): every start converges to the
// same fixed point, which lies near the mean x̄ of the patterns.
func TestSmallBetaGlobalFixedPoint(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	const m, d = 200, 16
	keys := gaussian(rng, m*d, 1)
	mean := make([]float64, d)
	for i := range m {
		for j := range d {
			mean[j] += keys[i*d+j] / m
		}
	}
	var spread float64
	for i := range m {
		var s float64
		for j := range d {
			s += (keys[i*d+j] - mean[j]) * (keys[i*d+j] - mean[j])
		}
		spread = math.Max(spread, s)
	}
	beta := 0.5 / spread
	mem, err := NewMemory(d, keys, nil)
	if err != nil {
		t.Fatal(err)
	}
	const b = 6
	starts := gaussian(rng, b*d, 10)
	out := make([]float64, b*d)
	var res Result
	if err := mem.Retrieve(out, starts, beta, &Settings{Steps: 200, Tol: 1e-13}, &res); err != nil {
		t.Fatal(err)
	}
	for i := range b {
		if !res.Converged[i] {
			t.Errorf("start %d did not converge in %d steps", i, res.Steps[i])
		}
		closeVec(t, fmt.Sprintf("fixed point from start %d", i), out[i*d:(i+1)*d], out[:d], 1e-10)
		if dd := dist(out[i*d:(i+1)*d], mean); dd > 0.1*math.Sqrt(spread) {
			t.Errorf("fixed point %g from the mean, spread √%g", dd, spread)
		}
	}
	// A step from the fixed point does not move it.
	again := make([]float64, d)
	if err := mem.Retrieve(again, out[:d], beta, nil, nil); err != nil {
		t.Fatal(err)
	}
	closeVec(t, "update of the fixed point", again, out[:d], 1e-12)
}

// Queries stop on their own: one query at a stored pattern converges at
// once while the others keep going, and the batch result equals each
// query retrieved alone.
func TestPerQueryStoppingAndBatchEqualsLooped(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	const m, d, b = 3000, 32, 8
	keys := gaussian(rng, m*d, 1/math.Sqrt(d))
	mem, err := NewMemory(d, keys, nil)
	if err != nil {
		t.Fatal(err)
	}
	q := gaussian(rng, b*d, 0.5)
	copy(q[:d], keys[:d]) // query 0 starts at a pattern
	const beta = 30
	s := &Settings{Steps: 50, Tol: 1e-9}
	out := make([]float64, b*d)
	var res Result
	if err := mem.Retrieve(out, q, beta, s, &res); err != nil {
		t.Fatal(err)
	}
	steps := map[int]bool{}
	for i := range b {
		steps[res.Steps[i]] = true
		one := make([]float64, d)
		var r1 Result
		if err := mem.Retrieve(one, q[i*d:(i+1)*d], beta, s, &r1); err != nil {
			t.Fatal(err)
		}
		closeVec(t, fmt.Sprintf("query %d batched vs alone", i), out[i*d:(i+1)*d], one, 1e-13)
		if r1.Steps[0] != res.Steps[i] || r1.Converged[0] != res.Converged[i] {
			t.Errorf("query %d: batched %d steps (converged %v), alone %d (%v)", i, res.Steps[i], res.Converged[i], r1.Steps[0], r1.Converged[0])
		}
	}
	if len(steps) < 2 {
		t.Errorf("every query took the same number of steps %v: per-query stopping not exercised", res.Steps)
	}
}

// Results do not depend on the number of threads beyond rounding.
func TestThreadCountIndependence(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	const m, d, b = 20000, 64, 4
	mem, err := NewMemory(d, to32(gaussian(rng, m*d, 0.125)), nil)
	if err != nil {
		t.Fatal(err)
	}
	q := to32(gaussian(rng, b*d, 1))
	run := func(procs int) []float32 {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		out := make([]float32, b*d)
		if err := mem.Retrieve(out, q, 4, nil, nil); err != nil {
			t.Fatal(err)
		}
		return out
	}
	one := run(1)
	for _, procs := range []int{2, 3, 8} {
		closeVec(t, fmt.Sprintf("GOMAXPROCS=%d vs 1", procs), to64(run(procs)), to64(one), 1e-5)
	}
}

// float32 retrieval agrees with float64 on the same inputs within tol32.
func TestFloat32AgreesWithFloat64(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 14))
	const m, d, b = 4000, 48, 3
	keys := to64(to32(gaussian(rng, m*d, 0.2)))
	q := to64(to32(gaussian(rng, b*d, 1)))
	m32, _ := NewMemory(d, to32(keys), nil)
	m64, _ := NewMemory(d, keys, nil)
	for _, beta := range []float64{0.01, 1, 20} {
		o32, o64 := make([]float32, b*d), make([]float64, b*d)
		var r32, r64 Result
		s := &Settings{Steps: 3, Energy: true}
		if err := m32.Retrieve(o32, to32(q), beta, s, &r32); err != nil {
			t.Fatal(err)
		}
		if err := m64.Retrieve(o64, q, beta, s, &r64); err != nil {
			t.Fatal(err)
		}
		closeVec(t, fmt.Sprintf("β=%g states", beta), to64(o32), o64, tol32)
		closeVec(t, fmt.Sprintf("β=%g energies", beta), r32.Energy, r64.Energy, tol32)
	}
}

// Extreme β in float32: β = 1e4 retrieves the best-matching pattern
// exactly (a one-hot softmax), β = 1e-6 returns the mean of the patterns;
// nothing overflows.
func TestExtremeBetaFloat32(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 16))
	const m, d = 700, 20
	keys := to32(gaussian(rng, m*d, 1))
	mem, _ := NewMemory(d, keys, nil)
	q := to32(gaussian(rng, d, 1))
	best, bestScore := 0, math.Inf(-1)
	mean := make([]float64, d)
	for i := range m {
		var s float64
		for j := range d {
			s += float64(keys[i*d+j]) * float64(q[j])
			mean[j] += float64(keys[i*d+j]) / m
		}
		if s > bestScore {
			best, bestScore = i, s
		}
	}
	out := make([]float32, d)
	var res Result
	if err := mem.Retrieve(out, q, 1e4, &Settings{Energy: true}, &res); err != nil {
		t.Fatal(err)
	}
	for j := range d {
		if out[j] != keys[best*d+j] {
			t.Fatalf("β=1e4: retrieved[%d] = %v, best pattern %d has %v", j, out[j], best, keys[best*d+j])
		}
	}
	if math.IsNaN(res.Energy[0]) || math.IsInf(res.Energy[0], 0) {
		t.Errorf("β=1e4: energy %v", res.Energy[0])
	}
	if err := mem.Retrieve(out, q, 1e-6, &Settings{Energy: true}, &res); err != nil {
		t.Fatal(err)
	}
	closeVec(t, "β=1e-6 state vs mean", to64(out), mean, 1e-3)
	if math.IsNaN(res.Energy[0]) || math.IsInf(res.Energy[0], 0) {
		t.Errorf("β=1e-6: energy %v", res.Energy[0])
	}
}

// Converged is judged on the move of each query even when the result
// overwrites the queries (dst = queries), for a single step too.
func TestConvergedInPlace(t *testing.T) {
	keys := []float64{1, 0, 0, 1}
	mem, err := NewMemory(2, keys, nil)
	if err != nil {
		t.Fatal(err)
	}
	// The first query sits at the symmetric fixed point (½, ½); the second
	// is far from where one step takes it.
	state := []float64{0.5, 0.5, 3, -2}
	var res Result
	if err := mem.Retrieve(state, state, 1, &Settings{Tol: 1e-9}, &res); err != nil {
		t.Fatal(err)
	}
	if !res.Converged[0] || res.Converged[1] || res.Steps[0] != 1 || res.Steps[1] != 1 {
		t.Errorf("Converged = %v, Steps = %v; want [true false], [1 1]", res.Converged, res.Steps)
	}
}
