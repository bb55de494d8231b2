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
type RePU[T Float] struct{ n float64 }

// NewRePU returns the RePU Lagrangian of degree n. It fails unless n is
// finite and n ≥ 1.
func NewRePU[T Float](n float64) (*RePU[T], error) {
	if err := atLeastOne("repu", "n", n); err != nil {
		return nil, err
	}
	return &RePU[T]{n: n}, nil
}

// NewReLU returns RePU with n = 2: L = ½Σrelu(x)², g = relu(x).
func NewReLU[T Float]() *RePU[T] { return &RePU[T]{n: 2} }

// N returns the degree n.
func (l *RePU[T]) N() float64 { return l.n }

func (l *RePU[T]) String() string {
	if l.n == 2 {
		return "relu"
	}
	return "repu(n=" + fmtParam(l.n) + ")"
}

// Value returns (1/n) Σ relu(xᵢ)ⁿ.
func (l *RePU[T]) Value(x []T) T {
	var s float64
	for _, xi := range x {
		s += pow(relu(float64(xi)), l.n)
	}
	return T(s / l.n)
}

// ActivationTo writes relu(x)ⁿ⁻¹ into dst.
func (l *RePU[T]) ActivationTo(dst, x []T) {
	checkLen("dst", len(dst), "x", len(x))
	switch l.n {
	case 1:
		for i, xi := range x {
			dst[i] = T(step(float64(xi)))
		}
	case 2:
		for i, xi := range x {
			dst[i] = max(xi, 0) // branch-free; max keeps NaN
		}
	default:
		for i, xi := range x {
			dst[i] = T(pow(relu(float64(xi)), l.n-1))
		}
	}
}

// HessVecTo writes (n−1) relu(x)ⁿ⁻² ⊙ v into dst (zero where x ≤ 0).
func (l *RePU[T]) HessVecTo(dst, x, v []T) {
	checkHessVec(dst, x, v)
	for i, xi := range x {
		f := float64(xi)
		var h float64
		switch {
		case math.IsNaN(f):
			h = f
		case f > 0 && l.n != 1:
			h = (l.n - 1) * pow(f, l.n-2)
		}
		dst[i] = T(h * float64(v[i]))
	}
}
