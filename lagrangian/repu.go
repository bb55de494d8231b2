package lagrangian

import "math"

// RePU is the rectified polynomial Lagrangian
//
//	L(x) = (1/n) Σ relu(xᵢ)ⁿ,  gᵢ = relu(xᵢ)ⁿ⁻¹,  ∂gᵢ/∂xᵢ = (n−1) relu(xᵢ)ⁿ⁻²
//
// for real n ≥ 1. n = 2 is ReLU (g = relu(x)); n = 1 gives the Heaviside
// step, g = 1 for x > 0 and 0 for x ≤ 0, with zero Hessian. At x = 0 the
// second derivative is taken from the left (0); for 1 < n < 2 it is
// unbounded as x → 0⁺. Integer n is evaluated by repeated multiplication.
type RePU[T Float] struct{ rectified[T] }

// NewRePU returns the RePU Lagrangian of degree n. It fails unless n is
// finite and n ≥ 1.
func NewRePU[T Float](n float64) (*RePU[T], error) {
	if err := atLeastOne("repu", "n", n); err != nil {
		return nil, err
	}
	return &RePU[T]{rectified[T]{n: n, c: 1}}, nil
}

// NewReLU returns RePU with n = 2: L = ½Σrelu(x)², g = relu(x).
func NewReLU[T Float]() *RePU[T] { return &RePU[T]{rectified[T]{n: 2, c: 1}} }

// N returns the degree n.
func (l *RePU[T]) N() float64 { return l.n }

func (l *RePU[T]) String() string {
	if l.n == 2 {
		return "relu"
	}
	return "repu(n=" + fmtParam(l.n) + ")"
}

// RectifiedPowerSum is L(x) = Σ relu(xᵢ)ⁿ for real n ≥ 1, with activation
// n relu(x)ⁿ⁻¹ and Hessian diag(n(n−1) relu(x)ⁿ⁻²) (0 for x ≤ 0): n times
// RePU(n), the rectified polynomial interaction function of dense
// memories. It is convex for every n ≥ 1.
type RectifiedPowerSum[T Float] struct{ rectified[T] }

// NewRectifiedPowerSum returns Σ relu(x)ⁿ. It fails unless n is finite and
// n ≥ 1.
func NewRectifiedPowerSum[T Float](n float64) (*RectifiedPowerSum[T], error) {
	if err := atLeastOne("rectified-power-sum", "n", n); err != nil {
		return nil, err
	}
	return &RectifiedPowerSum[T]{rectified[T]{n: n, c: n}}, nil
}

// N returns the power n.
func (l *RectifiedPowerSum[T]) N() float64 { return l.n }

func (l *RectifiedPowerSum[T]) String() string {
	return "rectified-power-sum(n=" + fmtParam(l.n) + ")"
}

// rectified is (c/n) Σ relu(xᵢ)ⁿ, the shared form of RePU (c = 1) and
// RectifiedPowerSum (c = n).
type rectified[T Float] struct{ n, c float64 }

// Value returns (c/n) Σ relu(xᵢ)ⁿ.
func (l *rectified[T]) Value(x []T) T {
	var s float64
	for _, xi := range x {
		s += pow(relu(float64(xi)), l.n)
	}
	return T(l.c / l.n * s)
}

// ActivationTo writes c·relu(x)ⁿ⁻¹ into dst (c times the Heaviside step
// for n = 1).
func (l *rectified[T]) ActivationTo(dst, x []T) {
	checkLen("dst", len(dst), "x", len(x))
	switch {
	case l.n == 1:
		for i, xi := range x {
			dst[i] = T(l.c * step(float64(xi)))
		}
	case l.n == 2 && l.c == 1:
		for i, xi := range x {
			dst[i] = max(xi, 0) // branch-free; max keeps NaN
		}
	default:
		for i, xi := range x {
			dst[i] = T(l.c * pow(relu(float64(xi)), l.n-1))
		}
	}
}

// HessVecTo writes c(n−1) relu(x)ⁿ⁻² ⊙ v into dst (zero where x ≤ 0).
func (l *rectified[T]) HessVecTo(dst, x, v []T) {
	checkHessVec(dst, x, v)
	for i, xi := range x {
		f := float64(xi)
		var h float64
		switch {
		case math.IsNaN(f):
			h = f
		case f > 0 && l.n != 1:
			h = l.c * (l.n - 1) * pow(f, l.n-2)
		}
		dst[i] = T(h * float64(v[i]))
	}
}
