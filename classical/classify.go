package classical

import (
	"fmt"
	"sort"
)

// Kind is the class of a final state relative to the stored patterns.
type Kind int

const (
	// Spurious is a state that is none of the others. It is the zero value.
	Spurious Kind = iota
	// StoredPattern is a stored pattern ξ^μ itself.
	StoredPattern
	// Negation is the negation −ξ^μ of a stored pattern; with zero
	// thresholds it is a fixed point whenever ξ^μ is one with no zero
	// local field (a zero field sends a unit to +1 in both).
	Negation
	// Mixture is sgn(±ξ^μ₁ ± ξ^μ₂ ± … ) of an odd number (≥ 3) of stored
	// patterns (Amit, Gutfreund & Sompolinsky 1985).
	Mixture
)

// String returns the kind's name.
func (k Kind) String() string {
	switch k {
	case Spurious:
		return "spurious"
	case StoredPattern:
		return "stored"
	case Negation:
		return "negation"
	case Mixture:
		return "mixture"
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// Classification describes a state relative to a list of patterns.
type Classification struct {
	Kind Kind
	// Patterns are the indices of the patterns involved: one for a stored
	// pattern or negation, an odd number for a mixture.
	Patterns []int
	// Signs are the signs (±1) of the patterns in a mixture, and −1 for a
	// negation.
	Signs []int8
}

// ClassifySettings configures Classify. The zero value (and nil) searches
// mixtures of 3 patterns among the 12 patterns of largest |overlap|.
type ClassifySettings struct {
	// MaxOrder is the largest odd mixture order tried; 0 means 3.
	MaxOrder int
	// Candidates is how many patterns, by decreasing |overlap| with the
	// state, mixtures are drawn from; 0 means 12. A mixture's components have
	// overlap about ½ (order 3) or ⅜ (order 5) with it, so they rank first
	// among random patterns.
	Candidates int
}

// Classify says whether the ±1 state s equals a stored pattern, its negation,
// or exactly sgn(Σ σₐξ^a) for an odd set of patterns with signs σₐ = ±1
// (every sign combination is tried among the candidates), and otherwise
// calls it spurious. Ties in the mixture sum cannot occur for odd orders.
func Classify(s []int8, patterns [][]int8, settings *ClassifySettings) (Classification, error) {
	var set ClassifySettings
	if settings != nil {
		set = *settings
	}
	if set.MaxOrder == 0 {
		set.MaxOrder = 3
	}
	if set.Candidates == 0 {
		set.Candidates = 12
	}
	if set.MaxOrder < 3 || set.MaxOrder%2 == 0 {
		return Classification{}, fmt.Errorf("classical: settings.MaxOrder = %d, want an odd number ≥ 3", set.MaxOrder)
	}
	if set.Candidates < 0 {
		return Classification{}, fmt.Errorf("classical: settings.Candidates = %d, want ≥ 0", set.Candidates)
	}
	n := len(s)
	if err := checkState("s", s, n, Bipolar); err != nil {
		return Classification{}, err
	}
	if err := checkPatterns("patterns", patterns, n, Bipolar); err != nil {
		return Classification{}, err
	}
	m := make([]float64, len(patterns))
	for mu, p := range patterns {
		m[mu] = Overlap(s, p)
		if m[mu] == 1 {
			return Classification{Kind: StoredPattern, Patterns: []int{mu}, Signs: []int8{1}}, nil
		}
	}
	for mu := range patterns {
		if m[mu] == -1 {
			return Classification{Kind: Negation, Patterns: []int{mu}, Signs: []int8{-1}}, nil
		}
	}
	idx := make([]int, len(patterns))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return abs(m[idx[a]]) > abs(m[idx[b]]) })
	if len(idx) > set.Candidates {
		idx = idx[:set.Candidates]
	}
	sort.Ints(idx)
	sum := make([]int, n)
	for k := 3; k <= set.MaxOrder && k <= len(idx); k += 2 {
		comb := make([]int, k)
		for i := range comb {
			comb[i] = i
		}
		for {
			for signs := 0; signs < 1<<k; signs++ {
				if isMixture(s, patterns, idx, comb, signs, sum) {
					c := Classification{Kind: Mixture, Patterns: make([]int, k), Signs: make([]int8, k)}
					for a, ci := range comb {
						c.Patterns[a] = idx[ci]
						c.Signs[a] = 1
						if signs>>a&1 == 1 {
							c.Signs[a] = -1
						}
					}
					return c, nil
				}
			}
			if !nextComb(comb, len(idx)) {
				break
			}
		}
	}
	return Classification{Kind: Spurious}, nil
}

func isMixture(s []int8, patterns [][]int8, idx, comb []int, signs int, sum []int) bool {
	clear(sum)
	for a, ci := range comb {
		sg := 1
		if signs>>a&1 == 1 {
			sg = -1
		}
		for i, v := range patterns[idx[ci]] {
			sum[i] += sg * int(v)
		}
	}
	for i, v := range sum {
		if (v > 0) != (s[i] > 0) {
			return false
		}
	}
	return true
}

// nextComb advances comb to the next k-subset of {0..n−1} in lexicographic
// order and reports whether there was one.
func nextComb(comb []int, n int) bool {
	k := len(comb)
	i := k - 1
	for i >= 0 && comb[i] == n-k+i {
		i--
	}
	if i < 0 {
		return false
	}
	comb[i]++
	for j := i + 1; j < k; j++ {
		comb[j] = comb[j-1] + 1
	}
	return true
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
