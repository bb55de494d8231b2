package lagrangian

import (
	"fmt"
	"math"
)

// Float is the element type of states and activations.
type Float interface {
	~float32 | ~float64
}

// Lagrangian is a scalar function L of a vector x of neuron states, with
// its gradient (the activation) and Hessian-vector product.
//
// Implementations are immutable after construction and safe for
// concurrent use. Every method panics with a "lagrangian:" message when
// slice lengths disagree, and propagates NaN in x as NaN into every result
// that depends on x (a constant Hessian, as for Identity, does not).
type Lagrangian[T Float] interface {
	// Value returns L(x).
	Value(x []T) T
	// ActivationTo writes g = ∇L(x) into dst. dst may be x itself.
	ActivationTo(dst, x []T)
	// HessVecTo writes H(x)·v = ∇²L(x)·v into dst. dst must not
	// overlap x or v.
	HessVecTo(dst, x, v []T)
	// String names the Lagrangian and its parameters.
	String() string
}

// Sized is implemented by Lagrangians whose parameters fix the number of
// neurons (a layer norm with a bias vector δ, for example). Dim returns
// that number, or 0 when any length is accepted.
type Sized interface {
	Dim() int
}

// Dim returns the number of neurons l requires, or 0 when l accepts any
// length.
func Dim[T Float](l Lagrangian[T]) int {
	if s, ok := l.(Sized); ok {
		return s.Dim()
	}
	return 0
}

// Activation returns g = ∇L(x) in a new slice.
func Activation[T Float](l Lagrangian[T], x []T) []T {
	g := make([]T, len(x))
	l.ActivationTo(g, x)
	return g
}

// Energy returns the Legendre transform of L evaluated at the pair (x, g):
//
//	E = x·g − L(x)
//
// With g = ∇L(x) this is the energy of a neuron group (Krotov & Hopfield
// 2021, Eq. 2), and ∂E/∂g = x. The dot product is accumulated in float64.
//
// Where x·g and L(x) both overflow to +Inf (an exponential Lagrangian past
// the range of T), E is +Inf rather than NaN: E is the convex conjugate
// L*(g) = sup_y g·y − L(y), which is unbounded once g is.
func Energy[T Float](l Lagrangian[T], x, g []T) T {
	checkLen("x", len(x), "g", len(g))
	var dot float64
	for i, xi := range x {
		dot += float64(xi) * float64(g[i])
	}
	lx := float64(l.Value(x))
	if math.IsInf(dot, 1) && math.IsInf(lx, 1) {
		return T(dot)
	}
	return T(dot - lx)
}

// Must returns l, and panics if err is not nil. It is meant for
// Lagrangians built from constant parameters.
func Must[L any](l L, err error) L {
	if err != nil {
		panic(err)
	}
	return l
}

// ParamError reports an invalid parameter passed to a constructor.
type ParamError struct {
	Lagrangian string  // the catalogue entry, e.g. "tanh"
	Param      string  // the parameter, e.g. "beta"
	Value      float64 // the value passed (for vectors, the bad element)
	Index      int     // the element of a vector parameter, or -1
	Reason     string  // what the parameter must be
}

func (e *ParamError) Error() string {
	if e.Index >= 0 {
		return fmt.Sprintf("lagrangian: %s: %s[%d] = %v: %s", e.Lagrangian, e.Param, e.Index, e.Value, e.Reason)
	}
	return fmt.Sprintf("lagrangian: %s: %s = %v: %s", e.Lagrangian, e.Param, e.Value, e.Reason)
}

func positive(name, param string, v float64) error {
	if !(v > 0) || math.IsInf(v, 1) {
		return &ParamError{name, param, v, -1, "must be positive and finite"}
	}
	return nil
}

func nonNegative(name, param string, v float64) error {
	if !(v >= 0) || math.IsInf(v, 1) {
		return &ParamError{name, param, v, -1, "must be non-negative and finite"}
	}
	return nil
}

func atLeastOne(name, param string, v float64) error {
	if !(v >= 1) || math.IsInf(v, 1) {
		return &ParamError{name, param, v, -1, "must be finite and at least 1"}
	}
	return nil
}

func finiteVector[T Float](name, param string, v []T) error {
	for i, vi := range v {
		if f := float64(vi); math.IsNaN(f) || math.IsInf(f, 0) {
			return &ParamError{name, param, f, i, "must be finite"}
		}
	}
	return nil
}

func checkLen(a string, na int, b string, nb int) {
	if na != nb {
		panic(fmt.Sprintf("lagrangian: length mismatch: len(%s) = %d, len(%s) = %d", a, na, b, nb))
	}
}

func checkHessVec[T Float](dst, x, v []T) {
	checkLen("dst", len(dst), "x", len(x))
	checkLen("v", len(v), "x", len(x))
}

// fmtParam formats a parameter compactly for String methods.
func fmtParam(v float64) string {
	return fmt.Sprintf("%g", v)
}
