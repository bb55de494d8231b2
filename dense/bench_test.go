package dense

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// The sweep benchmarks follow the issue: one full asynchronous sweep in
// fixed order over N = 784 units of a memory of K = 10 000 random patterns
// with F = x³, from a stored pattern with 10% of its units flipped. The
// state is reset outside the timed region before every sweep.
const benchN, benchK, benchDegree = 784, 10000, 3

func benchData() (pats [][]int8, probe []int8) {
	rng := rand.New(rand.NewPCG(100, 100))
	pats = randomPatterns(rng, benchK, benchN)
	return pats, noisy(rng, pats[0], benchN/10)
}

// unpacked is the plain reference: float32 patterns stored unit-major (the
// cache-friendly order for a per-unit pass, K floats per unit), float32
// overlaps kept incrementally, and F evaluated by multiplication.
type unpacked struct {
	n, k  int
	xi    []float32 // xi[i*k+μ] = ξμᵢ
	m     []float32
	sigma []float32
}

func newUnpacked(pats [][]int8) *unpacked {
	n, k := len(pats[0]), len(pats)
	u := &unpacked{n: n, k: k, xi: make([]float32, n*k), m: make([]float32, k), sigma: make([]float32, n)}
	for mu, p := range pats {
		for i, v := range p {
			u.xi[i*k+mu] = float32(v)
		}
	}
	return u
}

func (u *unpacked) reset(probe []int8) {
	for i, v := range probe {
		u.sigma[i] = float32(v)
	}
	clear(u.m)
	for i := range u.n {
		col := u.xi[i*u.k : (i+1)*u.k]
		for mu, x := range col {
			u.m[mu] += x * u.sigma[i]
		}
	}
}

// sweep applies Eq. 4 with F = x³ to every unit in order and returns the
// number of flips.
func (u *unpacked) sweep() int {
	flips := 0
	for i := range u.n {
		col := u.xi[i*u.k : (i+1)*u.k]
		s := u.sigma[i]
		var sum float32
		for mu, x := range col {
			r := u.m[mu] - x*s
			a, c := r+x, r-x
			sum += a*a*a - c*c*c
		}
		if sum == 0 || (sum > 0) == (s > 0) {
			continue
		}
		s = -s
		u.sigma[i] = s
		for mu, x := range col {
			u.m[mu] += 2 * x * s
		}
		flips++
	}
	return flips
}

// TestUnpackedReferenceAgrees keeps the benchmark reference honest: at a
// size where its float32 sums are exact it makes the same sweep.
func TestUnpackedReferenceAgrees(t *testing.T) {
	rng := rand.New(rand.NewPCG(101, 101))
	pats := randomPatterns(rng, 200, 64)
	probe := noisy(rng, pats[0], 20)
	u := newUnpacked(pats)
	u.reset(probe)
	m := mustMemory(t, 64, Polynomial(3), pats)
	s, err := m.NewState(probe)
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		want := u.sweep()
		if got := s.Sweep(FixedOrder, nil, nil); got != want {
			t.Fatalf("packed sweep flipped %d, unpacked %d", got, want)
		}
		for i, v := range s.Sigma(nil) {
			if float32(v) != u.sigma[i] {
				t.Fatalf("unit %d differs", i)
			}
		}
	}
}

func reportPerUnit(b *testing.B, sweeps int) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(sweeps*benchN), "ns/unit")
}

func BenchmarkSweepPacked(b *testing.B) {
	pats, probe := benchData()
	m := mustMemory(b, benchN, Polynomial(benchDegree), pats)
	s, err := m.NewState(probe)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	sweeps := 0
	for b.Loop() {
		b.StopTimer()
		if err := s.Reset(probe); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		s.Sweep(FixedOrder, nil, nil)
		sweeps++
	}
	reportPerUnit(b, sweeps)
	if !slices.Equal(s.Sigma(nil), pats[0]) {
		b.Fatal("the sweep did not restore the pattern")
	}
}

func BenchmarkSweepUnpacked(b *testing.B) {
	pats, probe := benchData()
	u := newUnpacked(pats)
	b.ReportAllocs()
	sweeps := 0
	for b.Loop() {
		b.StopTimer()
		u.reset(probe)
		b.StartTimer()
		u.sweep()
		sweeps++
	}
	reportPerUnit(b, sweeps)
	for i, v := range pats[0] {
		if float32(v) != u.sigma[i] {
			b.Fatal("the sweep did not restore the pattern")
		}
	}
}

// BenchmarkSweepPackedExp is the same sweep with F = eˣ.
func BenchmarkSweepPackedExp(b *testing.B) {
	pats, probe := benchData()
	m := mustMemory(b, benchN, Exponential(1), pats)
	s, err := m.NewState(probe)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	sweeps := 0
	for b.Loop() {
		b.StopTimer()
		if err := s.Reset(probe); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		s.Sweep(FixedOrder, nil, nil)
		sweeps++
	}
	reportPerUnit(b, sweeps)
}

// BenchmarkReset measures computing all K overlaps from scratch with the
// bit-sliced counters.
func BenchmarkReset(b *testing.B) {
	pats, probe := benchData()
	m := mustMemory(b, benchN, Polynomial(benchDegree), pats)
	s, err := m.NewState(probe)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := s.Reset(probe); err != nil {
			b.Fatal(err)
		}
	}
}
