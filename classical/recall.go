package classical

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sync"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas32"
)

// Update selects how units are updated.
type Update int

const (
	// Asynchronous (serial) updates change one unit at a time, each seeing
	// the current states of the others (Hopfield 1982). It is the zero value.
	Asynchronous Update = iota
	// Synchronous (fully parallel) updates compute every unit from the
	// previous state at once (Little 1974). With symmetric weights they end
	// in a fixed point or a cycle of length two.
	Synchronous
)

// Order selects the order of units within an asynchronous sweep.
type Order int

const (
	// RandomOrder visits the units in a fresh random permutation each sweep.
	// It is the zero value.
	RandomOrder Order = iota
	// FixedOrder visits units 0, 1, …, N−1 every sweep.
	FixedOrder
)

// Status says why an iterative computation stopped.
type Status int

const (
	// NotTerminated is the zero value; no computation returns it.
	NotTerminated Status = iota
	// Converged: a binary network reached a fixed point (a sweep changed no
	// unit), or continuous dynamics came to rest within tolerance.
	Converged
	// CycleDetected: a deterministic binary dynamics revisited an earlier
	// state other than a fixed point; Result.CycleLength gives the period in
	// sweeps.
	CycleDetected
	// IterationLimit: the sweep, step or time limit was reached first. Finite
	// temperature runs always end with this status.
	IterationLimit
	// NumericalFailure: a state became NaN or Inf, or an adaptive step fell
	// below its minimum.
	NumericalFailure
)

// String returns the status's name.
func (s Status) String() string {
	switch s {
	case NotTerminated:
		return "NotTerminated"
	case Converged:
		return "Converged"
	case CycleDetected:
		return "CycleDetected"
	case IterationLimit:
		return "IterationLimit"
	case NumericalFailure:
		return "NumericalFailure"
	}
	return fmt.Sprintf("Status(%d)", int(s))
}

// DefaultMaxSweeps is the sweep limit used when RecallSettings.MaxSweeps is 0.
const DefaultMaxSweeps = 100

// RecallSettings configures Recall. The zero value (and a nil pointer) means
// asynchronous updates in random order at zero temperature, at most
// DefaultMaxSweeps sweeps, random numbers from a generator seeded with 0.
type RecallSettings struct {
	Update Update
	Order  Order // asynchronous updates only

	// MaxSweeps bounds the number of sweeps (one sweep visits every unit
	// once; for synchronous updates a sweep is one parallel step). Zero
	// means DefaultMaxSweeps.
	MaxSweeps int

	// Beta is the inverse temperature β of Glauber dynamics: a visited unit
	// becomes +1 with probability 1/(1 + exp(−2β(hᵢ − θᵢ))). Zero (or +Inf)
	// means the deterministic rule Sᵢ = +1 iff hᵢ ≥ θᵢ. Finite-temperature
	// runs last exactly MaxSweeps sweeps.
	Beta float64

	// Rand supplies random numbers for random order and Glauber dynamics.
	// When nil a PCG generator seeded with (Seed, 0) is made for the call.
	Rand *rand.Rand
	Seed uint64

	// OnFlip, when set, is called after every asynchronous flip with the
	// unit's index and the current state in ±1 form. The callback must not
	// keep or modify the slice. It is for watching the dynamics (e.g. the
	// energy after each flip) and is not called by synchronous updates.
	OnFlip func(unit int, state []int8)
}

// Result reports what a recall did.
type Result struct {
	Status Status
	// Sweeps is the number of sweeps run, including the final sweep that
	// confirmed a fixed point.
	Sweeps int
	// Flips is the number of unit state changes.
	Flips int
	// CycleLength is the period, in sweeps, of a detected cycle.
	CycleLength int
	// Energy is the energy of the final state.
	Energy float64
}

// workspace holds per-call buffers; recycled through a pool so that
// concurrent recalls do not share them and repeated recalls do not allocate.
type workspace struct {
	s, saved, next []int8
	h              []float64
	x, y           []float32
	order          []int
	pcg            rand.PCG
	rng            *rand.Rand
}

var workspaces sync.Pool

func getWorkspace(n int) *workspace {
	ws, _ := workspaces.Get().(*workspace)
	if ws == nil {
		ws = &workspace{}
		ws.rng = rand.New(&ws.pcg)
	}
	if cap(ws.s) < n {
		ws.s = make([]int8, n)
		ws.saved = make([]int8, n)
		ws.next = make([]int8, n)
		ws.h = make([]float64, n)
		ws.x = make([]float32, n)
		ws.y = make([]float32, n)
		ws.order = make([]int, n)
	}
	ws.s, ws.saved, ws.next = ws.s[:n], ws.saved[:n], ws.next[:n]
	ws.h, ws.x, ws.y, ws.order = ws.h[:n], ws.x[:n], ws.y[:n], ws.order[:n]
	return ws
}

// Recall runs the network from state init and writes the final state into
// dst (both in the network's convention; dst may be init). It stops at a
// fixed point, a detected cycle (deterministic synchronous or fixed-order
// dynamics), or the sweep limit, and reports which. Asynchronous updates keep
// the local fields hᵢ = Σⱼ wᵢⱼSⱼ up to date after each flip, O(N) per flip;
// one sweep without flips costs O(N). After the first call Recall allocates
// nothing when settings.Rand is set. Recall may be called concurrently.
func (net *Network) Recall(dst, init []int8, settings *RecallSettings) (Result, error) {
	var set RecallSettings
	if settings != nil {
		set = *settings
	}
	if err := checkState("init", init, net.n, net.conv); err != nil {
		return Result{}, err
	}
	if len(dst) != net.n {
		return Result{}, fmt.Errorf("classical: dst has length %d, want %d", len(dst), net.n)
	}
	if set.Update != Asynchronous && set.Update != Synchronous {
		return Result{}, fmt.Errorf("classical: settings.Update = %d is not a known update", int(set.Update))
	}
	if set.Order != RandomOrder && set.Order != FixedOrder {
		return Result{}, fmt.Errorf("classical: settings.Order = %d is not a known order", int(set.Order))
	}
	if set.MaxSweeps < 0 {
		return Result{}, fmt.Errorf("classical: settings.MaxSweeps = %d, want ≥ 0", set.MaxSweeps)
	}
	if math.IsNaN(set.Beta) || set.Beta < 0 {
		return Result{}, fmt.Errorf("classical: settings.Beta = %v, want ≥ 0", set.Beta)
	}
	if set.MaxSweeps == 0 {
		set.MaxSweeps = DefaultMaxSweeps
	}
	ws := getWorkspace(net.n)
	defer workspaces.Put(ws)
	rng := set.Rand
	if rng == nil {
		ws.pcg.Seed(set.Seed, 0)
		rng = ws.rng
	}
	net.bipolar(ws.s, init)
	var res Result
	if set.Update == Synchronous {
		res = net.runSync(ws, &set, rng)
	} else {
		res = net.runAsync(ws, &set, rng)
	}
	for i, v := range ws.s {
		dst[i] = net.conv.fromBipolar(v)
	}
	return res, nil
}

// initFields computes h = W·s with one float32 matrix-vector product.
func (net *Network) initFields(ws *workspace, s []int8) {
	n := net.n
	for i, v := range s {
		ws.x[i] = float32(v)
	}
	blas32.Gemv(blas.NoTrans, 1,
		blas32.General{Rows: n, Cols: n, Stride: n, Data: net.w},
		blas32.Vector{N: n, Inc: 1, Data: ws.x}, 0,
		blas32.Vector{N: n, Inc: 1, Data: ws.y})
	for i, v := range ws.y {
		ws.h[i] = float64(v)
	}
}

// glauber draws a state with P(+1) = 1/(1 + exp(−2β(h − θ))).
func glauber(h, theta, beta float64, rng *rand.Rand) int8 {
	if rng.Float64()*(1+math.Exp(-2*beta*(h-theta))) < 1 {
		return 1
	}
	return -1
}

func (net *Network) runAsync(ws *workspace, set *RecallSettings, rng *rand.Rand) Result {
	n := net.n
	s, h, order := ws.s, ws.h, ws.order
	net.initFields(ws, s)
	for i := range order {
		order[i] = i
	}
	stochastic := set.Beta > 0 && !math.IsInf(set.Beta, 1)
	deterministic := !stochastic && set.Order == FixedOrder
	var res Result
	// Brent's cycle detection on the states at sweep ends: saved holds the
	// state at the last power of two; lam counts sweeps since.
	copy(ws.saved, s)
	power, lam := 1, 0
	for res.Sweeps < set.MaxSweeps {
		if set.Order == RandomOrder {
			rng.Shuffle(n, func(a, b int) { order[a], order[b] = order[b], order[a] })
		}
		res.Sweeps++
		flips := 0
		for _, i := range order {
			var ns int8
			if stochastic {
				ns = glauber(h[i], net.theta[i], set.Beta, rng)
			} else {
				ns = sign(h[i], net.theta[i])
			}
			if ns == s[i] {
				continue
			}
			s[i] = ns
			flips++
			d := 2 * float64(ns)
			if net.symmetric {
				row := net.w[i*n : (i+1)*n : (i+1)*n]
				for j, wji := range row {
					h[j] += d * float64(wji)
				}
			} else {
				for j := range h {
					h[j] += d * float64(net.w[j*n+i])
				}
			}
			if set.OnFlip != nil {
				set.OnFlip(i, s)
			}
		}
		res.Flips += flips
		if stochastic {
			continue
		}
		if flips == 0 {
			res.Status = Converged
			res.Energy = energyFromFields(h, s, net.theta)
			return res
		}
		if deterministic {
			lam++
			if equalStates(s, ws.saved) {
				res.Status = CycleDetected
				res.CycleLength = lam
				res.Energy = energyFromFields(h, s, net.theta)
				return res
			}
			if lam == power {
				copy(ws.saved, s)
				power *= 2
				lam = 0
			}
		}
	}
	res.Status = IterationLimit
	// Recompute the fields so the reported energy carries no drift.
	net.fieldsTo(h, s)
	res.Energy = energyFromFields(h, s, net.theta)
	return res
}

func (net *Network) runSync(ws *workspace, set *RecallSettings, rng *rand.Rand) Result {
	s, h, next := ws.s, ws.h, ws.next
	stochastic := set.Beta > 0 && !math.IsInf(set.Beta, 1)
	var res Result
	copy(ws.saved, s)
	power, lam := 1, 0
	for res.Sweeps < set.MaxSweeps {
		net.initFields(ws, s)
		res.Sweeps++
		flips := 0
		for i := range s {
			if stochastic {
				next[i] = glauber(h[i], net.theta[i], set.Beta, rng)
			} else {
				next[i] = sign(h[i], net.theta[i])
			}
			if next[i] != s[i] {
				flips++
			}
		}
		copy(s, next)
		res.Flips += flips
		if stochastic {
			continue
		}
		if flips == 0 {
			res.Status = Converged
			break
		}
		lam++
		if equalStates(s, ws.saved) {
			res.Status = CycleDetected
			res.CycleLength = lam
			break
		}
		if lam == power {
			copy(ws.saved, s)
			power *= 2
			lam = 0
		}
	}
	if res.Status == NotTerminated {
		res.Status = IterationLimit
	}
	net.fieldsTo(h, s)
	res.Energy = energyFromFields(h, s, net.theta)
	return res
}

func equalStates(a, b []int8) bool {
	for i, v := range a {
		if v != b[i] {
			return false
		}
	}
	return true
}
