package layers

import (
	"fmt"
	"math"

	"github.com/gohopfield/hopfield/lagrangian"
)

// Method selects the integrator of Run.
type Method int

const (
	// Euler is explicit Euler with a fixed step dt: each group moves by
	// (dt/τ_a)·(−∂E/∂g_a). It is the zero value.
	Euler Method = iota
	// Adaptive is explicit Euler whose step is chosen per row: a trial
	// step is accepted only if it does not raise that row's energy, and
	// then the next step grows by 3/2 (up to MaxStep); otherwise it is
	// discarded and the step halves. "Does not raise" allows the rounding
	// error of evaluating E (16 units of the precision of T times the sum
	// of the magnitudes of E's terms), below which energy differences are
	// noise and a strict test would stall the last steps of convergence;
	// a step whose energy change is within that noise is accepted only if
	// it also lowers max |τ dx/dt| or is at most TauMin/2 (so that steps
	// near 2τ, which oscillate at constant energy, are refused).
	Adaptive
)

// Status says how a run ended.
type Status int

const (
	// NotRun: no step was attempted (the zero value).
	NotRun Status = iota
	// Converged: max |τ dx/dt| fell below Settings.Tol, that is, x is
	// within Tol of I + b + Σ W g at every free neuron.
	Converged
	// IterationLimit: Settings.MaxSteps was reached first.
	IterationLimit
	// NumericalFailure: a drive became NaN or Inf (the state keeps its last
	// finite value), or the adaptive step fell below MinStep without
	// finding a step that does not raise the energy.
	NumericalFailure
)

func (s Status) String() string {
	switch s {
	case NotRun:
		return "NotRun"
	case Converged:
		return "Converged"
	case IterationLimit:
		return "IterationLimit"
	case NumericalFailure:
		return "NumericalFailure"
	}
	return fmt.Sprintf("Status(%d)", int(s))
}

// Settings configure Run. A nil *Settings and the zero value mean Euler
// steps of 0.01·τ_min, Tol = 1e-6 (float64) or 1e-4 (float32), at most
// 100 000 steps and no energy trace.
type Settings struct {
	Method Method
	// Step is the fixed step dt (Euler) or the first step (Adaptive), in
	// the units of τ; 0 means 0.01·TauMin. It must not be negative.
	Step float64
	// MaxStep bounds the adaptive step; 0 means TauMin.
	MaxStep float64
	// MinStep ends an adaptive row with NumericalFailure when its step
	// falls below it; 0 means 1e-12·TauMin.
	MinStep float64
	// Tol ends a row with Converged once max |τ dx/dt| over its free
	// neurons is below it; 0 means 1e-6 for float64 and 1e-4 for float32.
	Tol float64
	// MaxSteps bounds the number of steps (accepted or rejected); 0 means
	// 100 000.
	MaxSteps int
	// TraceStride, when positive, records the energy of every row before
	// the first step and after every TraceStride-th step.
	TraceStride int
	// TraceStates also records, at the same points, the states x of
	// every group (Result.StateTrace): the trajectory at a stride, which
	// is never kept otherwise.
	TraceStates bool
}

// Result reports what Run did. Pass the same Result to successive runs to
// reuse its slices.
type Result struct {
	// Status is Converged when every row converged, NumericalFailure when
	// any row failed, and IterationLimit otherwise.
	Status Status
	// RowStatus is the status of each row.
	RowStatus []Status
	// Iterations counts the steps taken by the batch.
	Iterations int
	// Steps and Rejected count each row's accepted and (Adaptive)
	// rejected steps; Time is the simulated time each row reached.
	Steps, Rejected []int
	Time            []float64
	// Residual is each row's final max |τ dx/dt| over free neurons;
	// Energy its final energy.
	Residual, Energy []float64
	// Trace holds len(TraceSteps) records of Batch energies each: record
	// k, Trace[k·B : (k+1)·B], was taken after TraceSteps[k] steps.
	Trace      []float64
	TraceSteps []int
	// StateTrace, with Settings.TraceStates, holds per group a the
	// states at the same records: record k of group a is
	// StateTrace[a][k·B·N_a : (k+1)·B·N_a], row-major, in float64.
	StateTrace [][]float64
}

func (res *Result) reset(b int) {
	res.Status, res.Iterations = NotRun, 0
	res.RowStatus = resize(res.RowStatus, b)
	res.Steps = resize(res.Steps, b)
	res.Rejected = resize(res.Rejected, b)
	res.Time = resize(res.Time, b)
	res.Residual = resize(res.Residual, b)
	res.Energy = resize(res.Energy, b)
	res.Trace, res.TraceSteps = res.Trace[:0], res.TraceSteps[:0]
	for a := range res.StateTrace {
		res.StateTrace[a] = res.StateTrace[a][:0]
	}
}

// resize returns s with length n and every element zero, reusing its array.
func resize[E any](s []E, n int) []E {
	if cap(s) < n {
		return make([]E, n)
	}
	s = s[:n]
	clear(s)
	return s
}

func (net *Network[T]) settings(s *Settings) (Settings, error) {
	var set Settings
	if s != nil {
		set = *s
	}
	for _, p := range []struct {
		name string
		v    float64
	}{{"Step", set.Step}, {"MaxStep", set.MaxStep}, {"MinStep", set.MinStep}, {"Tol", set.Tol}} {
		if !(p.v >= 0) || math.IsInf(p.v, 1) {
			return set, fmt.Errorf("layers: settings.%s = %v, want a finite value ≥ 0", p.name, p.v)
		}
	}
	if set.MaxSteps < 0 {
		return set, fmt.Errorf("layers: settings.MaxSteps = %d, want ≥ 0", set.MaxSteps)
	}
	if set.TraceStates && set.TraceStride == 0 {
		return set, fmt.Errorf("layers: settings.TraceStates needs a positive TraceStride")
	}
	if set.TraceStride < 0 {
		return set, fmt.Errorf("layers: settings.TraceStride = %d, want ≥ 0", set.TraceStride)
	}
	if set.Method != Euler && set.Method != Adaptive {
		return set, fmt.Errorf("layers: settings.Method = %d is not a known method", int(set.Method))
	}
	if set.Step == 0 {
		set.Step = 0.01 * net.tauMin
	}
	if set.MaxStep == 0 {
		set.MaxStep = net.tauMin
	}
	if set.MinStep == 0 {
		set.MinStep = 1e-12 * net.tauMin
	}
	if set.Method == Adaptive {
		if set.MinStep > set.MaxStep {
			return set, fmt.Errorf("layers: settings.MinStep = %v exceeds MaxStep = %v", set.MinStep, set.MaxStep)
		}
		set.Step = min(max(set.Step, set.MinStep), set.MaxStep)
	}
	if set.Tol == 0 {
		set.Tol = 1e-6
		var t T
		if _, ok := any(t).(float32); ok {
			set.Tol = 1e-4
		}
	}
	if set.MaxSteps == 0 {
		set.MaxSteps = 100_000
	}
	return set, nil
}

// Step advances every row of s by one explicit Euler step of length dt:
// it settles the Instant groups, moves every free neuron of the other
// groups by (dt/τ)·(I + b + Σ W g − x), and settles the Instant groups
// again at the new states. It allocates nothing. It returns an error
// naming the argument for a bad State (NaN or Inf states included) or
// dt ≤ 0, and then changes nothing; a step whose drive is not finite is
// not taken and reported as an error (the groups with dynamics keep their
// states; Instant groups are left settled at those states).
func (net *Network[T]) Step(s *State[T], dt float64) error {
	if err := net.check(s); err != nil {
		return err
	}
	if !(dt > 0) || math.IsInf(dt, 1) {
		return fmt.Errorf("layers: dt = %v, want a finite value > 0", dt)
	}
	net.evaluate(s, s.X, s.G, s.f, s.d, nil, nil, s.rowRes)
	for r, v := range s.rowRes {
		if !finite(v) {
			return fmt.Errorf("layers: the drive of row %d is not finite (%v); the step was not taken", r, v)
		}
	}
	net.advance(s, s.X, s.X, s.d, dt, nil)
	net.settleAll(s)
	return nil
}

// settleAll settles the Instant groups at the current states of s.
func (net *Network[T]) settleAll(s *State[T]) {
	if !net.instant {
		return
	}
	for a, grp := range net.groups {
		if !grp.Instant {
			lagrangian.ActivationsTo(s.G[a], grp.L, s.X[a], grp.Size)
		}
	}
	for a, grp := range net.groups {
		if grp.Instant {
			net.settle(s, a, s.X, s.G, s.f)
		}
	}
}

// advance writes x + (h_r/τ)·d into dst for the groups with dynamics,
// with h_r = dt for every row when h is nil.
func (net *Network[T]) advance(s *State[T], dst, x, d [][]T, dt float64, h []float64) {
	for a, grp := range net.groups {
		if grp.Instant {
			continue
		}
		n, rate := grp.Size, net.rate[a]
		for r := range s.Batch {
			step := dt
			if h != nil {
				step = h[r]
			}
			xr, dr, or := x[a][r*n:(r+1)*n], d[a][r*n:(r+1)*n], dst[a][r*n:(r+1)*n]
			if step == 0 {
				copy(or, xr)
				continue
			}
			hs := T(step)
			for i := range or {
				or[i] = xr[i] + hs*rate[i]*dr[i]
			}
		}
	}
}

// Run integrates τ_a dx_a/dt = −∂E/∂g_a = I_a + b_a + Σ W g − x_a for every
// row of s, in place, until each row converges (max |τ dx/dt| < Tol over
// its free neurons), fails, or the batch reaches MaxSteps. A row that
// stops is no longer moved, so every row follows the trajectory it would
// follow alone. Instant groups are settled before the first step and after
// every step; clamped neurons keep their states. res may be nil.
//
// With every Hessian ∇²L_a positive semi-definite and E bounded below,
// dE/dt ≤ 0 (Krotov & Hopfield 2021): Euler steps small against τ follow
// it, and Adaptive never accepts a step that raises a row's energy.
//
// Run allocates nothing per step (Adaptive allocates a second copy of the
// state in s the first time). It returns an error naming the argument for
// a bad State (NaN or Inf states included) or bad settings, and then
// changes nothing.
func (net *Network[T]) Run(s *State[T], settings *Settings, res *Result) error {
	set, err := net.settings(settings)
	if err != nil {
		return err
	}
	if err := net.check(s); err != nil {
		return err
	}
	if res == nil {
		res = new(Result)
	}
	res.reset(s.Batch)
	if len(s.rowH) != s.Batch {
		s.rowH = make([]float64, s.Batch)
	}
	for r := range s.rowH {
		s.rowH[r] = set.Step
	}
	if set.Method == Adaptive {
		net.runAdaptive(s, &set, res)
	} else {
		net.runEuler(s, &set, res)
	}
	net.finish(s, res)
	return nil
}

func (net *Network[T]) finish(s *State[T], res *Result) {
	res.Status = Converged
	for _, st := range res.RowStatus {
		switch {
		case st == NumericalFailure:
			res.Status = NumericalFailure
		case st == IterationLimit && res.Status == Converged:
			res.Status = IterationLimit
		}
	}
	copy(res.Residual, s.rowRes)
	copy(res.Energy, s.rowE)
}

// decide sets the status of every row still running from its residual,
// freezes rows that stop, and reports whether any row is still running.
func decide(res *Result, set *Settings, resid, h []float64, iter int) bool {
	running := false
	for r, v := range resid {
		if res.RowStatus[r] != NotRun {
			h[r] = 0
			continue
		}
		switch {
		case !finite(v):
			res.RowStatus[r] = NumericalFailure
		case v < set.Tol:
			res.RowStatus[r] = Converged
		case iter >= set.MaxSteps:
			res.RowStatus[r] = IterationLimit
		default:
			running = true
			continue
		}
		h[r] = 0
	}
	return running
}

func (net *Network[T]) record(res *Result, set *Settings, s *State[T], e []float64, iter int) {
	res.Trace = append(res.Trace, e...)
	res.TraceSteps = append(res.TraceSteps, iter)
	if !set.TraceStates {
		return
	}
	for len(res.StateTrace) < len(net.groups) {
		res.StateTrace = append(res.StateTrace, nil)
	}
	for a, x := range s.X {
		for _, v := range x {
			res.StateTrace[a] = append(res.StateTrace[a], float64(v))
		}
	}
}

func (net *Network[T]) runEuler(s *State[T], set *Settings, res *Result) {
	h := s.rowH
	for iter := 0; ; iter++ {
		traced := set.TraceStride > 0 && iter%set.TraceStride == 0
		var e []float64
		if traced {
			e = s.rowE
		}
		net.evaluate(s, s.X, s.G, s.f, s.d, e, nil, s.rowRes)
		if traced {
			net.record(res, set, s, e, iter)
		}
		if !decide(res, set, s.rowRes, h, iter) {
			if !traced {
				net.energies(s, s.rowE, nil, s.X, s.G, s.f)
			}
			return
		}
		net.advance(s, s.X, s.X, s.d, 0, h)
		for r, hr := range h {
			if hr > 0 {
				res.Steps[r]++
				res.Time[r] += hr
			}
		}
		res.Iterations++
	}
}

func (net *Network[T]) runAdaptive(s *State[T], set *Settings, res *Result) {
	t := s.trialBuffers(net)
	h := s.rowH
	slack := roundingSlack[T]()
	safe := net.tauMin / 2
	net.evaluate(s, s.X, s.G, s.f, s.d, s.rowE, s.rowMag, s.rowRes)
	if set.TraceStride > 0 {
		net.record(res, set, s, s.rowE, 0)
	}
	for iter := 0; ; {
		if !decide(res, set, s.rowRes, h, iter) {
			return
		}
		for a, grp := range net.groups {
			if grp.Instant {
				copy(t.x[a], s.X[a]) // clamped Instant neurons keep their states
			}
		}
		net.advance(s, t.x, s.X, s.d, 0, h)
		net.evaluate(s, t.x, t.g, t.f, t.d, t.e, t.mag, t.res)
		for r, hr := range h {
			if hr == 0 {
				continue
			}
			noise := slack * max(s.rowMag[r], t.mag[r])
			if t.e[r] <= s.rowE[r]+noise && (t.e[r] < s.rowE[r]-noise || t.res[r] < s.rowRes[r] || hr <= safe) {
				for a, grp := range net.groups {
					lo, hi := r*grp.Size, (r+1)*grp.Size
					copy(s.X[a][lo:hi], t.x[a][lo:hi])
					copy(s.G[a][lo:hi], t.g[a][lo:hi])
					copy(s.f[a][lo:hi], t.f[a][lo:hi])
					copy(s.d[a][lo:hi], t.d[a][lo:hi])
				}
				s.rowE[r], s.rowMag[r], s.rowRes[r] = t.e[r], t.mag[r], t.res[r]
				res.Steps[r]++
				res.Time[r] += hr
				h[r] = min(1.5*hr, set.MaxStep)
				continue
			}
			res.Rejected[r]++
			if h[r] = hr / 2; h[r] < set.MinStep {
				res.RowStatus[r] = NumericalFailure
			}
		}
		iter++
		res.Iterations = iter
		if set.TraceStride > 0 && iter%set.TraceStride == 0 {
			net.record(res, set, s, s.rowE, iter)
		}
	}
}

// roundingSlack is the relative energy change that Adaptive treats as
// rounding: 16 units in the last place of T.
func roundingSlack[T Float]() float64 {
	var t T
	if _, ok := any(t).(float32); ok {
		return 16 * 0x1p-24
	}
	return 16 * 0x1p-53
}
