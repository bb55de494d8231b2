package dense

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"sync"
	"sync/atomic"
)

// CapacitySettings controls Capacity. The zero value, and a nil pointer,
// mean 10 trials, every stored pattern probed, no flipped bits (so
// Recalled measures recall from the pattern itself), seed 0, GOMAXPROCS
// workers and the zero Settings for recall.
type CapacitySettings struct {
	// Trials is the number of independent memories per K; 0 means 10.
	Trials int
	// Probes is the number of stored patterns tested per memory, at most
	// K; 0 means all of them.
	Probes int
	// Flips is the number of distinct units flipped in a stored pattern
	// before recall.
	Flips int
	Seed  uint64
	// Workers bounds the goroutines; 0 means GOMAXPROCS.
	Workers int
	// Recall controls the dynamics of the recall test. Its Rand and Seed
	// are ignored: each memory draws from its own stream of Seed. Clamped
	// must be nil.
	Recall Settings
}

// CapacityPoint is the outcome of Capacity for one K.
type CapacityPoint struct {
	K int
	// Tested is the number of stored patterns tested, Trials·min(Probes, K).
	Tested int
	// Stable is the fraction of tested patterns that are fixed points:
	// no unit would change under Eq. 4.
	Stable float64
	// Recalled is the fraction of tested patterns that the dynamics
	// restore exactly after Flips of their units are flipped.
	Recalled float64
}

// Capacity measures how many random patterns a memory of n units with
// interaction function f holds. For each K in ks it stores K independent
// uniformly random ±1 patterns, Trials times, and for each tested pattern
// checks whether it is a fixed point and whether it is recalled exactly
// from a copy with Flips units flipped.
//
// The work runs in parallel; each (K, trial) draws from its own PCG stream
// derived from Seed, so the result does not depend on scheduling or on the
// number of workers.
//
// Krotov & Hopfield (2016) give the error-free capacity of F = xⁿ as
//
//	K_max ≈ N^{n−1} / (2 (2n−3)!! ln N),
//
// and Demircigil et al. (2017) show that F = eˣ stores a number of
// patterns exponential in N.
func Capacity(f Function, n int, ks []int, settings *CapacitySettings) ([]CapacityPoint, error) {
	var set CapacitySettings
	if settings != nil {
		set = *settings
	}
	if n < 1 || n > maxUnits {
		return nil, fmt.Errorf("dense: n = %d, want 1 ≤ n ≤ %d", n, maxUnits)
	}
	if err := f.validate(n); err != nil {
		return nil, err
	}
	if len(ks) == 0 {
		return nil, fmt.Errorf("dense: ks is empty")
	}
	for i, k := range ks {
		if k < 1 {
			return nil, fmt.Errorf("dense: ks[%d] = %d, want K ≥ 1", i, k)
		}
	}
	switch {
	case set.Trials < 0:
		return nil, fmt.Errorf("dense: settings.Trials = %d, want ≥ 0", set.Trials)
	case set.Probes < 0:
		return nil, fmt.Errorf("dense: settings.Probes = %d, want ≥ 0", set.Probes)
	case set.Flips < 0 || set.Flips > n:
		return nil, fmt.Errorf("dense: settings.Flips = %d, want 0 ≤ flips ≤ %d", set.Flips, n)
	case set.Workers < 0:
		return nil, fmt.Errorf("dense: settings.Workers = %d, want ≥ 0", set.Workers)
	case set.Recall.Clamped != nil:
		return nil, fmt.Errorf("dense: settings.Recall.Clamped must be nil")
	}
	if err := set.Recall.check(n); err != nil {
		return nil, err
	}
	if set.Trials == 0 {
		set.Trials = 10
	}
	if set.Workers == 0 {
		set.Workers = runtime.GOMAXPROCS(0)
	}

	type count struct{ tested, stable, recalled int }
	counts := make([]count, len(ks)*set.Trials)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(set.Workers, len(counts)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				job := int(next.Add(1)) - 1
				if job >= len(counts) {
					return
				}
				ki, trial := job/set.Trials, job%set.Trials
				rng := rand.New(rand.NewPCG(set.Seed, uint64(ki)<<32|uint64(trial)))
				c := &counts[job]
				c.tested, c.stable, c.recalled = capacityTrial(f, n, ks[ki], &set, rng)
			}
		}()
	}
	wg.Wait()

	out := make([]CapacityPoint, len(ks))
	for ki, k := range ks {
		var c count
		for _, t := range counts[ki*set.Trials : (ki+1)*set.Trials] {
			c.tested += t.tested
			c.stable += t.stable
			c.recalled += t.recalled
		}
		out[ki] = CapacityPoint{
			K:        k,
			Tested:   c.tested,
			Stable:   float64(c.stable) / float64(c.tested),
			Recalled: float64(c.recalled) / float64(c.tested),
		}
	}
	return out, nil
}

// capacityTrial stores k random patterns and tests the first probes of
// them; being random, they are a uniform sample.
func capacityTrial(f Function, n, k int, set *CapacitySettings, rng *rand.Rand) (tested, stable, recalled int) {
	m, err := New(n, f)
	if err != nil {
		panic(err) // validated by Capacity
	}
	flat := make([]int8, n*k)
	for i := range flat {
		flat[i] = int8(rng.Uint32()>>31)*2 - 1
	}
	pats := make([][]int8, k)
	for mu := range pats {
		pats[mu] = flat[mu*n : (mu+1)*n]
	}
	if err := m.Store(pats...); err != nil {
		panic(err)
	}
	probes := k
	if set.Probes > 0 {
		probes = min(set.Probes, k)
	}
	recall := set.Recall
	recall.Rand = rng
	s := &State{mem: m}
	probe := make([]int8, n)
	perm := make([]int, n)
	for mu := range probes {
		xi := pats[mu]
		if err := s.Reset(xi); err != nil {
			panic(err)
		}
		fixed := true
		for i := range n {
			if s.wants(i) {
				fixed = false
				break
			}
		}
		if fixed {
			stable++
		}
		copy(probe, xi)
		for i := range perm {
			perm[i] = i
		}
		for i := range set.Flips {
			j := i + rng.IntN(n-i)
			perm[i], perm[j] = perm[j], perm[i]
			probe[perm[i]] = -probe[perm[i]]
		}
		if err := s.Reset(probe); err != nil {
			panic(err)
		}
		if _, err := s.Run(&recall); err != nil {
			panic(err)
		}
		if equalInt8(s.sigma, xi) {
			recalled++
		}
	}
	return probes, stable, recalled
}

func equalInt8(a, b []int8) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
