package lagrangian

import (
	"math"

	"github.com/gohopfield/hopfield/internal/vmath"
)

// The memory-neuron functions of dense associative memories (Krotov &
// Hopfield 2016; Demircigil et al. 2017) as Lagrangians L(x) = Σ F(xᵢ), so
// that the activation F′ is what a memory neuron passes on.

// PowerSum is L(x) = Σ xᵢⁿ for integer n ≥ 1, with activation n xⁿ⁻¹ and
// Hessian diag(n(n−1) xⁿ⁻²). It is convex for n = 1 and even n; for odd
// n ≥ 3 the Hessian is negative where x < 0 (CheckConvexity reports it),
// so energy descent is only guaranteed on x ≥ 0.
type PowerSum[T Float] struct{ n int }

// NewPowerSum returns Σ xⁿ. It fails unless n ≥ 1.
func NewPowerSum[T Float](n int) (*PowerSum[T], error) {
	if n < 1 {
		return nil, &ParamError{"power-sum", "n", float64(n), -1, "must be at least 1"}
	}
	return &PowerSum[T]{n: n}, nil
}

// N returns the power n.
func (l *PowerSum[T]) N() int { return l.n }

func (l *PowerSum[T]) String() string { return "power-sum(n=" + fmtParam(float64(l.n)) + ")" }

// Value returns Σ xᵢⁿ.
func (l *PowerSum[T]) Value(x []T) T {
	var s float64
	for _, xi := range x {
		s += powInt(float64(xi), l.n)
	}
	return T(s)
}

// ActivationTo writes n xⁿ⁻¹ into dst.
func (l *PowerSum[T]) ActivationTo(dst, x []T) {
	checkLen("dst", len(dst), "x", len(x))
	n := float64(l.n)
	for i, xi := range x {
		dst[i] = T(n * powInt(float64(xi), l.n-1))
	}
}

// HessVecTo writes n(n−1) xⁿ⁻² ⊙ v into dst.
func (l *PowerSum[T]) HessVecTo(dst, x, v []T) {
	checkHessVec(dst, x, v)
	c := float64(l.n * (l.n - 1))
	for i, xi := range x {
		f := float64(xi)
		h := 0 * f // n = 1: a zero Hessian, still NaN for NaN x
		if l.n >= 2 {
			h = c * powInt(f, l.n-2)
		}
		dst[i] = T(h * float64(v[i]))
	}
}

// ExpSum is L(x) = Σ e^{βxᵢ}, with activation β e^{βx} and Hessian
// diag(β² e^{βx}): the exponential interaction function F(x) = e^{βx} of
// Demircigil et al. (β = 1 gives F = eˣ). It equals β times Exponential.
type ExpSum[T Float] struct{ beta float64 }

// NewExpSum returns Σ e^{βx}. It fails unless β is positive and finite.
func NewExpSum[T Float](beta float64) (*ExpSum[T], error) {
	if err := positive("exp-sum", "beta", beta); err != nil {
		return nil, err
	}
	return &ExpSum[T]{beta: beta}, nil
}

// Beta returns β.
func (l *ExpSum[T]) Beta() float64 { return l.beta }

func (l *ExpSum[T]) String() string { return "exp-sum(β=" + fmtParam(l.beta) + ")" }

// Value returns Σ e^{βxᵢ}.
func (l *ExpSum[T]) Value(x []T) T {
	var s float64
	for _, xi := range x {
		s += math.Exp(l.beta * float64(xi))
	}
	return T(s)
}

// ActivationTo writes β e^{βx} into dst.
func (l *ExpSum[T]) ActivationTo(dst, x []T) {
	checkLen("dst", len(dst), "x", len(x))
	if x32, ok := asFloat32(x); ok {
		d32 := any(dst).([]float32)
		vmath.ExpTo(d32, x32, float32(l.beta), 0)
		for i, e := range d32 {
			if e > math.MaxFloat32 {
				// e^{βx} overflowed but β e^{βx} (β < 1) may not.
				d32[i] = float32(l.beta * math.Exp(l.beta*float64(x32[i])))
				continue
			}
			d32[i] = e * float32(l.beta)
		}
		return
	}
	for i, xi := range x {
		dst[i] = T(l.beta * math.Exp(l.beta*float64(xi)))
	}
}

// HessVecTo writes β² e^{βx} ⊙ v into dst.
func (l *ExpSum[T]) HessVecTo(dst, x, v []T) {
	checkHessVec(dst, x, v)
	b2 := l.beta * l.beta
	for i, xi := range x {
		dst[i] = T(b2 * math.Exp(l.beta*float64(xi)) * float64(v[i]))
	}
}
