package lagrangian

import "math"

// Abs is L(x) = Σ|xᵢ|, whose activation is the sign: the Lagrangian of the
// binary feature neurons of model A (Krotov & Hopfield 2021, §3), where
// g = sign(x) turns the continuous state into ±1 spins.
//
// sign(0) is taken as +1, matching the classical threshold rule S ← +1 iff
// the field is ≥ 0, so activations are always ±1 (or NaN for NaN). The
// Legendre energy x·sign(x) − |x| is identically 0. The Hessian is zero
// away from 0; its Dirac mass at 0 is not represented.
type Abs[T Float] struct{}

// NewAbs returns the absolute-value Lagrangian. It has no parameters.
func NewAbs[T Float]() *Abs[T] { return &Abs[T]{} }

func (*Abs[T]) String() string { return "abs" }

// Value returns Σ|xᵢ|.
func (*Abs[T]) Value(x []T) T {
	var s float64
	for _, xi := range x {
		s += math.Abs(float64(xi))
	}
	return T(s)
}

// ActivationTo writes sign(x) into dst, with sign(0) = +1.
func (*Abs[T]) ActivationTo(dst, x []T) {
	checkLen("dst", len(dst), "x", len(x))
	for i, xi := range x {
		switch {
		case xi >= 0:
			dst[i] = 1
		case xi < 0:
			dst[i] = -1
		default:
			dst[i] = xi
		}
	}
}

// HessVecTo writes 0 (NaN where x or v is NaN) into dst.
func (*Abs[T]) HessVecTo(dst, x, v []T) {
	checkHessVec(dst, x, v)
	for i, xi := range x {
		dst[i] = 0 * xi * v[i]
	}
}
