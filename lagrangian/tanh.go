package lagrangian

import "math"

// Tanh is L(x) = (1/β) Σ log cosh(βxᵢ), with activation gᵢ = tanh(βxᵢ) and
// Hessian diag(β sech²(βxᵢ)).
//
// log cosh is evaluated as |y| + log1p(e^−2|y|) − log 2 and sech² as
// 4e^−2|y|/(1 + e^−2|y|)², so neither overflows for any finite x and the
// Hessian keeps its relative precision in the saturated tails (it
// underflows to 0 only where the true value is below the smallest T).
type Tanh[T Float] struct{ beta float64 }

// NewTanh returns the tanh Lagrangian. It fails unless β is positive and
// finite.
func NewTanh[T Float](beta float64) (*Tanh[T], error) {
	if err := positive("tanh", "beta", beta); err != nil {
		return nil, err
	}
	return &Tanh[T]{beta: beta}, nil
}

// Beta returns β.
func (l *Tanh[T]) Beta() float64 { return l.beta }

func (l *Tanh[T]) String() string { return "tanh(β=" + fmtParam(l.beta) + ")" }

// Value returns (1/β) Σ log cosh(βxᵢ).
func (l *Tanh[T]) Value(x []T) T {
	var s float64
	for _, xi := range x {
		s += logCosh(l.beta * float64(xi))
	}
	return T(s / l.beta)
}

// ActivationTo writes tanh(βx) into dst.
func (l *Tanh[T]) ActivationTo(dst, x []T) {
	checkLen("dst", len(dst), "x", len(x))
	if x32, ok := asFloat32(x); ok {
		tanhTo32(any(dst).([]float32), float32(l.beta), x32)
		return
	}
	for i, xi := range x {
		dst[i] = T(math.Tanh(l.beta * float64(xi)))
	}
}

// HessVecTo writes β sech²(βx) ⊙ v into dst.
func (l *Tanh[T]) HessVecTo(dst, x, v []T) {
	checkHessVec(dst, x, v)
	for i, xi := range x {
		dst[i] = T(l.beta * sech2(l.beta*float64(xi)) * float64(v[i]))
	}
}

// Sigmoid is L(x) = (1/β) Σ log(1 + e^{βxᵢ}) (softplus), with activation
// the logistic function gᵢ = 1/(1 + e^{−βxᵢ}) and Hessian
// diag(β σ(βxᵢ)(1 − σ(βxᵢ))).
//
// Softplus is evaluated as max(y, 0) + log1p(e^−|y|) and the logistic on
// the side that cannot overflow, so every finite x gives finite results.
type Sigmoid[T Float] struct{ beta float64 }

// NewSigmoid returns the sigmoid (softplus) Lagrangian. It fails unless β
// is positive and finite.
func NewSigmoid[T Float](beta float64) (*Sigmoid[T], error) {
	if err := positive("sigmoid", "beta", beta); err != nil {
		return nil, err
	}
	return &Sigmoid[T]{beta: beta}, nil
}

// Beta returns β.
func (l *Sigmoid[T]) Beta() float64 { return l.beta }

func (l *Sigmoid[T]) String() string { return "sigmoid(β=" + fmtParam(l.beta) + ")" }

// Value returns (1/β) Σ log(1 + e^{βxᵢ}).
func (l *Sigmoid[T]) Value(x []T) T {
	var s float64
	for _, xi := range x {
		s += softplus(l.beta * float64(xi))
	}
	return T(s / l.beta)
}

// ActivationTo writes the logistic function of βx into dst.
func (l *Sigmoid[T]) ActivationTo(dst, x []T) {
	checkLen("dst", len(dst), "x", len(x))
	if x32, ok := asFloat32(x); ok {
		logisticTo32(any(dst).([]float32), float32(l.beta), x32)
		return
	}
	for i, xi := range x {
		dst[i] = T(logistic(l.beta * float64(xi)))
	}
}

// HessVecTo writes β σ(βx)(1 − σ(βx)) ⊙ v into dst.
func (l *Sigmoid[T]) HessVecTo(dst, x, v []T) {
	checkHessVec(dst, x, v)
	for i, xi := range x {
		dst[i] = T(l.beta * logisticSlope(l.beta*float64(xi)) * float64(v[i]))
	}
}
