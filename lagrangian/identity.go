package lagrangian

// Identity is L(x) = ½Σxᵢ², whose activation is g = x: the Lagrangian of
// linear neurons (the feature neurons of model B).
type Identity[T Float] struct{}

// NewIdentity returns the identity Lagrangian. It has no parameters.
func NewIdentity[T Float]() *Identity[T] { return &Identity[T]{} }

func (*Identity[T]) String() string { return "identity" }

// Value returns ½Σxᵢ².
func (*Identity[T]) Value(x []T) T {
	var s float64
	for _, xi := range x {
		f := float64(xi)
		s += f * f
	}
	return T(s / 2)
}

// ActivationTo copies x into dst.
func (*Identity[T]) ActivationTo(dst, x []T) {
	checkLen("dst", len(dst), "x", len(x))
	copy(dst, x)
}

// HessVecTo copies v into dst: the Hessian is the identity matrix.
func (*Identity[T]) HessVecTo(dst, x, v []T) {
	checkHessVec(dst, x, v)
	copy(dst, v)
}
