package classical

import (
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"sync"
)

// Rule names a learning rule for experiments.
type Rule int

const (
	// Hebbian is StoreHebbian. It is the zero value.
	Hebbian Rule = iota
	// Storkey is StoreStorkey.
	Storkey
	// PseudoInverse is SetPseudoInverse with a zero diagonal.
	PseudoInverse
)

// String returns the rule's name.
func (r Rule) String() string {
	switch r {
	case Hebbian:
		return "Hebbian"
	case Storkey:
		return "Storkey"
	case PseudoInverse:
		return "pseudo-inverse"
	}
	return fmt.Sprintf("Rule(%d)", int(r))
}

// Store applies rule r to the network.
func (net *Network) Store(r Rule, patterns [][]int8) error {
	switch r {
	case Hebbian:
		return net.StoreHebbian(patterns)
	case Storkey:
		return net.StoreStorkey(patterns)
	case PseudoInverse:
		return net.SetPseudoInverse(patterns, true)
	}
	return fmt.Errorf("classical: rule %d is not a known rule", int(r))
}

// CapacitySettings configures Capacity. The zero value (and nil) means the
// Hebbian rule, 10 trials, probes equal to the patterns (no noise), retrieval
// when the final overlap is at least 0.95, seed 0, DefaultMaxSweeps and
// GOMAXPROCS workers.
type CapacitySettings struct {
	Rule   Rule
	Trials int
	// Noise is the fraction of bits flipped in each probe: exactly
	// round(Noise·N) distinct bits of the stored pattern.
	Noise float64
	// Threshold is the final overlap at or above which a probe counts as
	// retrieved; 0 means 0.95.
	Threshold float64
	Seed      uint64
	MaxSweeps int
	Workers   int
}

// CapacityPoint is the outcome at one number of patterns P, over every
// pattern of every trial.
type CapacityPoint struct {
	P int
	// FixedFraction is the fraction of stored patterns that are fixed points.
	FixedFraction float64
	// RetrievedFraction is the fraction of noisy probes whose final state has
	// overlap ≥ Threshold with the pattern they came from.
	RetrievedFraction float64
	// MeanOverlap is the mean final overlap of the probes.
	MeanOverlap float64
}

// Capacity measures storage capacity: for each P in ps and each trial it
// stores P random ±1 patterns of length n with the rule, checks which are
// fixed points, and recalls each from a noisy copy with asynchronous
// random-order updates. Trials run in parallel; trial t at P draws from its
// own PCG stream seeded (Seed, P·2³² + t), so results do not depend on the
// number of workers. The Hebbian rule retrieves up to about P ≈ 0.138·N
// (Amit, Gutfreund & Sompolinsky 1985).
func Capacity(n int, ps []int, settings *CapacitySettings) ([]CapacityPoint, error) {
	var set CapacitySettings
	if settings != nil {
		set = *settings
	}
	if err := checkSize("n", n); err != nil {
		return nil, err
	}
	if len(ps) == 0 {
		return nil, fmt.Errorf("classical: ps is empty")
	}
	for i, p := range ps {
		if p <= 0 {
			return nil, fmt.Errorf("classical: ps[%d] = %d, want > 0", i, p)
		}
		if set.Rule == PseudoInverse && p >= n {
			return nil, fmt.Errorf("classical: ps[%d] = %d, want < n = %d for the pseudo-inverse rule", i, p, n)
		}
	}
	if set.Rule < Hebbian || set.Rule > PseudoInverse {
		return nil, fmt.Errorf("classical: settings.Rule = %d is not a known rule", int(set.Rule))
	}
	if set.Trials < 0 || set.Workers < 0 || set.MaxSweeps < 0 {
		return nil, fmt.Errorf("classical: settings.Trials, Workers and MaxSweeps must be ≥ 0")
	}
	if !(set.Noise >= 0 && set.Noise <= 1) {
		return nil, fmt.Errorf("classical: settings.Noise = %v, want 0 ≤ Noise ≤ 1", set.Noise)
	}
	if !(set.Threshold >= 0 && set.Threshold <= 1) {
		return nil, fmt.Errorf("classical: settings.Threshold = %v, want 0 ≤ Threshold ≤ 1", set.Threshold)
	}
	if set.Trials == 0 {
		set.Trials = 10
	}
	if set.Threshold == 0 {
		set.Threshold = 0.95
	}
	if set.Workers == 0 {
		set.Workers = runtime.GOMAXPROCS(0)
	}
	k := int(math.Round(set.Noise * float64(n)))

	type job struct{ pi, trial int }
	type tally struct {
		fixed, retrieved int
		overlap          float64
	}
	tallies := make([][]tally, len(ps))
	for i := range tallies {
		tallies[i] = make([]tally, set.Trials)
	}
	jobs := make(chan job)
	errs := make(chan error, set.Workers)
	var wg sync.WaitGroup
	for w := 0; w < set.Workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			probe := make([]int8, n)
			final := make([]int8, n)
			for j := range jobs {
				p := ps[j.pi]
				rng := rand.New(rand.NewPCG(set.Seed, uint64(p)<<32|uint64(j.trial)))
				net, _ := New(n, Bipolar)
				pats, err := RandomPatterns(p, n, rng)
				if err == nil {
					err = net.Store(set.Rule, pats)
				}
				if err != nil {
					errs <- err
					continue
				}
				var t tally
				rs := &RecallSettings{Rand: rng, MaxSweeps: set.MaxSweeps}
				for _, pat := range pats {
					if ok, _ := net.IsFixedPoint(pat); ok {
						t.fixed++
					}
					_, _ = NoisyCopy(probe, pat, k, rng)
					_, _ = net.Recall(final, probe, rs)
					m := Overlap(final, pat)
					t.overlap += m
					if m >= set.Threshold {
						t.retrieved++
					}
				}
				tallies[j.pi][j.trial] = t
			}
		}()
	}
	for pi := range ps {
		for t := 0; t < set.Trials; t++ {
			jobs <- job{pi, t}
		}
	}
	close(jobs)
	wg.Wait()
	select {
	case err := <-errs:
		return nil, err
	default:
	}
	out := make([]CapacityPoint, len(ps))
	for pi, p := range ps {
		var fixed, retrieved int
		var overlap float64
		for _, t := range tallies[pi] {
			fixed += t.fixed
			retrieved += t.retrieved
			overlap += t.overlap
		}
		total := float64(p * set.Trials)
		out[pi] = CapacityPoint{
			P:                 p,
			FixedFraction:     float64(fixed) / total,
			RetrievedFraction: float64(retrieved) / total,
			MeanOverlap:       overlap / total,
		}
	}
	return out, nil
}
