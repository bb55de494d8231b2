package classical

import (
	"fmt"
	"math"
)

// Integrator selects the time-stepping method of continuous dynamics.
type Integrator int

const (
	// Euler is the explicit Euler method with a fixed step. It is the zero
	// value. For the energy to decrease monotonically the step must be small
	// against τ/(1 + ‖T‖·max g′).
	Euler Integrator = iota
	// Adaptive is the Bogacki–Shampine 3(2) embedded Runge–Kutta pair
	// (Bogacki & Shampine 1989) with error control on every component.
	Adaptive
)

// DynamicsSettings configures Continuous.Run. The zero value (and nil) means
// Euler steps of 0.01τ, convergence when max |τ du/dt| < 1e-6, adaptive
// tolerances RelTol = Tolerance/10 and AbsTol = RelTol/1000, at most 10⁶
// steps and a time limit of 10⁴τ. The adaptive error tolerances must be
// tighter than Tolerance: local errors of size RelTol·|u| keep the residual
// from falling much below them.
type DynamicsSettings struct {
	Method Integrator
	// Step is the fixed step (Euler) or the first step (Adaptive).
	Step float64
	// Tolerance ends the run with Converged once max |−u + TV + I| is below it.
	Tolerance      float64
	AbsTol, RelTol float64
	MaxSteps       int
	MaxTime        float64
	// OnStep, when set, is called after every accepted step with the time,
	// the state u and the outputs V = g(u); it must not keep or modify them.
	OnStep func(t float64, u, v []float64)
}

// DynamicsResult reports what Run did.
type DynamicsResult struct {
	Status Status
	// Time is the simulated time reached.
	Time float64
	// Steps counts accepted steps and Rejected the adaptive steps retried.
	Steps, Rejected int
	// Residual is max |−u + TV + I| at the end.
	Residual float64
	// Energy is E(V) at the end.
	Energy float64
}

// Run integrates τ du/dt = −u + T g(u) + I from the state u, which it
// updates in place, until the residual max |τ du/dt| falls below the
// tolerance (Converged), a step or time limit is reached (IterationLimit), or
// the state stops being finite or the adaptive step underflows
// (NumericalFailure).
func (c *Continuous) Run(u []float64, settings *DynamicsSettings) (DynamicsResult, error) {
	var set DynamicsSettings
	if settings != nil {
		set = *settings
	}
	if err := checkFinite("u", u, c.n); err != nil {
		return DynamicsResult{}, err
	}
	for name, v := range map[string]float64{"Step": set.Step, "Tolerance": set.Tolerance, "AbsTol": set.AbsTol, "RelTol": set.RelTol, "MaxTime": set.MaxTime} {
		if !(v >= 0) || math.IsInf(v, 1) {
			return DynamicsResult{}, fmt.Errorf("classical: settings.%s = %v, want a finite value ≥ 0", name, v)
		}
	}
	if set.MaxSteps < 0 {
		return DynamicsResult{}, fmt.Errorf("classical: settings.MaxSteps = %d, want ≥ 0", set.MaxSteps)
	}
	if set.Method != Euler && set.Method != Adaptive {
		return DynamicsResult{}, fmt.Errorf("classical: settings.Method = %d is not a known integrator", int(set.Method))
	}
	if set.Step == 0 {
		set.Step = 0.01 * c.tau
	}
	if set.Tolerance == 0 {
		set.Tolerance = 1e-6
	}
	if set.RelTol == 0 {
		set.RelTol = set.Tolerance / 10
	}
	if set.AbsTol == 0 {
		set.AbsTol = set.RelTol / 1000
	}
	if set.MaxSteps == 0 {
		set.MaxSteps = 1_000_000
	}
	if set.MaxTime == 0 {
		set.MaxTime = 1e4 * c.tau
	}
	if set.Method == Adaptive {
		return c.runAdaptive(u, &set), nil
	}
	return c.runEuler(u, &set), nil
}

func (c *Continuous) finish(res DynamicsResult, u, v []float64, status Status) DynamicsResult {
	res.Status = status
	for i, x := range u {
		v[i] = c.gain.Activation(x)
	}
	res.Energy = c.energy(v)
	return res
}

func (c *Continuous) runEuler(u []float64, set *DynamicsSettings) DynamicsResult {
	n := c.n
	du := make([]float64, n)
	v := make([]float64, n)
	var res DynamicsResult
	h := set.Step
	for {
		res.Residual = c.derivTo(du, v, u)
		if math.IsNaN(res.Residual) || math.IsInf(res.Residual, 0) {
			return c.finish(res, u, v, NumericalFailure)
		}
		if res.Residual < set.Tolerance {
			return c.finish(res, u, v, Converged)
		}
		if res.Steps >= set.MaxSteps || res.Time >= set.MaxTime {
			return c.finish(res, u, v, IterationLimit)
		}
		for i := range u {
			u[i] += h * du[i]
		}
		res.Time += h
		res.Steps++
		if set.OnStep != nil {
			for i, x := range u {
				v[i] = c.gain.Activation(x)
			}
			set.OnStep(res.Time, u, v)
		}
	}
}

func (c *Continuous) runAdaptive(u []float64, set *DynamicsSettings) DynamicsResult {
	n := c.n
	k1 := make([]float64, n)
	k2 := make([]float64, n)
	k3 := make([]float64, n)
	k4 := make([]float64, n)
	y := make([]float64, n)
	v := make([]float64, n)
	var res DynamicsResult
	h := set.Step
	minStep := 1e-12 * c.tau
	res.Residual = c.derivTo(k1, v, u)
	for {
		if math.IsNaN(res.Residual) || math.IsInf(res.Residual, 0) {
			return c.finish(res, u, v, NumericalFailure)
		}
		if res.Residual < set.Tolerance {
			return c.finish(res, u, v, Converged)
		}
		if res.Steps >= set.MaxSteps || res.Time >= set.MaxTime {
			return c.finish(res, u, v, IterationLimit)
		}
		for i := range y {
			y[i] = u[i] + 0.5*h*k1[i]
		}
		c.derivTo(k2, v, y)
		for i := range y {
			y[i] = u[i] + 0.75*h*k2[i]
		}
		c.derivTo(k3, v, y)
		for i := range y {
			y[i] = u[i] + h*(2.0/9*k1[i]+1.0/3*k2[i]+4.0/9*k3[i])
		}
		r4 := c.derivTo(k4, v, y)
		// Error of the embedded second-order solution.
		var errNorm float64
		for i := range y {
			e := h * ((2.0/9-7.0/24)*k1[i] + (1.0/3-1.0/4)*k2[i] + (4.0/9-1.0/3)*k3[i] - 1.0/8*k4[i])
			scale := set.AbsTol + set.RelTol*math.Max(math.Abs(u[i]), math.Abs(y[i]))
			if r := math.Abs(e) / scale; r > errNorm || math.IsNaN(r) {
				errNorm = r
			}
		}
		if math.IsNaN(errNorm) {
			return c.finish(res, u, v, NumericalFailure)
		}
		factor := 5.0
		if errNorm > 0 {
			factor = math.Min(5, math.Max(0.2, 0.9*math.Pow(errNorm, -1.0/3)))
		}
		if errNorm > 1 {
			res.Rejected++
			h *= factor
			if h < minStep {
				return c.finish(res, u, v, NumericalFailure)
			}
			continue
		}
		copy(u, y)
		k1, k4 = k4, k1 // first same as last
		res.Residual = r4
		res.Time += h
		res.Steps++
		if set.OnStep != nil {
			set.OnStep(res.Time, u, v)
		}
		h *= factor
	}
}
