package lagrangian

import "math"

// LayerNorm is the layer-normalisation Lagrangian (Krotov 2021, Eq. 8;
// HAMUX)
//
//	L(x) = γ·D·sqrt(Var(x) + eps) + Σᵢ δᵢxᵢ,   Var(x) = (1/D) Σ (xᵢ − x̄)²
//	gᵢ   = γ (xᵢ − x̄) / s + δᵢ,               s = sqrt(Var(x) + eps)
//	H    = (γ/s) [ (I − 𝟙𝟙ᵀ/D) − c cᵀ/(D s²) ],  c = x − x̄
//
// whose activation is the layer norm of x with scale γ and bias δ. The
// Hessian is positive semi-definite for γ > 0 and eps ≥ 0. With δ nil the
// bias is zero and any D is accepted; otherwise D = len(δ).
//
// Special case: with eps = 0 and all xᵢ equal, s = 0 and L is not
// differentiable; the activation returned is δ (the zero subgradient of
// the norm term) and the Hessian-vector product is NaN.
type LayerNorm[T Float] struct {
	gamma, eps float64
	delta      []T
}

// NewLayerNorm returns the layer-norm Lagrangian. It fails unless γ is
// positive and finite, eps is non-negative and finite, and every δᵢ is
// finite. delta is copied; nil means no bias.
func NewLayerNorm[T Float](gamma float64, delta []T, eps float64) (*LayerNorm[T], error) {
	if err := positive("layernorm", "gamma", gamma); err != nil {
		return nil, err
	}
	if err := nonNegative("layernorm", "eps", eps); err != nil {
		return nil, err
	}
	if err := finiteVector("layernorm", "delta", delta); err != nil {
		return nil, err
	}
	return &LayerNorm[T]{gamma: gamma, eps: eps, delta: cloneOrNil(delta)}, nil
}

// Gamma returns γ.
func (l *LayerNorm[T]) Gamma() float64 { return l.gamma }

// Eps returns eps.
func (l *LayerNorm[T]) Eps() float64 { return l.eps }

// Delta returns a copy of δ, or nil when there is no bias.
func (l *LayerNorm[T]) Delta() []T { return cloneOrNil(l.delta) }

// Dim returns len(δ), or 0 when there is no bias and any length works.
func (l *LayerNorm[T]) Dim() int { return len(l.delta) }

func (l *LayerNorm[T]) String() string {
	return "layernorm(γ=" + fmtParam(l.gamma) + ",eps=" + fmtParam(l.eps) + biasSuffix(l.delta) + ")"
}

// stats returns the mean of x and s = sqrt(Var(x) + eps), computed in two
// passes in float64.
func (l *LayerNorm[T]) stats(x []T) (mean, s float64) {
	if l.delta != nil {
		checkLen("x", len(x), "delta", len(l.delta))
	}
	for _, xi := range x {
		mean += float64(xi)
	}
	mean /= float64(len(x))
	var ss float64
	for _, xi := range x {
		d := float64(xi) - mean
		ss += d * d
	}
	return mean, math.Sqrt(ss/float64(len(x)) + l.eps)
}

// Value returns γ·D·sqrt(Var(x) + eps) + δ·x.
func (l *LayerNorm[T]) Value(x []T) T {
	if len(x) == 0 {
		return 0
	}
	_, s := l.stats(x)
	return T(l.gamma*float64(len(x))*s + dotBias(l.delta, x))
}

// ActivationTo writes γ (x − x̄)/s + δ into dst.
func (l *LayerNorm[T]) ActivationTo(dst, x []T) {
	checkLen("dst", len(dst), "x", len(x))
	if len(x) == 0 {
		return
	}
	mean, s := l.stats(x)
	scale := l.gamma / s
	if s == 0 {
		scale = 0
	}
	for i, xi := range x {
		dst[i] = T(scale*(float64(xi)-mean) + biasAt(l.delta, i))
	}
}

// HessVecTo writes (γ/s)[v − v̄ − c (c·v)/(D s²)] into dst.
func (l *LayerNorm[T]) HessVecTo(dst, x, v []T) {
	checkHessVec(dst, x, v)
	if len(x) == 0 {
		return
	}
	mean, s := l.stats(x)
	if s == 0 {
		fillNaN(dst)
		return
	}
	var vbar, cv float64
	for i, xi := range x {
		vbar += float64(v[i])
		cv += (float64(xi) - mean) * float64(v[i])
	}
	d := float64(len(x))
	vbar /= d
	k := cv / (d * s * s)
	for i, xi := range x {
		dst[i] = T(l.gamma / s * (float64(v[i]) - vbar - (float64(xi)-mean)*k))
	}
}

// SphericalNorm is the spherical-normalisation Lagrangian (Krotov &
// Hopfield 2021, model C)
//
//	L(x) = γ sqrt(Σ xᵢ² + eps) + Σᵢ δᵢxᵢ,   g = γ x / s + δ,   s = sqrt(Σ xᵢ² + eps)
//	H    = (γ/s) (I − x xᵀ/s²)
//
// whose activation projects x onto the sphere of radius γ (for eps = 0,
// δ = 0). The Hessian is positive semi-definite for γ > 0. With δ nil the
// bias is zero and any D is accepted; otherwise D = len(δ).
//
// Special case: with eps = 0 and x = 0, L is not differentiable; the
// activation returned is δ and the Hessian-vector product is NaN.
type SphericalNorm[T Float] struct {
	gamma, eps float64
	delta      []T
}

// NewSphericalNorm returns the spherical-norm Lagrangian. It fails unless
// γ is positive and finite, eps is non-negative and finite, and every δᵢ
// is finite. delta is copied; nil means no bias.
func NewSphericalNorm[T Float](gamma float64, delta []T, eps float64) (*SphericalNorm[T], error) {
	if err := positive("spherical", "gamma", gamma); err != nil {
		return nil, err
	}
	if err := nonNegative("spherical", "eps", eps); err != nil {
		return nil, err
	}
	if err := finiteVector("spherical", "delta", delta); err != nil {
		return nil, err
	}
	return &SphericalNorm[T]{gamma: gamma, eps: eps, delta: cloneOrNil(delta)}, nil
}

// Gamma returns γ.
func (l *SphericalNorm[T]) Gamma() float64 { return l.gamma }

// Eps returns eps.
func (l *SphericalNorm[T]) Eps() float64 { return l.eps }

// Delta returns a copy of δ, or nil when there is no bias.
func (l *SphericalNorm[T]) Delta() []T { return cloneOrNil(l.delta) }

// Dim returns len(δ), or 0 when there is no bias and any length works.
func (l *SphericalNorm[T]) Dim() int { return len(l.delta) }

func (l *SphericalNorm[T]) String() string {
	return "spherical(γ=" + fmtParam(l.gamma) + ",eps=" + fmtParam(l.eps) + biasSuffix(l.delta) + ")"
}

func (l *SphericalNorm[T]) norm(x []T) float64 {
	if l.delta != nil {
		checkLen("x", len(x), "delta", len(l.delta))
	}
	var ss float64
	for _, xi := range x {
		f := float64(xi)
		ss += f * f
	}
	return math.Sqrt(ss + l.eps)
}

// Value returns γ sqrt(Σx² + eps) + δ·x.
func (l *SphericalNorm[T]) Value(x []T) T {
	return T(l.gamma*l.norm(x) + dotBias(l.delta, x))
}

// ActivationTo writes γ x/s + δ into dst.
func (l *SphericalNorm[T]) ActivationTo(dst, x []T) {
	checkLen("dst", len(dst), "x", len(x))
	s := l.norm(x)
	scale := l.gamma / s
	if s == 0 {
		scale = 0
	}
	for i, xi := range x {
		dst[i] = T(scale*float64(xi) + biasAt(l.delta, i))
	}
}

// HessVecTo writes (γ/s)(v − x (x·v)/s²) into dst.
func (l *SphericalNorm[T]) HessVecTo(dst, x, v []T) {
	checkHessVec(dst, x, v)
	s := l.norm(x)
	if s == 0 {
		fillNaN(dst)
		return
	}
	var xv float64
	for i, xi := range x {
		xv += float64(xi) * float64(v[i])
	}
	k := xv / (s * s)
	for i, xi := range x {
		dst[i] = T(l.gamma / s * (float64(v[i]) - float64(xi)*k))
	}
}

func cloneOrNil[T Float](v []T) []T {
	if v == nil {
		return nil
	}
	return append([]T(nil), v...)
}

func biasAt[T Float](delta []T, i int) float64 {
	if delta == nil {
		return 0
	}
	return float64(delta[i])
}

func dotBias[T Float](delta, x []T) float64 {
	var s float64
	for i, d := range delta {
		s += float64(d) * float64(x[i])
	}
	return s
}

func biasSuffix[T Float](delta []T) string {
	if delta == nil {
		return ""
	}
	return ",δ"
}
