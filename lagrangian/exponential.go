package lagrangian

import (
	"math"

	"github.com/gohopfield/hopfield/internal/vmath"
)

// Exponential is L(x) = (1/β) Σ e^{βxᵢ}, with activation gᵢ = e^{βxᵢ} and
// Hessian diag(β e^{βx}). Value and activation overflow to +Inf only where
// the true value exceeds the largest T.
type Exponential[T Float] struct{ beta float64 }

// NewExponential returns the exponential Lagrangian. It fails unless β is
// positive and finite.
func NewExponential[T Float](beta float64) (*Exponential[T], error) {
	if err := positive("exponential", "beta", beta); err != nil {
		return nil, err
	}
	return &Exponential[T]{beta: beta}, nil
}

// Beta returns β.
func (l *Exponential[T]) Beta() float64 { return l.beta }

func (l *Exponential[T]) String() string { return "exponential(β=" + fmtParam(l.beta) + ")" }

// Value returns (1/β) Σ e^{βxᵢ}.
func (l *Exponential[T]) Value(x []T) T {
	var s float64
	for _, xi := range x {
		s += math.Exp(l.beta * float64(xi))
	}
	return T(s / l.beta)
}

// ActivationTo writes e^{βx} into dst.
func (l *Exponential[T]) ActivationTo(dst, x []T) {
	checkLen("dst", len(dst), "x", len(x))
	if x32, ok := asFloat32(x); ok {
		vmath.ExpTo(any(dst).([]float32), x32, float32(l.beta), 0)
		return
	}
	for i, xi := range x {
		dst[i] = T(math.Exp(l.beta * float64(xi)))
	}
}

// HessVecTo writes β e^{βx} ⊙ v into dst.
func (l *Exponential[T]) HessVecTo(dst, x, v []T) {
	checkHessVec(dst, x, v)
	for i, xi := range x {
		dst[i] = T(l.beta * math.Exp(l.beta*float64(xi)) * float64(v[i]))
	}
}

// RectifiedExponential is
//
//	L(x) = Σ (e^{β·relu(xᵢ)}/β − relu(xᵢ)),  gᵢ = e^{β·relu(xᵢ)} − 1
//
// so g is 0 for x ≤ 0 and grows exponentially for x > 0; the Hessian is
// diag(β e^{βxᵢ}) for xᵢ > 0 and 0 for xᵢ ≤ 0 (taken from the left at 0).
// The activation is computed with expm1, exact near 0. Each element
// contributes 1/β to L at x ≤ 0, as the formula says.
type RectifiedExponential[T Float] struct{ beta float64 }

// NewRectifiedExponential returns the rectified exponential Lagrangian.
// It fails unless β is positive and finite.
func NewRectifiedExponential[T Float](beta float64) (*RectifiedExponential[T], error) {
	if err := positive("rectified exponential", "beta", beta); err != nil {
		return nil, err
	}
	return &RectifiedExponential[T]{beta: beta}, nil
}

// Beta returns β.
func (l *RectifiedExponential[T]) Beta() float64 { return l.beta }

func (l *RectifiedExponential[T]) String() string {
	return "rectified-exponential(β=" + fmtParam(l.beta) + ")"
}

// Value returns Σ (e^{β·relu(xᵢ)}/β − relu(xᵢ)).
func (l *RectifiedExponential[T]) Value(x []T) T {
	var s float64
	for _, xi := range x {
		r := relu(float64(xi))
		s += math.Exp(l.beta*r)/l.beta - r
	}
	return T(s)
}

// ActivationTo writes e^{β·relu(x)} − 1 into dst.
func (l *RectifiedExponential[T]) ActivationTo(dst, x []T) {
	checkLen("dst", len(dst), "x", len(x))
	for i, xi := range x {
		dst[i] = T(math.Expm1(l.beta * relu(float64(xi))))
	}
}

// HessVecTo writes β e^{βx} ⊙ v into dst where x > 0 and 0 elsewhere.
func (l *RectifiedExponential[T]) HessVecTo(dst, x, v []T) {
	checkHessVec(dst, x, v)
	for i, xi := range x {
		f := float64(xi)
		h := l.beta * math.Exp(l.beta*f) * step(f)
		dst[i] = T(h * float64(v[i]))
	}
}
