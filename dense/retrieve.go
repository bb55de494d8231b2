package dense

import (
	"fmt"
	"math/rand/v2"
)

// Schedule says in which order units are updated.
type Schedule int

const (
	// RandomOrder updates the units one at a time (asynchronously), each
	// sweep in a fresh random permutation drawn from Settings.Rand. It is
	// the default.
	RandomOrder Schedule = iota
	// FixedOrder updates the units one at a time in the order 0, 1, …, N−1.
	FixedOrder
	// Synchronous decides every unit from the same state, then flips all
	// that want to flip at once. It may end in a cycle.
	Synchronous
)

func (s Schedule) String() string {
	switch s {
	case RandomOrder:
		return "RandomOrder"
	case FixedOrder:
		return "FixedOrder"
	case Synchronous:
		return "Synchronous"
	}
	return fmt.Sprintf("Schedule(%d)", int(s))
}

// DefaultMaxSweeps is the sweep limit used when Settings.MaxSweeps is zero.
const DefaultMaxSweeps = 100

// Settings controls Run and Retrieve. The zero value, and a nil *Settings,
// give random-order asynchronous sweeps from a PCG generator seeded with 0,
// at most DefaultMaxSweeps sweeps, and no clamped units.
type Settings struct {
	Schedule Schedule
	// MaxSweeps bounds the number of sweeps; zero means DefaultMaxSweeps.
	MaxSweeps int
	// Rand orders the units for RandomOrder. When nil, a generator
	// rand.New(rand.NewPCG(Seed, 0)) is made for the call.
	Rand *rand.Rand
	Seed uint64
	// Clamped, when not nil, has one entry per unit; clamped units keep
	// their value and are never updated.
	Clamped []bool
}

// Status says why an update loop stopped.
type Status int

const (
	// Converged: a full sweep changed no unit, so the state is a fixed point
	// of the schedule (for the asynchronous ones, of every unit's Eq. 4).
	Converged Status = iota + 1
	// StepLimit: MaxSweeps sweeps were made and the last still flipped units.
	StepLimit
	// Cycle: the synchronous dynamics returned to an earlier state other
	// than the current one. Asynchronous updates cannot cycle, since every
	// flip strictly lowers the energy.
	Cycle
)

func (s Status) String() string {
	switch s {
	case Converged:
		return "Converged"
	case StepLimit:
		return "StepLimit"
	case Cycle:
		return "Cycle"
	}
	return fmt.Sprintf("Status(%d)", int(s))
}

// Result reports what an update loop did.
type Result struct {
	Status Status
	// Sweeps counts sweeps made, including the last one that changed
	// nothing when Status is Converged.
	Sweeps int
	// Flips counts unit changes over all sweeps.
	Flips int
}

// Retrieve runs the dynamics from probe until a fixed point, a cycle or the
// sweep limit and writes the final state into dst, which must have length N
// and may be probe itself. It is safe to call from many goroutines at once.
// It allocates its workspace once per call.
func (m *Memory) Retrieve(dst, probe []int8, settings *Settings) (Result, error) {
	if len(dst) != m.n {
		return Result{}, fmt.Errorf("dense: dst has length %d, want %d", len(dst), m.n)
	}
	s, err := m.NewState(probe)
	if err != nil {
		return Result{}, err
	}
	r, err := s.Run(settings)
	if err != nil {
		return r, err
	}
	copy(dst, s.sigma)
	return r, nil
}

func (set *Settings) check(n int) error {
	if set.Schedule < RandomOrder || set.Schedule > Synchronous {
		return fmt.Errorf("dense: settings.Schedule = %v is not a Schedule", set.Schedule)
	}
	if set.MaxSweeps < 0 {
		return fmt.Errorf("dense: settings.MaxSweeps = %d, want ≥ 0", set.MaxSweeps)
	}
	if set.Clamped != nil && len(set.Clamped) != n {
		return fmt.Errorf("dense: settings.Clamped has length %d, want %d", len(set.Clamped), n)
	}
	return nil
}

// Run updates the state until a sweep changes nothing, the synchronous
// dynamics cycle, or settings.MaxSweeps sweeps have been made. After set-up
// it allocates nothing per sweep.
func (s *State) Run(settings *Settings) (Result, error) {
	s.check()
	var set Settings
	if settings != nil {
		set = *settings
	}
	if err := set.check(s.mem.n); err != nil {
		return Result{}, err
	}
	if set.MaxSweeps == 0 {
		set.MaxSweeps = DefaultMaxSweeps
	}
	if set.Schedule == RandomOrder && set.Rand == nil {
		set.Rand = rand.New(rand.NewPCG(set.Seed, 0))
	}
	if set.Schedule == Synchronous {
		return s.runSync(&set), nil
	}
	var r Result
	for r.Sweeps < set.MaxSweeps {
		f := s.Sweep(set.Schedule, set.Rand, set.Clamped)
		r.Sweeps++
		r.Flips += f
		if f == 0 {
			r.Status = Converged
			return r, nil
		}
	}
	r.Status = StepLimit
	return r, nil
}

// Sweep makes one asynchronous pass over the units not clamped, in random
// order drawn from rng (RandomOrder) or in index order (FixedOrder), and
// returns the number of flips. clamped may be nil. It panics on a
// Synchronous schedule, a nil rng for RandomOrder, or clamped of the wrong
// length.
func (s *State) Sweep(order Schedule, rng *rand.Rand, clamped []bool) int {
	s.check()
	n := s.mem.n
	if clamped != nil && len(clamped) != n {
		panic("dense: Sweep clamped of wrong length")
	}
	if len(s.perm) != n {
		s.perm = make([]int, n)
	}
	for i := range s.perm {
		s.perm[i] = i
	}
	switch order {
	case FixedOrder:
	case RandomOrder:
		if rng == nil {
			panic("dense: Sweep in RandomOrder with nil rng")
		}
		for i := n - 1; i > 0; i-- {
			j := rng.IntN(i + 1)
			s.perm[i], s.perm[j] = s.perm[j], s.perm[i]
		}
	default:
		panic(fmt.Sprintf("dense: Sweep with schedule %v", order))
	}
	flips := 0
	for _, i := range s.perm {
		if clamped != nil && clamped[i] {
			continue
		}
		if s.wants(i) {
			s.toggle(i)
			flips++
		}
	}
	return flips
}

// SyncStep decides every unit not clamped from the current state, then
// flips all that want to flip, and returns the number of flips.
func (s *State) SyncStep(clamped []bool) int {
	s.check()
	n := s.mem.n
	if clamped != nil && len(clamped) != n {
		panic("dense: SyncStep clamped of wrong length")
	}
	if len(s.flip) != n {
		s.flip = make([]bool, n)
	}
	for i := range s.flip {
		s.flip[i] = (clamped == nil || !clamped[i]) && s.wants(i)
	}
	flips := 0
	for i, f := range s.flip {
		// The overlap change of a flip depends only on the unit's own old
		// value, so flips may be applied one after another.
		if f {
			s.toggle(i)
			flips++
		}
	}
	return flips
}

// runSync iterates SyncStep, detecting cycles with Brent's method: the
// state is saved at sweeps 1, 2, 4, 8, … and each later state is compared
// with the saved one, which finds a cycle of any length within a few times
// its length plus its start, with one saved copy.
func (s *State) runSync(set *Settings) Result {
	w := (s.mem.n + 63) / 64
	if len(s.seen) != w {
		s.seen = make([]uint64, w)
		s.cur = make([]uint64, w)
	}
	var r Result
	next := 1
	for r.Sweeps < set.MaxSweeps {
		f := s.SyncStep(set.Clamped)
		r.Sweeps++
		r.Flips += f
		if f == 0 {
			r.Status = Converged
			return r
		}
		pack(s.cur, s.sigma)
		if r.Sweeps > 1 && equalWords(s.cur, s.seen) {
			r.Status = Cycle
			return r
		}
		if r.Sweeps == next {
			copy(s.seen, s.cur)
			next *= 2
		}
	}
	r.Status = StepLimit
	return r
}

func pack(dst []uint64, x []int8) {
	clear(dst)
	for i, v := range x {
		dst[i/64] |= signMask(v) & (1 << uint(i%64))
	}
}

func equalWords(a, b []uint64) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
