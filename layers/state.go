package layers

import (
	"fmt"
	"math"
)

// State is a batch of B states of one network, with what drives them and
// the workspace of its dynamics. Row r of every slice below belongs to the
// r-th network of the batch; rows never interact.
//
// Build a State with Network.NewState and fill X (and optionally Input and
// Clamp); every method of Network reads and writes a State it is given and
// must not be called on the same State from two goroutines at once.
type State[T Float] struct {
	// Batch is the number of rows B.
	Batch int
	// X[a] holds the B×N_a row-major states of group a.
	X [][]T
	// Input holds external input currents I: nil for none, or one entry
	// per group that is nil (no input), of length N_a (the same input for
	// every row) or of length B×N_a.
	Input [][]T
	// Clamp holds masks of neurons whose states the dynamics leave
	// unchanged: nil for none, or one entry per group that is nil, of
	// length N_a (the same mask for every row) or of length B×N_a.
	Clamp [][]bool
	// G[a] holds the activations g_a = ∇L_a(x_a) of the states at the
	// last evaluation (by Energy, GradientTo, Step or Run).
	G [][]T

	// Workspace: dense fields, drives τ dx/dt, per-row scratch.
	f, d    [][]T
	legend  []T
	rowE    []float64
	rowRes  []float64
	rowH    []float64
	rowMag  []float64
	trial   *trial[T]
	sizes   []int
	network *Network[T]
}

// trial holds the second copy of the state that the adaptive method
// evaluates before accepting a step.
type trial[T Float] struct {
	x, g, f, d  [][]T
	e, mag, res []float64
}

// NewState returns a State of batch rows with every state zero, no input
// and no clamping. It panics if batch < 1.
func (net *Network[T]) NewState(batch int) *State[T] {
	if batch < 1 {
		panic(fmt.Sprintf("layers: NewState: batch = %d, want at least 1", batch))
	}
	s := &State[T]{Batch: batch, network: net}
	s.X = net.alloc(batch)
	s.G = net.alloc(batch)
	s.f = net.alloc(batch)
	s.d = net.alloc(batch)
	s.legend = make([]T, batch)
	s.rowE = make([]float64, batch)
	s.rowRes = make([]float64, batch)
	s.rowMag = make([]float64, batch)
	for _, g := range net.groups {
		s.sizes = append(s.sizes, g.Size)
	}
	return s
}

func (net *Network[T]) alloc(batch int) [][]T {
	out := make([][]T, len(net.groups))
	for a, g := range net.groups {
		out[a] = make([]T, batch*g.Size)
	}
	return out
}

func (s *State[T]) trialBuffers(net *Network[T]) *trial[T] {
	if s.trial == nil {
		b := s.Batch
		s.trial = &trial[T]{x: net.alloc(b), g: net.alloc(b), f: net.alloc(b), d: net.alloc(b), e: make([]float64, b), mag: make([]float64, b), res: make([]float64, b)}
	}
	return s.trial
}

// check validates s against net: shapes of X, Input and Clamp, and finite
// states and inputs.
func (net *Network[T]) check(s *State[T]) error {
	if s == nil {
		return fmt.Errorf("layers: state is nil")
	}
	if s.network != net {
		return fmt.Errorf("layers: state was not made by this network's NewState")
	}
	b := s.Batch
	if len(s.X) != len(net.groups) {
		return fmt.Errorf("layers: len(s.X) = %d, want one entry per group (%d)", len(s.X), len(net.groups))
	}
	for a, g := range net.groups {
		if len(s.X[a]) != b*g.Size {
			return fmt.Errorf("layers: len(s.X[%d]) = %d, want Batch×N = %d×%d", a, len(s.X[a]), b, g.Size)
		}
		if i := firstNonFinite(s.X[a]); i >= 0 {
			return fmt.Errorf("layers: s.X[%d][%d] = %v (row %d, neuron %d), want a finite value", a, i, s.X[a][i], i/g.Size, i%g.Size)
		}
	}
	if s.Input != nil {
		if len(s.Input) != len(net.groups) {
			return fmt.Errorf("layers: len(s.Input) = %d, want one entry per group (%d) or nil", len(s.Input), len(net.groups))
		}
		for a, g := range net.groups {
			in := s.Input[a]
			if in != nil && len(in) != g.Size && len(in) != b*g.Size {
				return fmt.Errorf("layers: len(s.Input[%d]) = %d, want N = %d or Batch×N = %d", a, len(in), g.Size, b*g.Size)
			}
			if i := firstNonFinite(in); i >= 0 {
				return fmt.Errorf("layers: s.Input[%d][%d] = %v, want a finite value", a, i, in[i])
			}
		}
	}
	if s.Clamp != nil {
		if len(s.Clamp) != len(net.groups) {
			return fmt.Errorf("layers: len(s.Clamp) = %d, want one entry per group (%d) or nil", len(s.Clamp), len(net.groups))
		}
		for a, g := range net.groups {
			if c := s.Clamp[a]; c != nil && len(c) != g.Size && len(c) != b*g.Size {
				return fmt.Errorf("layers: len(s.Clamp[%d]) = %d, want N = %d or Batch×N = %d", a, len(c), g.Size, b*g.Size)
			}
		}
	}
	if len(s.G) != len(net.groups) || len(s.f) != len(net.groups) {
		return fmt.Errorf("layers: state was not made by this network's NewState")
	}
	for a, g := range net.groups {
		if len(s.G[a]) != b*g.Size {
			return fmt.Errorf("layers: len(s.G[%d]) = %d, want Batch×N = %d×%d", a, len(s.G[a]), b, g.Size)
		}
	}
	return nil
}

// row returns row r of v for groups of n neurons: v itself when it holds
// one row for the whole batch, nil when v is nil.
func row[E any](v []E, n, r int) []E {
	if v == nil || len(v) == n {
		return v
	}
	return v[r*n : (r+1)*n]
}

func (s *State[T]) input(a int) []T {
	if s.Input == nil {
		return nil
	}
	return s.Input[a]
}

func (s *State[T]) clamp(a int) []bool {
	if s.Clamp == nil {
		return nil
	}
	return s.Clamp[a]
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }
