package dense

import (
	"errors"
	"fmt"
)

// maxUnits keeps 4(N+2) within an int32, the type of the overlap code.
const maxUnits = 1 << 28

// Memory is a dense associative memory of N binary units holding K patterns
// ξμ ∈ {−1, +1}ᴺ, with energy E(σ) = −Σμ F(ξμ·σ).
//
// Patterns are bit-packed by unit: for each unit i a column of K bits, bit μ
// set when ξμᵢ = −1, in ⌈K/64⌉ uint64 words. One stored pattern therefore
// costs N/8 bytes, and the per-unit update reads one contiguous column.
//
// Store mutates the memory; every other method only reads it, so retrieval
// from one Memory is safe from many goroutines at once as long as no Store
// runs concurrently.
type Memory struct {
	n      int
	f      Function
	k      int
	stride int      // words allocated per column, ≥ ⌈k/64⌉
	cols   []uint64 // n columns of stride words
	tab    tables
}

// New returns an empty memory of units binary units with interaction
// function f. It returns an error naming the argument when units < 1 or f is
// invalid: n < 2, β not finite and positive, or a degree so large that
// F(N+2) leaves the float64 range.
func New(units int, f Function) (*Memory, error) {
	if units < 1 || units > maxUnits {
		return nil, fmt.Errorf("dense: units = %d, want 1 ≤ units ≤ %d", units, maxUnits)
	}
	if err := f.validate(units); err != nil {
		return nil, err
	}
	return &Memory{n: units, f: f, tab: newTables(f, units)}, nil
}

// Units returns N, the number of units.
func (m *Memory) Units() int { return m.n }

// Len returns K, the number of stored patterns.
func (m *Memory) Len() int { return m.k }

// Function returns the interaction function F.
func (m *Memory) Function() Function { return m.f }

// words returns ⌈K/64⌉, the words of each column in use.
func (m *Memory) words() int { return (m.k + 63) / 64 }

// PatternBytes returns the bytes held for the stored patterns themselves,
// N·8·⌈K/64⌉ after a single Store into an empty memory, and more by at most
// one eighth after a sequence of Stores.
func (m *Memory) PatternBytes() int { return 8 * len(m.cols) }

// Store appends patterns to the memory. Every pattern must have N entries,
// each −1 or +1. If any pattern is invalid, or none is given, Store returns an
// error naming the argument and index and the memory is unchanged.
func (m *Memory) Store(patterns ...[]int8) error {
	if len(patterns) == 0 {
		return errors.New("dense: Store of no patterns (K = 0)")
	}
	for p, x := range patterns {
		if err := checkState(x, m.n, fmt.Sprintf("patterns[%d]", p)); err != nil {
			return err
		}
	}
	k := m.k + len(patterns)
	need := (k + 63) / 64
	if need > m.stride {
		stride := need
		if m.k > 0 {
			// Leave room so that Storing one pattern at a time costs
			// amortised O(N) per pattern, not a copy of the memory.
			stride = max(need, m.stride+m.stride/8+1)
		}
		cols := make([]uint64, m.n*stride)
		used := m.words()
		for i := range m.n {
			copy(cols[i*stride:i*stride+used], m.cols[i*m.stride:i*m.stride+used])
		}
		m.cols, m.stride = cols, stride
	}
	for p, x := range patterns {
		mu := m.k + p
		w, bit := mu/64, uint(mu%64)
		for i, v := range x {
			if v < 0 {
				m.cols[i*m.stride+w] |= 1 << bit
			}
		}
	}
	m.k = k
	return nil
}

// Pattern writes stored pattern mu into dst, allocating it when dst is nil,
// and returns it. It panics if mu is out of range or dst has the wrong length.
func (m *Memory) Pattern(dst []int8, mu int) []int8 {
	if mu < 0 || mu >= m.k {
		panic(fmt.Sprintf("dense: Pattern index %d out of range [0, %d)", mu, m.k))
	}
	if dst == nil {
		dst = make([]int8, m.n)
	}
	if len(dst) != m.n {
		panic(fmt.Sprintf("dense: Pattern dst length %d, want %d", len(dst), m.n))
	}
	w, bit := mu/64, uint(mu%64)
	for i := range dst {
		dst[i] = 1 - 2*int8(m.cols[i*m.stride+w]>>bit&1)
	}
	return dst
}

// checkState reports whether x is a ±1 vector of length n, naming it.
func checkState(x []int8, n int, name string) error {
	if len(x) != n {
		return fmt.Errorf("dense: %s has length %d, want %d", name, len(x), n)
	}
	for i, v := range x {
		if v != 1 && v != -1 {
			return fmt.Errorf("dense: %s[%d] = %d, want −1 or +1", name, i, v)
		}
	}
	return nil
}
