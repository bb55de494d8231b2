package classical

import (
	"fmt"
	"math"
)

// Gain is the input–output relation V = g(u) of a graded-response neuron in
// the continuous network (Hopfield 1984): a smooth increasing sigmoid with
// inverse g⁻¹ and the integral ∫₀^V g⁻¹(x) dx that enters the energy.
type Gain interface {
	// Activation returns V = g(u).
	Activation(u float64) float64
	// Inverse returns u = g⁻¹(V) for V inside the range of g.
	Inverse(v float64) float64
	// InverseIntegral returns ∫₀^V g⁻¹(x) dx in closed form, continued to
	// the closed range of g by its finite limit.
	InverseIntegral(v float64) float64
}

// Tanh is the gain V = tanh(λu) with outputs in (−1, 1); the zero Lambda
// means λ = 1. Its energy term is
//
//	∫₀^V g⁻¹(x) dx = (1/λ) [V artanh V + ½ ln(1 − V²)],
//
// which tends to ln 2 / λ as |V| → 1.
type Tanh struct{ Lambda float64 }

func lambda(l float64) float64 {
	if l == 0 {
		return 1
	}
	return l
}

// checkLambda rejects a gain whose λ would make g decreasing or undefined.
func checkLambda(name string, l float64) error {
	if !(l >= 0) || math.IsInf(l, 1) {
		return fmt.Errorf("classical: %s gain Lambda = %v, want a finite value ≥ 0 (0 means 1)", name, l)
	}
	return nil
}

func (g Tanh) validate() error     { return checkLambda("Tanh", g.Lambda) }
func (g Logistic) validate() error { return checkLambda("Logistic", g.Lambda) }

// Activation returns tanh(λu).
func (g Tanh) Activation(u float64) float64 { return math.Tanh(lambda(g.Lambda) * u) }

// Inverse returns artanh(V)/λ.
func (g Tanh) Inverse(v float64) float64 { return math.Atanh(v) / lambda(g.Lambda) }

// InverseIntegral returns (V artanh V + ½ ln(1 − V²))/λ.
func (g Tanh) InverseIntegral(v float64) float64 {
	a := math.Abs(v)
	if a >= 1 {
		return math.Ln2 / lambda(g.Lambda)
	}
	// V artanh V + ½ln(1−V²) = ½[(1+V)ln(1+V) + (1−V)ln(1−V)], stable near ±1.
	return 0.5 * ((1+a)*math.Log1p(a) + xlogx(1-a)) / lambda(g.Lambda)
}

// Logistic is the gain V = 1/(1 + exp(−λu)) with outputs in (0, 1); the zero
// Lambda means λ = 1. Hopfield & Tank's V = ½(1 + tanh(u/u₀)) is Logistic
// with λ = 2/u₀. Its energy term is
//
//	∫₀^V g⁻¹(x) dx = (1/λ) [V ln V + (1 − V) ln(1 − V)],
//
// which is zero at V = 0 and V = 1.
type Logistic struct{ Lambda float64 }

// Activation returns 1/(1 + exp(−λu)).
func (g Logistic) Activation(u float64) float64 {
	x := lambda(g.Lambda) * u
	if x >= 0 {
		return 1 / (1 + math.Exp(-x))
	}
	e := math.Exp(x)
	return e / (1 + e)
}

// Inverse returns ln(V/(1−V))/λ.
func (g Logistic) Inverse(v float64) float64 {
	return (math.Log(v) - math.Log1p(-v)) / lambda(g.Lambda)
}

// InverseIntegral returns (V ln V + (1−V) ln(1−V))/λ.
func (g Logistic) InverseIntegral(v float64) float64 {
	if v <= 0 || v >= 1 {
		return 0
	}
	return (xlogx(v) + xlogx(1-v)) / lambda(g.Lambda)
}

// xlogx is x ln x with 0 ln 0 = 0.
func xlogx(x float64) float64 {
	if x <= 0 {
		return 0
	}
	return x * math.Log(x)
}
