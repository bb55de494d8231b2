package dense

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// kMax is the error-free capacity of F = xⁿ from Krotov & Hopfield (2016):
// N^{n−1} / (2 (2n−3)!! ln N).
func kMax(n, degree int) float64 {
	df := 1.0
	for j := 2*degree - 3; j > 1; j -= 2 {
		df *= float64(j)
	}
	return math.Pow(float64(n), float64(degree-1)) / (2 * df * math.Log(float64(n)))
}

// trialPatterns regenerates the k random patterns of trial trial at the
// ki-th K from Capacity's documented stream, and returns the stream for
// the draws that follow.
func trialPatterns(seed uint64, ki, trial, k, n int) (*rand.Rand, [][]int8) {
	rng := rand.New(rand.NewPCG(seed, uint64(ki)<<32|uint64(trial)))
	pats := make([][]int8, k)
	for mu := range pats {
		pats[mu] = make([]int8, n)
		for i := range n {
			pats[mu][i] = int8(rng.Uint32()>>31)*2 - 1
		}
	}
	return rng, pats
}

// refFixed reports by the direct rule that no unit of xi would flip.
func refFixed(f Function, pats [][]int8, xi []int8) bool {
	for i := range xi {
		if s := refSign(f, pats, xi, i); s != 0 && int8(s) != xi[i] {
			return false
		}
	}
	return true
}

// TestCapacityCountsMatchReference regenerates the patterns of each trial
// from its documented stream and recounts the fixed points with the direct
// rule. With no flipped bits, recall succeeds exactly on the fixed points:
// from any other state the first flip lowers the energy, so the dynamics
// can never come back.
func TestCapacityCountsMatchReference(t *testing.T) {
	const n, trials, seed = 16, 3, 9
	ks := []int{3, 12, 40}
	for _, f := range []Function{Polynomial(2), Polynomial(3), Exponential(0.7)} {
		got, err := Capacity(f, n, ks, &CapacitySettings{Trials: trials, Seed: seed, Workers: 3})
		if err != nil {
			t.Fatal(err)
		}
		for ki, k := range ks {
			stable := 0
			for trial := range trials {
				_, pats := trialPatterns(seed, ki, trial, k, n)
				for _, xi := range pats {
					if refFixed(f, pats, xi) {
						stable++
					}
				}
			}
			p := got[ki]
			if p.K != k || p.Tested != trials*k {
				t.Fatalf("%v K=%d: point %+v", f, k, p)
			}
			if want := float64(stable) / float64(trials*k); p.Stable != want || p.Recalled != want {
				t.Errorf("%v K=%d: Stable %v, Recalled %v, want both %v", f, k, p.Stable, p.Recalled, want)
			}
		}
	}
}

// TestCapacityRecallMatchesReference recounts Recalled with flipped bits:
// it regenerates each trial's patterns and flipped units from the
// documented stream (the same partial Fisher–Yates draws) and runs
// fixed-order sweeps of the direct Eq. 4 rule until a sweep changes
// nothing. Fixed order consumes no random numbers, so the streams agree.
func TestCapacityRecallMatchesReference(t *testing.T) {
	const n, trials, seed, flips = 14, 3, 11, 3
	ks := []int{2, 6, 20}
	for _, f := range []Function{Polynomial(2), Polynomial(3), Exponential(0.7)} {
		got, err := Capacity(f, n, ks, &CapacitySettings{Trials: trials, Flips: flips, Seed: seed, Workers: 2, Recall: Settings{Schedule: FixedOrder}})
		if err != nil {
			t.Fatal(err)
		}
		for ki, k := range ks {
			stable, recalled := 0, 0
			for trial := range trials {
				rng, pats := trialPatterns(seed, ki, trial, k, n)
				for _, xi := range pats {
					if refFixed(f, pats, xi) {
						stable++
					}
					sigma := append([]int8(nil), xi...)
					perm := make([]int, n)
					for i := range perm {
						perm[i] = i
					}
					for i := range flips {
						j := i + rng.IntN(n-i)
						perm[i], perm[j] = perm[j], perm[i]
						sigma[perm[i]] = -sigma[perm[i]]
					}
					for range DefaultMaxSweeps {
						changed := false
						for i := range n {
							changed = refUpdate(f, pats, sigma, i) || changed
						}
						if !changed {
							break
						}
					}
					if slices.Equal(sigma, xi) {
						recalled++
					}
				}
			}
			p := got[ki]
			wantS := float64(stable) / float64(trials*k)
			wantR := float64(recalled) / float64(trials*k)
			if p.Stable != wantS || p.Recalled != wantR {
				t.Errorf("%v K=%d: Stable %v, Recalled %v, want %v, %v", f, k, p.Stable, p.Recalled, wantS, wantR)
			}
			if ki == 0 && wantR == 0 {
				t.Errorf("%v K=%d: nothing recalled; the comparison is vacuous", f, k)
			}
		}
	}
}

func TestCapacityDeterministic(t *testing.T) {
	ks := []int{5, 30, 80}
	a, err := Capacity(Polynomial(3), 24, ks, &CapacitySettings{Trials: 4, Flips: 3, Seed: 4, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	b, err := Capacity(Polynomial(3), 24, ks, &CapacitySettings{Trials: 4, Flips: 3, Seed: 4, Workers: 5})
	if err != nil {
		t.Fatal(err)
	}
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("K=%d: %+v with one worker, %+v with five", ks[i], a[i], b[i])
		}
	}
}

func TestCapacityBadInput(t *testing.T) {
	for _, c := range []struct {
		f    Function
		n    int
		ks   []int
		set  *CapacitySettings
		want string
	}{
		{Polynomial(3), 0, []int{1}, nil, "n = 0"},
		{Polynomial(1), 10, []int{1}, nil, "f.Degree"},
		{Exponential(-2), 10, []int{1}, nil, "f.Beta"},
		{Polynomial(3), 10, nil, nil, "ks"},
		{Polynomial(3), 10, []int{4, 0}, nil, "ks[1] = 0"},
		{Polynomial(3), 10, []int{4}, &CapacitySettings{Trials: -1}, "Trials"},
		{Polynomial(3), 10, []int{4}, &CapacitySettings{Flips: 11}, "Flips"},
		{Polynomial(3), 10, []int{4}, &CapacitySettings{Probes: -1}, "Probes"},
		{Polynomial(3), 10, []int{4}, &CapacitySettings{Recall: Settings{MaxSweeps: -1}}, "MaxSweeps"},
		{Polynomial(3), 10, []int{4}, &CapacitySettings{Recall: Settings{Clamped: make([]bool, 10)}}, "Clamped"},
	} {
		if _, err := Capacity(c.f, c.n, c.ks, c.set); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Capacity(%v, %d, %v): error %v, want one naming %q", c.f, c.n, c.ks, err, c.want)
		}
	}
}

// TestCapacitySmall is the short-mode picture at N = 30: for n = 3 nearly
// every pattern is a fixed point at a quarter of K_max ≈ 44 and few are at
// four times it; F = eˣ keeps a thousand patterns where x³ keeps none.
func TestCapacitySmall(t *testing.T) {
	const n = 30
	km := kMax(n, 3)
	ks := []int{int(km / 4), int(km), int(4 * km)}
	p, err := Capacity(Polynomial(3), n, ks, &CapacitySettings{Trials: 10, Flips: 3, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("x³, N=%d, K_max=%.1f: %+v", n, km, p)
	if p[0].Stable < 0.97 || p[2].Stable > 0.3 || !(p[0].Stable >= p[1].Stable && p[1].Stable >= p[2].Stable) {
		t.Errorf("x³ stable fractions %.3f, %.3f, %.3f at K = K_max/4, K_max, 4K_max: want ≥ 0.97, falling, ≤ 0.3",
			p[0].Stable, p[1].Stable, p[2].Stable)
	}
	exp, err := Capacity(Exponential(1), n, []int{1000}, &CapacitySettings{Trials: 2, Probes: 100, Seed: 2})
	if err != nil {
		t.Fatal(err)
	}
	cubic, err := Capacity(Polynomial(3), n, []int{1000}, &CapacitySettings{Trials: 2, Probes: 100, Seed: 2})
	if err != nil {
		t.Fatal(err)
	}
	if exp[0].Stable < 0.99 || cubic[0].Stable > 0.05 {
		t.Errorf("K = 1000, N = 30: stable fraction %.3f for eˣ (want ≥ 0.99), %.3f for x³ (want ≤ 0.05)", exp[0].Stable, cubic[0].Stable)
	}
}

// TestCapacityPolynomialScaling checks that K_max = N²/(6 ln N) is the
// right order for n = 3 at N = 50 and N = 100: stable and recalled from
// N/10 flipped bits well below it, mostly lost well above it, and the same
// fraction at the same multiple of K_max for both N.
func TestCapacityPolynomialScaling(t *testing.T) {
	if testing.Short() {
		t.Skip("capacity experiment; run without -short")
	}
	alphas := []float64{0.25, 0.5, 1, 2, 4}
	var stable [2][]float64
	for ni, n := range []int{50, 100} {
		km := kMax(n, 3)
		ks := make([]int, len(alphas))
		for i, a := range alphas {
			ks[i] = int(math.Round(a * km))
		}
		p, err := Capacity(Polynomial(3), n, ks, &CapacitySettings{Trials: 4, Probes: 150, Flips: n / 10, Seed: 3})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("x³, N=%d, K_max=%.1f:", n, km)
		for i, q := range p {
			t.Logf("  K=%5d (%.2f K_max): stable %.3f, recalled from %d flips %.3f", q.K, alphas[i], q.Stable, n/10, q.Recalled)
			stable[ni] = append(stable[ni], q.Stable)
		}
		if p[0].Stable < 0.99 || p[1].Stable < 0.97 || p[1].Recalled < 0.95 {
			t.Errorf("N=%d: below K_max want stable ≥ 0.99 at K_max/4 and ≥ 0.97 at K_max/2, recalled ≥ 0.95 at K_max/2", n)
		}
		if p[4].Stable > 0.05 || p[3].Stable > 0.6 {
			t.Errorf("N=%d: above K_max want stable ≤ 0.6 at 2K_max and ≤ 0.05 at 4K_max", n)
		}
	}
	for i := range alphas {
		if d := math.Abs(stable[0][i] - stable[1][i]); d > 0.2 {
			t.Errorf("at %.2f K_max the stable fraction is %.3f for N=50 but %.3f for N=100", alphas[i], stable[0][i], stable[1][i])
		}
	}
}

// TestCapacityExponential: with F = eˣ a memory of N = 30 units keeps
// thousands of random patterns as fixed points (Demircigil et al. 2017),
// where x² (about 0.14N) and x³ (K_max ≈ 44) keep none.
func TestCapacityExponential(t *testing.T) {
	if testing.Short() {
		t.Skip("capacity experiment; run without -short")
	}
	const n = 30
	ks := []int{2000, 10000}
	set := &CapacitySettings{Trials: 2, Probes: 100, Flips: 3, Seed: 5}
	p, err := Capacity(Exponential(1), n, ks, set)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range p {
		t.Logf("eˣ, N=%d, K=%d: stable %.3f, recalled from 3 flips %.3f", n, q.K, q.Stable, q.Recalled)
		if q.Stable < 0.99 || q.Recalled < 0.8 {
			t.Errorf("eˣ, K=%d: stable %.3f (want ≥ 0.99), recalled %.3f (want ≥ 0.8)", q.K, q.Stable, q.Recalled)
		}
	}
	for _, f := range []Function{Polynomial(2), Polynomial(3)} {
		q, err := Capacity(f, n, ks[:1], set)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%v, N=%d, K=%d: stable %.3f", f, n, q[0].K, q[0].Stable)
		if q[0].Stable > 0.01 {
			t.Errorf("%v at K=%d: stable %.3f, want ≤ 0.01", f, q[0].K, q[0].Stable)
		}
	}
}
